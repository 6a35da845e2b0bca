package loan

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// The shortcut of accrue (engine on the head, tail listed as scheduled)
// gives exactly what penalty.Accrue gives on the whole ledger, on random
// loans whose payments often run ahead of schedule, whether the ledger's
// installments were all made beforehand or are made as asked for.
func TestTailShortcutMatchesEngine(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	shortcuts := 0
	for i := range tailCases(3000) {
		tm := schedule.Terms{
			Principal:  money.New(int64(100_000+r.IntN(5_000_000)), 2),
			AnnualRate: money.NewRate(int64(r.IntN(200)), 3),
			Periods:    2 + r.IntN(60),
			Method:     schedule.Method(r.IntN(5)),
			FeeRate:    money.NewRate(int64(r.IntN(5)), 3),
			StartDate:  money.NewDate(2024, 1, 1).AddDays(r.IntN(400)),
		}
		s, err := schedule.Amortize(tm)
		require.NoError(t, err)
		if r.IntN(5) == 0 && len(s.Rows) > 2 {
			// A row that asks for nothing (as a full grace's) anywhere,
			// the tail included: it is no installment, and the tail's
			// sums taken from the totals must leave it out.
			s.Rows[r.IntN(len(s.Rows))].Payment = money.Amount{}
			s = schedule.FromRows(s.Rows, tm.Rounding)
		}
		l := newLedger(tm, s)
		if len(l.all()) == 0 {
			continue // a loan at 0 % whose one paying row was taken
		}
		a := penalty.Account{Installments: l.inst, AsOf: tm.StartDate.AddDays(r.IntN(400)),
			Policy: penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
				GraceDays: r.IntN(4), LateFee: penalty.LateFee{Kind: penalty.FixedFee, Amount: money.MustParse("15")}}}
		if r.IntN(5) == 0 {
			a.Policy.AllocationScope = penalty.ByComponent
		}
		if r.IntN(4) == 0 {
			// Weekends move due dates (following), so a later one may move.
			a.Policy.Calendar = money.Calendar{Preset: money.PresetWeekends}
		}
		for k := 0; k < r.IntN(8); k++ {
			in := l.inst[r.IntN(len(l.inst))]
			amt := in.Principal.Add(in.Interest).Add(in.Fee).MulRatio(money.NewRatio(int64(1+r.IntN(300)), 100), money.Rounding{})
			if amt.IsPositive() {
				a.Payments = append(a.Payments, penalty.Payment{Date: in.DueDate.AddDays(r.IntN(30) - 15), Amount: amt})
			}
		}
		if r.IntN(4) == 0 {
			a.Waivers = []penalty.Waiver{{Date: a.AsOf, Component: penalty.InterestComponent, Amount: money.MustParse("1"),
				Installment: 1 + r.IntN(len(l.inst))}}
		}
		if _, _, ok := newLedger(tm, s).head(a, 2); ok {
			shortcuts++
		}
		want, err1 := penalty.Accrue(a)
		lazy := newLedger(tm, s)
		if i%2 == 0 {
			lazy.all()
		}
		b := a
		b.Installments = nil // accrue takes them from the ledger
		got, rest, err2 := lazy.accrue(b, 2)
		require.Equal(t, err1 == nil, err2 == nil, "case %d", i)
		if err1 != nil {
			require.Equal(t, err1.Error(), err2.Error())
			continue
		}
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		require.JSONEq(t, string(wj), string(gj), "case %d", i)
		// The tail's sums are what the statement lists from rest.from on.
		var sum Scheduled
		for _, b := range want.Installments[rest.from:] {
			require.True(t, b.DueDate.After(a.AsOf))
			sum.Principal, sum.Interest, sum.Fee = sum.Principal.Add(b.Principal), sum.Interest.Add(b.Interest), sum.Fee.Add(b.Fee)
		}
		require.True(t, sum.Principal.Equal(rest.sum.Principal) && sum.Interest.Equal(rest.sum.Interest) && sum.Fee.Equal(rest.sum.Fee))
	}
	require.Greater(t, shortcuts, tailCases(3000)/3, "the shortcut must be exercised")
}

// tailCases is n, or a tenth of it under -short.
func tailCases(n int) int {
	if testing.Short() {
		return n / 10
	}
	return n
}
