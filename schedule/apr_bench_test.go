package schedule

import (
	"testing"

	"github.com/repayplan/repayplan/money"
)

// mortgageAPR is the apr request of the budget mortgage: its 360
// payments, dated by its calendar, so that APR solves what Price solves
// inside New (IRR, APR, effective rate and XIRR).
var mortgageAPR = func() APRRequest {
	s, err := Amortize(mortgage)
	if err != nil {
		panic(err)
	}
	r := APRRequest{Principal: mortgage.Principal, StartDate: mortgage.StartDate}
	for _, row := range s.Rows {
		r.Payments = append(r.Payments, row.Payment)
	}
	return r
}()

var ratesSink Rates

// BenchmarkAPR360 is the apr kind on the budget mortgage's payments.
func BenchmarkAPR360(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := APR(mortgageAPR)
		if err != nil {
			b.Fatal(err)
		}
		ratesSink = r
	}
}

// BenchmarkPrice360 is the same solve inside New: Price on the amortized
// rows. BenchmarkAPR360 is to cost no more.
func BenchmarkPrice360(b *testing.B) {
	s, err := Amortize(mortgage)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		p, err := mortgage.Price(s)
		if err != nil {
			b.Fatal(err)
		}
		ratesSink = p.Rates
	}
}

// BenchmarkAPR360Float64 is their float64 baseline: the rates of the
// same payments by Newton's method (floatRates), then the XIRR by their
// days (floatXIRR).
func BenchmarkAPR360Float64(b *testing.B) {
	rows, _ := floatSchedule360(1_000_000, 0.049, 360, mortgage.StartDate)
	b.ReportAllocs()
	days := make([]float64, len(rows))
	for b.Loop() {
		_, apr, ear := floatRates(1_000_000, rows)
		for j := range rows {
			days[j] = float64(rows[j].due.Sub(mortgage.StartDate))
		}
		floatRateSink = apr + floatXIRR(1_000_000, days, rows, ear)
	}
}

func TestAPRRequestMatchesNew(t *testing.T) {
	// The benchmark pair solves the same thing: the apr request of the
	// mortgage's payments has New's rates, XIRR included.
	s, err := New(mortgage)
	if err != nil {
		t.Fatal(err)
	}
	r, err := APR(mortgageAPR)
	if err != nil {
		t.Fatal(err)
	}
	if r.IRR != s.Rates.IRR || r.APR != s.Rates.APR || r.EffectiveAnnualRate != s.Rates.EffectiveAnnualRate || *r.XIRR != *s.Rates.XIRR {
		t.Fatalf("apr %+v, New %+v", r, s.Rates)
	}
	if got := money.New(1_000_000, 0); !got.Equal(mortgageAPR.Principal) {
		t.Fatal(got)
	}
}
