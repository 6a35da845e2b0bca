// Package card keeps a credit-card account as issuers do: dated
// transactions billed in monthly statement cycles (信用卡账单), with the
// interest-free period (免息还款期), full-balance interest when it is lost
// (全额计息), monthly compounding of billed interest, minimum payments
// (最低还款额), late fees on the unpaid minimum (违约金) and days past due
// measured against unpaid minimums — and an explanation of every amount,
// as data and as Chinese and English sentences a collections agent reads
// out ([Statement.Chinese], [Statement.English]).
//
// # The model
//
// [Compute] walks the account's event days in order: statement dates
// S_k, decision days DD_k + g + 1, and transaction dates, up to as_of. At
// the start of a day: the graces whose deadline DD_k + g has passed are
// decided; then that day's statement is issued; then 违约金; then the
// day's transactions in input order.
//
// Every purchase, cash advance, fee and statement's billed interest is a
// unit with an outstanding amount. Units accrue interest daily on half-open
// date ranges, one segment per unchanged outstanding amount between the
// statement dates that bill it, each segment round(base × daily rate ×
// days). A cash advance accrues from its date; billed interest from the
// statement that billed it; a purchase from its date unless its statement
// keeps its grace. Its interest accrues tentatively while the grace is
// undecided (it is not cut at its own statement date) and is dropped if
// the grace is kept, or billed on the first statement after the deadline
// if it is lost. Fees and 违约金 never accrue.
//
// Payments pay the oldest statement first and within it fees, interest,
// cash advances, purchases, the oldest unit first; then the unbilled
// units; the rest is a credit (溢缴款) that pays later units as they post.
// Payments also settle the minimums (obligations) oldest first.
//
// # Choices where the usual rules leave it open
//
//   - S_1 is strictly after open_date, so cycle 1 is [open_date, S_1) and
//     a card opened on its statement day is first billed a month later.
//   - Every input amount (transactions, tolerance, fee minimums and
//     maximums, the minimum floor) must be a whole number of minor units of
//     the rounding: a card ledger is kept in cents, and so every figure is
//     exact. Interest is the one rounded figure, per segment.
//   - Each statement's interest is one unit (billed interest, 循环利息),
//     accruing at daily_rate from its statement date.
//   - A cash-advance fee is a fee unit dated with its advance and posted
//     right after it; its rate defaults to 0, so a fee of only a minimum
//     is a flat fee. A fee computing to 0 posts nothing.
//   - The grace counts every payment dated S_k through DD_k + g in full,
//     wherever it was allocated (the rule is about totals). A statement
//     whose new balance is at or below the tolerance keeps its grace.
//   - 违约金 for statement k is charged at the start of DD_k + g + 1 when
//     what remains of all minimums due by DD_k is above the tolerance, so
//     a cardholder pays one 违约金 for each due date missed while minimums
//     stay unpaid; it is dated that day and billed on the statement of the
//     cycle it falls in. A late fee policy of none charges nothing.
//   - When an amount left of the minimums counts as paid because it is at
//     or below the tolerance (at a statement, for past_due_minimum, or on
//     a 违约金 day) it is written off from the minimums — never from the
//     balance, which still owes it.
//   - The minimum policy is required and may only name purchases,
//     cash_advances, interest, fees and past_due_minimum (a typo would
//     silently ask for a balance in full). The balances it sees are every
//     unit's outstanding amount at S_k; past_due_minimum is counted on top
//     of them, as Chinese issuers add earlier unpaid minimums.
//   - A calendar moves each DD_k (business_day defaults to following);
//     grace days, 违约金 and days past due count from the moved date.
//   - accrued_interest is every billable unit's interest from the last
//     statement that billed it (or, for a lost grace not yet billed, from
//     the purchase date) to as_of, segment by segment.
//   - Transactions after as_of are ignored but still validated, as the
//     request must be well formed as a whole.
//   - The explanation lists each statement's segments unit by unit (in
//     posting order), each unit's in date order; units are numbered from
//     1 in posting order, interest and fee units included. A credit
//     paying a unit as it posts is listed under credits.
//   - Balance.LateFees says how much of Fees is 违约金, so an offer can
//     waive late fees apart from other fees (plan.OutstandingOfCard).
//   - A business-day rule that would move a due date onto or before its
//     statement date (preceding, over closed days) is an error.
//   - Same-date transactions keep their input order; transactions on
//     different dates must be listed in date order. [Sorted] puts a list
//     in that order without disturbing same-date order.
//
// # Bounds
//
// At most [MaxTransactions] transactions, as_of at most [MaxYears] years
// after open_date (so at most 1 200 statements), grace_days at most
// [MaxGraceDays], and at most [MaxSegments] interest segments in one
// explanation (units accruing × the statements and payments that cut
// them); daily rates between 0 and 10/360 (1000 % a year).
// Work is linear in transactions plus statements × units still
// accruing. Every error is a *money.Error naming the field by its JSON
// path, matching errors.Is(err, money.ErrInvalid).
//
// # Sentences
//
// [Statement.Chinese] and [Statement.English] explain one statement (by
// default the last) and the position; the account's Explain makes
// [Compute] fill the statement's Sentences with the last statement's. The
// Chinese is card wording: 违约金 for the late fee, 手续费 for fees, 计收
// for a charge; amounts read aloud carry thousands separators and 元,
// segment formulas bare numbers; an interest sum of one segment is said
// once; the position lists only its non-zero components.
//
// The engine is pure: no globals, no clocks, safe for concurrent use.
package card
