package plan

import (
	"math"
	"testing"
)

// BenchmarkOffers builds the full offer set for one account: a
// settlement, 5 interest-frozen and 5 flat-fee installment plans (6–60
// months), 3 deferrals and the minimum-only projection — 15 candidates, 13
// schedules, 8 APRs solved.
func BenchmarkOffers(b *testing.B) {
	r := account()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Offers(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOffersFloat64 is the baseline of SPEC §7: the same arithmetic
// on float64 (which misrounds ties, so it is not the product).
func BenchmarkOffersFloat64(b *testing.B) {
	b.ReportAllocs()
	var sink float64
	for b.Loop() {
		sink += floatOffers(20000, 1500, 300, 800, 200)
	}
	_ = sink
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// floatOffers mirrors candidates() with CNCardPolicy in float64 and
// returns a checksum so nothing is optimized away.
func floatOffers(p, i, f, pen, late float64) float64 {
	total := p + i + f + pen + late
	sum := total - (pen + late + round2(i*0.5)) // settlement
	rows := make([]float64, 0, 72)
	for _, n := range []int{6, 12, 24, 36, 60} {
		base := total - pen - late // frozen: equal principal at 0 %
		rows = floatEqualPrincipal(rows[:0], base, n, 0)
		sum += floatSum(rows)
		rows = floatEqualPrincipal(rows[:0], total, n, round2(total*0.006)) // flat fee
		sum += floatIRR(total, rows) * 12
	}
	for k := 1; k <= 3; k++ {
		rows = floatDeferral(rows[:0], total, 0.18/12, 12, k)
		sum += floatIRR(total, rows) * 12
	}
	return sum + floatMinimum(total, 0.015, 0.10, 10)
}

func floatEqualPrincipal(rows []float64, base float64, n int, fee float64) []float64 {
	share := round2(base / float64(n))
	for j := 0; j < n; j++ {
		pr := share
		if j == n-1 {
			pr = round2(base - share*float64(n-1))
		}
		rows = append(rows, pr+fee)
	}
	return rows
}

func floatDeferral(rows []float64, bal, r float64, n, k int) []float64 {
	for j := 0; j < k; j++ {
		bal = round2(bal + round2(bal*r))
		rows = append(rows, 0)
	}
	q := math.Pow(1+r, float64(n))
	a := round2(bal * r * q / (q - 1))
	for j := 0; j < n; j++ {
		in := round2(bal * r)
		pr := a - in
		if j == n-1 {
			pr = bal
		}
		bal = round2(bal - pr)
		rows = append(rows, pr+in)
	}
	return rows
}

func floatSum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// floatIRR solves Σ c_t v^t = p0 for the periodic rate by Newton.
func floatIRR(p0 float64, c []float64) float64 {
	v := 1.0
	for it := 0; it < 100; it++ {
		q, dq := 0.0, 0.0
		for t := len(c) - 1; t >= 0; t-- {
			dq = dq*v + q
			q = q*v + c[t]
		}
		fv, d := v*q-p0, q+v*dq
		step := fv / d
		v -= step
		if math.Abs(step) < 1e-15*v {
			break
		}
	}
	return 1/v - 1
}

func floatMinimum(b, r, pct, floor float64) float64 {
	paid := 0.0
	for c := 0; c < MaxCycles && b > 0; c++ {
		in := round2(b * r)
		m := math.Max(round2(b*pct+in), floor)
		b += in
		pay := math.Min(m, b)
		b = round2(b - pay)
		paid += pay
	}
	return paid
}
