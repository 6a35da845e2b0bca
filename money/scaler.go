package money

import (
	"math"
	"math/bits"
)

// A Scaler multiplies amounts by one fixed Ratio and rounds the product, as
// MulRatio does, but faster when it is applied many times — to every row
// of a schedule or every day of an accrual. The division by the ratio's
// denominator becomes two multiplications by a precomputed 128-bit
// reciprocal (Lemire, Kaser and Kurz, "Faster remainder by direct
// computation", 2019): exact for every 64-bit dividend. The zero Scaler
// multiplies by 0.
type Scaler struct {
	q        Ratio
	r        Rounding
	num      uint64 // |numerator|, when q fits in 64 bits
	den      uint64
	mhi, mlo uint64 // ceil(2^128 / den)
	half     uint64 // the smallest remainder HalfUp rounds up: ⌈den/2⌉
	neg      bool
	fast     bool
	halfUp   bool // fast, HalfUp, q ≥ 0 and den > 1: the inlined path of Units
}

// NewScaler returns a Scaler that computes round(a × q) by r for amounts a
// written with r.Places() places (the balances of a schedule); other
// amounts take the general path.
func NewScaler(q Ratio, r Rounding) Scaler {
	s := Scaler{q: q, r: r}
	if q.b != nil || q.den == 0 && q.num != 0 {
		return s
	}
	s.num, s.den, s.neg = absU(q.num), uint64(q.denom()), q.num < 0
	if s.den > 1 {
		var r1, r0 uint64
		s.mhi, r1 = bits.Div64(1, 0, s.den)
		s.mlo, r0 = bits.Div64(r1, 0, s.den)
		if r0 != 0 {
			var c uint64
			s.mlo, c = bits.Add64(s.mlo, 1, 0)
			s.mhi += c
		}
	}
	s.half = s.den - s.den/2
	s.fast = true
	s.halfUp = r.mode == HalfUp && !s.neg && s.den > 1
	return s
}

// Apply returns round(a × q).
func (s Scaler) Apply(a Amount) Amount {
	if s.fast && a.small() && int(a.places) == s.r.Places() {
		if v, ok := s.apply64(a.u); ok {
			return Amount{u: v, hi: int32(v >> 63), places: a.places}
		}
	}
	return a.MulRatio(s.q, s.r)
}

// apply64 rounds u × q for a coefficient already at the target places.
func (s Scaler) apply64(u int64) (int64, bool) {
	hi, x := bits.Mul64(absU(u), s.num)
	if hi != 0 {
		return 0, false
	}
	q, rem := x, uint64(0)
	if s.den > 1 {
		q = s.quo(x)
		rem = x - q*s.den
	}
	if s.r.mode == HalfUp {
		if rem >= s.half && rem != 0 {
			q++
		}
	} else {
		q = s.r.mode.roundQuo(q, rem, s.den, (u < 0) != s.neg)
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	if (u < 0) != s.neg {
		return -int64(q), true
	}
	return int64(q), true
}

// quo returns ⌊x / den⌋ as the high word of x × ceil(2^128/den) / 2^64.
// Its receiver is a pointer so that UnitsHalfUp, inlined into a row loop,
// does not copy the Scaler on every row.
func (s *Scaler) quo(x uint64) uint64 {
	h1, _ := bits.Mul64(x, s.mlo)
	h2, l2 := bits.Mul64(x, s.mhi)
	_, c := bits.Add64(l2, h1, 0)
	return h2 + c
}

// Units is Apply on bare coefficients: it returns round(u × q) for a
// coefficient u written at the rounding's places, and false when the
// product does not fit in 64 bits (then use Apply). It lets a hot loop keep
// its values in machine integers.
func (s Scaler) Units(u int64) (int64, bool) {
	if !s.fast {
		return 0, false
	}
	return s.apply64(u)
}

// FastHalfUp reports whether UnitsHalfUp computes Units exactly for every
// coefficient from 0 to max: the scaler rounds half up, its ratio is
// non-negative, and max times its numerator fits in 64 bits.
func (s Scaler) FastHalfUp(max uint64) bool {
	hi, _ := bits.Mul64(max, s.num)
	return s.halfUp && hi == 0
}

// UnitsHalfUp is Units for a coefficient within the bound FastHalfUp
// accepted, small enough to be inlined into a schedule's row loop.
func (s *Scaler) UnitsHalfUp(u uint64) uint64 {
	x := u * s.num
	q := s.quo(x)
	if x-q*s.den >= s.half {
		q++
	}
	return q
}
