package schedule

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// gapPowers gives math.Pow's bits for every gap, on the discount factors
// an XIRR meets (u near 1), on wide ones (where math.Pow's overflow guard
// and underflow come in) and on the values it leaves to math.Pow.
func TestGapPowersIsMathPow(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 72))
	special := []float64{1, 0, -0.5, math.NaN(), math.Inf(1), 0x1p-1074, math.MaxFloat64, 0.5, 2}
	for i := 0; i < 30000; i++ {
		var u float64
		switch i % 4 {
		case 0:
			u = 1 - 0.01*rng.Float64() // a positive rate by days
		case 1:
			u = 1 + 0.01*rng.Float64() // a negative one
		case 2:
			u = math.Ldexp(0.5+0.5*rng.Float64(), rng.IntN(2200)-1100)
		default:
			u = special[rng.IntN(len(special))]
		}
		var lo int64
		switch rng.IntN(4) {
		case 0:
			lo = int64(rng.IntN(4)) // 0 and 1: left to math.Pow
		case 1:
			lo = 28 // monthly
		case 2:
			lo = int64(1 + rng.IntN(400))
		default:
			lo = int64(1 + rng.IntN(1<<20))
		}
		set := rng.Uint32()
		if i%3 == 0 {
			set = 0xf // 28 to 31 days
		}
		var got [gapSpan]float64
		gapPowers(u, lo, set, &got)
		for k := range gapSpan {
			want := 0.0
			if set>>k&1 == 1 {
				want = math.Pow(u, float64(lo+int64(k)))
			}
			require.Equal(t, math.Float64bits(want), math.Float64bits(got[k]), "u %v gap %d", u, lo+int64(k))
		}
	}
}

// findGapsPasses is findGaps as first written, in three passes.
func findGapsPasses(p *xirrProblem) {
	p.gapState = -1
	n := len(p.days)
	if n < 2 {
		return
	}
	p.receipts = p.u != nil && p.days[0] == 0 && p.u[0] < 0
	for j := 1; j < n && p.receipts; j++ {
		p.receipts = p.u[j] >= 0
	}
	lo, hi := p.days[1]-p.days[0], p.days[1]-p.days[0]
	for j := 1; j < n-1; j++ {
		g := p.days[j+1] - p.days[j]
		lo, hi = min(lo, g), max(hi, g)
	}
	if hi-lo >= gapSpan {
		return
	}
	var set uint32
	for j := 0; j < n-1; j++ {
		set |= 1 << (p.days[j+1] - p.days[j] - lo)
	}
	p.gapLo, p.gapSet, p.gapState = lo, set, 1
}

// findGaps in one pass notes what the three passes note, on gaps of one
// span, of spans about gapSpan, and of wide ones, with and without units.
func TestFindGapsIsPasses(t *testing.T) {
	rng := rand.New(rand.NewPCG(73, 74))
	for i := 0; i < 20000; i++ {
		n := rng.IntN(70)
		base := int64(1 + rng.IntN(400))
		span := []int{1, 4, 31, 32, 33, 40, 1000}[rng.IntN(7)]
		days, units := make([]int64, n), make([]int64, n)
		day := int64(rng.IntN(2))
		for j := range days {
			days[j] = day
			day += base + int64(rng.IntN(span))
			units[j] = int64(rng.IntN(1000))
			if rng.IntN(50) == 0 {
				units[j] = -units[j]
			}
		}
		if n > 0 && rng.IntN(4) > 0 {
			units[0] = -1 - units[0]
		}
		a := &xirrProblem{days: days, u: units}
		b := &xirrProblem{days: days, u: units}
		if i%5 == 0 {
			a.u, b.u = nil, nil
		}
		a.findGaps()
		findGapsPasses(b)
		require.Equal(t, b, a, "days %v units %v", days, units)
	}
}
