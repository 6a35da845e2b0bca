package money

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// CalendarPreset names the public calendar a [Calendar] starts from.
// The zero CalendarPreset is PresetNone: every day is a business day.
type CalendarPreset uint8

const (
	PresetNone     CalendarPreset = iota // every day is a business day
	PresetWeekends                       // Monday to Friday
	PresetCN                             // weekends, the State Council's holidays and 调休 make-up workdays
	PresetUS                             // weekends and the Federal Reserve's holidays
)

var presetNames = []string{"none", "weekends", "cn", "us"}

func (p CalendarPreset) String() string { return enumName(p, presetNames) }

// MarshalText encodes p as "none", "weekends", "cn" or "us".
func (p CalendarPreset) MarshalText() ([]byte, error) { return enumText(p, presetNames) }

// UnmarshalText decodes a preset name; any other name is an error.
func (p *CalendarPreset) UnmarshalText(b []byte) error { return parseEnumInto(b, presetNames, p) }

// BusinessDay is the rule that moves a date that is not a business day.
// The zero BusinessDay is Following, the Chinese lenders' 还款日遇节假日顺延.
type BusinessDay uint8

const (
	Following         BusinessDay = iota // the next business day
	ModifiedFollowing                    // the next business day, unless that is in the next month: then the previous one
	Preceding                            // the previous business day
	Unadjusted                           // the date itself ("none")
)

var businessDayNames = []string{"following", "modified_following", "preceding", "none"}

func (r BusinessDay) String() string { return enumName(r, businessDayNames) }

// MarshalText encodes r as "following", "modified_following", "preceding"
// or "none".
func (r BusinessDay) MarshalText() ([]byte, error) { return enumText(r, businessDayNames) }

// UnmarshalText decodes a rule name; any other name is an error.
func (r *BusinessDay) UnmarshalText(b []byte) error { return parseEnumInto(b, businessDayNames, r) }

// MaxCalendarDates bounds each of a Calendar's Holidays and Workdays, so
// that moving a date is bounded work however the calendar is written.
const MaxCalendarDates = 2000

// Calendar is a business-day calendar: {"preset", "holidays", "workdays"}
// in JSON. A date is a business day when it is in Workdays;
// else not when it is in Holidays; else as the preset says.
//
// The zero Calendar is "no calendar": every day is a business day and
// Move moves nothing. A calendar given in JSON without "preset" is
// PresetWeekends.
//
// Holidays and Workdays must be in ascending order, so a date is looked up
// by binary search; decoding from JSON sorts them (it owns the slices it
// builds), and [NewCalendar] sorts copies of what it is given. A Calendar
// never changes after it is built, so copies may be shared freely.
type Calendar struct {
	Preset   CalendarPreset `json:"preset"`             // none, weekends, cn, us
	Holidays []Date         `json:"holidays,omitempty"` // lender's own closed days
	Workdays []Date         `json:"workdays,omitempty"` // lender's own open days
}

// NewCalendar returns a calendar of preset plus the lender's own holidays
// and workdays, sorted into copies so the caller's slices are untouched.
// Use [Calendar.Check] to validate the result.
func NewCalendar(preset CalendarPreset, holidays, workdays []Date) Calendar {
	c := Calendar{Preset: preset}
	if len(holidays) > 0 {
		c.Holidays = slices.Clone(holidays)
		slices.SortFunc(c.Holidays, Date.Compare)
	}
	if len(workdays) > 0 {
		c.Workdays = slices.Clone(workdays)
		slices.SortFunc(c.Workdays, Date.Compare)
	}
	return c
}

// IsZero reports whether c is "no calendar": preset none and no dates of
// the lender's own.
func (c Calendar) IsZero() bool {
	return c.Preset == PresetNone && len(c.Holidays) == 0 && len(c.Workdays) == 0
}

// IsBusinessDay reports whether d is a business day under c.
func (c Calendar) IsBusinessDay(d Date) bool {
	if len(c.Workdays)+len(c.Holidays) != 0 {
		return c.ownBusinessDay(d)
	}
	return c.Preset.open(d)
}

func (c Calendar) ownBusinessDay(d Date) bool {
	if len(c.Workdays) > 0 && has(c.Workdays, d) {
		return true
	}
	if len(c.Holidays) > 0 && has(c.Holidays, d) {
		return false
	}
	return c.Preset.open(d)
}

// open reports whether d is a business day of the preset alone.
func (p CalendarPreset) open(d Date) bool {
	if p == PresetUS {
		if d.IsWeekend() {
			return false
		}
		h, _ := usHoliday(d)
		return h == NoHoliday
	}
	return p.openTabled(d)
}

// openTabled is open for the presets without rules to evaluate — none,
// weekends and cn — and small enough to inline, so a schedule moving every
// due date pays an index and a remainder for each. (Anything else is
// judged by weekends, as Check rejects it.)
func (p CalendarPreset) openTabled(d Date) bool {
	if p == PresetNone {
		return true
	}
	if p == PresetCN {
		if k := cnKind(d); k != 0 {
			return k&cnWork != 0
		}
	}
	return d.isWeekday()
}

// openOn is openTabled for a table of listed days from base on (cnTable,
// or nil for weekends alone), passed in so that a loop over many dates
// holds it in registers, and for the day numbers weekday7 serves.
func openOn(table []uint8, base int32, d Date) bool {
	if i := uint(uint32(d.n - base)); i < uint(len(table)) {
		if k := table[i]; k != 0 {
			return k&cnWork != 0
		}
	}
	return uint(weekday7(d)-1) < 5
}

// weekday7 is d's weekday (0 Sunday), x mod 7 for x = n+2, for day
// numbers n from 0 while x is below 2^32/3 (MinYear..MaxYear is below
// 2^20): a multiply by ⌈2^32/7⌉ and a shift divide x exactly there (the
// error, 3x/2^32, stays under 1/7), in fewer instructions than the
// compiler's remainder, which serves every 32 bits.
func weekday7(d Date) int {
	x := uint64(d.n) + 2
	return int(x - 7*(x*613566757>>32))
}

// isWeekday reports whether d is a Monday to Friday: weekday 1 to 5, so
// weekday − 1 (unsigned) is below 5.
func (d Date) isWeekday() bool { return (uint32(d.n)+2)%7-1 < 5 }

// Move moves d by rule to a business day of c. A business day,
// the rule Unadjusted and the zero Calendar leave d as it is. The result may
// lie outside the years MinYear..MaxYear when d is at their edge; callers
// check it with [Date.InRange].
func (c Calendar) Move(d Date, rule BusinessDay) Date {
	if rule == Unadjusted {
		return d
	}
	if len(c.Workdays)+len(c.Holidays) == 0 && c.Preset != PresetUS {
		if c.Preset.openTabled(d) {
			return d
		}
	} else if c.IsBusinessDay(d) {
		return d
	}
	return c.moveClosed(d, rule)
}

// MoveDates moves each date of ds in place by rule, as [Calendar.Move]
// moves it: Move for a whole schedule of due dates. The calendar is judged
// once for all of them; on the weekends and cn presets without dates of
// the lender's own, each date then costs a table lookup and a weekday in
// one loop rather than a call of Move.
func (c Calendar) MoveDates(ds []Date, rule BusinessDay) {
	if rule == Unadjusted || c.IsZero() {
		return
	}
	if len(c.Workdays)+len(c.Holidays) != 0 || c.Preset == PresetUS {
		for i, d := range ds {
			ds[i] = c.Move(d, rule)
		}
		return
	}
	c.moveTabled(ds, rule)
}

// moveTabled is MoveDates for the presets without rules, weekends and cn,
// with no dates of the lender's own. walkTabled moves the dates it can;
// the rest (ModifiedFollowing's closed dates, and dates far outside
// MinYear..MaxYear) go through Move one at a time.
func (c Calendar) moveTabled(ds []Date, rule BusinessDay) {
	var table []uint8
	if c.Preset == PresetCN {
		table = cnTable
	}
	dir := 0
	switch rule {
	case Following:
		dir = 1
	case Preceding:
		dir = -1
	}
	for i := 0; ; i++ {
		if i = walkTabled(ds, i, table, cnBase, dir); i >= len(ds) {
			return
		}
		ds[i] = c.Move(ds[i], rule)
	}
}

// walkTabled moves ds[i:] in place, judging each day by openOn with table
// and base, and walking a closed date by dir as step does: over the same
// days, with the same bound. It stops at the first date it leaves to
// Move — a closed one when dir is 0 (ModifiedFollowing), or one whose day
// number is not within 64 to 2^30, so that weekday7 serves it and every
// day of its walk — and returns its index, or len(ds). It calls nothing,
// so its loop runs in registers.
func walkTabled(ds []Date, i int, table []uint8, base int32, dir int) int {
	for ; i < len(ds); i++ {
		d := ds[i]
		if uint32(d.n-64) >= 1<<30-64 {
			return i
		}
		if openOn(table, base, d) {
			continue
		}
		if dir == 0 {
			return i
		}
		for range 16 * 2 { // step's bound without own holidays
			if d = d.AddDays(dir); openOn(table, base, d) {
				break
			}
		}
		ds[i] = d
	}
	return i
}

func (c Calendar) moveClosed(d Date, rule BusinessDay) Date {
	switch rule {
	case Following:
		return c.step(d, 1)
	case Preceding:
		return c.step(d, -1)
	case ModifiedFollowing:
		f := c.step(d, 1)
		if f.Month() != d.Month() {
			return c.step(d, -1)
		}
		return f
	}
	return d
}

// step walks from d by dir (+1 or −1) to the first business day. A run of
// closed days is at most a preset's longest (9 days, 春节 2026) between
// each two of the lender's holidays, so the walk is bounded; the bound is a
// guard, never reached by a calendar that passes Check.
func (c Calendar) step(d Date, dir int) Date {
	limit := 16 * (len(c.Holidays) + 2)
	if len(c.Workdays)+len(c.Holidays) == 0 && c.Preset != PresetUS {
		for range limit {
			if d = d.AddDays(dir); c.Preset.openTabled(d) {
				return d
			}
		}
		return d
	}
	for range limit {
		if d = d.AddDays(dir); c.IsBusinessDay(d) {
			return d
		}
	}
	return d
}

// Check validates c for Go callers; field is the JSON path of the calendar
// ("terms.calendar"), and errors name the offending part, such as
// "terms.calendar.holidays[2]". The rules: a known preset; at most
// MaxCalendarDates dates in each list, each set and within MinYear..MaxYear,
// in ascending order; no date in both lists.
func (c Calendar) Check(field string) error {
	return Within(field, c.check())
}

func (c Calendar) check() error {
	if int(c.Preset) >= len(presetNames) {
		return Errorf("preset", "must be one of none, weekends, cn, us, got %s", c.Preset)
	}
	for _, l := range []struct {
		name  string
		dates []Date
	}{{"holidays", c.Holidays}, {"workdays", c.Workdays}} {
		if len(l.dates) > MaxCalendarDates {
			return Errorf(l.name, "must have at most %d dates, got %d", MaxCalendarDates, len(l.dates))
		}
		for i, d := range l.dates {
			at := fmt.Sprintf("%s[%d]", l.name, i)
			if d.IsZero() || !d.InRange() {
				return Errorf(at, "must be a date in the years %d to %d", MinYear, MaxYear)
			}
			if i > 0 && d.Before(l.dates[i-1]) {
				return Errorf(at, "must be in ascending order (NewCalendar sorts), got %s after %s", d, l.dates[i-1])
			}
		}
	}
	for i, d := range c.Workdays {
		if j, ok := slices.BinarySearchFunc(c.Holidays, d, Date.Compare); ok {
			return Errorf(fmt.Sprintf("workdays[%d]", i), "must not also be in holidays (holidays[%d]), got %q", j, d.String())
		}
	}
	return nil
}

// UnmarshalJSON decodes {"preset", "holidays", "workdays"} strictly: an
// unknown key or preset, a date that is not one, or a date in both lists is
// an error naming it (for example "holidays[2]"). A missing preset is
// "weekends". The lists are sorted after they are checked, so errors name
// positions as written.
func (c *Calendar) UnmarshalJSON(b []byte) error {
	var v struct {
		Preset   *CalendarPreset   `json:"preset"`
		Holidays []json.RawMessage `json:"holidays"`
		Workdays []json.RawMessage `json:"workdays"`
	}
	if err := decodeStrict(b, &v); err != nil {
		return err
	}
	out := Calendar{Preset: PresetWeekends}
	if v.Preset != nil {
		out.Preset = *v.Preset
	}
	var err error
	if out.Holidays, err = decodeDates("holidays", v.Holidays); err != nil {
		return err
	}
	if out.Workdays, err = decodeDates("workdays", v.Workdays); err != nil {
		return err
	}
	at := make(map[Date]int, len(out.Holidays))
	for j := len(out.Holidays) - 1; j >= 0; j-- {
		at[out.Holidays[j]] = j // the first position of a date listed twice
	}
	for i, d := range out.Workdays {
		if j, ok := at[d]; ok {
			return fieldTypeError(fmt.Sprintf("workdays[%d]", i), fmt.Sprintf("%q", d.String()),
				fmt.Sprintf("must not also be in holidays (holidays[%d])", j))
		}
	}
	slices.SortFunc(out.Holidays, Date.Compare)
	slices.SortFunc(out.Workdays, Date.Compare)
	*c = out
	return nil
}

// decodeDates decodes a list of dates, naming the element that fails.
func decodeDates(name string, raw []json.RawMessage) ([]Date, error) {
	if len(raw) > MaxCalendarDates {
		return nil, fieldTypeError(name, fmt.Sprintf("%d dates", len(raw)), fmt.Sprintf("must have at most %d dates", MaxCalendarDates))
	}
	if len(raw) == 0 {
		return nil, nil
	}
	out := make([]Date, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &out[i]); err != nil || out[i].IsZero() {
			at := fmt.Sprintf("%s[%d]", name, i)
			if te, ok := err.(*json.UnmarshalTypeError); ok && strings.Contains(te.Value, reasonSep) {
				te.Field = at
				return nil, te
			}
			return nil, fieldTypeError(at, string(r), "must be a date YYYY-MM-DD")
		}
	}
	return out, nil
}

// fieldTypeError is typeError for a field inside a self-decoding value:
// encoding/json puts the path of the value in front of field.
func fieldTypeError(field, value, reason string) error {
	return &json.UnmarshalTypeError{Value: quoteReason(clip(value), reason), Field: field, Type: typeOfString}
}

func has(sorted []Date, d Date) bool {
	_, ok := slices.BinarySearchFunc(sorted, d, Date.Compare)
	return ok
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// Day number 1 is 0000-03-01, a Wednesday in the proleptic Gregorian calendar.
	// Valid dates have n > 0; unsigned arithmetic keeps the remainder a
	// multiply and a shift.
	return time.Weekday((uint32(d.n) + 2) % 7)
}

// IsWeekend reports whether d is a Saturday or a Sunday.
func (d Date) IsWeekend() bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}
