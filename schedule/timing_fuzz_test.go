package schedule

import (
	"math/big"
	"testing"
	"time"

	"github.com/repayplan/repayplan/money"
)

// FuzzDatedAPR decodes arbitrary apr requests, dated or not: APR must never
// panic or hang, and a rate it returns must be bracketed by the exact
// Appendix J equation (or, undated, the plain IRR's).
func FuzzDatedAPR(f *testing.F) {
	for _, seed := range []string{
		`{"principal":"6000","payments":["200","200","200"],"start_date":"1978-02-10","first_due_date":"1978-04-01"}`,
		`{"principal":"500","payments":["17.60","17.60"],"start_date":"1978-03-20","first_due_date":"1978-04-21","frequency":"weekly"}`,
		`{"principal":"10000","payments":["385","385","385"],"start_date":"1978-05-23","first_due_date":"1978-10-01","frequency":"quarterly","periods_per_year":4}`,
		`{"principal":"1000","payments":["1100"],"periods_per_year":1}`,
		`{"principal":"1","payments":["1000000000000000"],"start_date":"2200-01-01","first_due_date":"2200-12-31"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var req APRRequest
		if money.DecodeJSON(data, &req) != nil || len(req.Payments) > 120 {
			return
		}
		r, err := APR(req)
		if err != nil || req.StartDate.IsZero() {
			return
		}
		if r.XIRR == nil {
			t.Fatalf("%s: dated rates without xirr", data)
		}
		cal := Terms{StartDate: req.StartDate, FirstDueDate: req.FirstDueDate, Frequency: req.Frequency}.calendar()
		tm := cal.timer()
		flows, at := make([]Flow, 0, len(req.Payments)), make([]timing, 0, len(req.Payments))
		for i, p := range req.Payments {
			if p.IsZero() {
				continue
			}
			x := tm.at(i+1, cal.due(i+1))
			flows, at = append(flows, Flow{Period: int(x.t), Amount: p}), append(at, x)
		}
		half := big.NewRat(5, 10_000_000)
		irr := r.IRR.Ratio().Rat()
		lo := appendixJ(req.Principal, flows, at, new(big.Rat).Sub(irr, half))
		hi := appendixJ(req.Principal, flows, at, new(big.Rat).Add(irr, half))
		if lo.Sign() < 0 || hi.Sign() > 0 {
			t.Fatalf("%s: irr %s not bracketed", data, r.IRR)
		}
	})
}

// FuzzXIRR feeds arbitrary dated flows to XIRR: never a panic or a hang,
// and a rate within the bracket SPEC §2 sets.
func FuzzXIRR(f *testing.F) {
	f.Add(int64(-1000), int64(1100), int64(0), uint16(365), uint16(0), uint8(2))
	f.Add(int64(-10000), int64(2750), int64(4250), uint16(60), uint16(303), uint8(0))
	f.Add(int64(1), int64(-1), int64(1), uint16(1), uint16(1), uint8(12))
	f.Fuzz(func(t *testing.T, a, b, c int64, d1, d2 uint16, places uint8) {
		start := money.NewDate(2000, time.January, 1)
		p := int(places % 13)
		flows := []DatedFlow{
			{start, money.New(a, p)},
			{start.AddDays(int(d1)), money.New(b, p)},
			{start.AddDays(int(d1) + int(d2)), money.New(c, p)},
		}
		x, err := XIRR(flows)
		if err != nil {
			return
		}
		if x.Cmp(money.NewRate(-990_000, 6)) < 0 || x.Cmp(money.NewRate(100_000_001, 6)) > 0 {
			t.Fatalf("%+v: xirr %s outside the bracket", flows, x)
		}
	})
}
