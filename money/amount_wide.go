package money

import (
	"math/big"
	"math/bits"
)

// The wide path: amounts whose coefficients pass int64 — totals checked
// against ResultLimit, balances of 10^15 at 12 places — are compared and
// built in signed 128-bit integers, which hold any 96-bit coefficient
// scaled by up to 10^9. Only beyond that does arithmetic fall to math/big.

// maxWideShift is the largest power of ten a 96-bit coefficient may be
// scaled by in 128 bits: 2^95 × 10^9 < 2^125.
const maxWideShift = 9

// int128 is a signed 128-bit integer, hi:lo in two's complement: enough
// to compare two int64 products (Ratio.Cmp) or two 96-bit coefficients
// scaled to the same places.
type int128 struct {
	hi int64
	lo uint64
}

// wideOf returns a's coefficient: the 96-bit two's complement u, hi
// sign-extended to 128 bits.
func wideOf(a Amount) int128 { return int128{hi: int64(a.hi), lo: uint64(a.u)} }

func (w int128) neg() int128 {
	lo, borrow := bits.Sub64(0, w.lo, 0)
	hi, _ := bits.Sub64(0, uint64(w.hi), borrow)
	return int128{hi: int64(hi), lo: lo}
}

// scaled returns w × 10^k for k ≤ maxWideShift; w must be a 96-bit value.
func (w int128) scaled(k int) int128 {
	if k == 0 {
		return w
	}
	m := uint64(pow10[k])
	x := w
	if w.hi < 0 {
		x = w.neg()
	}
	h1, lo := bits.Mul64(x.lo, m)
	_, h2 := bits.Mul64(uint64(x.hi), m) // x.hi < 2^32: no carry past 128 bits
	r := int128{hi: int64(h1 + h2), lo: lo}
	if w.hi < 0 {
		return r.neg()
	}
	return r
}

func (w int128) cmp(v int128) int {
	switch {
	case w.hi < v.hi:
		return -1
	case w.hi > v.hi:
		return 1
	case w.lo < v.lo:
		return -1
	case w.lo > v.lo:
		return 1
	}
	return 0
}

// cmpWide orders two finite amounts in 128 bits, when their places differ
// by at most maxWideShift.
func cmpWide(a, b Amount) (int, bool) {
	d := int(a.places) - int(b.places)
	if d < -maxWideShift || d > maxWideShift {
		return 0, false
	}
	x, y := wideOf(a), wideOf(b)
	if d < 0 {
		x = x.scaled(-d)
	} else {
		y = y.scaled(d)
	}
	return x.cmp(y), true
}

// amountOfWide stores w × 10^−places, or reports false when w needs more
// than 96 bits.
func amountOfWide(w int128, places int32) (Amount, bool) {
	if w.hi != int64(int32(w.hi)) {
		return Amount{}, false
	}
	// A value that fits int64 has hi == u>>63 here, as small() expects:
	// the 128-bit hi word is then the sign extension of lo.
	return Amount{u: int64(w.lo), hi: int32(w.hi), places: places}, true
}

// scaledWide returns coef × 10^k at places 0, k ≥ 0, when it fits 96 bits.
func scaledWide(coef int64, k int) (Amount, bool) {
	w := int128{hi: coef >> 63, lo: uint64(coef)}
	for k > 0 {
		step := min(k, maxWideShift)
		w = w.scaled(step)
		if w.hi != int64(int32(w.hi)) {
			return Amount{}, false // past 96 bits: not an Amount
		}
		k -= step
	}
	return amountOfWide(w, 0)
}

// MulRate returns the exact product a × r, at a's places plus r's: a
// decimal times a decimal needs no rounding. (A minimum payment sums
// such products before its one rounding.) It runs in 128 bits and falls
// to math/big only when the coefficients' product passes 96 bits, where it
// is an overflow.
func (a Amount) MulRate(r Rate) Amount {
	if a.Overflowed() {
		return overflow(a.Sign() * r.Sign())
	}
	places := a.places + r.places
	if a.small() {
		hi, lo := bits.Mul64(absU(a.u), absU(r.coef))
		w := int128{hi: int64(hi), lo: lo}
		if hi < 1<<31 { // within 96 bits, so the sign fits too
			if (a.u < 0) != (r.coef < 0) {
				w = w.neg()
			}
			if p, ok := amountOfWide(w, places); ok {
				return p
			}
		}
	}
	return fromBig(new(big.Int).Mul(a.coef(), big.NewInt(r.coef)), places)
}
