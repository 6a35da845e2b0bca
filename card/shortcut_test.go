package card_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/money"
)

// The engine's shortcuts — a segment's interest in machine integers, the
// accrued segments merged unit by unit rather than sorted — give the
// same statement, value for value and byte for byte in JSON, as the
// general path, on random accounts: amounts written with fewer places
// than the rounding's, bases above the machine-integer bound, every
// rounding mode and places 0 to 4, long histories and large rates.
func TestShortcutsMatchGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 110))
	modes := []money.Mode{money.HalfUp, money.HalfUp, money.HalfEven, money.Down, money.Up, money.Ceiling, money.Floor}
	n := 1500
	if testing.Short() {
		n = 300 // the race detector's run
	}
	for i := range n {
		a := randomAccount(rng, history{cash: i%2 == 0, fees: i%3 != 0, payments: i%4 != 0})
		if i%3 == 0 {
			a.AsOf = a.AsOf.AddDays(rng.IntN(1200)) // long spans: long segments
		}
		places := 2
		if i%5 == 0 {
			places = rng.IntN(5)
			a.Rounding = money.NewRounding(places, modes[rng.IntN(len(modes))])
		}
		if i%7 == 0 {
			r := money.NewRate(int64(1+rng.IntN(27_000)), 6) // up to 2.7 % a day: numerators past 2^16 too
			a.Policy.DailyRate = &r
		}
		for j := range a.Transactions {
			x := &a.Transactions[j]
			coef := 1 + rng.Int64N(300_000)
			switch rng.IntN(8) {
			case 0: // whole units, written without places
				x.Amount = money.New(coef, 0)
			case 1: // beyond 2^31 minor units
				x.Amount = money.New(1<<31+coef*1_000, places)
			case 2:
				x.Amount = money.New(coef, places)
			default:
				if places != 2 {
					x.Amount = money.New(coef, places)
				}
			}
		}
		fast, errFast := card.Compute(a)
		general, errGeneral := card.ComputeGeneral(a)
		require.Equal(t, errGeneral, errFast, "account %d", i)
		if errGeneral != nil {
			continue
		}
		require.Equal(t, general, fast, "account %d", i)
		jf, err := json.Marshal(fast)
		require.NoError(t, err)
		jg, err := json.Marshal(general)
		require.NoError(t, err)
		require.Equal(t, string(jg), string(jf), "account %d", i)
	}
}

// The benchmark account takes the shortcuts and still agrees.
func TestShortcutsMatchGeneralPathOnBenchmark(t *testing.T) {
	a := benchAccount()
	fast, err := card.Compute(a)
	require.NoError(t, err)
	general, err := card.ComputeGeneral(a)
	require.NoError(t, err)
	require.Equal(t, general, fast)
	require.NotEmpty(t, fast.Explanation.Accrued)
}
