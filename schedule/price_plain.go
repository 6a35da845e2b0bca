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
	runs        []flowRun
	runBuf      [8]flowRun
	sumHi       uint64 // the sum of the payments, 128 bits
	sumLo       uint64
	prev        int   // the period of the last paying row
	maxUnits    int64 // the largest payment
	dated       bool
	ok          bool
}

// newPlainPass starts a pass over at most n payments of a loan of
// principal made on start, in units of places; dated says whether to list
// the XIRR's flows.
func newPlainPass(principal money.Amount, start money.Date, places, n int, dated bool) *plainPass {
	p := &plainPass{start: start, places: places, dated: dated}
	p0, ok := principal.Units(places)
	if !ok || p0 <= 0 || p0 > 1<<62 {
		return p
	}
	if dated {
		buf := make([]int64, 2*(n+1))
		p.days, p.units, p.n = buf[:n+1], buf[n+1:], 1
		p.units[0] = -p0
	}
	p.p0, p.ok = p0, true
	p.runs = p.runBuf[:0]
	return p
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
	switch k := len(p.runs) - 1; {
	case t == p.prev+1 && k >= 0 && p.runs[k].u == u:
		p.runs[k].n++ // the next of a run of equal payments: most rows
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
	if k := len(p.runs) - 1; k >= 0 && p.runs[k].u == u {
		p.runs[k].n += n
		return
	}
	p.runs = append(p.runs, flowRun{c: sfInt(u), u: u, n: n})
}

// rates solves for the rates at perYear periods a year, and returns them
// with the XIRR's problem.
func (p *plainPass) rates(perYear int64) (Rates, *xirrProblem, bool) {
	if !p.ok || p.prev == 0 {
		return Rates{}, nil, false
	}
	slices.Reverse(p.runs) // flowRuns lists them from the last period
	v, ok := solveRunsFast(p.p0, p.runs, sf{m: f128{hi: p.sumHi, lo: p.sumLo}.norm()})
	if !ok {
		return Rates{}, nil, false
	}
	r, close, err := roundRatesFast(v, perYear)
	if err != nil || close {
		return Rates{}, nil, false
	}
	if !p.dated {
		return r, nil, true
	}
	return r, newXIRRUnits(p.days[:p.n], p.units[:p.n]), true
}

// plainRates is a plainPass over the rows of a regular schedule of t.
func (t Terms) plainRates(rows []Row) (Rates, *xirrProblem, bool) {
	p := newPlainPass(t.Principal, t.StartDate, t.Rounding.Places(), len(rows), true)
	for i := range rows {
		p.add(rows[i].Number, rows[i].DueDate, rows[i].Payment)
	}
	return p.rates(t.Frequency.PerYear())
}
