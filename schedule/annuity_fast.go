package schedule

import (
	"math/bits"

	"github.com/repayplan/repayplan/money"
)

// annuityUnits is the fast path of annuity: the payment in units of the
// rounding's last place, computed in 128-bit binary floating point and
// accepted only when the approximation is provably far from a rounding
// boundary. It reports false — never a wrong answer — when the value is too
// close to call, too large, or the rate does not fit in 64 bits; the caller
// then takes the exact big-integer path. For a mortgage-sized loan that is
// tens of nanoseconds instead of microseconds and a dozen allocations.
func annuityUnits(balance int64, p, q uint64, m int, mode money.Mode) (int64, bool) {
	if balance <= 0 || p == 0 || q == 0 || p >= 1<<62 || q >= 1<<62 || balance >= 1<<52 {
		return 0, false
	}
	g := f128Ratio(q+p, q).pow(m) // (1+r)^m
	h, lost := g.subOne()         // (1+r)^m − 1, with lost bits of cancellation
	if lost > 40 {
		return 0, false
	}
	// A = balance·p·g / (q·h), from 64-bit mantissas.
	num := f128FromUint(uint64(balance)).mulUint(p).mul(g)
	den := h.mulUint(q)
	quo, exp := num.top64(), num.e-den.e
	d := den.top64()
	if quo >= d {
		quo >>= 1
		exp++
	}
	// quo/d in [1/2, 1): a 64-bit fraction with one division.
	f, _ := bits.Div64(quo, 0, d)
	exp -= 64
	// value = f · 2^exp; split into integer units and a 64-bit fraction.
	if exp >= 0 || exp < -127 {
		return 0, false
	}
	shift := uint(-exp)
	var whole, frac uint64
	if shift >= 64 {
		whole, frac = 0, f>>(shift-64)
	} else {
		whole, frac = f>>shift, f<<(64-shift)
	}
	// Error budget: the truncations (the 128-bit power, the 64-bit
	// mantissas and the division) leave a relative error below 2^−60, times
	// 2^lost for the cancellation in (1+r)^m − 1; as a fraction of one unit
	// that is under (whole+1)·2^(6+max(0, lost−54)). Demand twice that.
	if whole >= 1<<52 {
		return 0, false
	}
	margin := (whole + 1) << 7
	const half = uint64(1) << 63
	up := false
	switch mode {
	case money.HalfUp, money.HalfEven:
		if frac > half-margin && frac < half+margin {
			return 0, false // too close to a tie to call
		}
		up = frac > half
	default:
		if frac < margin || frac > ^uint64(0)-margin {
			return 0, false // too close to a whole unit to call
		}
		up = mode == money.Up || mode == money.Ceiling
	}
	if up {
		whole++
	}
	return int64(whole), true
}

// f128 is a positive binary floating-point number m · 2^e with a 128-bit
// mantissa m = hi·2^64 + lo, normalized so that the top bit of hi is set.
// Operations truncate.
type f128 struct {
	hi, lo uint64
	e      int
}

func f128FromUint(x uint64) f128 { return f128{lo: x}.norm() }

// f128Ratio returns x/y (x ≥ y > 0) to 128 bits.
func f128Ratio(x, y uint64) f128 {
	w2, r := bits.Div64(0, x, y)
	w1, r := bits.Div64(r, 0, y)
	w0, _ := bits.Div64(r, 0, y)
	// value = w2 + w1/2^64 + w0/2^128; w2 ≥ 1.
	// The top 128 bits of the 192-bit w2:w1:w0 from its leading one.
	s := uint(bits.LeadingZeros64(w2))
	hi := w2<<s | w1>>(64-s)
	lo := w1<<s | w0>>(64-s)
	return f128{hi: hi, lo: lo, e: -64 - int(s)}
}

func (a f128) norm() f128 {
	if a.hi == 0 && a.lo == 0 {
		return a
	}
	if a.hi == 0 {
		a.hi, a.lo, a.e = a.lo, 0, a.e-64
	}
	s := uint(bits.LeadingZeros64(a.hi))
	if s > 0 {
		a.hi = a.hi<<s | a.lo>>(64-s)
		a.lo <<= s
		a.e -= int(s)
	}
	return a
}

func (a f128) mul(b f128) f128 {
	h3, l2 := bits.Mul64(a.hi, b.hi)
	h2a, l1a := bits.Mul64(a.hi, b.lo)
	h2b, l1b := bits.Mul64(a.lo, b.hi)
	h1, _ := bits.Mul64(a.lo, b.lo)
	w1, c1 := bits.Add64(l1a, l1b, 0)
	w1, c2 := bits.Add64(w1, h1, 0)
	w2, c3 := bits.Add64(l2, h2a, c1)
	w2, c4 := bits.Add64(w2, h2b, c2)
	w3 := h3 + c3 + c4
	r := f128{hi: w3, lo: w2, e: a.e + b.e + 128}
	if w3>>63 == 0 {
		r.hi, r.lo, r.e = w3<<1|w2>>63, w2<<1|w1>>63, r.e-1
	}
	return r
}

func (a f128) mulUint(x uint64) f128 { return a.mul(f128FromUint(x)) }

func (a f128) pow(n int) f128 {
	r := f128{hi: 1 << 63, e: -63 - 64} // 1
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r = r.mul(a)
		}
		a = a.mul(a)
	}
	return r
}

// subOne returns a − 1 for a > 1, with the number of leading bits lost to
// cancellation.
func (a f128) subOne() (f128, int) {
	// 1 = 2^127 · 2^−127; align to a's exponent.
	shift := a.e + 127
	if shift < 0 {
		return a, 0 // a < 1: not an annuity growth factor
	}
	var oneHi, oneLo uint64
	switch {
	case shift >= 128:
		return a, 0
	case shift >= 64:
		oneLo = (uint64(1) << 63) >> (shift - 64)
	default:
		oneHi = (uint64(1) << 63) >> shift
		if shift > 0 {
			oneLo = (uint64(1) << 63) << (64 - shift)
		}
	}
	lo, b := bits.Sub64(a.lo, oneLo, 0)
	hi, _ := bits.Sub64(a.hi, oneHi, b)
	r := f128{hi: hi, lo: lo, e: a.e}
	lost := bits.LeadingZeros64(hi)
	if hi == 0 {
		lost = 64 + bits.LeadingZeros64(lo)
	}
	return r.norm(), lost
}

// top64 returns the top 64 bits of the mantissa, the value being
// top64 · 2^(e+64).
func (a f128) top64() uint64 { return a.hi }

// ratioParts returns a non-negative r as p/q on 64 bits, if it fits.
func ratioParts(r money.Ratio) (p, q uint64, ok bool) {
	n, d, ok := r.Parts()
	if !ok || n < 0 {
		return 0, 0, false
	}
	return uint64(n), uint64(d), true
}
