package schedule

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// The fast solver must find the same root as the math/big one to well
// beyond the 6 places reported.
func TestFastIRRAgreesWithBigSolver(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	solved := 0
	for i := 0; i < 500; i++ {
		terms := randomTerms(rng)
		terms.Periods = min(terms.Periods, 240)
		terms.Grace.Periods = min(terms.Grace.Periods, terms.Periods-1)
		s, err := Amortize(terms)
		require.NoError(t, err)
		var flows []Flow
		for _, r := range s.Rows {
			if !r.Payment.IsZero() {
				flows = append(flows, Flow{Period: r.Number, Amount: r.Payment})
			}
		}
		fastV, ok := solveDiscountFast(terms.Principal, flows)
		if !ok {
			continue
		}
		fast := fastV.float()
		solved++
		c, p0 := denseFlows(terms.Principal, flows)
		slow, err := solveDiscount(c, p0)
		require.NoError(t, err)
		diff := new(big.Float).Sub(fast, slow)
		diff.Quo(diff, slow).Abs(diff)
		require.True(t, diff.Cmp(big.NewFloat(1e-34)) < 0, "%+v: fast %s slow %s", terms, fast.Text('g', 40), slow.Text('g', 40))
	}
	require.Greater(t, solved, 400)
}

func TestFastIRRDeclinesZeroRate(t *testing.T) {
	_, ok := solveDiscountFast(money.New(1200, 0), []Flow{{1, money.New(600, 0)}, {2, money.New(600, 0)}})
	require.False(t, ok, "0 %% is left to the exact solver")
}

func TestFlowRunsWithGapsAndRepeats(t *testing.T) {
	// Periods 2, 3, 3 (summed), 6: runs from the last period down are
	// [6]=7, [4..5]=0, [3]=5+5... as units at 0 places.
	flows := []Flow{{2, money.New(10, 0)}, {3, money.New(5, 0)}, {3, money.New(5, 0)}, {6, money.New(7, 0)}}
	runs, _, ok := flowRuns(nil, flows, 0)
	require.True(t, ok)
	type r struct {
		u int64
		n int
	}
	var got []r
	for _, x := range runs {
		got = append(got, r{x.u, x.n})
	}
	require.Equal(t, []r{{7, 1}, {0, 2}, {10, 2}, {0, 1}}, got)
	// Horner over those runs equals the plain sum Σ c_t v^t at v = 1/2.
	v := sfInt(1).quo(sfInt(2))
	f, _ := hornerRuns(runs, v, sf{})
	want := big.NewRat(10, 4)
	want.Add(want, big.NewRat(10, 8)).Add(want, big.NewRat(7, 64))
	sum, _ := f.float().Rat(nil)
	require.Equal(t, want.FloatString(20), sum.FloatString(20))
}

// The fast Appendix J solver (one odd fraction) must find the root of the
// math/big one to well beyond the 6 places reported.
func TestFastTimedIRRAgreesWithBigSolver(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	solved := 0
	for i := 0; i < 300; i++ {
		terms := randomOddTerms(rng)
		terms.Periods = 1 + rng.IntN(240)
		s, err := Amortize(terms)
		if err != nil {
			continue // terms the schedule itself rejects
		}
		flows, at, _ := terms.paymentTimes(s.Rows)
		if at == nil {
			continue
		}
		v, ok := solveTimedFast(terms.Principal, flows, at)
		if !ok {
			continue
		}
		solved++
		ev, err := newTimedEval(terms.Principal, flows, at)
		require.NoError(t, err)
		slow, err := ev.solve(finalPrec, nil)
		require.NoError(t, err)
		one := big.NewFloat(1).SetPrec(finalPrec)
		fast := new(big.Float).SetPrec(finalPrec).Quo(one, v.float())
		fast.Sub(fast, one) // i = 1/v − 1
		diff := new(big.Float).Sub(fast, slow)
		diff.Abs(diff)
		require.True(t, diff.Cmp(big.NewFloat(1e-28)) < 0, "%+v: fast %s slow %s", terms, fast.Text('g', 40), slow.Text('g', 40))
	}
	require.Greater(t, solved, 200)
}

func TestFastTimedIRRDeclinesMixedFractions(t *testing.T) {
	// Two fractions (a calendar moved one date) are left to math/big.
	flows := []Flow{{1, money.New(600, 0)}, {2, money.New(600, 0)}}
	_, ok := solveTimedFast(money.New(1100, 0), flows, []timing{{1, 8, 30}, {2, 0, 30}})
	require.False(t, ok)
	_, ok = solveTimedFast(money.New(1100, 0), flows, []timing{{1, 8, 30}, {2, 8, 30}})
	require.True(t, ok)
}
