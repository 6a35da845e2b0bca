package plan

import (
	"math"
	"math/bits"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// MaxCycles bounds a payoff projection: a balance the minimum does not
// clear within 100 years is reported as an error, not projected further.
const MaxCycles = 1200

// DisclosureCycles is the horizon of the US CARD Act's "pay off in three
// years" disclosure.
const DisclosureCycles = 36

// PayoffRequest is the payoff_projection request: a card balance that
// accrues CycleRate a billing cycle and is paid down by the minimum alone.
type PayoffRequest struct {
	Balance   money.Amount   `json:"balance" required:"true"`
	CycleRate money.Rate     `json:"cycle_rate" required:"true"` // interest per billing cycle, such as 0.015
	Minimum   MinimumPolicy  `json:"minimum" required:"true"`
	Rounding  money.Rounding `json:"rounding,omitzero"`
}

// Payoff is what paying only the minimum costs: how many cycles until the
// balance is gone, what is paid and how much of it is interest, and the
// level payment that would clear the balance in 36 cycles instead.
type Payoff struct {
	Cycles             int          `json:"cycles"`
	TotalPaid          money.Amount `json:"total_paid"`
	TotalInterest      money.Amount `json:"total_interest"`
	PaymentFor36Cycles money.Amount `json:"payment_for_36_cycles"`
	FirstPayment       money.Amount `json:"first_payment"`
	LargestPayment     money.Amount `json:"largest_payment"`
}

// ProjectPayoff projects the balance cycle by cycle: interest =
// round(B × cycle_rate); minimum = the policy over {"principal": B,
// "interest": interest} (before the interest is added); B += interest;
// pay min(minimum, B). A minimum that never exceeds the cycle's interest,
// or a payoff beyond MaxCycles, is an error on "interest" rather than a
// loop.
func ProjectPayoff(r PayoffRequest) (Payoff, error) {
	if err := r.check(); err != nil {
		return Payoff{}, err
	}
	p, err := project(r.Balance, r.CycleRate.Ratio(), r.Minimum, r.Rounding)
	if err != nil {
		return Payoff{}, err
	}
	p.PaymentFor36Cycles = schedule.Annuity(r.Balance, r.CycleRate.Ratio(), DisclosureCycles, r.Rounding)
	return p, nil
}

var projectionNames = []string{"principal", "interest"}

// project runs the minimum-only projection; rate is the exact cycle rate.
func project(balance money.Amount, rate money.Ratio, policy MinimumPolicy, rnd money.Rounding) (Payoff, error) {
	if p, ok := projectUnits(balance, rate, policy, rnd); ok {
		return p, nil
	}
	return projectAmounts(balance, rate, policy, rnd)
}

// projectAmounts is project for every case, on Amounts.
func projectAmounts(balance money.Amount, rate money.Ratio, policy MinimumPolicy, rnd money.Rounding) (Payoff, error) {
	zero := money.Amount{}.Round(rnd)
	p := Payoff{TotalPaid: zero, TotalInterest: zero, FirstPayment: zero, LargestPayment: zero}
	b := balance.Round(rnd)
	amounts := make([]money.Amount, 2)
	for b.IsPositive() {
		p.Cycles++
		if p.Cycles > MaxCycles {
			return Payoff{}, money.Errorf("interest", "the minimum payment does not pay the balance off within %d cycles; %s is still owed", MaxCycles, b)
		}
		interest := b.MulRatio(rate, rnd)
		amounts[0], amounts[1] = b, interest
		minimum := policy.due(projectionNames, amounts, rnd)
		b = b.Add(interest)
		pay := money.Min(minimum, b)
		if pay.Cmp(interest) <= 0 && pay.Cmp(b) < 0 {
			return Payoff{}, money.Errorf("interest", "cycle %d: the minimum %s does not exceed the cycle's interest %s, so the balance never falls", p.Cycles, pay, interest)
		}
		b = b.Sub(pay)
		p.TotalInterest = p.TotalInterest.Add(interest)
		p.TotalPaid = p.TotalPaid.Add(pay)
		if p.Cycles == 1 {
			p.FirstPayment = pay
		}
		p.LargestPayment = money.Max(p.LargestPayment, pay)
	}
	return p, nil
}

// projectUnits is projectAmounts on machine integers, in minor units, for
// the common case: a balance and every cycle's interest below 2^50 units.
// The balance only falls (a cycle whose payment would not exceed its
// interest is an error), so no sum of a cycle nor total over MaxCycles
// cycles comes near 2^63; the minimum's products are checked. It reports
// false, leaving the case to projectAmounts, where a value does not fit
// and on every error. A test holds it to projectAmounts.
func projectUnits(balance money.Amount, rate money.Ratio, policy MinimumPolicy, rnd money.Rounding) (Payoff, bool) {
	places := rnd.Places()
	b, ok := balance.Round(rnd).Units(places)
	floor, fok := policy.Floor.Units(places)
	if !ok || !fok || b < 0 || b >= 1<<50 || floor < 0 {
		return Payoff{}, false
	}
	m, ok := newUnitsMinimum(policy, rnd)
	if !ok {
		return Payoff{}, false
	}
	m.floor = floor
	sc := money.NewScaler(rate, rnd)
	var cycles int
	var paid, charged, first, largest int64
	for b > 0 {
		cycles++
		interest, ok := sc.Units(b)
		if !ok || interest < 0 || interest >= 1<<50 || cycles > MaxCycles {
			return Payoff{}, false
		}
		owed, ok := m.due(b, interest)
		if !ok {
			return Payoff{}, false
		}
		b += interest
		pay := min(owed, b)
		if pay <= interest && pay < b {
			return Payoff{}, false
		}
		b -= pay
		charged += interest
		paid += pay
		if cycles == 1 {
			first = pay
		}
		largest = max(largest, pay)
	}
	return Payoff{
		Cycles:         cycles,
		TotalPaid:      money.New(paid, places),
		TotalInterest:  money.New(charged, places),
		FirstPayment:   money.New(first, places),
		LargestPayment: money.New(largest, places),
	}, true
}

// unitsMinimum is the minimum-payment policy of a projection in minor
// units: min(max(round((pb·b + pi·i) / den), floor), b + i) for the
// balance b and the cycle's interest i, pb/den and pi/den the percents of
// "principal" and "interest" (den/den, all of it, for a balance the
// policy does not name), as MinimumPolicy.due computes it on Amounts.
type unitsMinimum struct {
	pb, pi uint64
	floor  int64
	round  money.Scaler // × 1/den, rounded by the request's rounding
}

func newUnitsMinimum(policy MinimumPolicy, rnd money.Rounding) (unitsMinimum, bool) {
	part := func(name string) (num, den int64, ok bool) {
		r, named := policy.Percent[name]
		if !named {
			return 1, 1, true
		}
		num, den, ok = r.Ratio().Parts()
		return num, den, ok && num >= 0 && num <= den
	}
	nb, db, okb := part(projectionNames[0])
	ni, di, oki := part(projectionNames[1])
	if !okb || !oki {
		return unitsMinimum{}, false
	}
	// den, the least common multiple of two divisors of 10^12 at most (a
	// rate has at most 12 places) or of 1, fits easily: db × di/g and
	// di × db/g, for g their greatest common divisor, which money's ratio
	// divides out of db/di.
	rb, ri, ok := money.NewRatio(db, di).Parts() // db/g, di/g
	den := db * ri
	return unitsMinimum{
		pb:    uint64(nb * ri),
		pi:    uint64(ni * rb),
		round: money.NewScaler(money.NewRatio(1, den), rnd),
	}, ok && den > 0 && den <= 1e12
}

// due is the minimum of balance b and interest i (both ≥ 0); false when a
// value does not fit.
func (m *unitsMinimum) due(b, i int64) (int64, bool) {
	hb, xb := bits.Mul64(uint64(b), m.pb)
	hi, xi := bits.Mul64(uint64(i), m.pi)
	x, c := bits.Add64(xb, xi, 0)
	if hb != 0 || hi != 0 || c != 0 || x > math.MaxInt64 {
		return 0, false
	}
	raw, ok := m.round.Units(int64(x))
	if !ok {
		return 0, false
	}
	return min(max(raw, m.floor), b+i), true
}

func (r PayoffRequest) check() error {
	return firstError(
		func() error { return checkRounding(r.Rounding) },
		func() error { return checkMoney("balance", r.Balance, r.Rounding) },
		func() error {
			if !r.Balance.IsPositive() {
				return money.Errorf("balance", "must be positive, got %s", r.Balance)
			}
			return nil
		},
		func() error { return checkFraction("cycle_rate", r.CycleRate) },
		func() error { return money.Within("minimum", r.Minimum.check(r.Rounding)) },
		r.checkRange,
	)
}

// checkRange bounds what the projection can output: the balance only
// falls, so no cycle's interest exceeds balance × cycle_rate (plus a
// minor unit of rounding), and the total paid is at most the balance and
// MaxCycles such interests. A bound the result could not hold at the
// rounding's places (money.ResultLimit) is an error naming balance.
func (r PayoffRequest) checkRange() error {
	places := r.Rounding.Places()
	up := money.NewRounding(places, money.Up)
	perCycle := r.Balance.MulRatio(r.CycleRate.Ratio(), up).Add(money.New(1, places))
	bound := r.Balance.Add(perCycle.MulInt(MaxCycles))
	if bound.Cmp(money.ResultLimit(places)) >= 0 {
		return money.Errorf("balance", "at this cycle_rate the projection's totals could reach %s, beyond the 10^%d a result can hold at %d decimal places (rounding.places)",
			bound, min(27, 28-places), places)
	}
	return nil
}
