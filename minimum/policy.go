package minimum

import (
	"slices"
	"sort"

	"github.com/repayplan/repayplan/money"
)

// Policy is a minimum-payment rule: a fraction of the balances it names
// in Percent and the whole of every other balance, rounded once, raised to
// Floor, and never more than the balances' sum. The zero Policy asks for
// every balance in full.
type Policy struct {
	Percent map[string]money.Rate `json:"percent,omitempty"` // balance name → fraction (0 to 1)
	Floor   money.Amount          `json:"floor,omitzero"`
}

// Due applies p to the balances (names[i] owes amounts[i]):
// min(max(round(Σ percent × balance), floor), Σ balances). The products are
// summed exactly and rounded once, as a statement prints one figure.
func (p Policy) Due(names []string, amounts []money.Amount, rnd money.Rounding) money.Amount {
	// A balance times its percent is an exact decimal (MulRate), so the
	// balances owed whole and the parts are summed exactly and rounded
	// once.
	var raw, total money.Amount
	for i, a := range amounts {
		total = total.Add(a)
		if pct, ok := p.Percent[names[i]]; ok {
			if !a.IsZero() && !pct.IsZero() {
				raw = raw.Add(a.MulRate(pct))
			}
			continue
		}
		raw = raw.Add(a)
	}
	if raw.Overflowed() {
		// A product past 96 bits (a balance of 10^15 at a percent of 12
		// places): the same sum in exact ratios.
		raw = money.RoundRatio(p.dueRatio(names, amounts), rnd)
	}
	m := money.Max(raw.Round(rnd), p.Floor)
	return money.Min(m, total).Round(rnd)
}

// dueRatio is Due's unrounded sum as an exact ratio, for amounts whose
// products with their percents do not fit an Amount.
func (p Policy) dueRatio(names []string, amounts []money.Amount) money.Ratio {
	var raw money.Ratio
	for i, a := range amounts {
		if pct, ok := p.Percent[names[i]]; ok {
			raw = raw.Add(a.Ratio().Mul(pct.Ratio()))
			continue
		}
		raw = raw.Add(a.Ratio())
	}
	return raw
}

// Check validates p: every percent between 0 and 1 and a floor that is a
// whole, non-negative number of rnd's minor units. Errors name the field
// below the policy ("percent.purchases", "floor").
func (p Policy) Check(rnd money.Rounding) error {
	// The percents are looked over in the map's order first, which needs
	// neither the sorted names nor the fields' names; only a policy that
	// breaks a rule is checked again in order, for the first field.
	valid := true
	for _, r := range p.Percent {
		valid = valid && money.CheckRate("", r, 0, 1) == nil
	}
	if !valid {
		for _, n := range Names(p.Percent) {
			if err := money.CheckRate("percent."+n, p.Percent[n], 0, 1); err != nil {
				return err
			}
		}
	}
	return CheckMoney("floor", p.Floor, rnd)
}

// CheckNames requires every name p gives a percent for to be one of
// allowed, so a typo ("purchase") cannot silently ask for a balance in
// full. The error lists the allowed names.
func (p Policy) CheckNames(allowed []string) error {
	// The valid case without sorting the names (or allocating): only an
	// unknown one sends the check to name order, so that the first in it
	// is the one reported.
	for n := range p.Percent {
		if !slices.Contains(allowed, n) {
			return p.firstUnknown(allowed)
		}
	}
	return nil
}

// firstUnknown is CheckNames' error: the first name, in name order, not
// in allowed (a copy of which the message keeps).
func (p Policy) firstUnknown(allowed []string) error {
	for _, n := range Names(p.Percent) {
		if !slices.Contains(allowed, n) {
			return money.Errorf("percent."+n, "unknown balance %q; must be one of %v", n, slices.Clone(allowed))
		}
	}
	return nil
}

// CheckMoney accepts an amount within the input bounds that is not
// negative and is a whole number of minor units of rnd.
func CheckMoney(field string, a money.Amount, rnd money.Rounding) error {
	if err := money.CheckAmount(field, a); err != nil {
		return err
	}
	if a.IsNegative() {
		return money.Errorf(field, "must not be negative, got %s", a)
	}
	if !a.FitsPlaces(rnd.Places()) {
		return money.Errorf(field, "must be a whole number of minor units (%d decimal places), got %s", rnd.Places(), a)
	}
	return nil
}

// Names returns m's keys in order, so validation reports the same field
// first on every run.
func Names[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CheckSum rejects balances whose sum reaches money.ResultLimit at rnd's
// places: Due adds them up exactly before it rounds, so a sum the result
// could not hold (forty balances of 10^15 at 12 places come to
// 4 × 10^16, beyond 10^16) is an error naming field, never an overflowed
// amount.
func CheckSum(field string, amounts []money.Amount, rnd money.Rounding) error {
	var sum money.Amount
	for _, a := range amounts {
		sum = sum.Add(a.Abs())
	}
	places := rnd.Places()
	if sum.Cmp(money.ResultLimit(places)) >= 0 {
		return money.Errorf(field, "add up to %s, beyond the 10^%d a result can hold at %d decimal places (rounding.places)",
			sum, min(27, 28-places), places)
	}
	return nil
}
