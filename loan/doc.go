// Package loan holds a loan account the way a lender does — as its
// contract (schedule.Terms) and a ledger of payments — and says what it
// owes as of a date: the penalty statement of its installments, what
// is due now (当前应还), what is past due (逾期), what is scheduled but not
// yet owed, and what repays the loan in full today (提前结清), with an
// optional acceleration (提前到期) and every figure explained in Chinese
// and English.
//
// [Accrue] builds the schedule of the terms, turns each row with a
// non-zero payment into an installment (a row that only capitalizes
// interest asks for nothing), optionally calls the loan in, accrues the
// ledger with penalty.Accrue, and adds the payoff:
//
//   - principal: the outstanding principal of installments due by as_of
//     plus B(as_of), the opening balance of the first row due after as_of
//     less the later principal already prepaid;
//   - interest: what is due and unpaid, plus the interest accrued since
//     the last due date P — round(annual rate × Σ B(d_k) × yearfrac(d_k,
//     d_{k+1})) over [P, as_of) cut where later principal was prepaid —
//     less interest already paid on installments not yet due;
//   - fee (remaining fees waived or charged), penalty, late fee, the
//     prepayment fee (提前还款违约金), and a credit for money unapplied or
//     paid ahead that the payoff does not need.
//
// Nothing here counts the scheduled interest of installments not yet due
// as owed: that is penalty.Statement.Totals, which lists the whole
// remaining schedule; the payoff is what settles the loan today.
//
// The package imports money, schedule and penalty; plan builds offers
// from a loan statement, never the reverse.
//
// # Choices where the usual rules leave it open
//
//   - Rounding: the penalty figures use the policy's rounding, as penalty does;
//     amount_due, past_due, not_yet_due and the payoff are those figures
//     re-rounded, and the payoff's own products rounded, with the terms'
//     rounding.
//   - An acceleration replaces the installments due after X by one whose
//     principal is the sum of theirs less any interest rows after X would
//     still capitalize (a full grace running past X): that interest is not
//     yet earned, so calling the loan in must not make it principal. This
//     equals the rule's sum of their principal for every schedule without a
//     full grace after X.
//   - accelerated_on is reported whenever an acceleration date is found,
//     even when nothing was due after it (and so nothing was replaced).
//     after_days that never triggers by as_of is no acceleration.
//   - after_days is 1 to 36 500; on must lie in (start_date, as_of]; as_of
//     must not be before start_date. after_days and the prepayment fee's
//     percent and amount are pointers so that an explicit 0 is checked
//     rather than read as absent.
//   - A prepayment fee percent lies in [0, 1]; an amount is non-negative
//     and in whole minor units of the terms' rounding.
//   - The payoff's interest pieces are listed with their own rounded
//     amounts; the accrued interest is their exact sum rounded once, and
//     the explanation says so when the rounded pieces differ from it by a
//     cent. Under act/act a piece is split at 1 January so that each line
//     has one basis. A piece on a zero balance is not listed.
//   - Principal prepaid beyond B (possible only when later rows would
//     capitalize interest) is credited (explanation: principal_overpaid).
//   - When the loan was accelerated, B is 0: the called-in installment
//     carries the principal, and after X it accrues penalty, not interest.
//   - Due dates are the contract's (the schedule's rows), whatever a
//     policy calendar moves for the penalty accrual.
//
// # Speed
//
// A 30-year loan has hundreds of installments not yet due that accrue
// nothing. The engine runs on the installments due by as_of, the next
// one and any a waiver names, and the rest are listed as scheduled
// straight from the schedule's rows, their sums taken from its totals —
// unless a payment ran past all of those, allocation is by component, a
// calendar moves a later due date, or amounts are finer than the
// policy's rounding, when the whole ledger is accrued. A test compares
// the two on random loans.
//
// # Sentences
//
// [Statement.Chinese] and [Statement.English] add the acceleration, the
// split by due date and the payoff to the penalty package's sentences, in
// the policy's wording (滞纳金 by default, 违约金 under wording "card"); the
// account's Explain makes [Accrue] fill the statement's Sentences. Totals
// read aloud list their non-zero components in 元 with thousands
// separators ("今日（2025-06-20）提前结清应还 27,518.51 元，其中本金 …"), and
// the payoff's credit is said as deducted; interest pieces stay formulas
// with bare numbers. An acceleration at a zero contract rate says 不计利息
// rather than "× 年利率 0%".
//
// Every error is a *money.Error naming the field by its JSON path
// ("accelerate.after_days: must be between 1 and 36500, got 0"),
// matching errors.Is(err, money.ErrInvalid). Accrue is pure and safe for
// concurrent use.
package loan
