package penalty_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// The engine's fast paths against the general ways they replace, on
// random accounts.

// Event dates merged from their already-sorted kinds are the dates all
// sorted together.
func TestEventDatesMergeMatchesSort(t *testing.T) {
	for seed := range ledgers(4000) {
		rng := rand.New(rand.NewPCG(seed, 31))
		a := randomAccount(rng)
		if rng.IntN(4) == 0 {
			// Payments and waivers on as_of and on 1 January, the dates
			// the merge treats apart.
			a.Payments = append(a.Payments, penalty.Payment{Date: a.AsOf, Amount: money.New(1, 0)},
				penalty.Payment{Date: money.NewDate(a.AsOf.Year(), time.January, 1), Amount: money.New(1, 0)})
			slices.SortStableFunc(a.Payments, func(p, q penalty.Payment) int { return p.Date.Compare(q.Date) })
		}
		merged, sorted, err := penalty.EventDatesBothWays(a)
		require.NoError(t, err, "seed %d", seed)
		require.NotEmpty(t, merged, "seed %d", seed)
		require.Equal(t, sorted, merged, "seed %d", seed)
	}
}

// onOrBefore skips its sort when the items are listed in date order; in
// or out of order, it gives the stable sort's result.
func TestOnOrBeforeMatchesStableSort(t *testing.T) {
	for seed := range ledgers(4000) {
		rng := rand.New(rand.NewPCG(seed, 37))
		a := randomAccount(rng)
		ps := a.Payments
		if rng.IntN(2) == 0 {
			slices.SortStableFunc(ps, func(p, q penalty.Payment) int { return p.Date.Compare(q.Date) })
		}
		fast, general := penalty.OnOrBeforeBothWays(ps, a.AsOf)
		require.Equal(t, len(general), len(fast), "seed %d", seed)
		for i := range general {
			require.Equal(t, general[i].Date, fast[i].Date, "seed %d", seed)
			require.True(t, general[i].Amount.Equal(fast[i].Amount), "seed %d: same-day order kept", seed)
		}
	}
}

// owesAny tests the components' signs instead of adding them up.
func TestOwesAnyMatchesUnpaid(t *testing.T) {
	for seed := range ledgers(4000) {
		rng := rand.New(rand.NewPCG(seed, 41))
		ok, err := penalty.OwesAnyAgrees(randomAccount(rng))
		require.NoError(t, err, "seed %d", seed)
		require.True(t, ok, "seed %d", seed)
	}
}

// The daily rate picks the basis money.DayCount.Basis gives, working out
// the year only for act/act.
func TestRateAtMatchesBasis(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 47))
	for range 4000 {
		p := randomPolicy(rng, 2).PenaltyRate
		day := money.NewDate(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(31))
		require.True(t, penalty.RateAtAgrees(p, day), "%+v on %s", p, day)
	}
}

// closeSegments tests only the installments it closes or that changed;
// testing all of them on every date gives the same statement, with or
// without the explanation.
func TestRecheckMatchesRecheckAll(t *testing.T) {
	for seed := range ledgers(4000) {
		rng := rand.New(rand.NewPCG(seed, 53))
		a := randomAccount(rng)
		want, err := penalty.AccrueRecheckingAll(a, true)
		require.NoError(t, err, "seed %d", seed)
		got, err := penalty.Accrue(a)
		require.NoError(t, err, "seed %d", seed)
		require.Equal(t, mustJSON(t, want), mustJSON(t, got), "seed %d", seed)
		want, err = penalty.AccrueRecheckingAll(a, false)
		require.NoError(t, err, "seed %d", seed)
		got, err = penalty.AccrueBrief(a)
		require.NoError(t, err, "seed %d", seed)
		require.Equal(t, mustJSON(t, want), mustJSON(t, got), "seed %d", seed)
	}
}
