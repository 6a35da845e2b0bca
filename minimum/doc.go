// Package minimum evaluates a card's minimum-payment rule (最低还款额):
// a fraction of the balances it names, the whole of every other
// balance, summed exactly and rounded once, raised to a floor and never
// more than the balances' sum.
//
// It sits just above money so that both the card engine (which applies the
// rule to every statement) and plan (which offers minimum-only payment and
// projects payoff) share one evaluation without importing each other.
//
// # Choices where the usual rules leave it open
//
//   - The floor and every balance must be whole minor units of the
//     rounding and not negative; fractions lie between 0 and 1.
//   - Balances are summed exactly and the total is rounded once, as a
//     statement prints one figure; the floor is applied after rounding.
//   - A balance the policy does not name is owed in full; a name the
//     policy gives a percent for but that has no balance adds nothing.
package minimum
