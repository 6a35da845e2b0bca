package money

import (
	"fmt"
	"time"
)

// DayCount is a day-count convention: how a span of dates becomes a
// fraction of a year. The zero DayCount is Act360, the common basis of
// Chinese bank loans (daily rate = annual rate / 360).
type DayCount uint8

const (
	Act360    DayCount = iota // actual days / 360
	Act365                    // actual days / 365 ("Actual/365 Fixed")
	Thirty360                 // 30/360 US bond basis
	ActAct                    // actual/actual ISDA: each calendar year's days over 365 or 366
)

var dayCountNames = [...]string{"act/360", "act/365", "30/360", "act/act"}

func (c DayCount) String() string {
	if int(c) < len(dayCountNames) {
		return dayCountNames[c]
	}
	return fmt.Sprintf("DayCount(%d)", uint8(c))
}

// Valid reports whether c is one of the defined conventions.
func (c DayCount) Valid() bool { return int(c) < len(dayCountNames) }

// MarshalText encodes c as "act/360", "act/365", "30/360" or "act/act".
func (c DayCount) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, fmt.Errorf("money: invalid day count %d", uint8(c))
	}
	return []byte(dayCountNames[c]), nil
}

// UnmarshalText decodes a day-count name.
func (c *DayCount) UnmarshalText(b []byte) error {
	i, err := parseEnum(b, dayCountNames[:], "day count")
	*c = DayCount(i)
	return err
}

// Basis returns the days in a year under c for a day in the given year:
// 360, 365, or 365/366 for ActAct.
func (c DayCount) Basis(year int) int64 {
	switch c {
	case Act365:
		return 365
	case ActAct:
		return int64(DaysInYear(year))
	}
	return 360
}

// YearFrac returns the exact fraction of a year from start to end under c.
// It is negative when end is before start.
func (c DayCount) YearFrac(start, end Date) Ratio {
	if end.Before(start) {
		return c.YearFrac(end, start).MulInt(-1)
	}
	switch c {
	case Act365:
		return NewRatio(int64(end.Sub(start)), 365)
	case Thirty360:
		return NewRatio(int64(thirty360Days(start, end)), 360)
	case ActAct:
		return actActFrac(start, end)
	}
	return NewRatio(int64(end.Sub(start)), 360)
}

// Days returns the day count between start and end: actual days, or
// 30/360 days for Thirty360.
func (c DayCount) Days(start, end Date) int {
	if c == Thirty360 {
		return thirty360Days(start, end)
	}
	return end.Sub(start)
}

// thirty360Days applies the US bond basis: D1 = 31 → 30; D2 = 31 and
// D1 ≥ 30 → 30.
func thirty360Days(start, end Date) int {
	y1, m1, d1 := start.Date()
	y2, m2, d2 := end.Date()
	if d1 == 31 {
		d1 = 30
	}
	if d2 == 31 && d1 >= 30 {
		d2 = 30
	}
	return 360*(y2-y1) + 30*(int(m2)-int(m1)) + (d2 - d1)
}

// actActFrac splits the span at each 1 January and divides each part by
// the length of its own year.
func actActFrac(start, end Date) Ratio {
	var f Ratio
	for start.Before(end) {
		y := start.Year()
		next := NewDate(y+1, time.January, 1)
		if end.Before(next) {
			next = end
		}
		f = f.Add(NewRatio(int64(next.Sub(start)), int64(DaysInYear(y))))
		start = next
	}
	return f
}
