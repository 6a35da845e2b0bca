package card_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

var (
	d   = money.MustParseDate
	amt = money.MustParse
)

func requireAmount(t *testing.T, want string, got money.Amount, msg ...any) {
	t.Helper()
	require.True(t, amt(want).Equal(got), "want %s, got %s %v", want, got, msg)
}

func tenPercent() *minimum.Policy {
	return &minimum.Policy{Percent: map[string]money.Rate{"purchases": money.MustParseRate("0.1")}}
}

// SPEC §9's textbook case, through the Go API: the explanation holds the
// two segments 1000.00 × 0.05 % × 41 = 20.50 and 900.00 × 0.05 % × 15 =
// 6.75 on statement 2, and why statement 1's grace was lost.
func TestTextbookExplanation(t *testing.T) {
	s := compute(t, textbook("2025-05-05"))
	segs := s.Explanation.Segments
	require.Len(t, segs, 2)
	require.Equal(t, card.Segment{Statement: 2, Unit: 1, Component: card.Purchases, From: d("2025-03-10"), To: d("2025-04-20"),
		Days: 41, Base: amt("1000.00"), Rate: money.MustParseRate("0.0005"), Amount: amt("20.50")}, segs[0])
	require.Equal(t, 15, segs[1].Days)
	requireAmount(t, "900.00", segs[1].Base)
	requireAmount(t, "6.75", segs[1].Amount)
	g := s.Explanation.Graces[0]
	require.Equal(t, card.Lost, g.Grace)
	require.Equal(t, d("2025-04-25"), g.Deadline)
	requireAmount(t, "100.00", g.Paid)
	requireAmount(t, "1000.00", g.NewBalance)
	p := s.Explanation.Payments[0]
	require.Equal(t, []card.MinimumPaid{{Statement: 1, Amount: amt("100.00")}}, p.Minimums)
	require.Len(t, p.Allocations, 1)
	require.Equal(t, card.Purchases, p.Allocations[0].Component)
}

// Mid-cycle, the lost grace's interest is accrued but not billed: as of
// 2025-04-30, 1000.00 × 0.05 % × 41 = 20.50 plus 900.00 × 0.05 % × 10 =
// 4.50, so 25.00, and the payoff is 900.00 + 25.00 = 925.00.
func TestAccruedBeforeBilling(t *testing.T) {
	s := compute(t, textbook("2025-04-30"))
	requireAmount(t, "25.00", s.AccruedInterest)
	requireAmount(t, "925.00", s.Payoff)
	// As of 04-25 the grace is still pending (payments through 04-25
	// count), so nothing is accrued and the payoff is the balance.
	s = compute(t, textbook("2025-04-25"))
	require.Equal(t, card.Pending, s.Statements[0].Grace)
	requireAmount(t, "0", s.AccruedInterest)
	requireAmount(t, "900.00", s.Payoff)
}

// Statement day 31 from a mid-January opening: 01-31, 02-29 (2024 is a
// leap year), 03-31, 04-30, each due 20 days later; a card opened on its
// statement day is first billed a month later.
func TestStatementDatesMonthEnd(t *testing.T) {
	a := card.Account{OpenDate: d("2024-01-15"), AsOf: d("2024-05-01"), Cycle: card.Cycle{StatementDay: 31, DueAfterDays: 20},
		Policy: card.Policy{Minimum: tenPercent()}}
	s := compute(t, a)
	want := []string{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"}
	due := []string{"2024-02-20", "2024-03-20", "2024-04-20", "2024-05-20"}
	require.Len(t, s.Statements, 4)
	for k, b := range s.Statements {
		require.Equal(t, d(want[k]), b.StatementDate)
		require.Equal(t, d(due[k]), b.DueDate)
	}
	a.OpenDate = d("2024-01-31")
	s = compute(t, a)
	require.Equal(t, d("2024-02-29"), s.Statements[0].StatementDate)
}

// 违约金 is charged at the start of DD + g + 1, before that day's payment:
// minimum 10 % × 800.00 = 80.00 unpaid at the start of 2025-03-01 (due
// 02-25, grace 3 days) draws 5 % × 80.00 = 4.00, raised to the 5.00
// minimum; the 800.00 paid that day pays the billed purchase first and
// leaves the unbilled fee.
func TestLateFeeBeforePayment(t *testing.T) {
	a := card.Account{OpenDate: d("2025-01-05"), AsOf: d("2025-03-02"), Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			{Date: d("2025-01-10"), Kind: card.Purchase, Amount: amt("800.00")},
			{Date: d("2025-03-01"), Kind: card.Payment, Amount: amt("800.00")},
		},
		Policy: card.Policy{Minimum: tenPercent(), GraceDays: 3,
			LateFee: penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05"), Min: amt("5.00")}}}
	s := compute(t, a)
	require.Len(t, s.Explanation.LateFees, 1)
	f := s.Explanation.LateFees[0]
	require.Equal(t, d("2025-03-01"), f.Date)
	requireAmount(t, "80.00", f.Unpaid)
	requireAmount(t, "5.00", f.Amount)
	requireAmount(t, "5.00", s.Balance.Fees)
	requireAmount(t, "0", s.Balance.Purchases)
	// Lost grace: 800.00 × 0.05 % × 50 days (01-10..03-01) = 20.00
	// accrued, not billed before the 03-05 statement.
	requireAmount(t, "20.00", s.AccruedInterest)
	// The 80.00 minimum was paid on 03-01, after its 02-25 due date plus
	// 3 grace days: paid now, so current.
	require.Zero(t, s.DaysPastDue)
}

// Days past due: DD + 4 with 3 grace days is 4 days past due; DD + 3 is
// still current (SPEC §9).
func TestDaysPastDueAfterGrace(t *testing.T) {
	a := card.Account{OpenDate: d("2025-01-05"), Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{{Date: d("2025-01-10"), Kind: card.Purchase, Amount: amt("800.00")}},
		Policy:       card.Policy{Minimum: tenPercent(), GraceDays: 3}}
	a.AsOf = d("2025-02-28")
	require.Zero(t, compute(t, a).DaysPastDue)
	a.AsOf = d("2025-03-01")
	s := compute(t, a)
	require.Equal(t, 4, s.DaysPastDue)
	require.Equal(t, "M1", s.Bucket)
	a.AsOf = d("2025-04-27") // 61 days after 02-25, the first minimum still unpaid
	s = compute(t, a)
	require.Equal(t, 61, s.DaysPastDue)
	require.Equal(t, "M3", s.Bucket)
}

// A credit balance pays the next purchase as it posts: 500.00 paid on a
// 100.00 balance leaves 400.00 of credit; a 250.00 purchase takes 250.00
// of it, so nothing is owed and the credit is 150.00.
func TestCreditPaysLaterUnits(t *testing.T) {
	a := card.Account{OpenDate: d("2025-01-05"), AsOf: d("2025-02-20"), Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			{Date: d("2025-01-10"), Kind: card.Purchase, Amount: amt("100.00")},
			{Date: d("2025-02-01"), Kind: card.Payment, Amount: amt("500.00")},
			{Date: d("2025-02-10"), Kind: card.Purchase, Amount: amt("250.00")},
		},
		Policy: card.Policy{Minimum: tenPercent()}}
	s := compute(t, a)
	requireAmount(t, "150.00", s.Credit)
	requireAmount(t, "0", s.Balance.Total)
	requireAmount(t, "0", s.Payoff)
	requireAmount(t, "-400.00", s.Statements[0].NewBalance)
	requireAmount(t, "0", s.Statements[0].MinimumPayment)
	require.Equal(t, []card.CreditUse{{Date: d("2025-02-10"), Allocation: card.Allocation{Statement: 2, Unit: 2, Component: card.Purchases, Amount: amt("250.00")}}},
		s.Explanation.Credits)
}

// A cash advance fee is round(rate × amount), raised to min, cut to max:
// 1 % × 300.00 = 3.00 → 10.00; 1 % × 20000.00 = 200.00 → 100.00.
func TestCashAdvanceFeeLimits(t *testing.T) {
	for _, c := range []struct{ advance, fee string }{{"300.00", "10.00"}, {"20000.00", "100.00"}, {"5000.00", "50.00"}} {
		a := card.Account{OpenDate: d("2025-01-05"), AsOf: d("2025-01-20"), Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
			Transactions: []card.Transaction{{Date: d("2025-01-15"), Kind: card.CashAdvance, Amount: amt(c.advance)}},
			Policy: card.Policy{Minimum: tenPercent(),
				CashAdvanceFee: card.CashAdvanceFee{Rate: money.MustParseRate("0.01"), Min: amt("10.00"), Max: amt("100.00")}}}
		s := compute(t, a)
		requireAmount(t, c.fee, s.Balance.Fees, c.advance)
		// The advance accrues from its date: 5 days at 0.05 %.
		requireAmount(t, amt(c.advance).MulRatio(money.NewRatio(25, 10_000), money.Rounding{}).String(), s.AccruedInterest)
	}
}
