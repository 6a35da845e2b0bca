package minimum

import (
	"math/rand/v2"
	"testing"

	"github.com/repayplan/repayplan/money"
)

// TestDueIsTheExactSumRoundedOnce holds Due (exact decimal products) to
// the same sum in exact ratios (dueRatio), rounded once, on random
// balances and percents — including balances of 10^15 at percents of 12
// places, whose products pass an Amount and take the ratio path.
func TestDueIsTheExactSumRoundedOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	names := []string{"purchases", "interest", "fees"}
	rnd := money.NewRounding(2, money.HalfUp)
	for i := range 20_000 {
		p := Policy{Percent: map[string]money.Rate{
			"purchases": money.NewRate(r.Int64N(1_000_000_000_001), 12),
			"interest":  money.NewRate(r.Int64N(101), 2),
		}, Floor: money.New(r.Int64N(10_000), 2)}
		amounts := make([]money.Amount, len(names))
		for j := range amounts {
			amounts[j] = money.New(r.Int64N(1_000_000_00), 2)
			if i%10 == 0 {
				amounts[j] = money.New(r.Int64N(100_000_000_000_000_000), 2) // up to 10^15
			}
		}
		var total money.Amount
		for _, a := range amounts {
			total = total.Add(a)
		}
		want := money.Min(money.Max(money.RoundRatio(p.dueRatio(names, amounts), rnd), p.Floor), total).Round(rnd)
		got := p.Due(names, amounts, rnd)
		if !got.Equal(want) || got.Overflowed() {
			t.Fatalf("policy %v amounts %v: Due %s, exact %s", p, amounts, got, want)
		}
	}
}
