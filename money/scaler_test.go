package money

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The reciprocal division must agree with hardware division for every
// dividend, including the extremes, and Apply with MulRatio in every mode.
func TestScalerQuotientIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	dens := []uint64{2, 3, 7, 10, 12, 360, 12000, 36500, 1 << 32, 1<<63 + 1, math.MaxUint64, math.MaxUint64 - 1}
	for i := 0; i < 200; i++ {
		dens = append(dens, rng.Uint64N(1<<uint(1+rng.IntN(63)))+2)
	}
	for _, d := range dens {
		s := NewScaler(Ratio{num: 1, den: int64(min(d, math.MaxInt64))}, Rounding{})
		d = s.den
		xs := []uint64{0, 1, d - 1, d, d + 1, math.MaxUint64, math.MaxUint64 - 1, math.MaxUint64 / d * d}
		for j := 0; j < 200; j++ {
			xs = append(xs, rng.Uint64())
		}
		for _, x := range xs {
			want, _ := bits.Div64(0, x, d)
			require.Equal(t, want, s.quo(x), "x=%d d=%d", x, d)
		}
	}
}

func TestScalerAgreesWithMulRatio(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for i := 0; i < 20000; i++ {
		q := NewRatio(rng.Int64N(1_000_000)-100_000, rng.Int64N(10_000_000)+1)
		r := NewRounding(rng.IntN(4), Mode(rng.IntN(6)))
		s := NewScaler(q, r)
		a := New(rng.Int64N(1<<50)-(1<<49), r.Places())
		require.Equal(t, a.MulRatio(q, r), s.Apply(a), "%s × %v by %v", a, q, r)
	}
}

func TestRatioCmpFastPathAgreesWithBig(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for i := 0; i < 20000; i++ {
		a := NewRatio(rng.Int64()-math.MaxInt64/2, rng.Int64N(math.MaxInt64)+1)
		b := NewRatio(rng.Int64()-math.MaxInt64/2, rng.Int64N(math.MaxInt64)+1)
		require.Equal(t, a.rat().Cmp(b.rat()), a.Cmp(b))
		require.Equal(t, 0, a.Cmp(a))
	}
}

func TestRatioFloatStringAnyPlaces(t *testing.T) {
	require.Equal(t, "0.0490000000000000", MustParseRate("0.049").Ratio().FloatString(16))
	require.Equal(t, "0.00408333333333333333", MustParseRate("0.049").Ratio().QuoInt(12).FloatString(20))
}

func TestUnitsHalfUpAgreesWithUnits(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	for i := 0; i < 20000; i++ {
		q := NewRatio(rng.Int64N(1_000_000), rng.Int64N(10_000_000)+2)
		s := NewScaler(q, Rounding{})
		limit := uint64(rng.Int64N(1 << 50))
		if !s.FastHalfUp(limit) {
			continue
		}
		u := rng.Uint64N(limit + 1)
		want, ok := s.Units(int64(u))
		require.True(t, ok)
		require.Equal(t, uint64(want), s.UnitsHalfUp(u), "%d × %v", u, q)
	}
}
