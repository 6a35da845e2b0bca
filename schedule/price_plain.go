package schedule

import (
	"math/bits"
	"slices"

	"github.com/repayplan/repayplan/money"
)

// plainPass prices a regular schedule — anchored on the start, moved by no
// calendar, so that row number t is paid t whole periods after the start —
// in one pass over its payments: the runs of equal payments for the
// 128-bit IRR and the XIRR's flows in units, without the Flow list and
// Appendix J timing of the general path. It is exactly the general path's
// fast solver on the same flows (a test holds Price to the general path),
// and declines (ok false), leaving the case to the general path, whenever
// that solver would not settle it: amounts that are not whole units of
// places below 2^62, rows out of order, nothing paid, exactly 0 %, or a
// rate within 10^−15 of a rounding boundary.
type plainPass struct {
	start       money.Date
	places      int
	p0          int64
	days, units []int64 // the XIRR's flows, the principal first: n of them
	n           int     // (counted, not appended: no pointer written per row)
	// The runs of equal payments: in runBuf while they fit, else in spill.
	// Counted rather than sliced from runBuf, so that the pass holds no
	// pointer into itself and stays on its caller's stack.
	runBuf   [8]flowRun
	nRuns    int
	spill    []flowRun
	payments int    // at most this many: the spill's bound
	sumHi    uint64 // the sum of the payments, 128 bits
	sumLo    uint64
	prev     int   // the period of the last paying row
	maxUnits int64 // the largest payment
	dated    bool
	ok       bool
}

// plainStackFlows is how many flows a caller's buffer on the stack holds
// (an offer's 12 to 60 rows) for a pass to list without an allocation.
const plainStackFlows = 64

// newPlainPass starts a pass over at most n payments of a loan of
// principal made on start, in units of places; dated says whether to
// list the XIRR's flows, in buf when they fit (2 words a flow). The pass
// is returned by value, with buf its caller's, so that both stay on the
// caller's stack.
func newPlainPass(principal money.Amount, start money.Date, places, n int, dated bool, buf []int64) plainPass {
	p := plainPass{start: start, places: places, dated: dated, payments: n}
	p0, ok := principal.Units(places)
	if !ok || p0 <= 0 || p0 > 1<<62 {
		return p
	}
	if dated {
		if 2*(n+1) > len(buf) {
			buf = make([]int64, 2*(n+1))
		}
		p.days, p.units, p.n = buf[:n+1], buf[n+1:2*(n+1)], 1
		p.units[0] = -p0
	}
	p.p0, p.ok = p0, true
	return p
}

// runs returns the runs so far.
func (p *plainPass) runs() []flowRun {
	if p.spill != nil {
		return p.spill
	}
	return p.runBuf[:p.nRuns]
}

// add takes the payment of row number t, due on due.
func (p *plainPass) add(t int, due money.Date, pay money.Amount) {
	if !p.ok {
		return
	}
	u, ok := pay.Units(p.places)
	if !ok || u < 0 || u > 1<<62 || t <= p.prev {
		p.ok = false
		return
	}
	if u == 0 {
		return
	}
	p.maxUnits = max(p.maxUnits, u)
	switch runs, k := p.runs(), p.nRuns-1; {
	case t == p.prev+1 && k >= 0 && runs[k].u == u:
		runs[k].n++ // the next of a run of equal payments: most rows
	case t > p.prev+1:
		p.addRun(0, t-p.prev-1) // rows paying nothing
		fallthrough
	default:
		p.addRun(u, 1)
	}
	var c uint64
	p.sumLo, c = bits.Add64(p.sumLo, uint64(u), 0)
	p.sumHi += c
	p.prev = t
	if !p.dated {
		return
	}
	switch day, last := int64(max(due.Sub(p.start), 0)), p.n-1; {
	case day < p.days[last] || p.n == len(p.days):
		p.ok = false
	case day == p.days[last]: // on the day of the row before
		p.units[last] += u
		p.ok = p.units[last] <= 1<<62
	default:
		p.days[p.n], p.units[p.n] = day, u
		p.n++
	}
}

func (p *plainPass) addRun(u int64, n int) {
	runs := p.runs()
	if k := len(runs) - 1; k >= 0 && runs[k].u == u {
		runs[k].n += n
		return
	}
	r := flowRun{c: sfInt(u), u: u, n: n}
	switch {
	case p.nRuns < len(p.runBuf):
		p.runBuf[p.nRuns] = r
	case p.spill == nil:
		// Sized once for every run the payments can make (a run of
		// payments and one of the gap before it, each), so that it is only
		// resliced later: an append storing a grown slice in p would make
		// the escape analysis move p, and the flows buffer, to the heap.
		p.spill = make([]flowRun, len(p.runBuf), max(2*p.payments+1, len(p.runBuf)+1))
		copy(p.spill, p.runBuf[:])
		fallthrough
	default:
		if len(p.spill) == cap(p.spill) {
			p.ok = false // more runs than payments allow: not a pass's input
			return
		}
		p.spill = p.spill[:len(p.spill)+1]
		p.spill[len(p.spill)-1] = r
	}
	p.nRuns++
}

// rates solves for the rates at perYear periods a year (without the
// XIRR: see xirr).
func (p *plainPass) rates(perYear int64) (Rates, bool) {
	if !p.ok || p.prev == 0 {
		return Rates{}, false
	}
	runs := p.runs()
	slices.Reverse(runs) // flowRuns lists them from the last period
	v, ok := solveRunsFast(p.p0, runs, sf{m: f128{hi: p.sumHi, lo: p.sumLo}.norm()})
	if !ok {
		return Rates{}, false
	}
	r, close, err := roundRatesFast(v, perYear)
	if err != nil || close {
		return Rates{}, false
	}
	return r, true
}

// xirr returns r with the XIRR of a dated pass's flows. The problem lives
// here, on the stack, beside the flows it reads.
func (p *plainPass) xirr(r Rates) (Rates, error) {
	x := xirrUnits(p.days[:p.n], p.units[:p.n])
	return r.withXIRR(&x)
}

// plainPrice is Price by one plainPass over the rows of a regular
// schedule of t; ok false leaves s to the general path.
func (t Terms) plainPrice(s Schedule) (priced Schedule, ok bool, err error) {
	var buf [2 * plainStackFlows]int64
	p := newPlainPass(t.Principal, t.StartDate, t.Rounding.Places(), len(s.Rows), true, buf[:])
	for i := range s.Rows {
		p.add(s.Rows[i].Number, s.Rows[i].DueDate, s.Rows[i].Payment)
	}
	r, ok := p.rates(t.Frequency.PerYear())
	if !ok {
		return s, false, nil
	}
	if s.Rates, err = p.xirr(r); err != nil {
		return Schedule{}, true, err
	}
	return s, true, nil
}
