package schedule

import (
	"math"
	"testing"
)

func BenchmarkExpPaymentTimes(b *testing.B) {
	s, _ := Amortize(mortgage)
	b.ReportAllocs()
	for b.Loop() {
		mortgage.paymentTimes(s.Rows)
	}
}

func BenchmarkExpSolveTimed(b *testing.B) {
	s, _ := Amortize(mortgage)
	flows, at, _ := mortgage.paymentTimes(s.Rows)
	b.ReportAllocs()
	for b.Loop() {
		solveTimed(mortgage.Principal, flows, at, 12)
	}
}

func BenchmarkExpDiscountFast(b *testing.B) {
	s, _ := Amortize(mortgage)
	flows, _, _ := mortgage.paymentTimes(s.Rows)
	b.ReportAllocs()
	for b.Loop() {
		solveDiscountFast(mortgage.Principal, flows)
	}
}

func BenchmarkExpXIRR(b *testing.B) {
	s, _ := Amortize(mortgage)
	b.ReportAllocs()
	for b.Loop() {
		_, _, xp := mortgage.paymentTimes(s.Rows)
		xp.solve(true, 0.05)
	}
}

func BenchmarkExpPrice(b *testing.B) {
	s, _ := Amortize(mortgage)
	b.ReportAllocs()
	for b.Loop() {
		mortgage.Price(s)
	}
}

func TestExpCountNewton(t *testing.T) {
	s, _ := Amortize(mortgage)
	flows, _, _ := mortgage.paymentTimes(s.Rows)
	places := 2
	runs, _, _ := flowRuns(nil, flows, places)
	t.Logf("runs %d", len(runs))
	P := sfInt(100000000)
	v := sfInt(1)
	if x, ok := newtonRunsFloat(runs, 1e8); ok {
		v = sfFloat(x)
	}
	for k := 0; k < 20; k++ {
		f, d := hornerRuns(runs, v, P)
		step := f.quo(d)
		next := v.sub(step)
		t.Logf("iter %d step exp %d", k, step.m.e+128-(v.m.e+128))
		if step.isZero() || step.m.e+128 < v.m.e+128-110 {
			break
		}
		v = next
	}
}

func BenchmarkExpFloatRates(b *testing.B) {
	rows, _ := floatSchedule360(1_000_000, 0.049, 360, mortgage.StartDate)
	for b.Loop() {
		floatRates(1_000_000, rows)
	}
}

func BenchmarkExpFloatXIRR(b *testing.B) {
	rows, _ := floatSchedule360(1_000_000, 0.049, 360, mortgage.StartDate)
	_, _, ear := floatRates(1_000_000, rows)
	days := make([]float64, 360)
	for j := range rows {
		days[j] = float64(rows[j].due.Sub(mortgage.StartDate))
	}
	for b.Loop() {
		floatXIRR(1_000_000, days, rows, ear)
	}
}

func BenchmarkExpXIRRSolveOnly(b *testing.B) {
	s, _ := Amortize(mortgage)
	_, _, xp := mortgage.paymentTimes(s.Rows)
	xp.normalize()
	for b.Loop() {
		xp.newtonFloat(math.Pow(1+0.05, -1.0/365))
	}
}

func BenchmarkExpRoundRates(b *testing.B) {
	s, _ := Amortize(mortgage)
	flows, _, _ := mortgage.paymentTimes(s.Rows)
	v, _ := solveDiscountFast(mortgage.Principal, flows)
	for b.Loop() {
		roundRates(v, 12)
	}
}
