package schedule

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// AppendReamortized is the head it is given followed by exactly the rows
// Reamortize returns, written into the head's array when it has room, on
// random terms (every method, basis and calendar randomTerms draws) and
// balances.
func TestAppendReamortizedIsReamortize(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	for i := 0; i < 600; i++ {
		terms := randomTerms(rng)
		require.NoError(t, terms.Validate())
		count := 1 + rng.IntN(terms.Periods)
		first := 1 + rng.IntN(terms.Periods-count+1)
		balance := terms.Principal.MulRatio(money.NewRatio(1+rng.Int64N(100), 100), terms.Rounding)
		want := terms.Reamortize(balance, first, count)

		head := make([]Row, rng.IntN(4), 3+count+rng.IntN(3))
		for j := range head {
			head[j] = Row{Number: -j, Days: j}
		}
		room := cap(head)-len(head) >= len(want)
		got := terms.AppendReamortized(head, balance, first, count)
		require.Equal(t, len(head)+len(want), len(got), "%+v", terms)
		require.Equal(t, head, got[:len(head)], "the head is kept")
		require.Equal(t, want, got[len(head):], "%+v balance %s first %d count %d", terms, balance, first, count)
		if room && len(got) > 0 {
			require.Same(t, &head[:cap(head)][0], &got[0], "written into the head's array")
		}

		// Without a head, and into nil: Reamortize itself.
		require.Equal(t, want, terms.AppendReamortized(nil, balance, first, count))
	}
}

// With room for the tail, AppendReamortized allocates nothing.
func TestAppendReamortizedAllocatesNothing(t *testing.T) {
	terms := Terms{Principal: money.New(20_000, 0), AnnualRate: money.MustParseRate("0.18"), Periods: 12, StartDate: money.MustParseDate("2025-01-10"), Rounding: money.NewRounding(2, money.HalfUp)}
	buf := make([]Row, 3, 15)
	var rows []Row
	allocs := testing.AllocsPerRun(50, func() {
		rows = terms.AppendReamortized(buf, terms.Principal, 4, 12)
	})
	require.Zero(t, allocs)
	require.Len(t, rows, 15)
	require.True(t, rows[14].ClosingBalance.IsZero())
}

// Interest without a calendar (the periodic basis) and moves without a
// month series give what the calendar gives, on random terms with and
// without business-day calendars.
func TestInterestAndMovesWithoutCalendar(t *testing.T) {
	rng := rand.New(rand.NewPCG(63, 64))
	for i := 0; i < 600; i++ {
		terms := randomTerms(rng)
		switch rng.IntN(3) {
		case 0:
			terms.Calendar, terms.BusinessDay = randomBusinessCalendar(rng, terms.StartDate)
		case 1:
			terms.Calendar = money.Calendar{Preset: money.CalendarPreset(rng.IntN(4))}
			terms.BusinessDay = money.BusinessDay(rng.IntN(4))
		}
		c := terms.calendar()
		require.Equal(t, c.moves, terms.moves(), "%+v", terms)
		balance := terms.Principal.MulRatio(money.NewRatio(1+rng.Int64N(100), 100), terms.Rounding)
		p := 1 + rng.IntN(terms.Periods)
		want := terms.interest(balance, terms.periodicRate(), c.pay(p-1), c.pay(p))
		require.Equal(t, want, terms.Interest(balance, p), "%+v period %d", terms, p)
	}
}
