package money

import (
	"math"
	"math/big"
	"math/bits"
)

// Ratio is an exact fraction, used for rates derived by division (an annual
// rate over 12 or 360, a year fraction under a day count) so that they are
// never rounded before they multiply an amount. The zero Ratio is 0.
type Ratio struct {
	num, den int64 // den > 0 once set; den == 0 in the zero Ratio
	b        *big.Rat
}

// NewRatio returns num/den. A zero den gives 0 rather than a panic; callers
// validate divisors before they get here.
func NewRatio(num, den int64) Ratio {
	if den == 0 || num == 0 {
		return Ratio{}
	}
	if den < 0 {
		if num == math.MinInt64 || den == math.MinInt64 {
			return ratioFromBig(big.NewRat(num, den))
		}
		num, den = -num, -den
	}
	g := int64(gcd(absU(num), uint64(den)))
	return Ratio{num: num / g, den: den / g}
}

// RatioOf returns the exact fraction r represents.
func RatioOf(r Rate) Ratio { return NewRatio(r.coef, pow10[r.places]) }

func (q Ratio) denom() int64 {
	if q.den == 0 {
		return 1
	}
	return q.den
}

func (q Ratio) rat() *big.Rat {
	if q.b != nil {
		return q.b
	}
	return big.NewRat(q.num, q.denom())
}

// Rat returns q as a new big.Rat.
func (q Ratio) Rat() *big.Rat { return new(big.Rat).Set(q.rat()) }

func ratioFromBig(r *big.Rat) Ratio {
	if r.Num().IsInt64() && r.Denom().IsInt64() {
		return Ratio{num: r.Num().Int64(), den: r.Denom().Int64()}
	}
	return Ratio{b: r}
}

// Mul returns q × o.
func (q Ratio) Mul(o Ratio) Ratio {
	if q.b == nil && o.b == nil {
		// Cross-reduce first so products stay small.
		a, b, c, d := q.num, q.denom(), o.num, o.denom()
		if a == 0 || c == 0 {
			return Ratio{}
		}
		g1 := int64(gcd(absU(a), uint64(d)))
		g2 := int64(gcd(absU(c), uint64(b)))
		if n, ok := mulInt64(a/g1, c/g2); ok {
			if m, ok := mulInt64(b/g2, d/g1); ok {
				return Ratio{num: n, den: m}
			}
		}
	}
	return ratioFromBig(new(big.Rat).Mul(q.rat(), o.rat()))
}

// Add returns q + o.
func (q Ratio) Add(o Ratio) Ratio {
	if q.b == nil && o.b == nil {
		if q.denom() == o.denom() {
			if s := q.num + o.num; (s > q.num) == (o.num > 0) {
				return NewRatio(s, q.denom())
			}
		}
		if x, ok := mulInt64(q.num, o.denom()); ok {
			if y, ok := mulInt64(o.num, q.denom()); ok {
				if d, ok := mulInt64(q.denom(), o.denom()); ok {
					if s := x + y; (s > x) == (y > 0) {
						return NewRatio(s, d)
					}
				}
			}
		}
	}
	return ratioFromBig(new(big.Rat).Add(q.rat(), o.rat()))
}

// MulInt returns q × n.
func (q Ratio) MulInt(n int64) Ratio { return q.Mul(NewRatio(n, 1)) }

// QuoInt returns q / n; n must not be 0.
func (q Ratio) QuoInt(n int64) Ratio { return q.Mul(NewRatio(1, n)) }

// Sign returns −1, 0 or +1.
func (q Ratio) Sign() int {
	if q.b != nil {
		return q.b.Sign()
	}
	switch {
	case q.num < 0:
		return -1
	case q.num > 0:
		return 1
	}
	return 0
}

// IsZero reports whether q is 0.
func (q Ratio) IsZero() bool { return q.Sign() == 0 }

// Cmp compares q and o.
func (q Ratio) Cmp(o Ratio) int {
	if q.b == nil && o.b == nil {
		// a/b vs c/d with b, d > 0: compare a·d with c·b in 128 bits.
		l, lok := mul128(q.num, o.denom())
		r, rok := mul128(o.num, q.denom())
		if lok && rok {
			return l.cmp(r)
		}
	}
	return q.rat().Cmp(o.rat())
}

func mul128(a, b int64) (int128, bool) {
	hi, lo := bits.Mul64(absU(a), absU(b))
	if hi >= 1<<63 {
		return int128{}, false
	}
	v := int128{hi: int64(hi), lo: lo}
	if (a < 0) != (b < 0) {
		v = v.neg()
	}
	return v, true
}

// FloatString returns q in decimal with the given number of digits after the
// point, rounded half up; for display only.
func (q Ratio) FloatString(places int) string {
	return q.rat().FloatString(max(places, 0))
}

func mulInt64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(absU(a), absU(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

// Parts returns q as num/den (den > 0, in lowest terms) when both fit in
// int64.
func (q Ratio) Parts() (num, den int64, ok bool) {
	if q.b != nil {
		return 0, 0, false
	}
	return q.num, q.denom(), true
}
