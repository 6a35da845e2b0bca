// Package plan computes the ways out of an overdue account, each priced to
// the cent so that they can be compared side by side against what the
// customer can afford.
//
//   - Minimum payment (最低还款额): [Minimum] applies a card's
//     [MinimumPolicy] — a fraction of some balances, all of the rest, a
//     floor — to named balances. [CNCardMinimum] and [USCardMinimum] are
//     typical rules, given as examples, not as any issuer's terms.
//   - Minimum-only payoff projection: [ProjectPayoff] says how many cycles
//     paying only the minimum takes, what it costs, and the payment that
//     would clear the balance in 36 cycles (the US CARD Act disclosure).
//   - Deferral (延期还款): [Defer] postpones rows of a schedule, the deferred
//     interest capitalized, spread over the remaining rows, or waived.
//   - Installment restructuring (分期 / 个性化分期 / 停息挂账): [Restructure]
//     turns what an account owes into an installment plan, with waivers
//     (减免), a down payment, and pricing by flat fee, interest, or none.
//   - Settlement (一次性结清): [Settle] prices paying the account off today
//     with a discount per component.
//   - Offers: [Offers] builds all of the above for one account, checks each
//     against the customer's affordable monthly payment, an APR cap and a
//     maximum term, ranks those that fit by total cost, and says why the
//     others do not.
//
// An account's outstanding components come from a penalty statement with
// [OutstandingOf], from a loan statement's payoff today with
// [OutstandingOfLoan] (never the interest its schedule has yet to earn),
// from a card statement's payoff today with [OutstandingOfCard] (purchases
// and cash advances as principal, billed and accrued interest, 违约金 as
// the late fee), or are given directly as an [Outstanding]. The minimum
// policy is [MinimumPolicy], the shared [minimum.Policy].
//
// Every entry point validates its input and reports the first problem as a
// *money.Error naming the field by its JSON path ("periods: must be at most
// 1200, got 1201"); none panics and none does unbounded work: terms are at
// most 1200 periods, projections at most [MaxCycles] cycles, and an offer
// request at most 12 terms and 12 deferrals. All functions are pure and
// safe for concurrent use.
//
// # Choices where the specification is silent
//
// Minimum payment: balances and the floor must be whole minor units; the
// products are summed exactly and rounded once.
//
// Payoff projection: the balance must be positive and whole minor units;
// cycle_rate lies between 0 and 1. The result also reports the first and
// the largest payment.
//
// Deferral: bullet loans are rejected (their one repayment has no
// installments to defer), as is a from_period inside a grace. The
// re-amortized rows keep the fee the terms charge per row (on the original
// principal): deferring does not reprice a fee. Under spread, should
// rounding the equal share up leave the last share negative (a few cents
// over many rows), the shares are rounded down instead. The schedule
// carries rates, with terms.principal as the amount lent.
//
// Restructuring: the zero pricing is interest free; fee_rate with
// interest_free, or annual_rate with interest_free or flat_fee, is an
// error rather than silently ignored; fee_rate with an interest method adds
// that fee per row. A down payment gives percent or amount, not both, and
// must leave something to finance. The result also reports the base
// (outstanding − waived).
//
// Settlement: the lump sum is paid on the start date and finances
// nothing, so it has no APR.
//
// Offers:
//   - The account is a penalty statement, a loan statement (priced on its
//     payoff: the prepayment fee counts as a fee, and the payoff's credit
//     is used up penalty, late fee, fee, interest, then principal first) or
//     its outstanding components — exactly one; start_date defaults to the
//     statement's as_of.
//   - The policy ([OfferPolicy]) defaults to [CNCardPolicy], an example
//     card policy; in a given policy, absent term lists and a zero
//     deferral term take the defaults documented there.
//   - 停息挂账 (interest frozen) is [PricingInterestFree] pricing with the penalty
//     and late fee waived in full, plus the policy's other waivers and down
//     payment. 个性化分期 is priced by the policy's installment pricing.
//   - A deferral is the whole balance as an equal-installment loan at the
//     account's rate over the deferral term, its first months deferred.
//   - Paying the minimum is the minimum-only projection of the whole
//     balance at the account's rate (cycle rate = annual / 12); its term is
//     the cycles to payoff and its APR the account's rate, which the
//     projection charges exactly.
//   - Total cost is total paid less the principal outstanding, so that
//     plans waiving different components compare on one scale.
//   - An offer fits when its largest payment (the down payment included)
//     is at most the affordable payment, its APR at most the cap (zero: no
//     cap), and its term at most max_periods (zero: 60). Offers that fit
//     are ranked by total cost, ties broken by option (settlement,
//     interest frozen, installment, deferral, minimum), term, then months
//     deferred; the others follow in the order built, each with every
//     reason it fails. A plan that cannot be built (a minimum that never
//     repays the balance) is kept, marked infeasible, with a note.
//
// Offer wording ([OfferSet.Chinese], [OfferSet.English], [OfferSet.Wording];
// filled into OfferSet.Sentences when the request's explain asks):
//   - The lines are the summary (what the customer can pay, what is owed,
//     the limits, how many plans fit), a note on what total cost, the
//     monthly figure and the APR mean, one sentence per offer in the set's
//     order (those that fit by rank, then the others with every reason),
//     and the advice (the top-ranked plan against what is owed today, or
//     what to do when nothing fits).
//   - Amounts carry thousands separators (and 元 in Chinese). A plan whose
//     payments are all alike reads "每月还 X 元" / "X a month", otherwise
//     "每月最多还" / "at most", the largest payment.
//   - An APR is said exactly when it has at most two decimals in percent
//     ("18%"), else rounded half up to two behind 约 / "about" ("约
//     13.17%"); the table's column always shows two decimals.
//   - Wording takes penalty.ZH for Chinese and anything else for English.
package plan
