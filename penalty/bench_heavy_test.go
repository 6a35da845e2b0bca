package penalty_test

import (
	"context"
	"testing"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// heavyGrace is the issue 13 shape just inside MaxExplanationRecords:
// 1 200 installments in a forgiving ten-year grace, cut by 80 payment
// dates of 0.01 — about 98 000 segments.
func heavyGrace() penalty.Account {
	p := penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
		Base: penalty.PrincipalAndInterest, GraceDays: 3650}
	a := penalty.Account{AsOf: money.MustParseDate("2100-12-31"), Installments: monthlyDues(money.MustParseDate("2000-01-10"), 1200), Policy: p}
	for k := range 80 {
		a.Payments = append(a.Payments, penalty.Payment{Date: money.MustParseDate("2100-01-01").AddDays(2 * k), Amount: money.New(1, 2)})
	}
	return a
}

// BenchmarkAccrueContextHeavy is AccrueContext at the record limit, beside
// BenchmarkAccrueHeavyFloat64, the float64 baseline of the same segments
// and allocations.
func BenchmarkAccrueContextHeavy(b *testing.B) {
	a := heavyGrace()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := penalty.AccrueContext(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAccrueHeavyFloat64(b *testing.B) {
	a := toFloat(heavyGrace())
	b.ReportAllocs()
	for b.Loop() {
		accrueFloat(a)
	}
}
