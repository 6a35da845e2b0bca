package schedule

import (
	"math"
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

// mul returns a·b, truncated as f128.mul truncates. It is f128.mul
// written out, not called: the solvers' loops are made of these products,
// and the call would cost about as much as the arithmetic.
func (a sf) mul(b sf) sf {
	if a.isZero() || b.isZero() {
		return sf{}
	}
	x, y := a.m, b.m
	h3, l2 := bits.Mul64(x.hi, y.hi)
	h2a, l1a := bits.Mul64(x.hi, y.lo)
	h2b, l1b := bits.Mul64(x.lo, y.hi)
	h1, _ := bits.Mul64(x.lo, y.lo)
	w1, c1 := bits.Add64(l1a, l1b, 0)
	w1, c2 := bits.Add64(w1, h1, 0)
	w2, c3 := bits.Add64(l2, h2a, c1)
	w2, c4 := bits.Add64(w2, h2b, c2)
	w3 := h3 + c3 + c4
	r := sf{m: f128{hi: w3, lo: w2, e: x.e + y.e + 128}, neg: a.neg != b.neg}
	if w3>>63 == 0 {
		r.m.hi, r.m.lo, r.m.e = w3<<1|w2>>63, w2<<1|w1>>63, r.m.e-1
	}
	return r
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

// twice returns 2a exactly: a + a, without the addition.
func (a sf) twice() sf {
	if !a.isZero() {
		a.m.e++
	}
	return a
}

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

// float converts a exactly to a big.Float of finalPrec (128) bits.
func (a sf) float() *big.Float {
	x := new(big.Float).SetPrec(finalPrec).SetUint64(a.m.hi)
	x.SetMantExp(x, 64)
	x.Add(x, new(big.Float).SetUint64(a.m.lo)) // exact: hi·2^64 + lo has 128 bits
	if a.neg {
		x.Neg(x)
	}
	return x.SetMantExp(x, a.m.e)
}

// solveDiscountFast is solveDiscount in 128-bit binary floating point:
// the same Newton iteration on the same convex function, a few hundred
// times faster than math/big. It reports false when the flows do not fit
// in int64 units or the iteration does not settle, and the caller falls
// back to the math/big solver.
func solveDiscountFast(received money.Amount, flows []Flow) (sf, bool) {
	places := received.Places()
	for _, f := range flows {
		places = max(places, f.Amount.Places())
	}
	p0, ok := received.Units(places)
	if !ok || p0 <= 0 {
		return sf{}, false
	}
	var buf [8]flowRun
	runs, sum, ok := flowRuns(buf[:0], flows, places)
	if !ok {
		return sf{}, false
	}
	return solveRunsFast(p0, runs, sum)
}

// solveRunsFast is solveDiscountFast on the runs of the flows, in units,
// their sum and the amount received p0 > 0, in the same units.
func solveRunsFast(p0 int64, runs []flowRun, sum sf) (sf, bool) {
	P := sfInt(p0)
	if sum.isZero() || sum.sub(P).isZero() {
		return sf{}, false // no root, or exactly 0 %: the exact solver says which
	}
	// Start from the float64 root: the 128-bit iteration then needs two
	// evaluations (errors of 2^−52, then about 2^−100, which the second
	// step squares away) instead of eight.
	v := sfInt(1)
	if x, ok := newtonRunsFloat(runs, float64(p0)); ok {
		v = sfFloat(x)
	}
	T := 0 // the last period: the polynomial's degree
	for _, r := range runs {
		T += r.n
	}
	lt := bits.Len(uint(T))
	for range maxNewton {
		f, d := hornerRuns(runs, v, P)
		if d.isZero() || d.neg {
			return sf{}, false
		}
		step := f.quo(d)
		next := v.sub(step)
		if next.neg || next.isZero() {
			return sf{}, false
		}
		// Converged when the step is below 2^−110 of v, or when the step
		// just taken provably left an error below 2^−124 of v: see
		// newtonSettled.
		es, ev := step.m.e+128, v.m.e+128 // step < 2^es, v ≥ 2^(ev−1)
		if step.isZero() || es < ev-110 || !step.neg && newtonSettled(es, ev, lt) {
			return next, true
		}
		v = next
	}
	return sf{}, false
}

// newtonSettled reports whether a Newton step s > 0 (s < 2^es) from v
// (v ≥ 2^(ev−1)) on f(v) = Σ c_t v^t − P, c_t ≥ 0, 1 ≤ t ≤ T < 2^lt, leaves
// v − s within 2^−124·v of the root r. From the right of the root (s > 0)
// the error e = v − r is at most s·T: f' ≤ (T/v)(f + P) gives f(v)/P ≤
// s·T/v, while f(v) ≥ f'(r)·e ≥ (P/r)·e. Newton's error after the step is
// f″(η)e²/(2f'(v)) ≤ T·e²/(2r), since f″/f' ≤ T/v and f' grows; with
// r ≥ v/2 (s·T ≤ v/4, implied below) that is at most T³s²/v, and 2T³s² ≤
// 2^−124·v² holds when 2·es + 3·lt + 127 ≤ 2·ev. (The computed step's own
// error, 2^−60 of it, only loosens this by a factor of 1 + 2^−59.) A
// mortgage's second step, near 2^−95, settles it: one evaluation fewer
// than waiting for a step below 2^−110.
func newtonSettled(es, ev, lt int) bool { return 2*es+3*lt+127 <= 2*ev }

// sfFloat converts a positive, normal float64 exactly.
func sfFloat(x float64) sf {
	b := math.Float64bits(x)
	m := f128FromUint(b&(1<<52-1) | 1<<52)
	m.e += int(b>>52&0x7ff) - 1075
	return sf{m: m}
}

// newtonRunsFloat is solveDiscountFast's iteration in float64, over the
// same runs: a start for it, no more. It reports false unless it settles
// on a positive, normal root.
func newtonRunsFloat(runs []flowRun, p float64) (float64, bool) {
	v := 1.0
	for range 100 {
		var q, dq float64
		for _, r := range runs {
			c := float64(r.u)
			if r.n == 1 {
				dq = dq*v + q
				q = q*v + c
				continue
			}
			vm, wm, gm, dm := geometricFloat(v, r.n)
			dq = dq*vm + q*wm + c*dm
			q = q*vm + c*gm
		}
		f, d := v*q-p, q+v*dq
		if !(d > 0) {
			return 0, false
		}
		step := f / d
		next := v - step
		if !(next > 0x1p-1000) || math.IsInf(next, 0) {
			return 0, false
		}
		if math.Abs(step) <= 0x1p-50*v {
			return next, true
		}
		v = next
	}
	return 0, false
}

// geometricFloat is geometric in float64: v^m, m·v^(m−1), G_m and G_m'.
func geometricFloat(v float64, m int) (vm, wm, gm, dm float64) {
	vm = 1
	for bit := bits.Len(uint(m)) - 1; bit >= 0; bit-- {
		onePlusV := 1 + vm
		dm = dm*onePlusV + gm*wm
		gm *= onePlusV
		wm = 2 * vm * wm
		vm *= vm
		if m>>bit&1 == 1 {
			dm = gm + v*dm
			wm = vm + v*wm
			gm = 1 + v*gm
			vm = v * vm
		}
	}
	return vm, wm, gm, dm
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
// (an annuity's) in O(log m) steps; it appends them to dst. It also
// returns their sum. The flows must be in order of period, each at least 1.
func flowRuns(dst []flowRun, flows []Flow, places int) ([]flowRun, sf, bool) {
	runs := dst[:0]
	add := func(u int64, n int) {
		if k := len(runs) - 1; k >= 0 && runs[k].u == u {
			runs[k].n += n
			return
		}
		runs = append(runs, flowRun{c: sfInt(u), u: u, n: n})
	}
	var sumHi, sumLo uint64 // 128 bits: at most MaxPeriods flows below 2^62
	next := 0               // the period after the one last added, walking down
	for j := len(flows) - 1; j >= 0; {
		// The flows of one period, merged.
		t, u := flows[j].Period, int64(0)
		for ; j >= 0 && flows[j].Period == t; j-- {
			x, ok := flows[j].Amount.Units(places)
			if !ok || x < 0 || x > 1<<62 {
				return nil, sf{}, false
			}
			if u += x; u > 1<<62 {
				return nil, sf{}, false
			}
		}
		if t < 1 || (next > 0 && t >= next) {
			return nil, sf{}, false // out of order
		}
		if next > 0 && t < next-1 {
			add(0, next-1-t)
		}
		add(u, 1)
		var c uint64
		sumLo, c = bits.Add64(sumLo, uint64(u), 0)
		sumHi += c
		next = t
	}
	if next > 1 {
		add(0, next-1)
	}
	sum := sf{m: f128{hi: sumHi, lo: sumLo}.norm()}
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
// V ← vV, W ← V + vW, G ← 1 + vG, D ← G + vD (m < 1 gives k = 0).
//
// It starts at k = 1 (v, 1, 1, 0), the state the leading bit's step
// reaches from k = 0 (1, 0, 0, 0) by operations that are all exact there
// (products with 0 and 1, sums with 0), and doubles W by its exponent,
// as W + W rounds to exactly that: the same bits as stepping from k = 0
// (a test holds the two to each other), in fewer operations.
func geometric(v sf, m int) geoSum {
	one := sfInt(1)
	if m < 1 {
		return geoSum{vm: one}
	}
	s := geoSum{vm: v, wm: one, gm: one}
	for bit := bits.Len(uint(m)) - 2; bit >= 0; bit-- {
		onePlusV := one.add(s.vm)
		s.dm = s.dm.mul(onePlusV).add(s.gm.mul(s.wm))
		s.gm = s.gm.mul(onePlusV)
		s.wm = s.vm.mul(s.wm).twice()
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
func solveTimedFast(received money.Amount, flows []Flow, at []timing) (sf, bool) {
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
			return sf{}, false
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
		return sf{}, false
	}
	var buf [8]flowRun
	runs, sum, ok := flowRuns(buf[:0], shifted, places)
	if !ok || sum.isZero() {
		return sf{}, false
	}
	P := sfInt(p0)
	if sum.sub(P).isZero() {
		return sf{}, false // exactly 0 %: the exact solver says so
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
			return sf{}, false
		}
		v = v.add(v)
		f, d = F(v)
	}
	for range maxNewton {
		if d.isZero() || d.neg {
			return sf{}, false
		}
		step := f.quo(d)
		next := v.sub(step)
		if next.neg || next.isZero() {
			return sf{}, false
		}
		if step.isZero() || step.m.e+128 < v.m.e+128-110 {
			return next, true
		}
		v = next
		f, d = F(v)
	}
	return sf{}, false
}

func gcd64(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
