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
		fast, ok := solveDiscountFast(terms.Principal, flows)
		if !ok {
			continue
		}
		solved++
		c, p0 := denseFlows(terms.Principal, flows)
		slow, err := solveDiscount(c, p0)
		require.NoError(t, err)
		diff := new(big.Float).Sub(fast, slow)
		diff.Quo(diff, slow).Abs(diff)
		require.True(t, diff.Cmp(big.NewFloat(1e-28)) < 0, "%+v: fast %s slow %s", terms, fast.Text('g', 40), slow.Text('g', 40))
	}
	require.Greater(t, solved, 400)
}

func TestFastIRRDeclinesZeroRate(t *testing.T) {
	_, ok := solveDiscountFast(money.New(1200, 0), []Flow{{1, money.New(600, 0)}, {2, money.New(600, 0)}})
	require.False(t, ok, "0 %% is left to the exact solver")
}
