package penalty_test

import (
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// The heavy shapes of issue 13: valid accounts whose cost grew with the
// product of their counts. Each is now either accrued within a stated
// bound or rejected before the work with an error naming the field.

// Bounds one accrual of a heavy shape is held to. Memory is what the call
// allocates in total (runtime.MemStats.TotalAlloc), which is deterministic;
// time is wall time, measured as the fastest of a few runs because the
// test machine is shared.
const (
	heavyTime   = 200 * time.Millisecond
	heavyMemory = 64 << 20
)

// monthlyDues is n installments of 1000.00 principal and 50.00 interest,
// due monthly from first.
func monthlyDues(first money.Date, n int) []penalty.Installment {
	ins := make([]penalty.Installment, n)
	for k := range ins {
		ins[k] = penalty.Installment{DueDate: first.AddMonths(k),
			Principal: money.New(100000, 2), Interest: money.New(5000, 2)}
	}
	return ins
}

func heavyPolicy() penalty.Policy {
	return penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily}}
}

// measure accrues a and returns its statement or error, the fastest wall
// time of runs calls and the bytes one call allocates.
func measure(t *testing.T, a penalty.Account, runs int) (penalty.Statement, error, time.Duration, uint64) {
	t.Helper()
	var s penalty.Statement
	var err error
	best := time.Duration(1 << 62)
	var alloc uint64
	for range runs {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		start := time.Now()
		s, err = penalty.Accrue(a)
		d := time.Since(start)
		runtime.ReadMemStats(&m1)
		best = min(best, d)
		alloc = m1.TotalAlloc - m0.TotalAlloc
	}
	t.Logf("best of %d: %v, %.1f MB allocated, err=%v", runs, best, float64(alloc)/(1<<20), err)
	return s, err, best, alloc
}

func requireWithin(t *testing.T, d time.Duration, alloc uint64) {
	t.Helper()
	require.LessOrEqual(t, alloc, uint64(heavyMemory), "memory")
	require.LessOrEqual(t, d, heavyTime*timeScale, "time")
}

func requireRejected(t *testing.T, err error, field string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, money.ErrInvalid)
	var me *money.Error
	require.True(t, errors.As(err, &me))
	require.Equal(t, field, me.Field, err.Error())
}

// 1 200 installments × 10 000 percent waivers with no installment number:
// 12 million waiver applications (the 727 KB request that cost a
// gigabyte). Its bound from the counts is over the limit, so it runs on
// the budget and is rejected at the limit, naming waivers, within the
// bounds.
func TestHeavyPercentWaiversRejected(t *testing.T) {
	first := money.MustParseDate("1920-01-05")
	a := penalty.Account{AsOf: money.MustParseDate("2030-01-01"), Installments: monthlyDues(first, 1200), Policy: heavyPolicy()}
	for k := range penalty.MaxWaivers {
		a.Waivers = append(a.Waivers, penalty.Waiver{Date: money.MustParseDate("2020-01-01").AddDays(k % 3000),
			Component: penalty.PenaltyComponent, Percent: money.MustParseRate("0.01")})
	}
	_, err, d, alloc := measure(t, a, 3)
	requireRejected(t, err, "waivers")
	require.Contains(t, err.Error(), "12000000 waiver applications")
	requireWithin(t, d, alloc)
}

// The same waivers aimed at one installment each stay cheap and are
// accrued.
func TestHeavyTargetedWaiversAccrued(t *testing.T) {
	first := money.MustParseDate("2020-01-05")
	a := penalty.Account{AsOf: money.MustParseDate("2030-01-01"), Installments: monthlyDues(first, 100), Policy: heavyPolicy()}
	for k := range penalty.MaxWaivers {
		a.Waivers = append(a.Waivers, penalty.Waiver{Date: money.MustParseDate("2029-01-01").AddDays(k % 300),
			Component: penalty.PenaltyComponent, Percent: money.MustParseRate("0.01"), Installment: 1 + k%100})
	}
	s, err, d, alloc := measure(t, a, 3)
	require.NoError(t, err)
	require.Equal(t, penalty.MaxWaivers, len(s.Explanation.Waivers))
	requireWithin(t, d, alloc)
}

// A forgiving grace over 1 200 overdue installments with 160 payment
// dates (the shape): every payment date cuts every installment's
// accrual, and each grace end used to rescan every segment since its
// first contingent one. The ledger needs 1 200 × 161 segments, over the
// limit: rejected naming payments, within the bounds. With 80 payment
// dates it needs 1 200 × 81 (or 82, where the grace ends inside) and 80
// allocations (each 0.01 pays installment 1's interest, the contingent
// penalty not being payable): accrued within the bounds.
func TestHeavyContingentGrace(t *testing.T) {
	shape := func(n, payments int) penalty.Account {
		first := money.MustParseDate("2000-01-10")
		p := heavyPolicy()
		p.GraceDays = 3650 // every installment's grace outlasts the payments
		p.Base = penalty.PrincipalAndInterest
		a := penalty.Account{AsOf: money.MustParseDate("2100-12-31"), Installments: monthlyDues(first, n), Policy: p}
		for k := range payments {
			a.Payments = append(a.Payments, penalty.Payment{Date: money.MustParseDate("2100-01-01").AddDays(2 * k), Amount: money.New(1, 2)})
		}
		return a
	}
	_, err, d, alloc := measure(t, shape(1200, 160), 3)
	requireRejected(t, err, "payments")
	requireWithin(t, d, alloc)

	s, err, d, alloc := measure(t, shape(1200, 80), 3)
	require.NoError(t, err)
	// Each installment accrues from its due date to as_of, cut at the 80
	// payment dates (all after the last due date) and, for those whose
	// ten-year grace ends by as_of, at the grace end: 81 or 82 segments.
	require.GreaterOrEqual(t, len(s.Explanation.Segments), 1200*81)
	require.LessOrEqual(t, len(s.Explanation.Segments), 1200*82)
	requireWithin(t, d, alloc)
}

// act/act over a century: every 1 January cuts every accruing
// installment. 1 200 installments from 2000 to as_of 2100 come to some
// 60 000 year segments, accrued within the bounds.
func TestHeavyActActSegments(t *testing.T) {
	first := money.MustParseDate("2000-01-31")
	p := penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.18"), DayCount: money.ActAct}}
	a := penalty.Account{AsOf: money.MustParseDate("2100-06-30"), Installments: monthlyDues(first, 1200), Policy: p}
	s, err, d, alloc := measure(t, a, 3)
	require.NoError(t, err)
	// Installment k (due in year 2000 + k/12) is cut at the 1 Januaries
	// 2001 + k/12 … 2100: 100 − k/12 of them, so 101 − k/12 segments.
	want := 0
	for k := range 1200 {
		want += 101 - k/12
	}
	require.Equal(t, want, len(s.Explanation.Segments))
	requireWithin(t, d, alloc)
}

// 24 000 payments after the ledger is paid off: each used to scan all
// 1 200 installments (and each of the five components of each under
// component scope) to find nothing owed. The walk now visits only what is
// owed.
func TestHeavyPaymentsAfterPayoff(t *testing.T) {
	for _, scope := range []penalty.AllocationScope{penalty.ByInstallment, penalty.ByComponent} {
		first := money.MustParseDate("2000-01-10")
		p := heavyPolicy()
		p.AllocationScope = scope
		ins := monthlyDues(first, 1200)
		a := penalty.Account{AsOf: money.MustParseDate("2100-12-31"), Installments: ins, Policy: p}
		// One payment on the first due date pays every installment
		// (1 200 × 1 050.00); then 24 000 small ones, each unapplied.
		a.Payments = append(a.Payments, penalty.Payment{Date: first, Amount: money.New(1200*105000, 2)})
		for k := range 24_000 {
			a.Payments = append(a.Payments, penalty.Payment{Date: money.MustParseDate("2035-01-01").AddDays(k), Amount: money.New(100, 2)})
		}
		// Every installment is paid in advance and accrues nothing. The
		// bound counts the payment dates inside each one's accrual up to
		// as_of (some 20 million), so the run is budgeted, but it writes
		// only the first payment's 1 200 × 2 allocations.
		s, err, d, alloc := measure(t, a, 3)
		require.NoError(t, err, "scope %s", scope)
		require.Equal(t, 24_001, len(s.Explanation.Payments))
		require.Equal(t, 0, len(s.Explanation.Segments))
		// Unapplied is every small payment: 24 000 × 1.00.
		require.True(t, s.Unapplied.Equal(money.New(24_000, 0)), "unapplied %s", s.Unapplied)
		requireWithin(t, d, alloc)
	}
}

// The result of a heavy shape that is accrued marshals within the same
// bounds: the explanation is bounded by MaxExplanationRecords.
func TestHeavyMarshalBounded(t *testing.T) {
	first := money.MustParseDate("2000-01-31")
	p := penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.18"), DayCount: money.ActAct}}
	a := penalty.Account{AsOf: money.MustParseDate("2100-06-30"), Installments: monthlyDues(first, 1200), Policy: p}
	s, err := penalty.Accrue(a)
	require.NoError(t, err)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	b, err := json.Marshal(s)
	runtime.ReadMemStats(&m1)
	require.NoError(t, err)
	t.Logf("marshal: %d bytes, %.1f MB allocated", len(b), float64(m1.TotalAlloc-m0.TotalAlloc)/(1<<20))
	require.LessOrEqual(t, m1.TotalAlloc-m0.TotalAlloc, uint64(2*heavyMemory)) // measured 66 MB for 11 MB of JSON
}

// AccrueContext stops once its context is done.
func TestAccrueContextCancelled(t *testing.T) {
	first := money.MustParseDate("2000-01-31")
	p := penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.18"), DayCount: money.ActAct}}
	a := penalty.Account{AsOf: money.MustParseDate("2100-06-30"), Installments: monthlyDues(first, 1200), Policy: p}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := penalty.AccrueContext(ctx, a)
	require.ErrorIs(t, err, context.Canceled)
	//nolint:staticcheck // a nil context is what this checks
	_, err = penalty.AccrueContext(nil, a)
	require.ErrorIs(t, err, money.ErrInvalid)
}
