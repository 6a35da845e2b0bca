package money

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestWeekday(t *testing.T) {
	// Anchors from any printed calendar: 1900-01-01 Monday, 1970-01-01
	// Thursday, 2000-02-29 Tuesday, 2025-10-01 Wednesday, 2200-12-31 Wednesday.
	for s, w := range map[string]time.Weekday{"1900-01-01": time.Monday, "1970-01-01": time.Thursday,
		"2000-02-29": time.Tuesday, "2025-10-01": time.Wednesday, "2200-12-31": time.Wednesday} {
		if got := MustParseDate(s).Weekday(); got != w {
			t.Errorf("%s: %s, want %s", s, got, w)
		}
	}
	// And against the standard library for every day of a few centuries.
	for d := MustParseDate("1900-01-01"); d.Year() < 2201; d = d.AddDays(97) {
		y, m, dd := d.Date()
		if w := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Weekday(); d.Weekday() != w {
			t.Fatalf("%s: %s, time says %s", d, d.Weekday(), w)
		}
	}
}

func TestMove(t *testing.T) {
	cn := Calendar{Preset: PresetCN}
	wk := Calendar{Preset: PresetWeekends}
	own := NewCalendar(PresetCN, []Date{MustParseDate("2025-03-03")}, []Date{MustParseDate("2025-10-08")})
	for _, c := range []struct {
		name string
		cal  Calendar
		d    string
		rule BusinessDay
		want string
	}{
		// 2025-10-01..08 are 国庆节、中秋节 holidays; 10-09 is a Thursday.
		{"cn following", cn, "2025-10-01", Following, "2025-10-09"},
		// Preceding from 10-01: 09-30 is a Tuesday.
		{"cn preceding", cn, "2025-10-03", Preceding, "2025-09-30"},
		{"cn modified following stays in month", cn, "2025-10-01", ModifiedFollowing, "2025-10-09"},
		// 2024-09-29 is a 调休 Sunday: a business day, it stays.
		{"cn make-up Sunday stays", cn, "2024-09-29", Following, "2024-09-29"},
		{"cn make-up Saturday stays", cn, "2026-02-14", Following, "2026-02-14"},
		{"cn unadjusted", cn, "2025-10-01", Unadjusted, "2025-10-01"},
		// 2026-01-31 is a Saturday: following is Mon 02-02, another month,
		// so modified following takes Fri 01-30.
		{"weekends modified following month end", wk, "2026-01-31", ModifiedFollowing, "2026-01-30"},
		{"weekends following month end", wk, "2026-01-31", Following, "2026-02-02"},
		{"weekends preceding", wk, "2026-02-01", Preceding, "2026-01-30"},
		// Spring festival 2026: 02-15..02-23 off, 02-24 Tuesday.
		{"cn spring festival", cn, "2026-02-16", Following, "2026-02-24"},
		// The lender closes Monday 2025-03-03 and opens holiday 2025-10-08.
		{"own holiday", own, "2025-03-03", Following, "2025-03-04"},
		{"own workday", own, "2025-10-01", Following, "2025-10-08"},
		{"zero calendar", Calendar{}, "2025-10-04", Following, "2025-10-04"},
		// Sunday 2027-07-04 is observed Monday 07-05: following reaches Tue 07-06.
		{"us sunday observed monday", Calendar{Preset: PresetUS}, "2027-07-04", Following, "2027-07-06"},
		// Saturday 2026-07-04: Friday 07-03 stays open, so preceding lands there.
		{"us saturday not moved", Calendar{Preset: PresetUS}, "2026-07-04", Preceding, "2026-07-03"},
	} {
		if got := c.cal.Move(MustParseDate(c.d), c.rule); got.String() != c.want {
			t.Errorf("%s: Move(%s, %s) = %s, want %s", c.name, c.d, c.rule, got, c.want)
		}
	}
}

func TestClosureText(t *testing.T) {
	cn := Calendar{Preset: PresetCN}
	cl, ok := cn.Closure(MustParseDate("2025-10-01"))
	if !ok || cl.ZH() != "国庆节假日" || cl.EN() != "a National Day holiday" {
		t.Errorf("2025-10-01: %+v %q %q", cl, cl.ZH(), cl.EN())
	}
	cl, _ = cn.Closure(MustParseDate("2025-03-01"))
	if cl.Kind != Weekend || cl.ZH() != "周末" || cl.EN() != "a weekend" {
		t.Errorf("2025-03-01: %+v", cl)
	}
	cl, _ = Calendar{Preset: PresetUS}.Closure(MustParseDate("2029-11-12"))
	if cl.Holiday != VeteransDay || !cl.Observed || cl.EN() != "Veterans Day (observed)" {
		t.Errorf("2029-11-12: %+v %q", cl, cl.EN())
	}
	own := NewCalendar(PresetNone, []Date{MustParseDate("2025-03-03")}, nil)
	if cl, ok := own.Closure(MustParseDate("2025-03-03")); !ok || cl.Kind != LenderHoliday {
		t.Errorf("lender holiday: %+v %v", cl, ok)
	}
	if _, ok := cn.Closure(MustParseDate("2025-10-09")); ok {
		t.Error("2025-10-09 is a business day")
	}
}

func TestCalendarJSON(t *testing.T) {
	type req struct {
		Policy struct {
			Calendar Calendar `json:"calendar"`
		} `json:"policy"`
	}
	for _, c := range []struct{ in, field, reason string }{
		{`{"preset":"jp"}`, "policy.calendar.preset", "must be one of none, weekends, cn, us"},
		{`{"holidays":["2025-01-01","2025-02-30"]}`, "policy.calendar.holidays[1]", "no such date"},
		{`{"holidays":[20250101]}`, "policy.calendar.holidays[0]", "must be a date"},
		{`{"workdays":["tomorrow"]}`, "policy.calendar.workdays[0]", "must be a date"},
		{`{"holidays":["2025-05-01"],"workdays":["2025-04-27","2025-05-01"]}`, "policy.calendar.workdays[1]", "must not also be in holidays (holidays[0])"},
		{`{"preset":"cn","weekend":"sat"}`, "policy.calendar.weekend", "unknown field"},
		{`{"holidays":"2025-01-01"}`, "policy.calendar.holidays", ""},
	} {
		var r req
		err := DecodeJSON([]byte(`{"policy":{"calendar":`+c.in+`}}`), &r)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) || e.Field != c.field || !strings.Contains(e.Reason, c.reason) {
			t.Errorf("%s: got %v, want %s: %s", c.in, err, c.field, c.reason)
		}
	}
	var r req
	if err := DecodeJSON([]byte(`{"policy":{"calendar":{"holidays":["2025-03-04","2025-03-03"]}}}`), &r); err != nil {
		t.Fatal(err)
	}
	c := r.Policy.Calendar
	if c.Preset != PresetWeekends || len(c.Holidays) != 2 || c.Holidays[0].String() != "2025-03-03" {
		t.Errorf("missing preset must be weekends and holidays sorted: %+v", c)
	}
	if err := c.Check("policy.calendar"); err != nil {
		t.Errorf("decoded calendar fails Check: %v", err)
	}
	b, _ := json.Marshal(c)
	if string(b) != `{"preset":"weekends","holidays":["2025-03-03","2025-03-04"]}` {
		t.Errorf("marshal: %s", b)
	}
	var back Calendar
	if err := DecodeJSON(b, &back); err != nil || back.Preset != c.Preset || len(back.Holidays) != 2 {
		t.Errorf("round trip: %+v %v", back, err)
	}
}

func TestCalendarCheck(t *testing.T) {
	d := MustParseDate
	for _, c := range []struct {
		cal          Calendar
		field, would string
	}{
		{Calendar{Preset: 9}, "terms.calendar.preset", "must be one of"},
		{Calendar{Holidays: []Date{d("2025-02-01"), d("2025-01-01")}}, "terms.calendar.holidays[1]", "ascending"},
		{Calendar{Workdays: []Date{{}}}, "terms.calendar.workdays[0]", "must be a date"},
		{Calendar{Holidays: []Date{d("2025-01-01")}, Workdays: []Date{d("2025-01-01")}}, "terms.calendar.workdays[0]", "holidays[0]"},
		{Calendar{Holidays: make([]Date, MaxCalendarDates+1)}, "terms.calendar.holidays", "at most"},
	} {
		err := c.cal.Check("terms.calendar")
		var e *Error
		if !errors.As(err, &e) || e.Field != c.field || !strings.Contains(e.Reason, c.would) {
			t.Errorf("%+v: got %v, want %s: %s", c.cal, err, c.field, c.would)
		}
	}
	in := []Date{d("2025-02-01"), d("2025-01-01")}
	c := NewCalendar(PresetCN, in, nil)
	if err := c.Check("x"); err != nil || in[0] != d("2025-02-01") {
		t.Errorf("NewCalendar must sort a copy: %v %v", err, in)
	}
}

// randomCalendar draws a preset and up to 40 own dates near d.
func randomCalendar(r *rand.Rand, d Date) Calendar {
	var hol, work []Date
	for range r.IntN(20) {
		hol = append(hol, d.AddDays(r.IntN(60)-30))
	}
	for range r.IntN(20) {
		w := d.AddDays(r.IntN(60) - 30)
		if !contains(hol, w) {
			work = append(work, w)
		}
	}
	return NewCalendar(CalendarPreset(r.IntN(4)), hol, work)
}

func contains(ds []Date, d Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// TestMoveProperties: Move lands on a business day (or returns d), within
// the calendar's longest run of closed days; following never goes back,
// preceding never forward, modified following keeps the month or precedes,
// a business day never moves, and moving is idempotent.
func TestMoveProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	lo, hi := MustParseDate("2023-06-01"), MustParseDate("2027-06-30")
	for range 20000 {
		d := lo.AddDays(r.IntN(hi.Sub(lo)))
		c := randomCalendar(r, d)
		if c.Check("c") != nil {
			t.Fatalf("random calendar invalid: %v", c.Check("c"))
		}
		for rule := Following; rule <= Unadjusted; rule++ {
			m := c.Move(d, rule)
			bound := 10 + len(c.Holidays)
			switch {
			case rule == Unadjusted && m != d:
				t.Fatalf("%s none moved to %s", d, m)
			case rule != Unadjusted && !c.IsBusinessDay(m):
				t.Fatalf("%s %s → %s, not a business day (%+v)", d, rule, m, c)
			case c.IsBusinessDay(d) && m != d:
				t.Fatalf("business day %s moved to %s", d, m)
			case m.Sub(d) > bound || d.Sub(m) > bound:
				t.Fatalf("%s %s → %s: too far", d, rule, m)
			case rule == Following && m.Before(d):
				t.Fatalf("following %s → %s", d, m)
			case rule == Preceding && m.After(d):
				t.Fatalf("preceding %s → %s", d, m)
			case rule == ModifiedFollowing && m.Month() != d.Month() && !m.Before(d):
				t.Fatalf("modified following %s → %s left the month forward", d, m)
			case rule == ModifiedFollowing && m.Before(d) && c.Move(d, Following).Month() == d.Month():
				t.Fatalf("modified following %s → %s preceded though following stays in month", d, m)
			case c.Move(m, rule) != m:
				t.Fatalf("moving %s twice", d)
			}
		}
	}
}

func TestIsZero(t *testing.T) {
	if !(Calendar{}).IsZero() || (Calendar{Preset: PresetWeekends}).IsZero() ||
		(Calendar{Holidays: []Date{MustParseDate("2025-01-01")}}).IsZero() {
		t.Error("IsZero: only preset none without own dates is no calendar")
	}
	// Preset none with an own holiday does move that day.
	c := NewCalendar(PresetNone, []Date{MustParseDate("2025-01-01")}, nil)
	if got := c.Move(MustParseDate("2025-01-01"), Following); got.String() != "2025-01-02" {
		t.Errorf("none + own holiday: %s", got)
	}
}

func TestEnumsJSON(t *testing.T) {
	var r BusinessDay
	if err := json.Unmarshal([]byte(`"modified_following"`), &r); err != nil || r != ModifiedFollowing {
		t.Errorf("%v %v", r, err)
	}
	if err := json.Unmarshal([]byte(`"modfollowing"`), &r); err == nil {
		t.Error("unknown rule accepted")
	}
	if b, _ := json.Marshal(Unadjusted); string(b) != `"none"` {
		t.Errorf("Unadjusted marshals as %s", b)
	}
}

// TestMoveMonotone: under every rule a later date never moves before an
// earlier one's moved date. Schedules and ledgers rely on it: moved due
// dates keep their order, so only the first can reach the start and only
// the last the year bounds.
func TestMoveMonotone(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	lo := MustParseDate("2023-06-01")
	for range 20000 {
		d := lo.AddDays(r.IntN(1500))
		e := d.AddDays(1 + r.IntN(40))
		// Dense own holidays too, so whole runs and month ends close.
		c := randomCalendar(r, d)
		if r.IntN(4) == 0 {
			var hol []Date
			for k := range 40 {
				if r.IntN(3) > 0 {
					hol = append(hol, d.AddDays(k-5))
				}
			}
			c = NewCalendar(c.Preset, hol, nil)
		}
		for rule := Following; rule <= Unadjusted; rule++ {
			if md, me := c.Move(d, rule), c.Move(e, rule); me.Before(md) {
				t.Fatalf("%s %s: %s → %s but later %s → %s", c.Preset, rule, d, md, e, me)
			}
		}
	}
}

// TestMoveDatesIsMove: MoveDates moves every date exactly as Move does, for
// every preset (and one Check rejects), with and without the lender's own
// dates, under every rule (and one that is none of them), for dates around
// the shipped cn years, across MinYear..MaxYear, and at the edges of the
// day numbers its loop judges itself (64 and 2^30) and beyond.
func TestMoveDatesIsMove(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	cnLo, cnHi := MustParseDate("2023-11-01"), MustParseDate("2027-02-28")
	lo, hi := NewDate(MinYear, time.January, 1), NewDate(MaxYear, time.December, 31)
	edges := []int32{-1 << 31, -40, -1, 0, 1, 30, 63, 64, 65, 100, 1<<30 - 40, 1<<30 - 1, 1 << 30, 1<<30 + 1, 1<<31 - 40}
	tabled := 0
	for range 3000 {
		ds := make([]Date, r.IntN(80))
		for i := range ds {
			switch r.IntN(9) {
			case 0:
				ds[i] = Date{n: edges[r.IntN(len(edges))] + int32(r.IntN(5))}
			case 1:
				ds[i] = Date{n: r.Int32() - r.Int32()} // any day number at all
			case 2, 3:
				ds[i] = lo.AddDays(r.IntN(hi.Sub(lo) + 1))
			default:
				ds[i] = cnLo.AddDays(r.IntN(cnHi.Sub(cnLo) + 1))
			}
		}
		var c Calendar
		if len(ds) > 0 && r.IntN(2) == 0 {
			c = randomCalendar(r, ds[r.IntN(len(ds))])
		} else {
			c = Calendar{Preset: CalendarPreset(r.IntN(4))}
		}
		if r.IntN(50) == 0 {
			c.Preset = 7 // judged by weekends, as Move judges it
		}
		if len(c.Holidays)+len(c.Workdays) == 0 && (c.Preset == PresetWeekends || c.Preset == PresetCN) {
			tabled++
		}
		for rule := Following; rule <= Unadjusted+1; rule++ {
			got := append([]Date(nil), ds...)
			c.MoveDates(got, rule)
			for i, d := range ds {
				if want := c.Move(d, rule); got[i] != want {
					t.Fatalf("%+v %s: MoveDates moved %s (day %d) to %s, Move to %s", c, rule, d, d.n, got[i], want)
				}
			}
		}
	}
	if tabled < 600 {
		t.Fatalf("only %d batches on the weekends and cn presets alone", tabled)
	}
}

// TestWeekday7: weekday7 is Weekday for the day numbers walkTabled gives
// it (32 to 2^30 + 32): every one up to 2^22, which spans
// MinYear..MaxYear, then random ones, and the top of the range.
func TestWeekday7(t *testing.T) {
	check := func(n int32) {
		if d := (Date{n: n}); weekday7(d) != int(d.Weekday()) {
			t.Fatalf("day %d: weekday7 %d, Weekday %d", n, weekday7(d), d.Weekday())
		}
	}
	for n := range int32(1 << 22) {
		check(n)
	}
	r := rand.New(rand.NewPCG(33, 34))
	for range 100000 {
		check(r.Int32N(1 << 30))
	}
	for n := int32(1<<30 - 1000); n < 1<<30+1000; n++ {
		check(n)
	}
}

// TestMoveDatesAllocatesNothing: the moves happen in place.
func TestMoveDatesAllocatesNothing(t *testing.T) {
	ds := make([]Date, 360)
	for i := range ds {
		ds[i] = MustParseDate("2024-01-15").AddDays(30 * i)
	}
	for _, c := range []Calendar{{Preset: PresetCN}, {Preset: PresetUS}, NewCalendar(PresetWeekends, ds[:3], nil)} {
		if n := testing.AllocsPerRun(10, func() { c.MoveDates(ds, Following) }); n != 0 {
			t.Errorf("%s: %v allocations", c.Preset, n)
		}
	}
}
