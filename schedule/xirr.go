package schedule

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"

	"github.com/repayplan/repayplan/money"
)

// DatedFlow is an amount paid (negative) or received (positive) on a date.
type DatedFlow struct {
	Date   money.Date   `json:"date"`
	Amount money.Amount `json:"amount"`
}

// maxDatedFlows bounds an XIRR request (bounded work).
const maxDatedFlows = 100_000

// XIRR returns the annual rate x at which the flows are worth nothing
// today: Σ amount_j / (1+x)^(days_j/365) = 0, days counted from the
// earliest flow (act/365, as spreadsheets' XIRR), rounded half up to 6
// places. Flows must include money both paid and received; the rate is
// sought between −99 % and +10 000 % a year.
//
// It solves for the daily discount factor u = (1+x)^(−1/365), which turns
// the sum into a polynomial with whole exponents: a float64 search finds the
// root, and the rounding is then proved on both sides of the result with
// directed-rounding big.Float bounds (see xirrProblem.prove); a case the
// proof cannot settle is re-solved at 128 bits and proved again.
func XIRR(flows []DatedFlow) (money.Rate, error) {
	if err := checkDatedFlows(flows); err != nil {
		return money.Rate{}, err
	}
	first := flows[0].Date
	for _, f := range flows {
		if f.Date.Before(first) {
			first = f.Date
		}
	}
	p := newXIRRProblem(len(flows))
	for _, f := range flows {
		p.add(int64(f.Date.Sub(first)), f.Amount)
	}
	return p.solve(false, 0)
}

func checkDatedFlows(flows []DatedFlow) error {
	if len(flows) < 2 {
		return money.Errorf("flows", "need at least two flows, got %d", len(flows))
	}
	if len(flows) > maxDatedFlows {
		return money.Errorf("flows", "must hold at most %d flows, got %d", maxDatedFlows, len(flows))
	}
	var pos, neg bool
	for i, f := range flows {
		if !f.Date.InRange() {
			return money.Errorf(fmt.Sprintf("flows[%d].date", i), "must lie in the years %d to %d", money.MinYear, money.MaxYear)
		}
		if !withinBounds(f.Amount) {
			if err := money.CheckAmount(fmt.Sprintf("flows[%d].amount", i), f.Amount); err != nil {
				return err
			}
		}
		pos = pos || f.Amount.IsPositive()
		neg = neg || f.Amount.IsNegative()
	}
	if !pos || !neg {
		return money.Errorf("flows", "no rate of return: flows must include both payments and receipts")
	}
	return nil
}

// xirrProblem is Σ c_j·u^d_j = 0 over flows merged by day, sorted by day.
// The float64 search works on the amounts in units of their finest place;
// the exact coefficients (on the common scale of money.MaxPlaces) are only
// built when a proof or the 128-bit solver needs them.
// withinBounds is money.CheckAmount's test without its allocations for an
// amount of at most money.MaxPlaces places whose units fit int64: |a| ≤
// 10^15 (at 4 places or more every int64 of units is). It reports false
// when it cannot tell, and the caller asks CheckAmount.
func withinBounds(a money.Amount) bool {
	p := a.Places()
	u, ok := a.Units(p)
	if !ok || p > money.MaxPlaces {
		return false
	}
	if p >= 4 {
		return true
	}
	lim := int64(1_000_000_000_000_000)
	for range p {
		lim *= 10
	}
	return u <= lim && u >= -lim
}

type xirrProblem struct {
	days []int64
	amts []money.Amount
	u    []int64    // the amounts in units exactly, when all fit (nil if not)
	cf   []float64  // else the units as float64, for the search (see coef)
	c    []*big.Int // the amounts on the common scale, built by coefs
	// normalized: sorted and merged by day, u or cf set.
	normalized bool
	// The gaps between consecutive days (findGaps): gapState 0 before
	// they are looked at, 1 when every gap is gapLo + a bit of gapSet,
	// −1 when they spread wider.
	gapState int8
	gapSet   uint32
	gapLo    int64
	// receipts (set with the gaps): the flows in units are one outlay on
	// day 0 and receipts after it, for settled.
	receipts bool
}

func newXIRRProblem(n int) *xirrProblem {
	return &xirrProblem{days: make([]int64, 0, n), amts: make([]money.Amount, 0, n)}
}

func (p *xirrProblem) add(day int64, a money.Amount) {
	p.days = append(p.days, day)
	p.amts = append(p.amts, a)
}

// normalize sorts the flows by day and merges those of the same day; a
// problem built in units (newXIRRUnits) already is.
func (p *xirrProblem) normalize() {
	if p.normalized {
		return
	}
	p.normalized = true
	if !slices.IsSorted(p.days) {
		idx := make([]int, len(p.days))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(p.days[a], p.days[b]) })
		days, amts := make([]int64, len(idx)), make([]money.Amount, len(idx))
		for k, i := range idx {
			days[k], amts[k] = p.days[i], p.amts[i]
		}
		p.days, p.amts = days, amts
	}
	n := 0
	for i := range p.days {
		if n > 0 && p.days[n-1] == p.days[i] {
			p.amts[n-1] = p.amts[n-1].Add(p.amts[i])
			continue
		}
		p.days[n], p.amts[n] = p.days[i], p.amts[i]
		n++
	}
	p.days, p.amts = p.days[:n], p.amts[:n]
	places := 0
	for _, a := range p.amts {
		places = max(places, a.Places())
	}
	p.u = make([]int64, n)
	for i, a := range p.amts {
		u, ok := a.Units(places)
		if !ok {
			p.u = nil
			break
		}
		p.u[i] = u
	}
	if p.u != nil {
		return
	}
	p.cf = make([]float64, n)
	for i, a := range p.amts {
		p.cf[i], _ = new(big.Rat).Mul(a.Rat(), new(big.Rat).SetInt(pow10(places))).Float64()
	}
}

// coef is flow j in units, as a float64 for the search.
func (p *xirrProblem) coef(j int) float64 {
	if p.u != nil {
		return float64(p.u[j])
	}
	return p.cf[j]
}

// newXIRRUnits is the normalized problem of flows given as days in order,
// with no day twice, and amounts in units of one scale that fit in 2^62:
// a schedule's principal and payments, without the Amounts add keeps.
func newXIRRUnits(days, units []int64) *xirrProblem {
	p := xirrUnits(days, units)
	return &p
}

// xirrUnits is newXIRRUnits as a value, for a caller that keeps the
// problem on its stack.
func xirrUnits(days, units []int64) xirrProblem {
	return xirrProblem{days: days, u: units, normalized: true}
}

// coefs returns the amounts as integers on the common scale.
func (p *xirrProblem) coefs() []*big.Int {
	if p.c == nil {
		p.c = make([]*big.Int, len(p.amts))
		for i, a := range p.amts {
			c, places := a.Coefficient()
			p.c[i] = c.Mul(c, pow10(money.MaxPlaces-places))
		}
	}
	return p.c
}

// The bracket for u (x in (−0.99, 100)): xirrLo = 101^(−1/365)
// is x = +10 000 % a year, xirrHi = 100^(1/365) is x = −99 %, both to
// the nearest float64.
const (
	xirrLo = 0.98743543581294609181
	xirrHi = 1.01269683355843415800
)

// solve finds and rounds the rate. monotone says the flows are one outlay
// at day 0 followed by receipts only (a schedule), so that the root is
// unique and the float64 result may stand without a proof when it lies
// clearly inside its rounding interval.
func (p *xirrProblem) solve(monotone bool, guess float64) (money.Rate, error) {
	p.normalize()
	if monotone {
		// One outlay then receipts: Σ c·u^d − P rises with u, so the root
		// lies in the bracket exactly when the signs at its ends differ,
		// and Newton's method from the guess finds it.
		if u, ok := p.newtonFloat(math.Pow(1+guess, -1.0/365)); ok && u > xirrLo*(1+1e-9) && u < xirrHi*(1-1e-9) {
			if r, ok := p.roundFloat(u, true); ok {
				return r, nil
			}
		}
	}
	glo, ghi := p.gFloat(xirrLo), p.gFloat(xirrHi)
	if glo == 0 {
		return p.rate(big.NewFloat(xirrLo)), nil
	}
	if math.Signbit(glo) == math.Signbit(ghi) && ghi != 0 {
		// The float64 signs at the ends are robust (the values there are
		// far from 0) unless the flows nearly cancel: then ask big.Float.
		lo, hi := p.evalBig(big.NewFloat(xirrLo), finalPrec), p.evalBig(big.NewFloat(xirrHi), finalPrec)
		if lo.Sign() == hi.Sign() {
			return money.Rate{}, money.Errorf("flows", "no rate of return between −99 %% and +10 000 %% a year")
		}
	}
	if u, ok := p.searchFloat(); ok {
		if r, ok := p.roundFloat(u, monotone); ok {
			return r, nil
		}
	}
	u, err := p.solveBig()
	if err != nil {
		return money.Rate{}, err
	}
	r := p.rate(u)
	for _, prec := range []uint{256, 512} {
		if p.prove(rateUnits(r), prec) {
			return r, nil
		}
	}
	// Only a root on (or within 2^−500 of) a rounding boundary gets here:
	// if the sum at the boundary nearest the result cannot be told from 0
	// at 512 bits, the root is taken to be that tie and rounds half up,
	// away from zero.
	for _, b := range []int64{2*rateUnits(r) - 1, 2*rateUnits(r) + 1} {
		if p.signAt(big.NewRat(b, 2_000_000), 512) != 0 {
			continue
		}
		k := (b + 1) / 2 // b > 0: the boundary (2k−1)/2 rounds up to k
		if b < 0 {
			k = (b - 1) / 2
		}
		return money.NewRate(k, 6), nil
	}
	return r, nil
}

// roundFloat rounds the rate of a float64 root u. It stands without a
// proof when the flows are monotone and the rate lies clearly inside its
// rounding interval: the float64 root carries a relative error of a few
// units of 10^−14 in 1 + x (365 × the error of u), and the band of
// 10^−10·(1 + |x|) leaves four orders of magnitude to spare. Otherwise the
// rounding is proved, trying the neighbours of the float64 result too.
func (p *xirrProblem) roundFloat(u float64, monotone bool) (money.Rate, bool) {
	x := math.Pow(u, -365) - 1
	if math.IsNaN(x) || math.IsInf(x, 0) || x > 1e12 {
		return money.Rate{}, false
	}
	ax := math.Abs(x) * 1e6
	k := int64(math.Floor(ax + 0.5))
	if x < 0 {
		k = -k
	}
	frac := ax - math.Floor(ax)
	if monotone && math.Abs(frac-0.5) > 1e-4*(1+math.Abs(x)) {
		return money.NewRate(k, 6), true
	}
	for _, cand := range []int64{k, k - 1, k + 1} {
		if p.prove(cand, 192) {
			return money.NewRate(cand, 6), true
		}
	}
	return money.Rate{}, false
}

// newtonFloat solves Σ c·u^d = 0 for flows of one outlay at day 0 and
// receipts after it by Newton's method in float64: the sum is increasing
// and convex in u > 0, so from the right of the root the iterates fall
// monotonically onto it, and from the left one step lands on its right.
func (p *xirrProblem) newtonFloat(u float64) (float64, bool) {
	if math.IsNaN(u) || u <= 0 || math.IsInf(u, 0) {
		return 0, false
	}
	for range 100 {
		f, d := p.fFloat(u)
		if math.IsNaN(f) || math.IsInf(f, 0) || !(d > 0) {
			return 0, false
		}
		step := f / d
		next := u - step
		if next <= 0 {
			next = u / 2
		}
		if math.Abs(step) <= 1e-15*u || step > 0 && p.settled(u, step) {
			return next, true
		}
		u = next
	}
	return 0, false
}

// settled reports whether the Newton step s > 0 from u provably left
// u − s within 10^−17·u of the root r — below the float64 evaluation's own
// noise, so that stopping there loses nothing to another step. It holds
// for flows of one outlay at day 0 and receipts on days 1 to D (findGaps
// notes which problems are such), where Σ c·u^d − P is increasing and
// convex: from the right of the root the error e = u − r is at most
// s·D/(1 − s·D/u) (f' ≤ (D/u)(f + P), f ≥ f'(r)·e ≥ (P/r)·e); the error
// after the step is f″(η)e²/(2f'(u)) ≤ (D−1)e²/(2r); and once D²s ≤
// r/100, e ≤ 1.01·s. A monthly mortgage's second step (near 2·10^−11
// over 360 months) settles it, sparing the third evaluation.
func (p *xirrProblem) settled(u, s float64) bool {
	if p.gapState == 0 {
		p.findGaps()
	}
	if !p.receipts {
		return false
	}
	D := float64(p.days[len(p.days)-1])
	r := u - 2*s*D // below the root: e ≤ 2·s·D here
	if !(r > 0) || D*D*s > 0.01*r {
		return false
	}
	e := 1.01 * s
	return D*e*e/(2*r) <= 1e-17*r
}

// fFloat is Σ c·u^d and its derivative by Horner's rule from the last day
// down (the first day is day 0).
func (p *xirrProblem) fFloat(u float64) (float64, float64) {
	if p.gapState == 0 {
		p.findGaps()
	}
	if p.gapState > 0 {
		return p.fFloatTable(u)
	}
	// The powers of u for the few distinct gaps, looked up in the loop
	// itself: a call per day would cost more than the arithmetic.
	var gaps [8]int64
	var pows [8]float64
	ng := 0
	n := len(p.days)
	var q, dq float64
	for j := n - 1; j >= 0; j-- {
		if j < n-1 {
			gap := p.days[j+1] - p.days[j]
			k := 0
			for k < ng && gaps[k] != gap {
				k++
			}
			var pw float64
			switch {
			case k < ng:
				pw = pows[k]
			case ng < len(gaps):
				pw = math.Pow(u, float64(gap))
				gaps[ng], pows[ng] = gap, pw
				ng++
			default:
				pw = math.Pow(u, float64(gap))
			}
			dq = dq*pw + q*float64(gap)*pw/u
			q *= pw
		}
		q += p.coef(j)
	}
	return q, dq
}

// gapSpan is the widest range of gaps between consecutive days that
// fFloatTable takes: a monthly schedule's are 28 to 31 days, moved by a
// calendar a few more.
const gapSpan = 32

// findGaps notes which gaps between consecutive days occur, when they lie
// within gapSpan of the smallest (gapState 1), for fFloatTable.
func (p *xirrProblem) findGaps() {
	p.gapState = -1
	n := len(p.days)
	if n < 2 {
		return
	}
	receipts := p.u != nil && p.days[0] == 0 && p.u[0] < 0
	// One pass: the gaps noted in a window of 2·gapSpan − 1 bits about
	// the first, g0 (bit g − g0 + gapSpan − 1), which holds every gap when
	// they lie within gapSpan of each other, and shifted down to the
	// smallest after.
	g0 := p.days[1] - p.days[0]
	lo, hi := g0, g0
	var window uint64
	for j := 0; j < n-1; j++ {
		g := p.days[j+1] - p.days[j]
		lo, hi = min(lo, g), max(hi, g)
		if d := g - g0 + gapSpan - 1; d >= 0 && d < 2*gapSpan-1 {
			window |= 1 << d
		}
		receipts = receipts && p.u[j+1] >= 0
	}
	p.receipts = receipts
	if hi-lo >= gapSpan {
		return
	}
	set := uint32(window >> (lo - g0 + gapSpan - 1))
	p.gapLo, p.gapSet, p.gapState = lo, set, 1
}

// fFloatTable is fFloat with the powers of u (and gap·u^gap/u, for the
// derivative) for every gap that occurs computed once, then looked up by
// the gap itself: a loop with neither a search nor a division per day.
func (p *xirrProblem) fFloatTable(u float64) (float64, float64) {
	var pows, dpows [gapSpan]float64
	gapPowers(u, p.gapLo, p.gapSet, &pows)
	for set := p.gapSet; set != 0; set &= set - 1 {
		k := bits.TrailingZeros32(set)
		gap := float64(p.gapLo + int64(k))
		dpows[k] = gap * pows[k] / u
	}
	days, lo := p.days, p.gapLo
	n := len(days)
	q, dq := p.coef(n-1), 0.0
	for j := n - 2; j >= 0; j-- {
		k := uint(days[j+1]-days[j]-lo) % gapSpan // always below gapSpan
		pw := pows[k]
		dq = dq*pw + q*dpows[k]
		q = q*pw + p.coef(j)
	}
	return q, dq
}

// gapPowers sets pows[k] = math.Pow(u, lo+k) for each bit k of set, bit
// for bit, with the squarings of u shared. For a whole exponent y ≥ 2,
// math.Pow splits u = x·2^e (Frexp), squares x (renormalized into
// [1/2, 1)) once per bit of y, multiplies the squares of y's set bits
// into 1 and scales the product by Ldexp: the squares depend only on u, so
// computing them once and taking each exponent's product of them is the
// same float64 operations in the same order (a test holds it to
// math.Pow). Exponents 0 and 1, and any u math.Pow treats apart (not
// positive and finite, or 1), or whose exponent the squaring would take
// beyond math.Pow's overflow guard, go to math.Pow itself.
func gapPowers(u float64, lo int64, set uint32, pows *[gapSpan]float64) {
	if set == 0 {
		return
	}
	hi := lo + int64(bits.Len32(set)) - 1
	if lo < 2 || hi >= 1<<62 || !(u > 0) || u == 1 || math.IsInf(u, 0) {
		for ; set != 0; set &= set - 1 {
			k := bits.TrailingZeros32(set)
			pows[k] = math.Pow(u, float64(lo+int64(k)))
		}
		return
	}
	// The squares x^(2^j)·2^(e·2^j), as math.Pow's loop carries them.
	var x1s [64]float64
	var xes [64]int
	x1, xe := math.Frexp(u)
	n := bits.Len64(uint64(hi))
	for j := range n {
		if xe < -1<<12 || 1<<12 < xe {
			// math.Pow's guard: leave every exponent to it.
			for ; set != 0; set &= set - 1 {
				k := bits.TrailingZeros32(set)
				pows[k] = math.Pow(u, float64(lo+int64(k)))
			}
			return
		}
		x1s[j], xes[j] = x1, xe
		x1 *= x1
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
	for ; set != 0; set &= set - 1 {
		k := bits.TrailingZeros32(set)
		a1, ae := 1.0, 0
		for i, j := lo+int64(k), 0; i != 0; i, j = i>>1, j+1 {
			if i&1 == 1 {
				a1 *= x1s[j]
				ae += xes[j]
			}
		}
		pows[k] = math.Ldexp(a1, ae)
	}
}

// rateUnits is r in millionths.
func rateUnits(r money.Rate) int64 {
	v := new(big.Rat).Mul(r.Ratio().Rat(), big.NewRat(1_000_000, 1))
	return new(big.Int).Quo(v.Num(), v.Denom()).Int64()
}

// rate returns x = u^−365 − 1 rounded half up to 6 places.
func (p *xirrProblem) rate(u *big.Float) money.Rate {
	one := big.NewFloat(1).SetPrec(finalPrec)
	g := powFloat(new(big.Float).SetPrec(finalPrec).Quo(one, u), 365)
	x, _ := round6(g.Sub(g, one))
	return x
}

// gFloat is Σ c_j u^d_j / Σ |c_j| u^d_j in float64: the sign of the sum,
// normalised so that it neither overflows nor underflows over two centuries
// of days. Below u = 1 Horner's rule runs from the last day down (powers of
// u ≤ 1); above it, in w = 1/u from the first day up, which computes the sum
// times u^−d_max.
func (p *xirrProblem) gFloat(u float64) float64 {
	var cache powCache
	n := len(p.days)
	var q, a float64
	if u <= 1 {
		for j := n - 1; j >= 0; j-- {
			if j < n-1 {
				pw := cache.pow(u, p.days[j+1]-p.days[j])
				q, a = q*pw, a*pw
			}
			c := p.coef(j)
			q, a = q+c, a+math.Abs(c)
		}
		// The first day is day 0: no final power.
		return q / a
	}
	w := 1 / u
	for j := 0; j < n; j++ {
		if j > 0 {
			pw := cache.pow(w, p.days[j]-p.days[j-1])
			q, a = q*pw, a*pw
		}
		c := p.coef(j)
		q, a = q+c, a+math.Abs(c)
	}
	return q / a
}

// powCache keeps the powers of one base for the few distinct gaps between
// due dates (28 to 31 days for a monthly schedule).
type powCache struct {
	n    int
	gap  [8]int64
	val  [8]float64
	base float64
}

func (c *powCache) pow(u float64, gap int64) float64 {
	if c.base != u {
		c.n, c.base = 0, u
	}
	for i := 0; i < c.n; i++ {
		if c.gap[i] == gap {
			return c.val[i]
		}
	}
	v := math.Pow(u, float64(gap))
	if c.n < len(c.gap) {
		c.gap[c.n], c.val[c.n] = gap, v
		c.n++
	}
	return v
}

// searchFloat finds u in the bracket by the Illinois variant of regula
// falsi, which keeps the root bracketed and converges superlinearly.
func (p *xirrProblem) searchFloat() (float64, bool) {
	lo, hi := xirrLo, xirrHi
	flo, fhi := p.gFloat(lo), p.gFloat(hi)
	if math.IsNaN(flo) || math.IsNaN(fhi) || math.Signbit(flo) == math.Signbit(fhi) {
		return 0, false
	}
	side := 0
	for range 200 {
		m := (lo*fhi - hi*flo) / (fhi - flo)
		if !(m > lo && m < hi) {
			m = (lo + hi) / 2
		}
		fm := p.gFloat(m)
		if math.IsNaN(fm) {
			return 0, false
		}
		if fm == 0 {
			return m, true
		}
		if math.Signbit(fm) == math.Signbit(flo) {
			lo, flo = m, fm
			if side == -1 {
				fhi /= 2
			}
			side = -1
		} else {
			hi, fhi = m, fm
			if side == 1 {
				flo /= 2
			}
			side = 1
		}
		if hi-lo <= 4e-16*hi {
			return (lo + hi) / 2, true
		}
	}
	return 0, false
}

// evalBig returns Σ c_j u^d_j at prec bits (nearest rounding).
func (p *xirrProblem) evalBig(u *big.Float, prec uint) *big.Float {
	pos, neg := p.bound(u, u, prec, big.ToNearestEven)
	return pos.Sub(pos, neg)
}

// bound returns S+ = Σ_{c>0} c·u^d at uPos and S− = Σ_{c<0} |c|·u^d at
// uNeg, every operation rounded by mode. All terms being positive, rounding
// every step down (up) bounds each sum from below (above), so with uPos ≤
// u ≤ uNeg, S+ − S− rounded down is a lower bound of the sum at u, and
// with uNeg ≤ u ≤ uPos rounded up an upper one.
func (p *xirrProblem) bound(uPos, uNeg *big.Float, prec uint, mode big.RoundingMode) (*big.Float, *big.Float) {
	other := mode
	switch mode {
	case big.ToNegativeInf:
		other = big.ToPositiveInf
	case big.ToPositiveInf:
		other = big.ToNegativeInf
	}
	return p.hornerSign(uPos, prec, mode, 1), p.hornerSign(uNeg, prec, other, -1)
}

// hornerSign is Σ |c_j|·u^d_j over the flows of one sign, by Horner's rule
// from the last day down, each step rounded by mode.
func (p *xirrProblem) hornerSign(u *big.Float, prec uint, mode big.RoundingMode, sign int) *big.Float {
	var cs []*big.Int
	if p.u == nil {
		cs = p.coefs()
	}
	nf := func() *big.Float { return new(big.Float).SetPrec(prec).SetMode(mode) }
	q, q2, c := nf(), nf(), nf()
	// The powers of u for the few distinct gaps between due dates.
	pows := map[int64]*big.Float{}
	prevDay := int64(-1)
	for j := len(p.days) - 1; j >= 0; j-- {
		if prevDay >= 0 {
			gap := prevDay - p.days[j]
			pw, ok := pows[gap]
			if !ok {
				pw = powMode(u, gap, prec, mode)
				if len(pows) < 64 {
					pows[gap] = pw
				}
			}
			q2.Mul(q, pw) // into the spare: Mul in place would allocate
			q, q2 = q2, q
		}
		prevDay = p.days[j]
		switch {
		case cs == nil && (p.u[j] > 0 && sign > 0 || p.u[j] < 0 && sign < 0):
			c.SetInt64(p.u[j]) // |u| < 2^63, exact at any precision ≥ 64
			q.Add(q, c.Abs(c))
		case cs != nil && cs[j].Sign() == sign:
			c.SetInt(cs[j])
			q.Add(q, c.Abs(c))
		}
	}
	if prevDay > 0 {
		q.Mul(q, powMode(u, prevDay, prec, mode))
	}
	return q
}

// powMode is x^n (x > 0) with every product rounded by mode.
func powMode(x *big.Float, n int64, prec uint, mode big.RoundingMode) *big.Float {
	r := new(big.Float).SetPrec(prec).SetMode(mode).SetInt64(1)
	b := new(big.Float).SetPrec(prec).SetMode(mode).Set(x)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r.Mul(r, b)
		}
		b.Mul(b, b)
	}
	return r
}

// prove reports whether the root provably rounds to k millionths: the sum
// changes sign strictly between the two rounding boundaries of k (or k lies
// on the only root and is the half-up side of it). At each boundary b it
// encloses u_b = (1+b)^(−1/365) between two floats whose 365th powers,
// rounded outward, are proved to lie on either side of 1/(1+b), then bounds
// the sum over that enclosure with directed rounding.
func (p *xirrProblem) prove(k int64, prec uint) bool {
	lo := p.signAt(big.NewRat(2*k-1, 2_000_000), prec)
	hi := p.signAt(big.NewRat(2*k+1, 2_000_000), prec)
	// The sum at x is increasing in u, so decreasing in x: a root between
	// the boundaries shows as + then −; a receipts-first flow list is the
	// mirror image.
	return lo != 0 && hi != 0 && lo != hi
}

// signAt returns the proved sign of Σ c·(1+b)^(−d/365), or 0 if prec bits
// cannot settle it.
func (p *xirrProblem) signAt(b *big.Rat, prec uint) int {
	base := new(big.Rat).Add(big.NewRat(1, 1), b)
	if base.Sign() <= 0 {
		return 0
	}
	uL, uU, ok := rootEnclosure(base, prec)
	if !ok {
		return 0
	}
	posL, negU := p.bound(uL, uU, prec, big.ToNegativeInf)
	if posL.Cmp(negU) > 0 {
		return 1
	}
	posU, negL := p.bound(uU, uL, prec, big.ToPositiveInf)
	if posU.Cmp(negL) < 0 {
		return -1
	}
	return 0
}

// rootEnclosure returns uL ≤ (base)^(−1/365) ≤ uU, proved by outward
// rounding: uL^365 rounded up ≤ 1/base rounded down, and the mirror.
func rootEnclosure(base *big.Rat, prec uint) (*big.Float, *big.Float, bool) {
	bf, _ := base.Float64()
	approx := new(big.Float).SetPrec(prec).SetFloat64(math.Pow(bf, -1.0/365))
	// Newton's method on u^365·base = 1 doubles the seed's 52 correct bits
	// at each step: u ← u − (u^365·base − 1)/(365·u^364·base).
	bb := new(big.Float).SetPrec(prec).SetRat(base)
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	for bits := uint(52); bits < prec+8; bits *= 2 {
		p364 := powFloat(approx, 364)
		f := new(big.Float).SetPrec(prec).Mul(p364, approx)
		f.Mul(f, bb).Sub(f, one)
		d := new(big.Float).SetPrec(prec).Mul(p364, bb)
		d.Mul(d, new(big.Float).SetInt64(365))
		approx.Sub(approx, f.Quo(f, d))
	}
	// 1/base is bounded by rounding the exact rational outward.
	down := ratBound(new(big.Rat).Inv(base), prec, big.ToNegativeInf)
	up := ratBound(new(big.Rat).Inv(base), prec, big.ToPositiveInf)
	for shift := int(prec) - 16; shift > int(prec)/2; shift -= 8 {
		eps := new(big.Float).SetPrec(prec).SetMantExp(approx, -shift)
		uL := new(big.Float).SetPrec(prec).Sub(approx, eps)
		uU := new(big.Float).SetPrec(prec).Add(approx, eps)
		if powMode(uL, 365, prec, big.ToPositiveInf).Cmp(down) <= 0 &&
			powMode(uU, 365, prec, big.ToNegativeInf).Cmp(up) >= 0 {
			return uL, uU, true
		}
	}
	return nil, nil, false
}

// ratBound rounds the exact rational x to prec bits by mode.
func ratBound(x *big.Rat, prec uint, mode big.RoundingMode) *big.Float {
	num := new(big.Float).SetPrec(0).SetInt(x.Num()) // exact
	den := new(big.Float).SetPrec(0).SetInt(x.Denom())
	return new(big.Float).SetPrec(prec).SetMode(mode).Quo(num, den)
}

// solveBig finds u at 128 bits from the bracket by the Illinois variant of
// regula falsi (bisecting whenever an interpolation would not shrink the
// bracket by half in two steps), which keeps the root bracketed and needs a
// few dozen evaluations rather than bisection's 120.
func (p *xirrProblem) solveBig() (*big.Float, error) {
	lo := new(big.Float).SetPrec(finalPrec).SetFloat64(xirrLo)
	hi := new(big.Float).SetPrec(finalPrec).SetFloat64(xirrHi)
	flo := p.evalBig(lo, finalPrec)
	if flo.Sign() == 0 {
		return lo, nil
	}
	fhi := p.evalBig(hi, finalPrec)
	if fhi.Sign() == flo.Sign() {
		return nil, money.Errorf("flows", "no rate of return between −99 %% and +10 000 %% a year")
	}
	if fhi.Sign() == 0 {
		return hi, nil
	}
	two := big.NewFloat(2)
	side := 0
	width := new(big.Float).SetPrec(finalPrec)
	for it := 0; it < 400; it++ {
		m := new(big.Float).SetPrec(finalPrec)
		if it%3 == 2 {
			m.Add(lo, hi).Quo(m, two) // a bisection every third step bounds the worst case
		} else {
			// m = (lo·fhi − hi·flo)/(fhi − flo)
			num := new(big.Float).SetPrec(finalPrec).Mul(lo, fhi)
			num.Sub(num, new(big.Float).SetPrec(finalPrec).Mul(hi, flo))
			den := new(big.Float).SetPrec(finalPrec).Sub(fhi, flo)
			m.Quo(num, den)
			if m.Cmp(lo) <= 0 || m.Cmp(hi) >= 0 {
				m.Add(lo, hi).Quo(m, two)
			}
		}
		fm := p.evalBig(m, finalPrec)
		switch {
		case fm.Sign() == 0:
			return m, nil
		case fm.Sign() == flo.Sign():
			lo, flo = m, fm
			if side == -1 {
				fhi.Quo(fhi, two)
			}
			side = -1
		default:
			hi, fhi = m, fm
			if side == 1 {
				flo.Quo(flo, two)
			}
			side = 1
		}
		width.Sub(hi, lo)
		if width.Cmp(new(big.Float).SetMantExp(hi, -120)) <= 0 {
			return hi, nil
		}
	}
	return hi, nil
}
