package loan_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// cases is n, or a tenth of it under -short.
func cases(n int) int {
	if testing.Short() {
		return n / 10
	}
	return n
}

// randomTerms draws a loan of any method, frequency and day count.
func randomTerms(r *rand.Rand) schedule.Terms {
	t := schedule.Terms{
		Principal:  money.New(int64(100_000+r.IntN(10_000_000)), 2),
		AnnualRate: money.NewRate(int64(r.IntN(241)), 3), // 0 to 24 %
		Periods:    1 + r.IntN(36),
		Method:     schedule.Method(r.IntN(5)),
		StartDate:  money.NewDate(2024, 1, 1).AddDays(r.IntN(700)),
		DayCount:   money.DayCount(r.IntN(4)),
	}
	switch r.IntN(6) {
	case 0:
		t.Frequency = schedule.Weekly
	case 1:
		t.Frequency = schedule.Quarterly
	}
	if r.IntN(4) == 0 {
		t.InterestBasis = schedule.Daily
	}
	if t.Method == schedule.FlatFee || r.IntN(5) == 0 {
		t.FeeRate = money.NewRate(int64(r.IntN(10)), 3)
	}
	if t.Method != schedule.Bullet && t.Periods > 2 && r.IntN(5) == 0 {
		t.Grace = schedule.Grace{Periods: 1 + r.IntN(t.Periods-2), Kind: schedule.GraceKind(r.IntN(2))}
	}
	return t
}

func randomPolicy(r *rand.Rand) penalty.Policy {
	p := penalty.Policy{GraceDays: r.IntN(6), Base: penalty.Base(r.IntN(2)), GraceMode: penalty.GraceMode(r.IntN(2))}
	if r.IntN(2) == 0 {
		p.PenaltyRate = penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily}
	} else {
		p.PenaltyRate = penalty.PenaltyRate{Rate: money.NewRate(int64(r.IntN(200)), 3), Markup: money.MustParseRate("0.5")}
	}
	switch r.IntN(3) {
	case 0:
		p.LateFee = penalty.LateFee{Kind: penalty.FixedFee, Amount: money.New(int64(r.IntN(5000)), 2)}
	case 1:
		p.LateFee = penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05"), Min: money.MustParse("10")}
	}
	if r.IntN(4) == 0 {
		p.AllocationScope = penalty.ByComponent
	}
	return p
}

// randomAccount draws a loan and a ledger of payments: on due dates or
// anywhere, of a whole installment, part of one, or several.
func randomAccount(r *rand.Rand) (loan.Account, schedule.Schedule) {
	t := randomTerms(r)
	s, err := schedule.Amortize(t)
	if err != nil {
		panic(err)
	}
	return randomLedger(r, t, s), s
}

// randomLedger draws the account of a loan of terms t and schedule s.
func randomLedger(r *rand.Rand, t schedule.Terms, s schedule.Schedule) loan.Account {
	last := s.Rows[len(s.Rows)-1].DueDate
	a := loan.Account{Terms: t, Policy: randomPolicy(r)}
	a.AsOf = t.StartDate.AddDays(r.IntN(last.Sub(t.StartDate) + 60))
	for _, row := range s.Rows {
		if row.Payment.IsZero() || r.IntN(3) == 0 {
			continue
		}
		date := row.DueDate.AddDays(r.IntN(40) - 10)
		if !date.After(t.StartDate) {
			date = row.DueDate
		}
		amt := row.Payment
		switch r.IntN(4) {
		case 0:
			amt = row.Payment.MulRatio(money.NewRatio(int64(1+r.IntN(99)), 100), t.Rounding)
		case 1:
			amt = row.Payment.MulInt(int64(1 + r.IntN(3)))
		}
		if amt.IsPositive() && len(a.Payments) < 12 {
			a.Payments = append(a.Payments, penalty.Payment{Date: date, Amount: amt})
		}
	}
	if r.IntN(3) == 0 {
		a.RemainingFees = loan.ChargeFees
	}
	if r.IntN(5) == 0 {
		a.Waivers = []penalty.Waiver{{Date: a.AsOf.AddDays(-r.IntN(30)), Component: penalty.PenaltyComponent, Percent: money.MustParseRate("0.5")}}
		if a.Waivers[0].Date.Before(t.StartDate) {
			a.Waivers = nil
		}
	}
	return a
}

// Paying the payoff today settles the loan: a follow-up statement with
// that payment added on as_of asks for nothing more — no payoff, no
// penalty or late fee, and (payments applied installment by installment)
// nothing due. A prepayment fee is left out: the follow-up would charge it
// again on principal the payment put into later installments' interest.
func TestPropertyPayoffSettles(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 8))
	for i := range cases(3000) {
		a, _ := randomAccount(r)
		if r.IntN(3) == 0 {
			n := 1 + r.IntN(120)
			a.Accelerate = &loan.Acceleration{AfterDays: &n}
		}
		s, err := loan.Accrue(a)
		require.NoError(t, err, "case %d", i)
		if !s.Payoff.Total.IsPositive() {
			continue
		}
		b := a
		b.Payments = append(append([]penalty.Payment{}, a.Payments...), penalty.Payment{Date: a.AsOf, Amount: s.Payoff.Total})
		s2, err := loan.Accrue(b)
		require.NoError(t, err)
		msg := fmt.Sprintf("case %d: %+v\npayoff %+v\nafter %+v", i, a, s.Payoff, s2.Payoff)
		require.True(t, s2.Payoff.Total.IsZero(), msg)
		require.True(t, s2.Payoff.Penalty.IsZero() && s2.Payoff.LateFee.IsZero(), msg)
		if a.Policy.AllocationScope == penalty.ByInstallment {
			require.True(t, s2.AmountDue.Total.IsZero(), "amount due %+v\n%s", s2.AmountDue, msg)
		}
	}
}

// With no payments and as_of before the first due date, the payoff is the
// principal plus its interest since the start by the day count.
func TestPropertyPayoffBeforeFirstDue(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 8))
	for i := range cases(2000) {
		a, s := randomAccount(r)
		a.Payments, a.Waivers, a.RemainingFees = nil, nil, loan.WaiveFees
		span := s.Rows[0].DueDate.Sub(a.Terms.StartDate)
		a.AsOf = a.Terms.StartDate.AddDays(r.IntN(span))
		st, err := loan.Accrue(a)
		require.NoError(t, err)
		tm := a.Terms
		accrued := tm.Principal.MulRatio(tm.DayCount.YearFrac(tm.StartDate, a.AsOf).Mul(tm.AnnualRate.Ratio()), tm.Rounding)
		want := tm.Principal.Add(accrued)
		require.True(t, want.Equal(st.Payoff.Total), "case %d: want %s, got %+v", i, want, st.Payoff)
		require.True(t, st.AmountDue.Total.IsZero())
	}
}

// Acceleration moves principal, never adds to it: with the ledger kept
// current by scheduled payments before X (so nothing is prepaid and both
// ledgers agree up to X), the principal owed after calling the loan in on
// X is at most that of the loan left alone, in the totals and the payoff.
func TestPropertyAccelerationNeverIncreasesPrincipal(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 8))
	for i := range cases(2000) {
		a, s := randomAccount(r)
		x := a.Terms.StartDate.AddDays(1 + r.IntN(max(1, a.AsOf.Sub(a.Terms.StartDate))))
		if x.After(a.AsOf) {
			a.AsOf = x
		}
		a.Payments = nil
		for _, row := range s.Rows {
			if row.DueDate.Before(x) && row.Payment.IsPositive() && r.IntN(4) > 0 {
				a.Payments = append(a.Payments, penalty.Payment{Date: row.DueDate, Amount: row.Payment})
			}
		}
		plain, err := loan.Accrue(a)
		require.NoError(t, err)
		a.Accelerate = &loan.Acceleration{On: x}
		acc, err := loan.Accrue(a)
		require.NoError(t, err)
		msg := fmt.Sprintf("case %d: X %s %+v", i, x, a)
		require.LessOrEqual(t, acc.Totals.Principal.Cmp(plain.Totals.Principal), 0, msg)
		require.LessOrEqual(t, acc.Payoff.Principal.Cmp(plain.Payoff.Principal), 0, msg)
		// Without payments the two agree exactly, unless a full grace runs
		// past X: the interest it would still capitalize is not owed.
		if len(a.Payments) == 0 && !(a.Terms.Grace.Kind == schedule.GraceFull && a.Terms.Grace.Periods > 0) {
			require.True(t, acc.Payoff.Principal.Equal(plain.Payoff.Principal), msg)
		}
	}
}

// The split adds up: amount due = past due + due today, and every
// installment is in exactly one group of the totals.
func TestPropertySplitAddsUp(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 8))
	for range cases(2000) {
		a, _ := randomAccount(r)
		s, err := loan.Accrue(a)
		require.NoError(t, err)
		require.True(t, s.AmountDue.Principal.Add(s.NotYetDue.Principal).Equal(s.Totals.Principal))
		require.True(t, s.AmountDue.Interest.Add(s.NotYetDue.Interest).Equal(s.Totals.Interest))
		require.True(t, s.AmountDue.Fee.Add(s.NotYetDue.Fee).Equal(s.Totals.Fee))
		require.LessOrEqual(t, s.PastDue.Total.Cmp(s.AmountDue.Total), 0)
		require.False(t, s.Payoff.Total.IsNegative())
		require.False(t, s.Payoff.Interest.IsNegative() || s.Payoff.Fee.IsNegative())
		_ = s.Chinese()
		_ = s.English()
	}
}

// The shortcut (the engine on the installments due by as_of and the next
// one, the rest listed straight from the schedule's rows) gives the
// statement the engine gives on every installment: the same JSON byte for
// byte, and the same values, on random accounts of short and long loans,
// with what turns the shortcut off or makes it round (allocation by
// component, a calendar, waivers naming later installments, a policy
// rounding finer than the terms', an acceleration) drawn often.
func TestPropertyShortcutMatchesGeneralPath(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 8))
	n := cases(1500)
	shortcuts := 0
	for i := range n {
		a := randomShortcutAccount(r)
		want, shortcut, err1 := loan.AccrueGeneral(a)
		got, err2 := loan.Accrue(a)
		require.Equal(t, err1 == nil, err2 == nil, "case %d", i)
		if err1 != nil {
			require.Equal(t, err1.Error(), err2.Error(), "case %d", i)
			continue
		}
		if shortcut {
			shortcuts++
		}
		wj, err := json.Marshal(want)
		require.NoError(t, err)
		gj, err := json.Marshal(got)
		require.NoError(t, err)
		require.Equal(t, string(wj), string(gj), "case %d (shortcut %v): %+v", i, shortcut, a)
		require.Equal(t, want, got, "case %d", i)
	}
	require.Greater(t, shortcuts, n/4, "the shortcut must be exercised")
}

// randomShortcutAccount draws an account for the shortcut's test: half of
// them 5 to 30 years long, seen anywhere in their life.
func randomShortcutAccount(r *rand.Rand) loan.Account {
	for {
		t := randomTerms(r)
		if r.IntN(2) == 0 {
			t.Periods = 60 + r.IntN(301)
			if t.Grace.Periods > 0 {
				t.Grace.Periods = 1 + r.IntN(12)
			}
		}
		if r.IntN(6) == 0 {
			t.Rounding = money.NewRounding(r.IntN(2)*2, money.Mode(r.IntN(2))) // whole units or cents
		}
		s, err := schedule.Amortize(t)
		if err != nil {
			continue // terms these draws cannot amortize: validation is tested elsewhere
		}
		a := randomLedger(r, t, s)
		switch r.IntN(6) {
		case 0:
			a.Policy.Rounding = money.NewRounding(3+r.IntN(2), money.Mode(r.IntN(2))) // finer than the terms'
		case 1:
			a.Policy.Calendar = money.Calendar{Preset: money.PresetWeekends}
			a.Policy.BusinessDay = money.BusinessDay(r.IntN(3))
		}
		if r.IntN(5) == 0 {
			a.Waivers = append(a.Waivers, penalty.Waiver{Date: a.AsOf, Component: penalty.InterestComponent,
				Amount: money.MustParse("1"), Installment: 1 + r.IntN(len(s.Rows))})
		}
		switch r.IntN(8) {
		case 0:
			n := 1 + r.IntN(120)
			a.Accelerate = &loan.Acceleration{AfterDays: &n}
		case 1:
			if a.AsOf.After(t.StartDate) {
				a.Accelerate = &loan.Acceleration{On: t.StartDate.AddDays(1 + r.IntN(a.AsOf.Sub(t.StartDate)))}
			}
		}
		if r.IntN(4) == 0 {
			pct := money.NewRate(int64(r.IntN(30)), 3)
			a.PrepaymentFee = &loan.PrepaymentFee{Percent: &pct}
		}
		if r.IntN(4) == 0 {
			a.Explain = []penalty.Language{penalty.ZH, penalty.EN}
		}
		return a
	}
}
