package schedule

import (
	"math"
	"testing"

	"github.com/repayplan/repayplan/money"
)

// oddMortgage is the budget mortgage with a long first period: disbursed
// 2024-01-01, first due 2024-02-15 (1 month + 14 odd days), so every rate
// goes through the Appendix J general equation with a fraction.
var oddMortgage = func() Terms {
	t := mortgage
	t.StartDate = money.MustParseDate("2024-01-01")
	t.FirstDueDate = money.MustParseDate("2024-02-15")
	return t
}()

// BenchmarkScheduleOddFirstPeriod360 builds and prices the odd-period
// mortgage (New): rows, Appendix J rates at 128 bits, XIRR.
func BenchmarkScheduleOddFirstPeriod360(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := New(oddMortgage)
		if err != nil {
			b.Fatal(err)
		}
		sink = s
	}
}

// floatAppendixJ solves P = Σ c_j/((1 + f·i)(1+i)^t_j) by Newton's method
// in float64, the payments at t = 1..n after a common odd fraction f: the
// same equation as the exact solver.
func floatAppendixJ(p, f float64, rows []floatRow) float64 {
	i := 0.0
	for range 100 {
		v := 1 / (1 + i)
		var q, dq float64
		for t := len(rows) - 1; t >= 0; t-- {
			dq = dq*v + q
			q = q*v + rows[t].payment
		}
		q, dq = q*v, (q+v*dq)*v // Σ c v^t and d/dv of it, t from 1
		w := 1 / (1 + f*i)
		g := w*q - p
		d := -f*w*w*q - w*v*v*dq
		step := g / d
		i -= step
		if math.Abs(step) < 1e-15 {
			break
		}
	}
	return i
}

// floatXIRR solves P = Σ c_j (1+x)^(−d_j/365) by Newton's method on
// u = (1+x)^(−1/365) in float64, from the guess x0, by Horner's rule over
// the gaps between days with the powers of each distinct gap computed once:
// the same evaluation as the exact path's float64 search.
func floatXIRR(p float64, days []float64, rows []floatRow, x0 float64) float64 {
	u := math.Pow(1+x0, -1.0/365)
	for range 100 {
		var gaps, pows [8]float64
		ng := 0
		pow := func(g float64) float64 {
			for k := 0; k < ng; k++ {
				if gaps[k] == g {
					return pows[k]
				}
			}
			v := math.Pow(u, g)
			if ng < len(gaps) {
				gaps[ng], pows[ng] = g, v
				ng++
			}
			return v
		}
		var q, dq float64
		for j := len(rows) - 1; j >= 0; j-- {
			if j < len(rows)-1 {
				g := days[j+1] - days[j]
				pw := pow(g)
				dq = dq*pw + q*g*pw/u
				q *= pw
			}
			q += rows[j].payment
		}
		pw := pow(days[0])
		f, d := q*pw-p, dq*pw+q*days[0]*pw/u
		step := f / d
		u -= step
		if math.Abs(step) < 1e-15 {
			break
		}
	}
	return math.Pow(u, -365) - 1
}

var floatDaysSink []float64

// BenchmarkScheduleOddFirstPeriod360Float64 is its float64 baseline: the
// rows of the budget schedule, then the Appendix J rate with the odd
// fraction 14/30, then the XIRR by days.
func BenchmarkScheduleOddFirstPeriod360Float64(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		rows, _ := floatSchedule360(1_000_000, 0.049, 360, oddMortgage.StartDate)
		days := make([]float64, len(rows))
		for j := range rows {
			days[j] = float64(rows[j].due.Sub(oddMortgage.StartDate) + 45 - 31)
		}
		i := floatAppendixJ(1_000_000, 14.0/30, rows)
		floatRateSink = i + floatXIRR(1_000_000, days, rows, math.Pow(1+i, 12)-1)
		floatSink, floatDaysSink = rows, days
	}
}

// manyFlows is issue 13's case: one outlay and 99 999 daily receipts.
var manyFlows = func() []DatedFlow {
	flows := make([]DatedFlow, 100_000)
	start := money.MustParseDate("1901-01-01")
	flows[0] = DatedFlow{start, money.New(-1000, 0)}
	for i := 1; i < len(flows); i++ {
		flows[i] = DatedFlow{start.AddDays(i), money.MustParse("0.0137")}
	}
	return flows
}()

// BenchmarkXIRR100k is XIRR over 100 000 dated flows, proved rounding and
// all.
func BenchmarkXIRR100k(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := XIRR(manyFlows); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkXIRR100kFloat64 is its float64 baseline: Newton's method on the
// same 100 000 flows.
func BenchmarkXIRR100kFloat64(b *testing.B) {
	b.ReportAllocs()
	days := make([]float64, len(manyFlows)-1)
	rows := make([]floatRow, len(manyFlows)-1)
	for i := range rows {
		days[i] = float64(i + 1)
		rows[i].payment = 0.0137
	}
	for b.Loop() {
		floatRateSink = floatXIRR(1000, days, rows, 0)
	}
}
