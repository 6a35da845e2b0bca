package plan

import (
	"sort"

	"github.com/repayplan/repayplan/money"
)

// MinimumPolicy is a card's minimum-payment rule (最低还款额): a fraction
// of the balances it names in Percent and the whole of every other balance,
// rounded once, raised to Floor, and never more than the balances' sum.
// The zero MinimumPolicy asks for every balance in full.
type MinimumPolicy struct {
	Percent map[string]money.Rate `json:"percent,omitempty"` // balance name → fraction (0 to 1)
	Floor   money.Amount          `json:"floor,omitzero"`
}

// CNCardMinimum is a typical Chinese credit card's rule, an example and not
// any bank's terms: 10 % of purchases (消费本金) plus all of cash advances,
// installments due, interest, fees and any earlier unpaid minimum, at least
// ¥10. Its balances are named "purchases", "cash_advance",
// "installment_due", "interest", "fees" and "previous_minimum_unpaid"; it
// also takes 10 % of "principal", the name ProjectPayoff gives the
// revolving balance, so the same policy drives a payoff projection.
func CNCardMinimum() MinimumPolicy {
	ten := money.MustParseRate("0.10")
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
	Balances map[string]money.Amount `json:"balances"`
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

// due applies p to the balances (names[i] owes amounts[i]). The products
// are summed exactly and rounded once, as a statement prints one figure.
func (p MinimumPolicy) due(names []string, amounts []money.Amount, rnd money.Rounding) money.Amount {
	var raw money.Ratio
	var total money.Amount
	for i, a := range amounts {
		total = total.Add(a)
		q := a.Ratio()
		if pct, ok := p.Percent[names[i]]; ok {
			q = q.Mul(pct.Ratio())
		}
		raw = raw.Add(q)
	}
	m := money.Max(money.RoundRatio(raw, rnd), p.Floor)
	return money.Min(m, total).Round(rnd)
}

func (r MinimumRequest) check() error {
	if err := checkRounding(r.Rounding); err != nil {
		return err
	}
	if r.Balances == nil {
		return money.Errorf("balances", "is required")
	}
	for _, n := range sortedKeys(r.Balances) {
		if err := checkMoney("balances."+n, r.Balances[n], r.Rounding); err != nil {
			return err
		}
	}
	return money.Within("policy", r.Policy.check(r.Rounding))
}

func (p MinimumPolicy) check(rnd money.Rounding) error {
	for _, n := range sortedKeys(p.Percent) {
		if err := checkFraction("percent."+n, p.Percent[n]); err != nil {
			return err
		}
	}
	return checkMoney("floor", p.Floor, rnd)
}

// sortedKeys returns m's keys in order, so validation reports the same
// field first on every run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
