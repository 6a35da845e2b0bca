// Package penalty accrues penalty interest (罚息, with 复利 on overdue
// interest where the policy says so) and late fees (滞纳金 / 违约金) on a
// ledger of due installments and payments, allocates the payments, applies
// waivers (减免), and explains every amount line by line, in data and in
// Chinese and English sentences a collections agent can read out.
//
// # The model
//
// [Accrue] walks the account's event dates in order. On each date X:
//
//  1. every open penalty segment that ends at X is closed: its amount,
//     round(base × daily rate × days) (or days × round(base × daily rate)
//     under daily rounding), becomes payable — or contingent inside a
//     forgiving grace;
//  2. installments whose grace ends at the start of X (D+g+1) resolve
//     their contingent penalty (payable if principal+interest+fee is still
//     unpaid, else forgiven) and are assessed their late fee;
//  3. waivers dated X apply;
//  4. payments dated X apply, in input order.
//
// A segment is one installment's accrual between consecutive boundaries:
// its accrual start (D, or D+g under defer), every payment date and every
// waiver date (all of them, not only those touching the installment), the
// grace end D+g+1 (forgive with g > 0), D+S (stop_after_days), 1 January
// when the daily rate depends on the year, and as_of. A segment whose base
// is zero is not recorded. Penalty accrues on the outstanding principal, or
// principal plus interest; never on fees, late fees or penalty.
//
// An installment's payable segments add up to its PenaltyAccrued to the
// cent, because the penalty is defined as that sum.
//
// # Choices where the usual rules leave it open
//
//   - Waiver dates split segments like payment dates: a waiver of interest
//     under the principal_and_interest base changes the base, and treating
//     every waiver date alike keeps the rule simple to state.
//   - 1 January is a boundary only when the penalty rate is annual or
//     monthly under act/act; a rate quoted daily does not depend on the
//     year.
//   - Days are actual days under every day count; the day count only
//     chooses the basis (360, 365, or the days of the segment's calendar
//     year under act/act). 30/360 therefore divides by 360 but counts
//     actual days, as Chinese banks do for 罚息.
//   - A penalty rate with no unit is annual (the contract rate is usually
//     quoted a year). A missing penalty rate is 0: no penalty.
//   - Under defer there is no boundary at D+g+1: the late fee assessed
//     then takes the cap before the penalty of the segment still open, as
//     the rule's "before any penalty not yet accrued at that boundary" says.
//   - The cap is per installment, on its original principal, and counts
//     contingent penalty while it stands. Once a segment has been cut to
//     the cap the installment accrues nothing more, so no zero-amount
//     segments follow. A cap of 0 is a cap (no penalty at all); no cap at
//     all is a nil Policy.Cap.
//   - stop_after_days 0 (or absent) means no stop; a late fee Max of 0
//     means no maximum.
//   - A percent late fee is round(rate × unpaid principal+interest+fee),
//     then raised to Min, then lowered to Max. A fixed fee takes only an
//     amount, a percent fee only rate, min and max: mixing is an error, so
//     a typo cannot silently drop a fee.
//   - Allocation must name all five components exactly once.
//   - A waiver with no installment targets the installments due on or
//     before its date, oldest first; percent waivers round each
//     installment's share, amount waivers never take more than is owed.
//   - days_past_due counts from an installment's own due date while any of
//     its principal, interest or fee is unpaid; penalty and late fees left
//     unpaid do not keep an account delinquent. Installments not yet due
//     are listed and counted in the totals (scheduled, not overdue — and
//     not owed today: a loan's unearned interest is in them; what settles
//     a loan today is loan.Statement.Payoff).
//   - Every input amount (principal, interest, fee, payment, waiver
//     amount, late-fee amount, min and max) must be a whole number of the
//     rounding's minor unit: every amount shown is rounded to it, so a
//     payment of 0.005 would read 0.01 while paying half that, and three
//     of them would read 0.03 against 0.015 off the principal. Such an
//     input is an error naming it, and every ledger reconciles to the
//     cent. (Amounts written with trailing zeros, "1.000", are whole.)
//   - Penalty rates are bounded by unit, the annual bound 0–10 (0 %–1000 %) carried
//     over nominally: annual ≤ 10, monthly ≤ 10/12, daily ≤ 10/360 (a
//     daily rate of 5, 500 % a day, is an error); the markup is 0–10.
//   - A fixed late fee needs a positive amount
//     ("policy.late_fee.amount: is required for kind fixed"); no late fee
//     is kind none.
//
// # Sentences
//
// [Statement.Chinese] and [Statement.English] render the explanation as
// the sentences an agent reads out; an account's Explain ("explain":
// ["zh", "en"]) makes [Accrue] put them in the statement's Sentences, so
// Do and the HTTP service carry them with no code of their own. Choices:
//
//   - An unknown or repeated language is an error naming its place
//     ("explain[1]: must be zh or en"); an empty list asks for none.
//   - Policy.Wording picks the Chinese late-fee word: "loan" (the default,
//     滞纳金, as loan contracts say) or "card" (违约金, the word card
//     agreements have used since the 2017 rules). The fee component is
//     手续费; a charge is 计收, never 收取.
//   - Sentences read aloud (rules, payments, waivers, totals) write
//     amounts with thousands separators and 元 ("1,050.00 元"); formulas
//     (segments, late-fee rules, the penalty and late-fee sums) keep bare
//     numbers, so every number is exactly the data's and each formula can
//     be recomputed from the sentence. English writes the separators only.
//   - A total lists its non-zero components ("合计应还 822.79 元，其中本金
//     811.43 元、罚息 11.36 元"); a penalty sum of one segment is said once,
//     without "8.00 = 8.00".
//   - A zero penalty rate reads 不计罚息 / "No penalty interest is
//     charged", and its zero segments are not read out (they stay in the
//     data).
//
// # Business-day calendars
//
// Policy.Calendar and Policy.BusinessDay move each installment's due date
// to a business day before anything else: the moved date is the
// installment's D for accrual, the grace end D+g+1, the late fee, the stop
// D+S, days past due and which installments a waiver reaches. The
// statement shows both due_date (as billed) and effective_due_date (always
// present; equal to due_date when nothing moved), and the explanation
// lists each move with the reason ([DueDateMove]), rendered as
// "还款日 2025-10-01 为国庆节假日，顺延至 2025-10-09" and "The due date
// 2025-10-01 falls on a National Day holiday, so the installment is due on
// the next business day, 2025-10-09". Without a calendar nothing changes.
// A moved date outside the years 1900–2200 is an error on the installment's
// due_date. Moving keeps due-date order, so the installments stay ordered.
//
// # Bounds
//
// At most [MaxInstallments] installments, [MaxPayments] payments and
// [MaxWaivers] waivers, and at most [MaxExplanationRecords] records —
// penalty segments, payment allocations and waiver applications — in one
// explanation. An upper bound on the records is computed from the counts
// before any work; a request over it runs on a budget and is rejected at
// the first record past the limit, naming payments or waivers (whichever
// wrote more), so no account costs more than the limit's worth of work
// and memory (about 11 MB and 20 ms; 1 200 installments × 10 000 waivers
// with no installment number, 12 million applications, is rejected in
// under 100 ms). The walks over installments visit only those owing
// something and a grace end touches only its own contingent segments, so
// the work is linear in the records written.
//
// Every amount a statement holds must stay below money.ResultLimit at
// the rounding's places (10^(28−places), at most 10^27): it is bounded
// from the request before any work (installments with penalty at the
// largest daily rate for the days overdue and late fees; the payments'
// sum), and a request that could pass it is an error naming the
// installment (or payments) and policy.rounding.places — never an
// overflowed result.
//
// [AccrueContext] checks its context between event dates; [AccrueAll]
// accrues each account under the batch's context. A book run that keeps
// only balances sets [BatchOptions].Balances: each statement then has the
// same installments and totals but no explanation records — no segment,
// late-fee, payment or waiver record is built, which is most of an
// accrual's memory — while the record limit still bounds the work.
//
// Every error is a *money.Error naming the field, matching
// errors.Is(err, money.ErrInvalid), except the context's own error.
package penalty
