package schedule

import (
	"math"

	"github.com/repayplan/repayplan/money"
)

// roundRatesFast is roundRates from the fast solvers' v = 1/(1+i), in the
// solvers' own 128-bit arithmetic: i = 1/v − 1, apr = i·k and ear = v^−k −
// 1, each rounded half up to 6 places without a math/big value. It gives
// exactly what roundRates(v.float(), perYear) gives: where its own
// arithmetic could disagree with roundRates' — a rate within its error
// bound plus 10^−15 of a rounding boundary, or near the bounds of the rates
// the solver accepts — it hands v to roundRates itself, whose result
// (close included) then stands. A test holds the two to each other.
func roundRatesFast(v sf, perYear int64) (r Rates, close bool, err error) {
	if r, ok := fastRates(v, perYear); ok {
		return r, false, nil
	}
	return roundRates(v.float(), perYear)
}

// fastRates is roundRatesFast's 128-bit arithmetic; it reports false
// wherever roundRates must decide.
//
// Error bound: every f128 product truncates with a relative error below
// 2^−126, and the reciprocal below is good to 2^−124; v^−k, by at most 18
// products on factors that carry that error, is within (3k+20)·2^−125 <
// k·2^−122 of v^−k, and roundRates' 128-bit math/big arithmetic (its
// quotient, power and products rounded to nearest) is within less than that
// again. So its values and these, in millionths, differ by less than
// (v^−k + 1/v + 1)·k·10^6·2^−118 — the margin added to 10^−15 before a
// result counts as far from a boundary.
func fastRates(v sf, perYear int64) (Rates, bool) {
	if v.neg || v.isZero() || perYear < 1 || perYear > 366 {
		return Rates{}, false
	}
	one := sfInt(1)
	// r = 1/v: a 64-bit quotient, then two Newton steps r ← r + r·(1 − v·r),
	// each squaring the relative error (2^−63, 2^−126, then truncation).
	r := one.quo(v)
	for range 2 {
		r = r.add(r.mul(one.sub(v.mul(r))))
	}
	if r.neg || r.isZero() {
		return Rates{}, false
	}
	i := r.sub(one)
	apr := i.mul(sfInt(perYear))
	growth := sf{m: r.m.pow(int(perYear))}
	ear := growth.sub(one)
	aprF, earF, growthF, rF := apr.f64(), ear.f64(), growth.f64(), r.f64()
	// roundRates' range checks, with a margin: near a bound it decides.
	if !(aprF < 100*(1-1e-9)) || !(earF > -0.99+1e-9) || !(earF < 1e12*(1-1e-9)) {
		return Rates{}, false
	}
	errUnits := (growthF + rF + 1) * float64(perYear) * 1e6 * 0x1p-118
	margin := uint64((1e-15+errUnits)*0x1p64) + 8
	var out Rates
	var ok1, ok2, ok3 bool
	out.IRR, ok1 = i.round6Fast(margin)
	out.APR, ok2 = apr.round6Fast(margin)
	out.EffectiveAnnualRate, ok3 = ear.round6Fast(margin)
	return out, ok1 && ok2 && ok3
}

// f64 is a as a float64, to about 53 bits (for range checks only).
func (a sf) f64() float64 {
	if a.isZero() {
		return 0
	}
	x := math.Ldexp(float64(a.m.hi), a.m.e+64)
	if a.neg {
		x = -x
	}
	return x
}

// round6Fast is round6 of a: |a|·10^6 rounded half up, away from zero. It
// reports false when the fractional part of |a|·10^6 lies within margin
// (in units of 2^−64) of one half, or the result is too large to tell.
func (a sf) round6Fast(margin uint64) (money.Rate, bool) {
	if a.isZero() {
		return money.NewRate(0, 6), true
	}
	y := a.m.mul(f128FromUint(1_000_000)) // |a|·10^6 = (hi·2^64 + lo)·2^e
	s := -y.e                             // bits below the binary point
	var whole, frac uint64                // frac: the fraction in units of 2^−64
	switch {
	case s < 65:
		return money.Rate{}, false // |a|·10^6 ≥ 2^63
	case s < 128:
		l := uint(128 - s)
		whole = y.hi >> (64 - l)
		frac = y.hi<<l | y.lo>>(64-l)
	case s == 128:
		frac = y.hi
	case s < 192:
		frac = y.hi >> uint(s-128)
	}
	const half = uint64(1) << 63
	if frac > half-margin && frac < half+margin || margin >= half {
		return money.Rate{}, false
	}
	if frac > half {
		whole++
	}
	w := int64(whole)
	if a.neg {
		w = -w
	}
	return money.NewRate(w, 6), true
}
