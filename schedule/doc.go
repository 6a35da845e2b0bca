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
// [New] also prices the schedule ([Terms.Price]): the principal received
// on the start date against each row's payment on its due date, by the
// actuarial method of US Regulation Z Appendix J. Payment j, due
// T_j, lies t_j whole unit periods plus a fraction f_j after the start, and
// the periodic rate i solves P = Σ payment_j / ((1 + f_j·i)(1 + i)^t_j).
// t_j and f_j are counted back from T_j as Appendix J (b)(5) counts them:
//
//   - monthly: whole months T_j − 1 month, T_j − 2 months, … on the
//     schedule's anchor day (the day of FirstDueDate, or of StartDate),
//     clamped to month ends (so an anchor on the 29th–31st counts month
//     ends, February's last day included, Appendix J (b)(3)(iv)), while
//     they do not pass the start; the odd days run from the start to the
//     earliest date reached (T_j itself when no whole month fits), f_j =
//     odd days / 30;
//   - quarterly: d = 30 × whole months + odd days, t_j = ⌊d/90⌋, f_j =
//     (d mod 90)/90;
//   - weekly, biweekly: d = actual days, t_j = ⌊d/7⌋ (⌊d/14⌋), f_j the
//     remainder over 7 (14);
//   - a due date moved by a business-day calendar counts its whole months
//     on its own day of the month (a row is moved when its DueDate differs
//     from the unmoved calendar date of its period).
//
// A regular schedule (f_j = 0, t_j = j) is therefore the plain IRR, and is
// solved exactly as before by the fast 128-bit path. A bullet loan's unit
// period is its term (Appendix J (b)(4)(ii); the PBoC's rule for
// 到期一次还本付息): irr = payment/principal − 1, apr = irr × periods a
// year / n, effective rate (1 + irr)^(periods a year / n) − 1, all three
// decided exactly on integers — a 12-month 12 % bullet discloses 0.120000.
// The rates are reported as irr, apr (irr × unit periods a year, nominal,
// as the PBoC and Reg Z disclose it) and effective_annual_rate ((1+irr)^k −
// 1), each rounded half up to 6 places; a value within 10^−15 of a rounding
// boundary is decided again at higher precision.
//
// Every priced schedule also reports xirr: the x in (−0.99, 100) with
// P = Σ payment_j·(1+x)^(−d_j/365), d_j the actual days from the start to
// the (moved) due date, rows paying 0 left out. It is solved for u =
// (1+x)^(−1/365), a polynomial in u with whole exponents, in float64 and
// accepted when it lies more than 10^−10·(1+|x|) from a rounding boundary;
// nearer one, the rounding is proved with directed-rounding big.Float
// bounds over an enclosure of (1+b)^(−1/365) at each boundary b. [XIRR]
// does the same for any dated flows, always with the proof. [APR] prices a
// list of payments, equally spaced or (with a start date) dated by a
// calendar. [Amortize] skips pricing, for bulk work; [AmortizeInto] does
// the same into a caller's row buffer.
//
// [Prepay] recalculates the rows after a prepayment (提前还款), keeping the
// term and lowering the payment or keeping the payment and shortening the
// term; [Reprice] re-amortizes at a new rate from a given row (LPR
// repricing).
//
// # Business-day calendars
//
// Terms.Calendar and Terms.BusinessDay move due dates that fall on a
// weekend or public holiday (还款日遇节假日顺延): each due date is
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
//     last one within the years 1900–2200; both are errors on "calendar". No
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
//     its rates take the term as the unit period (above), whatever its
//     day count or calendar.
//   - A schedule whose xirr has no root in (−0.99, 100) — a nominal rate
//     above about 560 % a year, monthly — is an error naming xirr, as the
//     rates' rule makes "no root" one; its other rates alone are not returned.
//   - Rates.XIRR is nil where the payments have no dates: an undated apr
//     request, and [Schedule.WithRates] (the plain IRR of equally spaced
//     rows, for rows without a start date; rows on a Terms calendar are
//     priced by [Terms.Price]).
//   - The apr request may be dated: with start_date (and optionally
//     first_due_date and frequency), payment j falls due on period j of that
//     calendar and is placed by the timing above, and periods_per_year, if
//     given, must be the frequency's. This is how Appendix J's worked
//     examples are checked (testdata/vectors/appendix-j-*).
//   - A payment due on the start date itself (a calendar moving the first
//     date back onto it is rejected, so only through Terms.Price on rows
//     built elsewhere) lies at t = 0 and is discounted by nothing.
//   - A reduce_term prepayment keeps the installment (EqualInstallment) or
//     the principal share (EqualPrincipal, FlatFee); InterestOnly and Bullet
//     loans cannot shorten their term that way, and a prepayment must fall
//     after any grace rows.
//   - Daily-basis equal_installment: the periodic payment
//     A is kept while the last payment stays within 10 % of A; beyond that
//     (100 000 at 18 % over 240 months, act/360, would end on 47 184.31
//     against 1 543.31) the payment is re-solved on the actual days, the
//     level A′ with balance = Σ_k A′ / Π_{j≤k} (1 + annual × yearfrac_j),
//     rounded like A, so the last row absorbs only rounding (vector
//     schedule-balloon-act360-18pct-240-months; see level.go). Where even
//     A′ ends farther off (near interest-only terms), A is kept.
//   - Bulk work reuses rows through [AmortizeInto] rather than a more
//     compact Row: Row's fields stay money.Amount values that callers read,
//     compare and encode directly, and 360 rows of 136 bytes are one 48 KiB
//     allocation only when the caller asks for new ones (Amortize, New).
//     Rows built into a buffer share its array: they are overwritten when
//     the buffer is passed in again. (A Row of int64 minor units with
//     Amounts built on access would have changed every caller; a Row of the
//     same fields cannot shrink below 128 bytes.)
//   - A schedule's rates are a value, Schedule.Rates, not an embedded
//     pointer: an unpriced schedule (from Amortize, or one paying nothing)
//     has the zero Rates and reports Priced false, so reading its APR gives
//     0, never a nil dereference. Its JSON is unchanged: irr, apr,
//     effective_annual_rate and xirr sit beside rows and totals, and are
//     left out while the schedule is unpriced.
//   - A schedule whose rounded payment repays the principal before its
//     last row — rows that would open at 0.00 and pay nothing — is an
//     error naming installment_multiple (when one is set) or periods:
//     schedules never end in 0.00 rows.
package schedule
