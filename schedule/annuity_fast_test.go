package schedule

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// The fast annuity must never disagree with the exact one: it may only
// decline. It must also decide the common cases itself.
func TestAnnuityFastAgreesWithExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	decided := 0
	const n = 20000
	for i := 0; i < n; i++ {
		places := rng.IntN(4)
		bal := rng.Int64N(1<<uint(8+rng.IntN(44))) + 1
		annual := money.NewRate(rng.Int64N(10_000_000_000)+1, 9) // up to 10 (1000 %)
		if rng.IntN(10) == 0 {
			annual = money.NewRate(rng.Int64N(100)+1, 12) // tiny rates: heavy cancellation
		}
		perYear := []int64{12, 4, 52, 26}[rng.IntN(4)]
		r := annual.Ratio().QuoInt(perYear)
		m := 1 + rng.IntN(1200)
		mode := money.Mode(rng.IntN(6))
		rnd := money.NewRounding(places, mode)
		want := annuity(money.New(bal, places), r, m, rnd, money.Amount{})
		num, den, ok := ratioParts(r)
		if !ok {
			continue
		}
		got, ok := annuityUnits(bal, num, den, m, mode)
		if !ok {
			continue
		}
		decided++
		require.Equal(t, want.String(), money.New(got, places).String(), "bal=%d r=%v m=%d mode=%s", bal, r.Rat(), m, mode)
	}
	require.Greater(t, decided, n*9/10)
}

func TestAnnuityFastDeclinesExactTies(t *testing.T) {
	// One period at r = 1/2 on 1 unit: A = 1.5 exactly, a tie the
	// approximation cannot call; it must decline or get it right.
	for _, mode := range []money.Mode{money.HalfUp, money.HalfEven, money.Down, money.Up} {
		want := annuity(money.New(1, 0), money.NewRatio(1, 2), 1, money.NewRounding(0, mode), money.Amount{})
		got, ok := annuityUnits(1, 1, 2, 1, mode)
		if ok {
			require.Equal(t, want.String(), money.New(got, 0).String(), mode.String())
		}
	}
	// 3 units over 1 period at r = 1/3: A = 4 exactly; directed modes must
	// not be pushed to 5 or 3 by approximation error.
	for _, mode := range []money.Mode{money.Down, money.Up, money.Ceiling, money.Floor} {
		got, ok := annuityUnits(3, 1, 3, 1, mode)
		if ok {
			require.Equal(t, int64(4), got, mode.String())
		}
	}
}
