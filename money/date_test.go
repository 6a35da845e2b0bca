package money

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	anchor := MustParseDate("2024-01-31")
	want := []string{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31",
		"2024-06-30", "2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30",
		"2024-12-31", "2025-01-31", "2025-02-28"}
	for k, w := range want {
		assert.Equal(t, w, anchor.AddMonths(k).String(), "k=%d", k)
	}
	// Chaining drifts (Feb 29 + 1 month = Mar 29): the anchor form does not.
	assert.Equal(t, "2024-03-29", anchor.AddMonths(1).AddMonths(1).String())
	assert.Equal(t, "2023-12-31", anchor.AddMonths(-1).String())
	assert.Equal(t, "2023-11-30", anchor.AddMonths(-2).String())
}

func TestLeapYears(t *testing.T) {
	for y, leap := range map[int]bool{1900: false, 2000: true, 2024: true, 2100: false, 2023: false, 2200: false} {
		assert.Equal(t, leap, IsLeap(y), "%d", y)
	}
	assert.Equal(t, "2028-02-29", MustParseDate("2024-02-29").AddMonths(48).String())
	assert.Equal(t, "2025-02-28", MustParseDate("2024-02-29").AddMonths(12).String())
}

func TestDateAgreesWithTime(t *testing.T) {
	// Every day from 1900 to 2200 round-trips and its day number agrees
	// with time.Time's.
	base := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	d0 := NewDate(1900, time.January, 1)
	for i := 0; i < 110_000; i += 7 {
		tt := base.AddDate(0, 0, i)
		d := d0.AddDays(i)
		y, m, dd := d.Date()
		require.Equal(t, tt.Year(), y)
		require.Equal(t, tt.Month(), m)
		require.Equal(t, tt.Day(), dd)
		require.Equal(t, tt.Format("2006-01-02"), d.String())
	}
}

func TestParseDateStrict(t *testing.T) {
	for _, s := range []string{"2024-02-30", "2023-02-29", "2024-13-01", "2024-1-01", "1899-12-31", "2201-01-01", "20240101", ""} {
		_, err := ParseDate(s)
		assert.Error(t, err, s)
	}
	d, err := ParseDate("2200-12-31")
	require.NoError(t, err)
	assert.True(t, d.InRange())
}

func TestDayCountPublishedValues(t *testing.T) {
	// 2011-08-29 → 2012-08-29, the worked example of the ISDA conventions
	// (act/act 1.00093570, act/365 1.00273973, act/360 1.01666667).
	a, b := MustParseDate("2011-08-29"), MustParseDate("2012-08-29")
	cases := map[DayCount]string{ActAct: "1.00093570", Act365: "1.00273973", Act360: "1.01666667", Thirty360: "1.00000000"}
	for dc, want := range cases {
		assert.Equal(t, want, dc.YearFrac(a, b).FloatString(8), dc.String())
	}
	// act/act splits at 1 Jan: 125 days of 2011 over 365 + 241 of 2012 over 366.
	assert.Equal(t, NewRatio(125, 365).Add(NewRatio(241, 366)), ActAct.YearFrac(a, b))
}

func TestThirty360Rules(t *testing.T) {
	cases := []struct {
		from, to string
		days     int
	}{
		{"2024-01-31", "2024-02-29", 29}, // D1 31 → 30; Feb end not adjusted (US bond basis)
		{"2024-01-30", "2024-03-31", 60}, // D2 31 and D1 ≥ 30 → 30
		{"2024-01-15", "2024-03-31", 76}, // D2 31 with D1 < 30 stays 31
		{"2024-03-31", "2024-04-30", 30},
	}
	for _, c := range cases {
		assert.Equal(t, c.days, Thirty360.Days(MustParseDate(c.from), MustParseDate(c.to)), "%s→%s", c.from, c.to)
	}
}

func TestMonthSeriesMatchesAddMonths(t *testing.T) {
	for _, a := range []string{"2024-01-31", "2024-02-29", "1999-12-31", "2023-03-30", "2100-02-28", "1900-01-01"} {
		d := MustParseDate(a)
		s := d.Months()
		for k := -30; k < 1300; k++ {
			require.Equal(t, d.AddMonths(k), s.At(k), "%s + %d", a, k)
		}
	}
}

func TestDateDecodeErrorNamesValueOnce(t *testing.T) {
	var v struct {
		D Date `json:"d"`
	}
	err := DecodeJSON([]byte(`{"d":"1800-01-01"}`), &v)
	require.Error(t, err)
	assert.Equal(t, `d: year must be between 1900 and 2200, got "1800-01-01"`, err.Error())
	err = DecodeJSON([]byte(`{"d":"2023-02-29"}`), &v)
	assert.Equal(t, `d: no such date, got "2023-02-29"`, err.Error())
}

func TestMonthIterMatchesAt(t *testing.T) {
	for _, a := range []string{"2024-01-31", "2024-02-29", "1999-12-31", "2023-03-30", "2100-02-28", "1900-01-01", "2024-05-15"} {
		s := MustParseDate(a).Months()
		for _, from := range []int{-13, 0, 1, 7} {
			it := s.From(from)
			for k := from; k < from+1300; k++ {
				require.Equal(t, s.At(k), it.Next(), "%s + %d", a, k)
			}
		}
	}
}
