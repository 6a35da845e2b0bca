package plan

import (
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

// MinimumPolicy is a card's minimum-payment rule (最低还款额): a fraction
// of the balances it names in Percent and the whole of every other balance,
// rounded once, raised to Floor, and never more than the balances' sum.
// The zero MinimumPolicy asks for every balance in full. It is
// [minimum.Policy], shared with the card engine; convert with
// minimum.Policy(p) for its methods.
type MinimumPolicy minimum.Policy

// CNCardMinimum is a typical Chinese credit card's rule, an example and not
// any bank's terms: 10 % of purchases (消费本金) plus all of cash advances,
// installments due, interest, fees and any earlier unpaid minimum, at least
// ¥10. Its balances are named "purchases", "cash_advance",
// "installment_due", "interest", "fees" and "previous_minimum_unpaid"; it
// also takes 10 % of "principal", the name ProjectPayoff gives the
// revolving balance, so the same policy drives a payoff projection.
func CNCardMinimum() MinimumPolicy {
	ten := money.NewRate(10, 2) // "0.10"
	return MinimumPolicy{
		Percent: map[string]money.Rate{"purchases": ten, "principal": ten},
		Floor:   money.New(10, 0),
	}
}

// USCardMinimum is a typical US credit card's rule, an example and not any
// issuer's terms: 1 % of the principal balance plus all interest and fees
// billed, at least $25 (issuers use $25–$35). Its balances are named
// "principal", "interest" and "fees".
func USCardMinimum() MinimumPolicy {
	return MinimumPolicy{
		Percent: map[string]money.Rate{"principal": money.MustParseRate("0.01")},
		Floor:   money.New(25, 0),
	}
}

// MinimumRequest is the minimum_payment request: named balances and the
// policy that applies to them.
type MinimumRequest struct {
	Balances map[string]money.Amount `json:"balances" required:"true"`
	Policy   MinimumPolicy           `json:"policy,omitzero"`
	Rounding money.Rounding          `json:"rounding,omitzero"`
}

// MinimumResult is the minimum payment due.
type MinimumResult struct {
	MinimumPayment money.Amount `json:"minimum_payment"`
}

// Minimum returns the minimum payment of r's balances under r's policy:
// min(max(round(Σ percent × balance), floor), Σ balances).
func Minimum(r MinimumRequest) (MinimumResult, error) {
	if err := r.check(); err != nil {
		return MinimumResult{}, err
	}
	names := sortedKeys(r.Balances)
	amounts := make([]money.Amount, len(names))
	for i, n := range names {
		amounts[i] = r.Balances[n]
	}
	return MinimumResult{MinimumPayment: r.Policy.due(names, amounts, r.Rounding)}, nil
}

// due applies p to the balances (names[i] owes amounts[i]).
func (p MinimumPolicy) due(names []string, amounts []money.Amount, rnd money.Rounding) money.Amount {
	return minimum.Policy(p).Due(names, amounts, rnd)
}

func (r MinimumRequest) check() error {
	if err := checkRounding(r.Rounding); err != nil {
		return err
	}
	if r.Balances == nil {
		return money.Errorf("balances", "is required")
	}
	names := sortedKeys(r.Balances)
	amounts := make([]money.Amount, len(names))
	for i, n := range names {
		if err := checkMoney("balances."+n, r.Balances[n], r.Rounding); err != nil {
			return err
		}
		amounts[i] = r.Balances[n]
	}
	if err := minimum.CheckSum("balances", amounts, r.Rounding); err != nil {
		return err
	}
	return money.Within("policy", r.Policy.check(r.Rounding))
}

func (p MinimumPolicy) check(rnd money.Rounding) error { return minimum.Policy(p).Check(rnd) }

// sortedKeys returns m's keys in order, so validation reports the same
// field first on every run.
func sortedKeys[V any](m map[string]V) []string { return minimum.Names(m) }
