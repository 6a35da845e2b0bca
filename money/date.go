package money

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date: a year, month and day with no time of day and no
// time zone. The zero Date is "unset" (IsZero); valid dates lie in the
// years 1900 to 2200. Dates are comparable with ==.
type Date struct {
	n int32 // days since 0000-03-01 plus one; 0 means unset
}

// Bounds of accepted dates.
const (
	MinYear = 1900
	MaxYear = 2200
)

// NewDate returns the date year-month-day. Out-of-range months and days
// are normalized as time.Date does (2024-02-30 becomes 2024-03-01); use
// ParseDate to reject them instead.
func NewDate(year int, month time.Month, day int) Date {
	y, m := year, int(month)-1
	y += floorDiv(m, 12)
	m = floorMod(m, 12) + 1
	return Date{n: int32(daysFromCivil(y, m, 1) + int64(day))}
}

// ParseDate reads "YYYY-MM-DD" strictly: the day must exist in its month
// and the year must lie between MinYear and MaxYear.
func ParseDate(s string) (Date, error) {
	d, reason := parseDate(s)
	if reason != "" {
		return Date{}, Errorf("", "%s, got %q", reason, clip(s))
	}
	return d, nil
}

func parseDate(s string) (Date, string) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return Date{}, "must be a date YYYY-MM-DD"
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, "no such date"
	}
	if y < MinYear || y > MaxYear {
		return Date{}, fmt.Sprintf("year must be between %d and %d", MinYear, MaxYear)
	}
	return NewDate(y, time.Month(m), d), ""
}

// MustParseDate is ParseDate for constants; it panics on a malformed date.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.n == 0 }

// Date returns the year, month and day of d.
func (d Date) Date() (year int, month time.Month, day int) {
	y, m, dd := civilFromDays(int64(d.n) - 1)
	return y, time.Month(m), dd
}

// Year returns d's year.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns d's month.
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns d's day of the month.
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// AddDays returns d + n days.
func (d Date) AddDays(n int) Date { return Date{n: d.n + int32(n)} }

// AddMonths returns the date n months after d, keeping d's day of the
// month and clamping it to the end of shorter months: Jan 31 + 1 month is
// Feb 28 (29 in leap years), never March. Always add to the anchor date
// (anchor.AddMonths(k)), not to the previous result, so that a schedule
// anchored on the 31st returns to the 31st after February.
func (d Date) AddMonths(n int) Date {
	y, m, day := civilFromDays(int64(d.n) - 1)
	mi := m - 1 + n
	y += floorDiv(mi, 12)
	m = floorMod(mi, 12) + 1
	day = min(day, daysIn(y, m))
	return Date{n: int32(daysFromCivil(y, m, day) + 1)}
}

// Sub returns the number of days from e to d (d − e).
func (d Date) Sub(e Date) int { return int(d.n - e.n) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Compare returns −1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// InRange reports whether d lies within the years MinYear..MaxYear.
func (d Date) InRange() bool {
	return d.n >= minDate.n && d.n <= maxDate.n
}

var (
	minDate = NewDate(MinYear, time.January, 1)
	maxDate = NewDate(MaxYear, time.December, 31)
)

// String returns d as "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// MarshalText encodes d as "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes "YYYY-MM-DD" strictly (see ParseDate), and ""
// as the zero Date, which MarshalText writes as "" — so every result
// decodes again. A request decoded by DecodeJSON may not leave a date
// empty.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, reason := parseDate(string(b))
	if reason != "" {
		return typeError(strconv.Quote(clip(string(b))), reason, Date{})
	}
	*d = v
	return nil
}

// IsLeap reports whether year is a leap year in the Gregorian calendar.
func IsLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

// DaysInYear returns 365 or 366.
func DaysInYear(year int) int {
	if IsLeap(year) {
		return 366
	}
	return 365
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if IsLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the day number of y-m-d counted from 0000-03-01
// (H. Hinnant's algorithm), valid for every proleptic Gregorian date.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe)
}

func civilFromDays(z int64) (int, int, int) {
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// MonthSeries yields the dates anchor + k months for k = 0, 1, 2, … with
// the anchor's day clamped to each month's end. It decomposes the anchor
// once, so each date costs one day-number computation.
type MonthSeries struct {
	y, m, d int
}

// Months returns the series of monthly dates anchored on d.
func (d Date) Months() MonthSeries {
	y, m, dd := civilFromDays(int64(d.n) - 1)
	return MonthSeries{y: y, m: m, d: dd}
}

// At returns anchor + k months; the same date as anchor.AddMonths(k).
func (s MonthSeries) At(k int) Date {
	mi := s.m - 1 + k
	y := s.y + floorDiv(mi, 12)
	m := floorMod(mi, 12) + 1
	d := s.d
	if d > 28 {
		d = min(d, daysIn(y, m))
	}
	return Date{n: int32(daysFromCivil(y, m, d) + 1)}
}

// From returns an iterator over the series from anchor + k months on.
// Each Next costs a few additions: consecutive dates differ by the days of
// the month left behind, adjusted for the anchor day's clamping.
func (s MonthSeries) From(k int) MonthIter {
	d := s.At(k)
	y, m, _ := d.Date()
	return MonthIter{s: s, y: y, m: int(m), next: d}
}

// MonthIter walks a MonthSeries one month at a time.
type MonthIter struct {
	s    MonthSeries
	y, m int
	next Date
}

// Next returns the current date and advances by one month.
func (it *MonthIter) Next() Date {
	d := it.next
	dim := daysIn(it.y, it.m)
	cur := min(it.s.d, dim)
	it.m++
	if it.m > 12 {
		it.m, it.y = 1, it.y+1
	}
	it.next = Date{n: d.n + int32(dim-cur+min(it.s.d, daysIn(it.y, it.m)))}
	return d
}
