package schedule

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// drawCalendarTerms draws terms for fastDates: every frequency, start
// dates across the shipped cn years and far from them, month-end anchors
// (the 28th to the 31st) and first due dates, and every calendar — none,
// each preset alone, presets with the lender's own holidays and workdays,
// preset none with own dates — under every rule.
func drawCalendarTerms(rng *rand.Rand) Terms {
	var start money.Date
	if rng.IntN(2) == 0 {
		start = money.MustParseDate("2023-01-01").AddDays(rng.IntN(5 * 365))
	} else {
		start = money.NewDate(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	if rng.IntN(3) == 0 { // a month end: the 28th to the 31st, clamped
		y, m, _ := start.Date()
		start = money.NewDate(y, m+1, 0).AddDays(-rng.IntN(4))
	}
	t := Terms{
		Principal:  money.New(rng.Int64N(100_000_000)+1, 2),
		AnnualRate: money.NewRate(rng.Int64N(200_000), 6),
		Periods:    1 + rng.IntN(480),
		Frequency:  Frequency(rng.IntN(4)),
		StartDate:  start,
		Rounding:   money.NewRounding(2, money.HalfUp),
	}
	switch rng.IntN(4) {
	case 0:
		t.FirstDueDate = start.AddDays(1 + rng.IntN(60))
	case 1: // the last day of a later month
		y, m, _ := start.Date()
		t.FirstDueDate = money.NewDate(y, m+time.Month(2+rng.IntN(2)), 0)
	}
	switch rng.IntN(5) {
	case 0: // no calendar
		t.BusinessDay = money.BusinessDay(rng.IntN(4))
	case 1, 2: // a preset alone
		t.Calendar = money.Calendar{Preset: money.CalendarPreset(1 + rng.IntN(3))}
		t.BusinessDay = money.BusinessDay(rng.IntN(4))
	case 3:
		t.Calendar, t.BusinessDay = randomBusinessCalendar(rng, start)
	case 4: // preset none with own dates
		cal, rule := randomBusinessCalendar(rng, start)
		t.Calendar, t.BusinessDay = money.NewCalendar(money.PresetNone, cal.Holidays, cal.Workdays), rule
	}
	return t
}

// TestFastDatesMoveLikeMove: fastDates (which moves a chunk of dates at a
// time through Calendar.MoveDates) gives each row the due date
// Calendar.Move gives its unmoved date, calendar.due, and counts days
// between those moved dates, from the first row or a later one and on
// past the last period — for random terms and calendars.
func TestFastDatesMoveLikeMove(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	n := 4000
	if testing.Short() {
		n = 800
	}
	var tabled, chunks int
	for range n {
		terms := drawCalendarTerms(rng)
		if terms.Validate() != nil {
			continue
		}
		from := 1
		if rng.IntN(3) == 0 {
			from = 1 + rng.IntN(terms.Periods)
		}
		count := terms.Periods - from + 1 + rng.IntN(3)
		r := terms.run(terms.Principal, from, count, Grace{})
		rows := make([]Row, count)
		r.fastDates(rows)
		c := terms.calendar()
		moved := func(n int) money.Date {
			if n <= 0 {
				return terms.StartDate // never moves
			}
			return terms.Calendar.Move(c.due(n), terms.BusinessDay)
		}
		for i, row := range rows {
			n := from + i
			if want := moved(n); row.Number != n || row.DueDate != want || row.Days != want.Sub(moved(n-1)) {
				t.Fatalf("%+v: row %d (unmoved %s) is number %d due %s after %d days, want due %s after %d",
					terms, n, c.due(n), row.Number, row.DueDate, row.Days, want, want.Sub(moved(n-1)))
			}
		}
		if c.moves && len(terms.Calendar.Holidays)+len(terms.Calendar.Workdays) == 0 &&
			terms.Calendar.Preset != money.PresetUS {
			tabled++
		}
		if count > 256 {
			chunks++
		}
	}
	require.Greater(t, tabled, n/10, "schedules on a preset alone")
	require.Greater(t, chunks, n/20, "schedules of more than one chunk")
}
