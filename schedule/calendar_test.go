package schedule

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// randomBusinessCalendar draws a preset, a rule and a few of the lender's
// own dates near start.
func randomBusinessCalendar(rng *rand.Rand, start money.Date) (money.Calendar, money.BusinessDay) {
	var hol []money.Date
	for range rng.IntN(6) {
		hol = append(hol, start.AddDays(rng.IntN(400)))
	}
	var work []money.Date
	for range rng.IntN(3) {
		if d := start.AddDays(rng.IntN(400)); !contains(hol, d) {
			work = append(work, d)
		}
	}
	return money.NewCalendar(money.CalendarPreset(1+rng.IntN(3)), hol, work), money.BusinessDay(rng.IntN(4))
}

func contains(ds []money.Date, d money.Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// TestCalendarMovesEachDueDateFromItsAnchor: every row is due on its
// unmoved date moved by the rule (never chained), on a business day unless
// the rule is none, days count between moved dates, and the invariants of
// SPEC §2 still hold.
func TestCalendarMovesEachDueDateFromItsAnchor(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	n := 2000
	if testing.Short() {
		n = 300
	}
	for range n {
		terms := randomTerms(rng)
		terms.StartDate = money.MustParseDate("2023-06-01").AddDays(rng.IntN(1000))
		terms.FirstDueDate = money.Date{}
		terms.Periods = min(terms.Periods, 60)
		terms.Grace.Periods = min(terms.Grace.Periods, terms.Periods-1)
		terms.Calendar, terms.BusinessDay = randomBusinessCalendar(rng, terms.StartDate)
		s, err := Amortize(terms)
		if err != nil && isRepaidEarly(err) {
			continue // moving dates changed the days of a near interest-only loan; TestRepaidEarlyRejected checks the error
		}
		if err != nil {
			// Only a first due date moved onto or before the start may fail.
			var e *money.Error
			require.True(t, errors.As(err, &e) && e.Field == "calendar", "%v", err)
			require.Contains(t, []money.BusinessDay{money.Preceding, money.ModifiedFollowing}, terms.BusinessDay, "only a rule that moves back can reach the start: %v", err)
			continue
		}
		require.NoError(t, checkInvariants(terms, s), "%+v", terms)
		for i, r := range s.Rows {
			k := r.Number
			if terms.Method == Bullet {
				k = terms.Periods
			}
			want := terms.Calendar.Move(terms.AnchorDate(k), terms.BusinessDay)
			require.Equal(t, want, r.DueDate, "row %d", i+1)
			require.Equal(t, want, terms.DueDate(k))
			if terms.BusinessDay != money.Unadjusted {
				require.True(t, terms.Calendar.IsBusinessDay(r.DueDate), "row %d due %s", i+1, r.DueDate)
			}
		}
	}
}

// TestCalendarFastPathMatchesGeneralPath: the integer kernel moves dates
// exactly as the general path does.
func TestCalendarFastPathMatchesGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	fast := 0
	for range 1000 {
		terms := randomTerms(rng)
		terms.InterestBasis = Periodic
		terms.Grace = Grace{}
		terms.StartDate = money.MustParseDate("2023-06-01").AddDays(rng.IntN(1000))
		terms.FirstDueDate = money.Date{}
		terms.Calendar, terms.BusinessDay = randomBusinessCalendar(rng, terms.StartDate)
		if terms.Validate() != nil {
			continue
		}
		r := terms.run(terms.Principal, 1, terms.Periods, terms.Grace)
		got, _, ok := r.fastRows(make([]Row, 0, terms.Periods))
		if !ok {
			continue
		}
		fast++
		want := terms.run(terms.Principal, 1, terms.Periods, terms.Grace).slowRows(nil)
		require.Equal(t, want, got, "%+v", terms)
	}
	require.Greater(t, fast, 500)
}

// Without a calendar, or with the rule none, nothing changes: the same rows
// as terms that never heard of calendars. Periodic interest ignores the
// moves altogether.
func TestCalendarNeutralCases(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	for range 300 {
		terms := randomTerms(rng)
		terms.Periods = min(terms.Periods, 120)
		terms.Grace.Periods = min(terms.Grace.Periods, terms.Periods-1)
		plain, err := Amortize(terms)
		require.NoError(t, err)
		none := terms
		none.Calendar, none.BusinessDay = money.Calendar{Preset: money.PresetCN}, money.Unadjusted
		got, err := Amortize(none)
		require.NoError(t, err)
		require.Equal(t, plain, got)
		if terms.InterestBasis != Periodic || terms.Method == Bullet || !terms.FirstDueDate.IsZero() {
			continue
		}
		moved := terms
		moved.Calendar = money.Calendar{Preset: money.PresetWeekends}
		if m, err := Amortize(moved); err == nil {
			for i := range m.Rows {
				require.Equal(t, plain.Rows[i].Interest, m.Rows[i].Interest, "periodic interest must not move")
				require.Equal(t, plain.Rows[i].Principal, m.Rows[i].Principal)
			}
		}
	}
}

func TestCalendarValidation(t *testing.T) {
	base := Terms{Principal: money.New(1000, 0), AnnualRate: money.MustParseRate("0.05"), Periods: 3,
		StartDate: money.MustParseDate("2026-01-30")}
	for _, c := range []struct {
		name  string
		edit  func(*Terms)
		field string
		has   string
	}{
		{"unknown rule", func(t *Terms) { t.Calendar = money.Calendar{Preset: money.PresetCN}; t.BusinessDay = 7 }, "business_day", "must be one of"},
		{"unsorted own holidays", func(t *Terms) {
			t.Calendar = money.Calendar{Holidays: []money.Date{money.MustParseDate("2026-05-02"), money.MustParseDate("2026-05-01")}}
		}, "calendar.holidays[1]", "ascending"},
		// Sat 2026-01-31 precedes to Fri 01-30, the start itself.
		{"moved onto the start", func(t *Terms) {
			t.FirstDueDate = money.MustParseDate("2026-01-31")
			t.Calendar, t.BusinessDay = money.Calendar{Preset: money.PresetWeekends}, money.Preceding
		}, "calendar", "not after start_date"},
		// 2200-12-31 (Wednesday) is the lender's holiday: following is 2201-01-01.
		{"moved past 2200", func(t *Terms) {
			t.StartDate = money.MustParseDate("2200-09-30")
			t.Calendar = money.NewCalendar(money.PresetNone, []money.Date{money.MustParseDate("2200-12-31")}, nil)
			t.FirstDueDate = money.MustParseDate("2200-10-31")
		}, "calendar", "outside the years"},
	} {
		terms := base
		c.edit(&terms)
		_, err := Amortize(terms)
		var e *money.Error
		require.True(t, errors.As(err, &e), "%s: %v", c.name, err)
		require.Equal(t, c.field, e.Field, c.name)
		require.True(t, strings.Contains(e.Reason, c.has), "%s: %v", c.name, err)
	}
}

// The spring-festival seed's rows by hand: 2025-01-28 (除夕) to 02-04 are
// holidays, so the due date 2025-01-28 moves to Wed 02-05; row 1 spans
// 2024-12-28 to 2025-02-05 = 39 days, 12000 × 0.06 × 39/360 = 78.00; row 2
// is still due 02-28 (moves never chain), 23 days.
func TestCalendarSpringFestivalRows(t *testing.T) {
	terms := Terms{Principal: money.New(12000, 0), AnnualRate: money.MustParseRate("0.06"), Periods: 6,
		StartDate: money.MustParseDate("2024-12-28"), InterestBasis: Daily, Calendar: money.Calendar{Preset: money.PresetCN}}
	s, err := Amortize(terms)
	require.NoError(t, err)
	require.Equal(t, "2025-02-05", s.Rows[0].DueDate.String())
	require.Equal(t, 39, s.Rows[0].Days)
	require.Equal(t, "78.00", s.Rows[0].Interest.String())
	require.Equal(t, "2025-02-28", s.Rows[1].DueDate.String())
	require.Equal(t, 23, s.Rows[1].Days)
	require.Equal(t, "2025-06-30", s.Rows[5].DueDate.String()) // Sat 06-28 → Mon 06-30
	require.Equal(t, "2025-01-28", terms.AnchorDate(1).String())
	require.Equal(t, "78.00", terms.Interest(money.New(12000, 0), 1).String())
}

// FuzzScheduleCalendar builds schedules under fuzzer-chosen calendars,
// rules and terms: never a panic; a schedule it returns keeps SPEC §2's
// invariants and has every row due on its anchor date moved by the rule.
func FuzzScheduleCalendar(f *testing.F) {
	f.Add(uint8(2), uint8(0), uint16(400), uint16(12), uint8(0), uint8(1), int16(40), int16(0))
	f.Add(uint8(3), uint8(1), uint16(1000), uint16(360), uint8(2), uint8(0), int16(0), int16(5))
	f.Add(uint8(1), uint8(2), uint16(30), uint16(1200), uint8(1), uint8(1), int16(-3), int16(3))
	base := money.MustParseDate("2023-01-01")
	f.Fuzz(func(t *testing.T, preset, rule uint8, startOff, periods uint16, freq, basis uint8, hol, work int16) {
		start := base.AddDays(int(startOff))
		var hs, ws []money.Date
		if hol != 0 {
			hs = []money.Date{start.AddDays(int(hol))}
		}
		if work != 0 {
			ws = []money.Date{start.AddDays(int(work))}
		}
		terms := Terms{Principal: money.New(1_000_000, 2), AnnualRate: money.MustParseRate("0.05"), Periods: int(periods),
			Frequency: Frequency(freq % 5), InterestBasis: InterestBasis(basis % 2), StartDate: start,
			Calendar: money.NewCalendar(money.CalendarPreset(preset%5), hs, ws), BusinessDay: money.BusinessDay(rule % 5)}
		s, err := Amortize(terms)
		if err != nil {
			var e *money.Error
			if !errors.As(err, &e) {
				t.Fatalf("%v is not a *money.Error", err)
			}
			return
		}
		if err := checkInvariants(terms, s); err != nil {
			t.Fatalf("%+v: %v", terms, err)
		}
		for _, r := range s.Rows {
			if want := terms.Calendar.Move(terms.AnchorDate(r.Number), terms.BusinessDay); r.DueDate != want {
				t.Fatalf("row %d due %s, want %s", r.Number, r.DueDate, want)
			}
		}
	})
}
