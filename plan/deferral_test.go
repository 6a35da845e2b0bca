package plan

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/schedule"
)

// smallLoan is 1200 at 12 % (1 % a month), 3 equal-principal rows from
// 2025-01-31, so due dates clamp to month ends: 02-28, 03-31, 04-30, then
// (deferred) 05-31, 06-30. Originally: row 1 pays 400 + 12, row 2 400 + 8,
// row 3 400 + 4.
func smallLoan() schedule.Terms {
	return schedule.Terms{
		Principal: amt("1200"), AnnualRate: rate("0.12"), Periods: 3,
		Method: schedule.EqualPrincipal, StartDate: date("2025-01-31"),
	}
}

type rowWant struct {
	number                                       int
	due                                          string
	days                                         int
	opening, principal, interest, payment, close string
	capitalized                                  string
}

func checkRows(t *testing.T, s schedule.Schedule, want []rowWant) {
	t.Helper()
	require.Equal(t, len(want), s.RowCount)
	for i, w := range want {
		r := s.Rows[i]
		require.Equal(t, w.number, r.Number, "row %d", i+1)
		require.Equal(t, w.due, r.DueDate.String(), "row %d", w.number)
		require.Equal(t, w.days, r.Days, "row %d", w.number)
		requireAmount(t, w.opening, r.OpeningBalance, "opening", w.number)
		requireAmount(t, w.principal, r.Principal, "principal", w.number)
		requireAmount(t, w.interest, r.Interest, "interest", w.number)
		requireAmount(t, w.payment, r.Payment, "payment", w.number)
		requireAmount(t, w.close, r.ClosingBalance, "closing", w.number)
		c := w.capitalized
		if c == "" {
			c = "0"
		}
		requireAmount(t, c, r.Capitalized, "capitalized", w.number)
	}
}

func TestDeferCapitalize(t *testing.T) {
	// Defer rows 2–3 of smallLoan. Row 2 capitalizes 1 % × 800 = 8, row 3
	// 1 % × 808 = 8.08; rows 4–5 repay 816.08 in equal principal
	// round(816.08 / 2) = 408.04, interest 8.1608 → 8.16, then 4.0804 → 4.08.
	s, err := Defer(Deferral{Terms: smallLoan(), FromPeriod: 2, Periods: 2, Interest: Capitalize})
	require.NoError(t, err)
	checkRows(t, s, []rowWant{
		{1, "2025-02-28", 28, "1200", "400", "12", "412", "800", ""},
		{2, "2025-03-31", 31, "800", "0", "0", "0", "808", "8"},
		{3, "2025-04-30", 30, "808", "0", "0", "0", "816.08", "8.08"},
		{4, "2025-05-31", 31, "816.08", "408.04", "8.16", "416.20", "408.04", ""},
		{5, "2025-06-30", 30, "408.04", "408.04", "4.08", "412.12", "0", ""},
	})
	// Σ principal = 1200 + Σ capitalized = 1200 + 16.08.
	requireAmount(t, "1216.08", s.Totals.Principal)
	requireAmount(t, "16.08", s.Totals.Capitalized)
	require.True(t, s.Priced())
}

func TestDeferSpread(t *testing.T) {
	// Rows 2–3 would have charged 1 % × 800 = 8 each: 16 in all, spread as
	// round(16 / 2) = 8 on each of the two remaining rows, which repay the
	// unchanged 800 at 400 a row.
	s, err := Defer(Deferral{Terms: smallLoan(), FromPeriod: 2, Periods: 2, Interest: Spread})
	require.NoError(t, err)
	checkRows(t, s, []rowWant{
		{1, "2025-02-28", 28, "1200", "400", "12", "412", "800", ""},
		{2, "2025-03-31", 31, "800", "0", "0", "0", "800", ""},
		{3, "2025-04-30", 30, "800", "0", "0", "0", "800", ""},
		{4, "2025-05-31", 31, "800", "400", "16", "416", "400", ""},
		{5, "2025-06-30", 30, "400", "400", "12", "412", "0", ""},
	})
	requireAmount(t, "1200", s.Totals.Principal)
	requireAmount(t, "40", s.Totals.Interest) // 12 + 16 + 12
}

func TestDeferWaive(t *testing.T) {
	// The original rows 2 and 3 move two months later, unchanged.
	s, err := Defer(Deferral{Terms: smallLoan(), FromPeriod: 2, Periods: 2, Interest: Waive})
	require.NoError(t, err)
	checkRows(t, s, []rowWant{
		{1, "2025-02-28", 28, "1200", "400", "12", "412", "800", ""},
		{2, "2025-03-31", 31, "800", "0", "0", "0", "800", ""},
		{3, "2025-04-30", 30, "800", "0", "0", "0", "800", ""},
		{4, "2025-05-31", 31, "800", "400", "8", "408", "400", ""},
		{5, "2025-06-30", 30, "400", "400", "4", "404", "0", ""},
	})
}

func TestDeferFromFirstRowKeepsFlatFee(t *testing.T) {
	// A card installment: 1200 over 3 rows at a 0.6 % monthly fee, 7.20 a
	// row on the original principal. Deferring row 1 by one month keeps the
	// fee at 7.20 on each of the 3 remaining rows, and capitalizes nothing
	// (no interest).
	tm := schedule.Terms{
		Principal: amt("1200"), Periods: 3, Method: schedule.FlatFee,
		FeeRate: rate("0.006"), StartDate: date("2025-01-15"),
	}
	s, err := Defer(Deferral{Terms: tm, FromPeriod: 1, Periods: 1})
	require.NoError(t, err)
	require.Equal(t, 4, s.RowCount)
	requireAmount(t, "0", s.Rows[0].Payment)
	for _, r := range s.Rows[1:] {
		requireAmount(t, "7.20", r.Fee)
		requireAmount(t, "407.20", r.Payment)
	}
	requireAmount(t, "21.60", s.Totals.Fee)
}

func TestSpreadNeverNegative(t *testing.T) {
	// 0.05 over 10 rows: round(0.005) = 0.01 half up would leave the last
	// share 0.05 − 9 × 0.01 = −0.04; the shares are rounded down (0.00) and
	// the last row takes 0.05.
	rows := make([]schedule.Row, 10)
	spread(rows, amt("0.05"), rnd(2))
	for _, r := range rows[:9] {
		requireAmount(t, "0", r.Interest)
	}
	requireAmount(t, "0.05", rows[9].Interest)
	// 1.00 over 3 rows: 0.33, 0.33, 0.34.
	rows = make([]schedule.Row, 3)
	spread(rows, amt("1"), rnd(2))
	requireAmount(t, "0.33", rows[0].Interest)
	requireAmount(t, "0.34", rows[2].Interest)
}

func TestDeferErrors(t *testing.T) {
	tm := smallLoan()
	cases := []struct {
		d     Deferral
		field string
	}{
		{Deferral{Terms: tm, FromPeriod: 0, Periods: 1}, "from_period"},
		{Deferral{Terms: tm, FromPeriod: 4, Periods: 1}, "from_period"},
		{Deferral{Terms: tm, FromPeriod: 1, Periods: 0}, "periods"},
		{Deferral{Terms: tm, FromPeriod: 1, Periods: 1198}, "periods"},
		{Deferral{Terms: tm, FromPeriod: 1, Periods: 1, Interest: DeferredInterest(9)}, "interest"},
		{Deferral{Terms: schedule.Terms{Principal: amt("100"), Periods: 0, StartDate: date("2025-01-01")}, FromPeriod: 1, Periods: 1}, "terms.periods"},
	}
	for _, c := range cases {
		_, err := Defer(c.d)
		requireFieldError(t, err, c.field)
	}
	bullet := tm
	bullet.Method = schedule.Bullet
	_, err := Defer(Deferral{Terms: bullet, FromPeriod: 1, Periods: 1})
	requireFieldError(t, err, "terms.method")
	graced := tm
	graced.Grace = schedule.Grace{Periods: 1}
	_, err = Defer(Deferral{Terms: graced, FromPeriod: 1, Periods: 1})
	requireFieldError(t, err, "from_period")
	late := tm
	late.StartDate = date("2200-09-30") // row 3 due 2200-12-30; deferred, 2201-01-30
	_, err = Defer(Deferral{Terms: late, FromPeriod: 3, Periods: 1})
	requireFieldError(t, err, "periods")
}
