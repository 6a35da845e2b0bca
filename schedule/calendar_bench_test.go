package schedule

import (
	"math"
	"testing"

	"github.com/repayplan/repayplan/money"
)

// mortgageCN is the SPEC §7 budget case with the cn calendar: due dates on
// the 15th that fall on a weekend or a State Council holiday move to the
// next business day.
var mortgageCN = func() Terms {
	t := mortgage
	t.Calendar = money.Calendar{Preset: money.PresetCN}
	return t
}()

// BenchmarkSchedule360Calendar is BenchmarkSchedule360 with the cn
// calendar; SPEC §10's budget is 1.2× the time without.
func BenchmarkSchedule360Calendar(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := Amortize(mortgageCN)
		if err != nil {
			b.Fatal(err)
		}
		sink = s
	}
}

// floatSchedule360Calendar is floatSchedule360 with each due date moved by
// the same calendar code as the exact path: the float64 baseline.
func floatSchedule360Calendar(p, annual float64, n int, start money.Date, cal money.Calendar) []floatRow {
	r := annual / 12
	g := math.Pow(1+r, float64(n))
	a := math.Round(p*r*g/(g-1)*100) / 100
	rows := make([]floatRow, n)
	months := start.Months().From(1)
	bal, prev := p, start
	for i := range rows {
		due := cal.Move(months.Next(), money.Following)
		interest := math.Round(bal*r*100) / 100
		principal := a - interest
		if i == n-1 {
			principal = bal
		}
		rows[i] = floatRow{number: i + 1, days: due.Sub(prev), due: due, opening: bal, principal: principal,
			interest: interest, payment: principal + interest, closing: bal - principal}
		bal -= principal
		prev = due
	}
	return rows
}

// BenchmarkSchedule360CalendarFloat64 is the float64 baseline of
// BenchmarkSchedule360Calendar.
func BenchmarkSchedule360CalendarFloat64(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		floatSink = floatSchedule360Calendar(1_000_000, 0.049, 360, mortgage.StartDate, mortgageCN.Calendar)
	}
}

func TestCalendarFloatBaselineMatches(t *testing.T) {
	rows := floatSchedule360Calendar(1_000_000, 0.049, 360, mortgage.StartDate, mortgageCN.Calendar)
	s, err := Amortize(mortgageCN)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if r.due != s.Rows[i].DueDate || r.days != s.Rows[i].Days {
			t.Fatalf("row %d: float %s %d, exact %s %d", i+1, r.due, r.days, s.Rows[i].DueDate, s.Rows[i].Days)
		}
	}
	// 2024-02-15 falls in 春节 2024 (02-10 to 02-17): due Sun 02-18? No, a
	// 调休 workday, so 02-18 (Sunday) it is — the 2024 notice's 2月18日上班.
	if got := s.Rows[0].DueDate.String(); got != "2024-02-18" {
		t.Fatalf("row 1 due %s, want 2024-02-18", got)
	}
}
