package schedule

import (
	"math"
	"math/big"

	"github.com/repayplan/repayplan/money"
)

// bulletRates are the rates of a single payment repaying received n periods
// later, with the term as the unit period (Appendix J (b)(4)(ii); the PBoC's
// rule for 到期一次还本付息): irr = payment/received − 1, apr = irr ×
// perYear / n and effective rate (1 + irr)^(perYear/n) − 1. All three are
// decided exactly on integers, so no rounding boundary is ever misjudged.
func bulletRates(received, payment money.Amount, n int, perYear int64) (Rates, error) {
	if !received.IsPositive() {
		return Rates{}, money.Errorf("principal", "must be positive to have a rate of return")
	}
	if payment.IsNegative() {
		return Rates{}, money.Errorf("payments", "must not be negative")
	}
	if payment.IsZero() {
		return Rates{}, money.Errorf("payments", "no internal rate of return: nothing is repaid")
	}
	growth := new(big.Rat).Quo(payment.Rat(), received.Rat()) // 1 + irr
	one := big.NewRat(1, 1)
	irr := new(big.Rat).Sub(growth, one)
	apr := new(big.Rat).Mul(irr, big.NewRat(perYear, int64(n)))
	// The effective rate is growth^(p/q) − 1 with p/q = perYear/n reduced.
	g := new(big.Int).GCD(nil, nil, big.NewInt(perYear), big.NewInt(int64(n))).Int64()
	p, q := perYear/g, int64(n)/g
	// cmpEAR(b) = sign(EAR − b) = sign(growth^p − (1+b)^q), b > −1.
	cmpEAR := func(b *big.Rat) int {
		base := new(big.Rat).Add(one, b)
		if base.Sign() <= 0 {
			return 1
		}
		return ratPow(growth, p).Cmp(ratPow(base, q))
	}
	noRoot := money.Errorf("payments", "no internal rate of return within −99 %% to +10 000 %% a year")
	if apr.Cmp(big.NewRat(100, 1)) > 0 || cmpEAR(big.NewRat(-99, 100)) < 0 {
		return Rates{}, noRoot
	}
	if cmpEAR(big.NewRat(1e12, 1)) > 0 {
		return Rates{}, money.Errorf("payments", "the effective annual rate exceeds 10^12 (10^14 %%) and cannot be reported")
	}
	gf, _ := growth.Float64()
	guess := math.Pow(gf, float64(p)/float64(q)) - 1
	return Rates{
		IRR:                 roundRat6(irr),
		APR:                 roundRat6(apr),
		EffectiveAnnualRate: round6By(cmpEAR, guess),
	}, nil
}

// ratPow returns x^n exactly (n ≥ 0).
func ratPow(x *big.Rat, n int64) *big.Rat {
	e := big.NewInt(n)
	num := new(big.Int).Exp(x.Num(), e, nil)
	den := new(big.Int).Exp(x.Denom(), e, nil)
	return new(big.Rat).SetFrac(num, den)
}

// roundRat6 rounds x half up (away from zero) to 6 places, exactly.
func roundRat6(x *big.Rat) money.Rate {
	y := new(big.Rat).Abs(x)
	y.Mul(y, big.NewRat(1_000_000, 1))
	y.Add(y, big.NewRat(1, 2))
	k := new(big.Int).Quo(y.Num(), y.Denom()) // floor, y ≥ 0
	v := k.Int64()
	if x.Sign() < 0 {
		v = -v
	}
	return money.NewRate(v, 6)
}

// round6By rounds a value y known only through cmp(b) = sign(y − b) half
// up (away from zero) to 6 places, starting from an approximation guess:
// it moves the candidate until both neighbouring boundaries are proved to
// lie on the right sides.
func round6By(cmp func(b *big.Rat) int, guess float64) money.Rate {
	k := int64(math.Round(guess * 1e6))
	if math.IsNaN(guess) || math.Abs(guess) > 1e12 {
		k = 0
	}
	boundary := func(k int64, side int64) *big.Rat { return big.NewRat(2*k+side, 2_000_000) }
	for range 1 << 20 {
		lo, hi := cmp(boundary(k, -1)), cmp(boundary(k, 1))
		// y rounds to k when it lies in [lo, hi) for k > 0, (lo, hi] for
		// k < 0 and (lo, hi) for k = 0: ties go away from zero.
		loOK := lo > 0 || (lo == 0 && k > 0)
		hiOK := hi < 0 || (hi == 0 && k < 0)
		switch {
		case !loOK:
			k--
		case !hiOK:
			k++
		default:
			return money.NewRate(k, 6)
		}
	}
	return money.NewRate(k, 6) // unreachable: the guess is within a few units
}
