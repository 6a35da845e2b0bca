package penalty

import "math/bits"

// owedSet records, per component, which installments owe a positive
// amount of it, one bit per installment. Payments, waivers and component-
// scoped allocation walk only the installments that owe something, so a
// ledger of 1 200 installments paid off long ago costs each of 100 000
// later payments at most 1200/64 word tests per component, not 1 200
// visits: the walk is linear in the records it writes.
type owedSet struct {
	words int
	bits  [5][]uint64 // by Component
}

// newOwedSet returns the set of n installments, none owing, in buf's
// array when it is large enough (see reuse).
func newOwedSet(n int, buf *[]uint64) owedSet {
	s := owedSet{words: (n + 63) / 64}
	backing := reuse(buf, 5*s.words)
	for c := range s.bits {
		s.bits[c] = backing[c*s.words : (c+1)*s.words : (c+1)*s.words]
	}
	return s
}

// set records whether installment k owes a positive amount of c.
func (s *owedSet) set(c Component, k int, positive bool) {
	// Unsigned: k is never negative, and k/64 then needs no sign fix-up.
	w, m := uint(k)/64, uint64(1)<<(uint(k)%64)
	b := s.bits[c]
	if positive {
		b[w] |= m
	} else {
		b[w] &^= m
	}
}

// next returns the first installment in [k, hi) owing c, or hi.
func (s *owedSet) next(c Component, k, hi int) int {
	return s.scan(k, hi, func(w int) uint64 { return s.bits[c][w] })
}

// nextAny returns the first installment in [k, hi) owing any component,
// or hi.
func (s *owedSet) nextAny(k, hi int) int {
	return s.scan(k, hi, func(w int) uint64 {
		return s.bits[0][w] | s.bits[1][w] | s.bits[2][w] | s.bits[3][w] | s.bits[4][w]
	})
}

func (s *owedSet) scan(k, hi int, word func(int) uint64) int {
	for k < hi {
		w := k / 64
		b := word(w) >> (k % 64)
		if b != 0 {
			return min(k+bits.TrailingZeros64(b), hi)
		}
		k = (w + 1) * 64
	}
	return hi
}
