package penalty_test

import (
	"math"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// benchAccount is SPEC §7's accrual benchmark: a card installment plan of
// 12 monthly installments, 6 payments, daily penalty on principal and
// interest with a forgiving grace and a percent late fee.
func benchAccount() penalty.Account {
	first := money.MustParseDate("2024-01-15")
	a := penalty.Account{AsOf: money.MustParseDate("2025-03-01")}
	for k := range 12 {
		a.Installments = append(a.Installments, penalty.Installment{DueDate: first.AddMonths(k),
			Principal: money.MustParse("1000.00"), Interest: money.MustParse("45.50"), Fee: money.MustParse("6.00")})
	}
	for k, amt := range []string{"1051.50", "800.00", "1500.00", "300.00", "2000.00", "999.99"} {
		a.Payments = append(a.Payments, penalty.Payment{Date: first.AddMonths(2 * k).AddDays(9), Amount: money.MustParse(amt)})
	}
	a.Policy = penalty.Policy{
		PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
		Base:        penalty.PrincipalAndInterest,
		GraceDays:   3,
		LateFee:     penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05"), Min: money.MustParse("10")},
	}
	return a
}

func BenchmarkAccrual(b *testing.B) {
	a := benchAccount()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := penalty.Accrue(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAccrualFloat64(b *testing.B) {
	a := toFloat(benchAccount())
	b.ReportAllocs()
	for b.Loop() {
		accrueFloat(a)
	}
}

// The float64 baseline must compute the same figures on the benchmark
// account, or it would not be a fair baseline.
func TestFloat64BaselineAgrees(t *testing.T) {
	a := benchAccount()
	s, err := penalty.Accrue(a)
	require.NoError(t, err)
	f := accrueFloat(toFloat(a))
	require.Len(t, f.segments, len(s.Explanation.Segments))
	for k, b := range s.Installments {
		for c, want := range []money.Amount{b.Penalty, b.LateFee, b.Fee, b.Interest, b.Principal} {
			got := money.New(int64(math.Round(f.owed[k][c]*100)), 2)
			require.True(t, got.Equal(want), "installment %d component %d: float %v, exact %s", k+1, c, f.owed[k][c], want)
		}
	}
}

// The float64 implementation of the same arithmetic, for the baseline
// only: it covers what benchAccount uses (daily rate, principal+interest
// base, forgiving grace, percent late fee with a minimum, allocation by
// installment) and builds the same explanation records.

type floatAccount struct {
	asOf   int
	due    []int
	owed   [][5]float64 // penalty, late fee, fee, interest, principal
	pays   []floatPay
	rate   float64
	grace  int
	lfRate float64
	lfMin  float64
}

type floatPay struct {
	day    int
	amount float64
}

type floatSegment struct {
	inst, from, to int
	base, amount   float64
	contingent     bool
}

type floatAlloc struct {
	inst, comp int
	amount     float64
}

type floatResult struct {
	owed     [][5]float64
	segments []floatSegment
	allocs   []floatAlloc
}

func toFloat(a penalty.Account) floatAccount {
	day := func(d money.Date) int { return d.Sub(money.MustParseDate("2000-01-01")) }
	fl := func(x money.Amount) float64 { v, _ := x.Decimal().Float64(); return v }
	rf := func(r money.Rate) float64 { v, _ := r.Decimal().Float64(); return v }
	f := floatAccount{asOf: day(a.AsOf), rate: rf(a.Policy.PenaltyRate.Rate), grace: a.Policy.GraceDays,
		lfRate: rf(a.Policy.LateFee.Rate), lfMin: fl(a.Policy.LateFee.Min)}
	for _, in := range a.Installments {
		f.due = append(f.due, day(in.DueDate))
		f.owed = append(f.owed, [5]float64{0, 0, fl(in.Fee), fl(in.Interest), fl(in.Principal)})
	}
	for _, p := range a.Payments {
		f.pays = append(f.pays, floatPay{day(p.Date), fl(p.Amount)})
	}
	return f
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func accrueFloat(a floatAccount) floatResult {
	n := len(a.due)
	r := floatResult{owed: make([][5]float64, n)}
	copy(r.owed, a.owed)
	contingent := make([]float64, n)
	segStart := make([]int, n)
	open := make([]bool, n)
	var days []int
	for k, d := range a.due {
		days = append(days, d, d+a.grace+1)
		segStart[k] = d
	}
	for _, p := range a.pays {
		days = append(days, p.day)
	}
	days = append(days, a.asOf)
	sort.Ints(days)
	pi := 0
	prev := -1
	for _, x := range days {
		if x == prev || x > a.asOf {
			continue
		}
		prev = x
		split := x == a.asOf || (pi < len(a.pays) && a.pays[pi].day == x)
		for k := range n {
			graceEnd := a.due[k] + a.grace + 1
			if open[k] && (split || x == graceEnd) {
				base := r.owed[k][4] + r.owed[k][3]
				if d := x - segStart[k]; d > 0 && base > 0 {
					amt := round2(base * a.rate * float64(d))
					cont := x <= graceEnd
					if cont {
						contingent[k] += amt
					} else {
						r.owed[k][0] += amt
					}
					r.segments = append(r.segments, floatSegment{k, segStart[k], x, base, amt, cont})
				}
				segStart[k] = x
			}
			if x == a.due[k] && x < a.asOf {
				open[k], segStart[k] = true, x
			}
			if x == graceEnd {
				unpaid := r.owed[k][2] + r.owed[k][3] + r.owed[k][4]
				if unpaid > 0 {
					r.owed[k][0] += contingent[k]
					r.owed[k][1] += math.Max(round2(unpaid*a.lfRate), a.lfMin)
				}
				contingent[k] = 0
			}
		}
		for ; pi < len(a.pays) && a.pays[pi].day == x; pi++ {
			left := a.pays[pi].amount
			for _, due := range []bool{true, false} {
				for k := 0; k < n && left > 0; k++ {
					if (a.due[k] <= x) != due {
						continue
					}
					for c := range 5 {
						take := math.Min(left, r.owed[k][c])
						if take > 0 {
							r.owed[k][c] = round2(r.owed[k][c] - take)
							left = round2(left - take)
							r.allocs = append(r.allocs, floatAlloc{k, c, take})
						}
					}
				}
			}
		}
	}
	return r
}
