package schedule

import (
	"math/big"

	"github.com/repayplan/repayplan/money"
)

// annuity returns the equal-installment payment that repays balance over m
// periods at periodic rate r: balance·r·(1+r)^m / ((1+r)^m − 1), rounded
// by rnd, or to a multiple of multiple when that is set.
//
// With r = p/q the formula is computed on integers as
// balance·p·(q+p)^m / (q·((q+p)^m − q^m)): exact, with no intermediate
// rounding, whatever m and r are.
func annuity(balance money.Amount, r money.Ratio, m int, rnd money.Rounding, multiple money.Amount) money.Amount {
	if multiple.IsZero() && !r.IsZero() {
		if b, ok := balance.Units(rnd.Places()); ok {
			if p, q, ok := ratioParts(r); ok {
				if a, ok := annuityUnits(b, p, q, m, rnd.Mode()); ok {
					return money.New(a, rnd.Places())
				}
			}
		}
	}
	coef, places := balance.Coefficient()
	num, den := new(big.Int), new(big.Int)
	if r.IsZero() {
		num.Set(coef)
		den.Mul(pow10(places), big.NewInt(int64(m)))
	} else {
		rat := r.Rat()
		p, q := rat.Num(), rat.Denom()
		e := big.NewInt(int64(m))
		x := new(big.Int).Exp(new(big.Int).Add(q, p), e, nil)
		y := new(big.Int).Exp(q, e, nil)
		num.Mul(coef, p).Mul(num, x)
		den.Sub(x, y).Mul(den, q).Mul(den, pow10(places))
	}
	if multiple.IsZero() {
		return money.FromFraction(num, den, rnd)
	}
	mc, mp := multiple.Coefficient()
	num.Mul(num, pow10(mp))
	den.Mul(den, mc)
	k := money.FromFraction(num, den, money.NewRounding(0, rnd.Mode()))
	kc, _ := k.Coefficient()
	return money.FromFraction(new(big.Int).Mul(kc, mc), pow10(mp), rnd)
}

func pow10(k int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil) }
