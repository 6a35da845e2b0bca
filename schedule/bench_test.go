package schedule

import (
	"math"
	"slices"
	"testing"

	"github.com/repayplan/repayplan/money"
)

// The SPEC §7 budget case: 1,000,000 at 4.9 % over 360 months.
var mortgage = Terms{
	Principal:  money.New(1_000_000, 0),
	AnnualRate: money.MustParseRate("0.049"),
	Periods:    360,
	StartDate:  money.MustParseDate("2024-01-15"),
}

var sink Schedule

// BenchmarkSchedule360 builds the rows and totals of the budget schedule
// exactly (everything but the IRR), as bulk work does: AmortizeInto one
// reused row buffer. Its baseline reuses its buffer too, so the pair
// compares the arithmetic, not the allocator (BenchmarkAmortize360 is the
// allocating pair).
func BenchmarkSchedule360(b *testing.B) {
	b.ReportAllocs()
	var buf []Row
	for b.Loop() {
		s, err := AmortizeInto(buf, mortgage)
		if err != nil {
			b.Fatal(err)
		}
		buf, sink = s.Rows, s
	}
}

// BenchmarkAmortize360 is BenchmarkSchedule360 with a new row array per
// schedule (Amortize): 360 rows of 136 bytes, one 48 KiB allocation.
func BenchmarkAmortize360(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := Amortize(mortgage)
		if err != nil {
			b.Fatal(err)
		}
		sink = s
	}
}

// BenchmarkScheduleWithRates360 is the same schedule with its IRR, APR and
// effective annual rate solved (New).
func BenchmarkScheduleWithRates360(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := New(mortgage)
		if err != nil {
			b.Fatal(err)
		}
		sink = s
	}
}

// floatRow mirrors Row with float64 amounts: the baseline, not the product
// (it misrounds ties and drifts on large balances).
type floatRow struct {
	number, days                                                     int
	due                                                              money.Date
	opening, principal, interest, fee, payment, closing, capitalized float64
}

var floatSink []floatRow

// floatSchedule360 is the same arithmetic in float64: the annuity payment
// via math.Pow, then per row the due date (by the same calendar code as the
// exact path), days, interest rounded to cents, principal, balance, the
// last row taking the residual, and the column totals.
func floatSchedule360(p, annual float64, n int, start money.Date) ([]floatRow, [4]float64) {
	return floatSchedule360Into(nil, p, annual, n, start)
}

// floatSchedule360Into is floatSchedule360 writing into dst's array when it
// has room.
func floatSchedule360Into(dst []floatRow, p, annual float64, n int, start money.Date) ([]floatRow, [4]float64) {
	r := annual / 12
	g := math.Pow(1+r, float64(n))
	a := math.Round(p*r*g/(g-1)*100) / 100
	rows := slices.Grow(dst[:0], n)[:n]
	months := start.Months().From(1)
	bal, prev := p, start
	var totals [4]float64
	for i := range rows {
		due := months.Next()
		interest := math.Round(bal*r*100) / 100
		principal := a - interest
		if i == n-1 {
			principal = bal
		}
		rows[i] = floatRow{number: i + 1, days: due.Sub(prev), due: due, opening: bal, principal: principal,
			interest: interest, payment: principal + interest, closing: bal - principal}
		totals[0] += principal
		totals[1] += interest
		totals[3] += principal + interest
		bal -= principal
		prev = due
	}
	return rows, totals
}

// BenchmarkSchedule360Float64 is the float64 baseline of
// BenchmarkSchedule360, reusing its row buffer likewise.
func BenchmarkSchedule360Float64(b *testing.B) {
	b.ReportAllocs()
	var buf []floatRow
	for b.Loop() {
		buf, _ = floatSchedule360Into(buf, 1_000_000, 0.049, 360, mortgage.StartDate)
		floatSink = buf
	}
}

// BenchmarkAmortize360Float64 is the float64 baseline of
// BenchmarkAmortize360: new rows per schedule, 360 of 80 bytes.
func BenchmarkAmortize360Float64(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		floatSink, _ = floatSchedule360(1_000_000, 0.049, 360, mortgage.StartDate)
	}
}

// floatRates is the IRR, APR and effective rate of float rows by Newton's
// method on v = 1/(1+i), as the exact solver does, in float64.
func floatRates(p float64, rows []floatRow) (irr, apr, ear float64) {
	v := 1.0
	for range 100 {
		var q, dq float64
		for t := len(rows) - 1; t >= 0; t-- {
			dq = dq*v + q
			q = q*v + rows[t].payment
		}
		f, d := v*q-p, q+v*dq
		step := f / d
		v -= step
		if math.Abs(step) < 1e-15 {
			break
		}
	}
	irr = 1/v - 1
	return irr, irr * 12, math.Pow(1+irr, 12) - 1
}

var floatRateSink float64

// BenchmarkScheduleWithRates360Float64 is the float64 baseline of
// BenchmarkScheduleWithRates360: the rows, then the rates, then the XIRR
// by the rows' days (floatXIRR, timing_bench_test.go).
func BenchmarkScheduleWithRates360Float64(b *testing.B) {
	b.ReportAllocs()
	days := make([]float64, 360)
	for b.Loop() {
		rows, _ := floatSchedule360(1_000_000, 0.049, 360, mortgage.StartDate)
		_, apr, ear := floatRates(1_000_000, rows)
		for j := range rows {
			days[j] = float64(rows[j].due.Sub(mortgage.StartDate))
		}
		floatRateSink = apr + floatXIRR(1_000_000, days, rows, ear)
		floatSink = rows
	}
}

// BenchmarkScheduleWithRates360Reuse is New as bulk work runs it: rows
// into one reused buffer (AmortizeInto), then Price. Its baseline reuses
// its rows too.
func BenchmarkScheduleWithRates360Reuse(b *testing.B) {
	b.ReportAllocs()
	var buf []Row
	for b.Loop() {
		s, err := AmortizeInto(buf, mortgage)
		if err != nil {
			b.Fatal(err)
		}
		if s, err = mortgage.Price(s); err != nil {
			b.Fatal(err)
		}
		buf, sink = s.Rows, s
	}
}

// BenchmarkScheduleWithRates360ReuseFloat64 is its float64 baseline.
func BenchmarkScheduleWithRates360ReuseFloat64(b *testing.B) {
	b.ReportAllocs()
	var rows []floatRow
	days := make([]float64, 360)
	for b.Loop() {
		rows, _ = floatSchedule360Into(rows, 1_000_000, 0.049, 360, mortgage.StartDate)
		_, apr, ear := floatRates(1_000_000, rows)
		for j := range rows {
			days[j] = float64(rows[j].due.Sub(mortgage.StartDate))
		}
		floatRateSink = apr + floatXIRR(1_000_000, days, rows, ear)
		floatSink = rows
	}
}

func TestFloatBaselineMatchesOnTheBudgetCase(t *testing.T) {
	// The baseline computes the same thing: on this loan it happens to
	// agree with the exact schedule to the cent.
	rows, _ := floatSchedule360(1_000_000, 0.049, 360, mortgage.StartDate)
	s, err := New(mortgage)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if got := money.New(int64(math.Round(r.payment*100)), 2); !got.Equal(s.Rows[i].Payment) {
			t.Fatalf("row %d: float %s, exact %s", i+1, got, s.Rows[i].Payment)
		}
	}
	_, apr, _ := floatRates(1_000_000, rows)
	if got := money.New(int64(math.Round(apr*1e6)), 6); got.String() != s.Rates.APR.String() {
		t.Fatalf("apr float %s exact %s", got, s.Rates.APR)
	}
}
