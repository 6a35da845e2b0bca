package plan

import "github.com/repayplan/repayplan/money"

// Settlement (一次性结清) closes an account with one payment today, the
// lender discounting a fraction of each component (typically all of the
// penalty and late fee and part of the interest; rarely principal).
type Settlement struct {
	Outstanding Outstanding    `json:"outstanding" required:"true"`
	Discount    Fractions      `json:"discount,omitzero"`
	Rounding    money.Rounding `json:"rounding,omitzero"`
}

// Settled is a settlement's lump sum: the outstanding total less the
// discount, which is the customer's saving.
type Settled struct {
	Discount Relief       `json:"discount"`
	LumpSum  money.Amount `json:"lump_sum"`
	Saving   money.Amount `json:"saving"`
}

// Settle computes s: discount per component = round(amount × fraction),
// lump sum = Σ outstanding − Σ discount.
func Settle(s Settlement) (Settled, error) {
	rnd := s.Rounding
	err := firstError(
		func() error { return checkRounding(rnd) },
		func() error { return s.Outstanding.check("outstanding", rnd) },
		func() error { return s.Discount.check("discount") },
	)
	if err != nil {
		return Settled{}, err
	}
	return s.settle(), nil
}

// settle computes a checked settlement.
func (s Settlement) settle() Settled {
	rnd := s.Rounding
	d := newRelief(s.Outstanding.Of(s.Discount, rnd), rnd)
	return Settled{
		Discount: d,
		LumpSum:  s.Outstanding.Sum().Sub(d.Total).Round(rnd),
		Saving:   d.Total,
	}
}
