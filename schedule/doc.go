// Package schedule computes repayment schedules exactly, to the cent, with
// their true annualized rates.
//
// A schedule is built from [Terms] by [New]. The methods:
//
//   - [EqualInstallment] (等额本息, annuity): every row pays the same amount
//     A = P·r·(1+r)^n / ((1+r)^n − 1), rounded once; each row's interest is
//     round(opening balance × r) and the rest of A repays principal.
//   - [EqualPrincipal] (等额本金): every row repays round(P/n) of principal
//     plus interest on the opening balance, so payments fall over time.
//   - [InterestOnly] (先息后本): rows pay interest; the last repays all principal.
//   - [Bullet] (到期一次还本付息): a single row at the end of the term pays
//     principal and the whole term's interest.
//   - [FlatFee] (信用卡分期手续费): equal principal plus a fee per row on the
//     original principal and no interest — a card installment, whose true
//     annual rate is about 1.8 times its nominal fee rate × 12.
//
// In every method the last row repays whatever balance remains, so the
// principal column sums to the principal exactly and the balance closes at 0.
//
// The periodic rate is the annual rate over the periods in a year (12, 4,
// 52 or 26); it is kept as an exact fraction and never rounded. The payment
// A is computed on integers from that fraction, so it is exact before its
// single rounding. With InterestBasis [Daily], interest is instead charged
// on the actual days between due dates under the [money.DayCount], which
// prices an odd first period (a FirstDueDate that is not one period after
// the start) by its days; the equal-installment payment stays the periodic
// one and the last row absorbs the difference.
//
// A [Grace] of g periods makes the first g rows pay interest only
// (GracePrincipal) or nothing, capitalizing their interest (GraceFull);
// the balance then amortizes over the remaining rows.
//
// [New] also solves the schedule's internal rate of return from the
// principal received and the row payments (equally spaced), and reports
// it with the APR (IRR × periods a year, as the PBoC and Reg Z disclose it)
// and the effective annual rate, each rounded half up to 6 places. [APR]
// does the same for any list of payments and [XIRR] for dated flows.
// [Amortize] skips that solve, for bulk work.
//
// [Prepay] recalculates the rows after a prepayment (提前还款), keeping the
// term and lowering the payment or keeping the payment and shortening the
// term; [Reprice] re-amortizes at a new rate from a given row (LPR
// repricing).
//
// # Business-day calendars
//
// Terms.Calendar and Terms.BusinessDay move due dates that fall on a
// weekend or public holiday (还款日遇节假日顺延, SPEC §10): each due date is
// moved from its own unmoved date (anchor + i periods, [Terms.AnchorDate]),
// so moves never chain and a month-end anchor never drifts. Row due dates,
// days, daily interest and the rates' timing use the moved dates
// ([Terms.DueDate]); periodic interest does not change. Prepayments,
// repricings and deferrals use their terms' calendar. The rule defaults to
// following once a calendar is given; without a calendar, or with the rule
// none, nothing moves and every figure is as before. The calendars
// themselves — cn, us, weekends, none, and a lender's own days — are
// [money.Calendar]'s.
//
// Choices where the contract is silent:
//   - A moved first due date must still be after the start, and the moved
//     last one within SPEC §5's years; both are errors on "calendar". No
//     other date needs checking: moving is monotone under every rule, so
//     the moved dates keep their order.
//   - Two due dates may move onto the same business day (weekly rows over
//     春节 2026 both land on 02-24); the later row then spans 0 days and
//     accrues no daily interest. It stays a row of its own rather than an
//     error, so weekly and biweekly loans over a long holiday still price.
//   - The principal must be a whole number of minor units at the rounding's
//     places: every output is rounded to them, so a finer principal could
//     never be repaid to exactly zero.
//   - A row whose interest exceeds the installment (possible with daily
//     interest over a long odd first period) repays no principal and pays
//     its interest; principal is never negative.
//   - The fee per row is always round(original principal × fee rate): a
//     prepayment, repricing or deferral leaves it unchanged, and a fee rate
//     on methods other than FlatFee adds the same per-row fee. A bullet
//     loan pays the fee of all n periods with its single row.
//   - A bullet loan has one row, numbered 1 and due at the end of the term;
//     its IRR treats that payment as made n periods after the loan.
//   - A reduce_term prepayment keeps the installment (EqualInstallment) or
//     the principal share (EqualPrincipal, FlatFee); InterestOnly and Bullet
//     loans cannot shorten their term that way, and a prepayment must fall
//     after any grace rows.
package schedule
