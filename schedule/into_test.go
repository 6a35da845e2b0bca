package schedule

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// dirty returns a row buffer of the given capacity whose every field holds
// something no schedule computes, so a test sees any field AmortizeInto
// fails to overwrite.
func dirty(n int) []Row {
	junk := money.New(-777, 3)
	rows := make([]Row, n)
	for i := range rows {
		rows[i] = Row{Number: -1, DueDate: money.MustParseDate("1901-02-03"), Days: -9, OpeningBalance: junk,
			Principal: junk, Interest: junk, Fee: junk, Payment: junk, ClosingBalance: junk, Capitalized: junk}
	}
	return rows
}

// AmortizeInto must give exactly what Amortize gives, whatever the buffer
// held, and write into the buffer when it has room.
func TestAmortizeIntoMatchesAmortize(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	buf := dirty(600)
	for i := 0; i < 2000; i++ {
		terms := randomTerms(rng)
		want, werr := Amortize(terms)
		got, gerr := AmortizeInto(buf, terms)
		require.Equal(t, werr, gerr, "%+v", terms)
		if werr != nil {
			continue
		}
		require.Equal(t, want, got, "%+v", terms)
		if len(got.Rows) <= cap(buf) {
			require.Same(t, &buf[:1][0], &got.Rows[0], "rows written into the buffer")
		}
		// The next schedule reuses these rows, as bulk work does.
		buf = got.Rows[:0]
		if cap(buf) < 480 {
			buf = dirty(480)[:rng.IntN(10)]
		}
	}
}

func TestAmortizeIntoGrowsASmallBuffer(t *testing.T) {
	small := dirty(3)
	s, err := AmortizeInto(small, mortgage)
	require.NoError(t, err)
	want, err := Amortize(mortgage)
	require.NoError(t, err)
	require.Equal(t, want, s)
	require.Equal(t, -1, small[0].Number, "a buffer without room is left alone")
}

func TestAmortizeIntoRejectsInvalidTerms(t *testing.T) {
	bad := mortgage
	bad.Periods = 0
	_, err := AmortizeInto(dirty(10), bad)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.ErrorContains(t, err, "periods")
}

// fastDates' monthly stepping must give exactly the calendar's dates:
// every anchor day, across leap years and the century rules (1900 and
// 2100 are not leap years, 2000 is), anchored on the start or on a first
// due date, from the first row or later.
func TestFastDatesMatchTheCalendar(t *testing.T) {
	for _, year := range []int{1900, 1999, 2000, 2023, 2024, 2099} {
		for month := time.January; month <= time.December; month++ {
			for day := 1; day <= 31; day++ {
				start := money.NewDate(year, month, day)
				if start.Day() != day { // 02-30 and the like roll over
					continue
				}
				for _, first := range []money.Date{{}, start.AddDays(45)} {
					terms := Terms{Principal: money.New(1000, 0), Periods: 40, StartDate: start, FirstDueDate: first}
					for _, from := range []int{1, 7} {
						r := terms.run(terms.Principal, from, 30, Grace{})
						rows := make([]Row, 30)
						r.fastDates(rows)
						for i, row := range rows {
							n := from + i
							require.Equal(t, n, row.Number)
							require.Equal(t, terms.DueDate(n), row.DueDate, "start %s first %s row %d", start, first, n)
							require.Equal(t, terms.DueDate(n).Sub(terms.DueDate(n-1)), row.Days)
						}
					}
				}
			}
		}
	}
}

func TestMonthDays(t *testing.T) {
	// The Gregorian month lengths.
	want := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	for m, n := range want {
		require.Equal(t, n, monthDays(2023, m+1), "month %d", m+1)
	}
	require.Equal(t, 29, monthDays(2024, 2))
	require.Equal(t, 29, monthDays(2000, 2))
	require.Equal(t, 28, monthDays(1900, 2))
	require.Equal(t, 28, monthDays(2100, 2))
}

func TestFloatBaselineReusesItsBuffer(t *testing.T) {
	fresh, ft := floatSchedule360(1_000_000, 0.049, 360, mortgage.StartDate)
	buf := make([]floatRow, 400)
	for i := range buf {
		buf[i].capitalized = 99 // never set by the baseline: must stay 0 in its rows
	}
	reused, rt := floatSchedule360Into(buf, 1_000_000, 0.049, 360, mortgage.StartDate)
	require.Equal(t, fresh, reused)
	require.Equal(t, ft, rt)
}
