package schedule

import (
	"math/big"
	"math/bits"

	"github.com/repayplan/repayplan/money"
)

// sf is a signed f128: the working number of the fast IRR solver. Zero has
// a zero mantissa.
type sf struct {
	m   f128
	neg bool
}

func (a sf) isZero() bool { return a.m.hi == 0 && a.m.lo == 0 }

func sfInt(x int64) sf {
	if x == 0 {
		return sf{}
	}
	if x < 0 {
		return sf{m: f128FromUint(uint64(-x)), neg: true}
	}
	return sf{m: f128FromUint(uint64(x))}
}

func (a sf) mul(b sf) sf {
	if a.isZero() || b.isZero() {
		return sf{}
	}
	return sf{m: a.m.mul(b.m), neg: a.neg != b.neg}
}

// add returns a + b, truncating to 128 bits.
func (a sf) add(b sf) sf {
	switch {
	case b.isZero():
		return a
	case a.isZero():
		return b
	}
	if cmpMag(a.m, b.m) < 0 {
		a, b = b, a
	}
	shift := uint(a.m.e - b.m.e)
	if shift >= 128 {
		return a
	}
	bhi, blo := shr128(b.m.hi, b.m.lo, shift)
	if a.neg == b.neg {
		lo, c := bits.Add64(a.m.lo, blo, 0)
		hi, c2 := bits.Add64(a.m.hi, bhi, c)
		r := f128{hi: hi, lo: lo, e: a.m.e}
		if c2 != 0 {
			r.hi, r.lo = r.hi>>1|1<<63, r.lo>>1|r.hi<<63
			r.e++
		}
		return sf{m: r, neg: a.neg}
	}
	lo, bw := bits.Sub64(a.m.lo, blo, 0)
	hi, _ := bits.Sub64(a.m.hi, bhi, bw)
	if hi == 0 && lo == 0 {
		return sf{}
	}
	return sf{m: f128{hi: hi, lo: lo, e: a.m.e}.norm(), neg: a.neg}
}

func (a sf) sub(b sf) sf { b.neg = !b.neg; return a.add(b) }

func cmpMag(a, b f128) int {
	switch {
	case a.e != b.e:
		if a.e < b.e {
			return -1
		}
		return 1
	case a.hi != b.hi:
		if a.hi < b.hi {
			return -1
		}
		return 1
	case a.lo != b.lo:
		if a.lo < b.lo {
			return -1
		}
		return 1
	}
	return 0
}

func shr128(hi, lo uint64, s uint) (uint64, uint64) {
	switch {
	case s == 0:
		return hi, lo
	case s >= 64:
		return 0, hi >> (s - 64)
	}
	return hi >> s, lo>>s | hi<<(64-s)
}

// quo returns a/b to 64 bits of precision (b ≠ 0): enough for a Newton step.
func (a sf) quo(b sf) sf {
	if a.isZero() {
		return sf{}
	}
	n, d, e := a.m.hi, b.m.hi, a.m.e-b.m.e
	if n >= d {
		n >>= 1
		e++
	}
	q, _ := bits.Div64(n, 0, d)
	return sf{m: f128{lo: q, e: e - 64}.norm(), neg: a.neg != b.neg}
}

// rat converts a to an exact big.Rat.
func (a sf) rat() *big.Rat {
	m := new(big.Int).Lsh(new(big.Int).SetUint64(a.m.hi), 64)
	m.Or(m, new(big.Int).SetUint64(a.m.lo))
	if a.neg {
		m.Neg(m)
	}
	r := new(big.Rat).SetInt(m)
	if a.m.e >= 0 {
		return r.Mul(r, new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), uint(a.m.e))))
	}
	return r.Quo(r, new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), uint(-a.m.e))))
}

// solveDiscountFast is solveDiscount in 128-bit binary floating point:
// the same Newton iteration on the same convex function, a few hundred
// times faster than math/big. It reports false when the flows do not fit
// in int64 units or the iteration does not settle, and the caller falls
// back to the math/big solver.
func solveDiscountFast(received money.Amount, flows []Flow) (*big.Float, bool) {
	places := received.Places()
	for _, f := range flows {
		places = max(places, f.Amount.Places())
	}
	p0, ok := received.Units(places)
	if !ok || p0 <= 0 {
		return nil, false
	}
	runs, sum, ok := flowRuns(flows, places)
	if !ok {
		return nil, false
	}
	P := sfInt(p0)
	if sum.isZero() || sum.sub(P).isZero() {
		return nil, false // no root, or exactly 0 %: the exact solver says which
	}
	v := sfInt(1)
	for range maxNewton {
		f, d := hornerRuns(runs, v, P)
		if d.isZero() || d.neg {
			return nil, false
		}
		step := f.quo(d)
		next := v.sub(step)
		if next.neg || next.isZero() {
			return nil, false
		}
		// Converged when the step is below 2^−110 of v.
		if step.isZero() || step.m.e+128 < v.m.e+128-110 {
			bf := new(big.Float).SetPrec(finalPrec).SetRat(next.rat())
			return bf, true
		}
		v = next
	}
	return nil, false
}

// flowRun is a stretch of equal consecutive flows, listed from the last.
type flowRun struct {
	c sf
	u int64 // c in units, for grouping
	n int
}

// flowRuns groups the flows, in units of places, into runs of equal
// consecutive payments (periods with no flow are runs of 0), the last
// period first, so that Horner's rule can take a run of m equal payments
// (an annuity's) in O(log m) steps. It also returns their sum.
func flowRuns(flows []Flow, places int) ([]flowRun, sf, bool) {
	type point struct {
		t int
		u int64
	}
	pts := make([]point, 0, len(flows))
	for i, f := range flows {
		u, ok := f.Amount.Units(places)
		if !ok || u < 0 || u > 1<<62 || f.Period < 1 || (i > 0 && f.Period < flows[i-1].Period) {
			return nil, sf{}, false
		}
		if n := len(pts); n > 0 && pts[n-1].t == f.Period {
			if pts[n-1].u += u; pts[n-1].u > 1<<62 {
				return nil, sf{}, false
			}
			continue
		}
		pts = append(pts, point{f.Period, u})
	}
	var runs []flowRun
	var sum sf
	add := func(u int64, n int) {
		if k := len(runs) - 1; k >= 0 && runs[k].u == u {
			runs[k].n += n
			return
		}
		runs = append(runs, flowRun{c: sfInt(u), u: u, n: n})
	}
	next := 0 // the period after the one last added, walking down
	for j := len(pts) - 1; j >= 0; j-- {
		p := pts[j]
		if next > 0 && p.t < next-1 {
			add(0, next-1-p.t)
		}
		add(p.u, 1)
		sum = sum.add(sfInt(p.u))
		next = p.t
	}
	if next > 1 {
		add(0, next-1)
	}
	return runs, sum, true
}

// hornerRuns returns f(v) = Σ c_t·v^t − P and f'(v) by Horner's rule over
// runs: a run of m equal c turns q into q·v^m + c·G_m(v), where G_m is the
// geometric sum 1 + v + … + v^(m−1).
func hornerRuns(runs []flowRun, v, P sf) (sf, sf) {
	var q, dq sf
	for _, r := range runs {
		if r.n == 1 {
			dq = dq.mul(v).add(q)
			q = q.mul(v).add(r.c)
			continue
		}
		g := geometric(v, r.n)
		dq = dq.mul(g.vm).add(q.mul(g.wm)).add(r.c.mul(g.dm))
		q = q.mul(g.vm).add(r.c.mul(g.gm))
	}
	return v.mul(q).sub(P), q.add(v.mul(dq))
}

// geoSum holds v^m, its derivative m·v^(m−1), G_m = Σ_{j<m} v^j and G_m'.
type geoSum struct{ vm, wm, gm, dm sf }

// geometric computes geoSum by binary doubling: from k to 2k,
// V ← V², W ← 2VW, G ← G(1+V), D ← D(1+V) + GW; from k to k+1,
// V ← vV, W ← V + vW, G ← 1 + vG, D ← G + vD.
func geometric(v sf, m int) geoSum {
	one := sfInt(1)
	s := geoSum{vm: one}
	for bit := bits.Len(uint(m)) - 1; bit >= 0; bit-- {
		onePlusV := one.add(s.vm)
		s.dm = s.dm.mul(onePlusV).add(s.gm.mul(s.wm))
		s.gm = s.gm.mul(onePlusV)
		w2 := s.vm.mul(s.wm)
		s.wm = w2.add(w2)
		s.vm = s.vm.mul(s.vm)
		if m>>bit&1 == 1 {
			s.dm = s.gm.add(v.mul(s.dm))
			s.wm = s.vm.add(v.mul(s.wm))
			s.gm = one.add(v.mul(s.gm))
			s.vm = v.mul(s.vm)
		}
	}
	return s
}

// solveTimedFast is the Appendix J equation in 128-bit binary floating
// point for the usual irregular schedule, whose payments all share one odd
// fraction f = num/den (an odd first period moves every due date by the
// same odd days). Then P = Σ c_j v^t_j / (1 + f·i), v = 1/(1+i), and since
// 1 + f·i = (f + (1−f)v)/v, multiplying out gives a polynomial:
//
//	F(v) = den·Σ c_j v^(t_j+1) − P(den−num)·v − P·num = 0,
//
// whose coefficients change sign once (one positive root, by Descartes'
// rule) and which is convex for v > 0, so Newton's method from any point
// right of the root (F > 0) falls monotonically onto it. It reports false
// when the payments have more than one fraction, do not fit int64 units,
// or the iteration does not settle, and the caller falls back to math/big.
func solveTimedFast(received money.Amount, flows []Flow, at []timing) (*big.Float, bool) {
	num, den := int64(at[0].num), int64(at[0].den)
	if num == 0 {
		den = 1
	}
	shifted := make([]Flow, len(flows))
	for k, f := range flows {
		n, d := int64(at[k].num), int64(at[k].den)
		if n == 0 {
			d = 1
		}
		if n*den != num*d || at[k].t < 0 {
			return nil, false
		}
		shifted[k] = Flow{Period: int(at[k].t) + 1, Amount: f.Amount}
	}
	if num != 0 {
		g := gcd64(num, den)
		num, den = num/g, den/g
	}
	places := received.Places()
	for _, f := range flows {
		places = max(places, f.Amount.Places())
	}
	p0, ok := received.Units(places)
	if !ok || p0 <= 0 {
		return nil, false
	}
	runs, sum, ok := flowRuns(shifted, places)
	if !ok || sum.isZero() {
		return nil, false
	}
	P := sfInt(p0)
	if sum.sub(P).isZero() {
		return nil, false // exactly 0 %: the exact solver says so
	}
	D := sfInt(den)
	A, B := P.mul(sfInt(den-num)), P.mul(sfInt(num))
	F := func(v sf) (sf, sf) {
		s, ds := hornerRuns(runs, v, sf{})
		return D.mul(s).sub(A.mul(v)).sub(B), D.mul(ds).sub(A)
	}
	// Start right of the root: v = 1 (0 %), doubled while F ≤ 0 (a
	// negative rate); v beyond 2^12 is a rate below −99.9 % a period.
	v := sfInt(1)
	f, d := F(v)
	for k := 0; f.neg || f.isZero(); k++ {
		if k == 12 {
			return nil, false
		}
		v = v.add(v)
		f, d = F(v)
	}
	for range maxNewton {
		if d.isZero() || d.neg {
			return nil, false
		}
		step := f.quo(d)
		next := v.sub(step)
		if next.neg || next.isZero() {
			return nil, false
		}
		if step.isZero() || step.m.e+128 < v.m.e+128-110 {
			return new(big.Float).SetPrec(finalPrec).SetRat(next.rat()), true
		}
		v = next
		f, d = F(v)
	}
	return nil, false
}

func gcd64(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
