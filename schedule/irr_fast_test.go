package schedule

import (
	"math/big"
	"math/bits"
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

// geometricStepped is geometric as it was first written: from k = 0, every
// step by the general formulas and W doubled by an addition.
func geometricStepped(v sf, m int) geoSum {
	one := sfInt(1)
	s := geoSum{vm: one}
	for bit := bits.Len(uint(m)) - 1; bit >= 0; bit-- {
		onePlusV := one.add(s.vm)
		s.dm = s.dm.mul(onePlusV).add(s.gm.mul(s.wm))
		s.gm = s.gm.mul(onePlusV)
		w2 := s.vm.mul(s.wm)
		s.wm = w2.add(w2)
		s.vm = s.vm.mul(s.vm)
		if m>>bit&1 == 1 {
			s.dm = s.gm.add(v.mul(s.dm))
			s.wm = s.vm.add(v.mul(s.wm))
			s.gm = one.add(v.mul(s.gm))
			s.vm = v.mul(s.vm)
		}
	}
	return s
}

// geometric's shortcuts (the start at k = 1, W doubled by its exponent)
// give the same bits as the stepped original, on the discount factors the
// solvers meet and on arbitrary 128-bit mantissas.
func TestGeometricMatchesStepped(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for i := 0; i < 20000; i++ {
		var v sf
		switch i % 3 {
		case 0: // a float64 start, as solveRunsFast takes it
			v = sfFloat(0.5 + rng.Float64())
		case 1: // a full mantissa near 1
			v = sf{m: f128{hi: rng.Uint64() | 1<<63, lo: rng.Uint64(), e: -128 + rng.IntN(2)}}
		default: // anywhere
			v = sf{m: f128{hi: rng.Uint64() | 1<<63, lo: rng.Uint64(), e: -140 + rng.IntN(20)}}
		}
		m := 1 + rng.IntN(1300)
		if i%7 == 0 {
			m = 1 + rng.IntN(8)
		}
		require.Equal(t, geometricStepped(v, m), geometric(v, m), "v %+v m %d", v, m)
		w := v.mul(v)
		require.Equal(t, w.add(w), w.twice())
	}
	require.Equal(t, geometricStepped(sfInt(1), 0), geometric(sfInt(1), 0))
	require.Equal(t, sf{}, sf{}.twice())
}

// sf.mul, f128.mul written out, gives f128.mul's bits and the product's
// sign.
func TestSfMulIsF128Mul(t *testing.T) {
	rng := rand.New(rand.NewPCG(43, 44))
	draw := func() sf {
		switch rng.IntN(5) {
		case 0:
			return sf{}
		case 1:
			return sfInt(rng.Int64N(1<<62) - 1<<61)
		case 2:
			return sfFloat(0.5 + rng.Float64())
		}
		return sf{m: f128{hi: rng.Uint64() | 1<<63, lo: rng.Uint64(), e: rng.IntN(400) - 200}, neg: rng.IntN(2) == 0}
	}
	for i := 0; i < 50000; i++ {
		a, b := draw(), draw()
		want := sf{}
		if !a.isZero() && !b.isZero() {
			want = sf{m: a.m.mul(b.m), neg: a.neg != b.neg}
		}
		require.Equal(t, want, a.mul(b), "%+v × %+v", a, b)
	}
}
