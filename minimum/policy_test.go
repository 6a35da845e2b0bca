package minimum_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

var rnd = money.Rounding{}

func due(p minimum.Policy, kv ...any) money.Amount {
	var names []string
	var amounts []money.Amount
	for i := 0; i < len(kv); i += 2 {
		names = append(names, kv[i].(string))
		amounts = append(amounts, money.MustParse(kv[i+1].(string)))
	}
	return p.Due(names, amounts, rnd)
}

// A Chinese card: 10 % × 10000 + 2000 + 150 = 3150 (every balance without
// a percent is owed whole).
func TestDueChineseCard(t *testing.T) {
	p := minimum.Policy{Percent: map[string]money.Rate{"purchases": money.MustParseRate("0.1")}, Floor: money.MustParse("10")}
	require.Equal(t, "3150.00", due(p, "purchases", "10000", "cash_advances", "2000", "interest", "150").String())
	// 10 % × 50 = 5 < floor 10: the floor; 8 owed in all: never above it.
	require.Equal(t, "10.00", due(p, "purchases", "50").String())
	require.Equal(t, "8.00", due(p, "purchases", "8").String())
	require.Equal(t, "0.00", due(p).String())
}

// The products are summed exactly and rounded once: 0.5 % × 1001 twice is
// 10.01, not 5.01 + 5.01.
func TestDueRoundsOnce(t *testing.T) {
	half := money.MustParseRate("0.005")
	p := minimum.Policy{Percent: map[string]money.Rate{"a": half, "b": half}}
	require.Equal(t, "10.01", due(p, "a", "1001", "b", "1001").String())
}

func TestCheck(t *testing.T) {
	p := minimum.Policy{Percent: map[string]money.Rate{"purchases": money.MustParseRate("1.5")}}
	err := p.Check(rnd)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.Contains(t, err.Error(), "percent.purchases")
	// Of several percents out of range, the first by name is reported,
	// whatever the map's order.
	for range 20 {
		p = minimum.Policy{Percent: map[string]money.Rate{
			"c": money.MustParseRate("2"), "a": money.MustParseRate("0.5"), "b": money.MustParseRate("-1"), "d": money.MustParseRate("3"),
		}}
		err = p.Check(rnd)
		require.ErrorIs(t, err, money.ErrInvalid)
		require.Equal(t, "percent.b: must be between 0 and 1, got -1", err.Error())
	}
	require.NoError(t, minimum.Policy{Percent: map[string]money.Rate{"a": money.MustParseRate("1"), "b": {}}}.Check(rnd))
	err = minimum.Policy{Floor: money.MustParse("0.001")}.Check(rnd)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.Contains(t, err.Error(), "floor")
	err = minimum.Policy{Percent: map[string]money.Rate{"purchase": {}}}.CheckNames([]string{"purchases", "fees"})
	require.ErrorIs(t, err, money.ErrInvalid)
	require.Contains(t, err.Error(), "percent.purchase: unknown balance")
	require.NoError(t, minimum.Policy{Percent: map[string]money.Rate{"fees": {}}}.CheckNames([]string{"purchases", "fees"}))
}

// Over random balances and policies: the minimum is at least
// min(floor, Σ balances), at most Σ balances, and never below the rounded
// percent sum capped at Σ balances.
func TestPropertyDueBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		n := rng.IntN(6)
		names := make([]string, n)
		amounts := make([]money.Amount, n)
		var sum money.Amount
		p := minimum.Policy{Percent: map[string]money.Rate{}, Floor: money.New(rng.Int64N(5000), 2)}
		for i := range n {
			names[i] = string(rune('a' + i))
			amounts[i] = money.New(rng.Int64N(1_000_000), 2)
			sum = sum.Add(amounts[i])
			if rng.IntN(2) == 0 {
				p.Percent[names[i]] = money.NewRate(rng.Int64N(1001), 3)
			}
		}
		m := p.Due(names, amounts, rnd)
		require.True(t, m.Cmp(sum) <= 0, "%s > %s", m, sum)
		require.True(t, m.Cmp(money.Min(p.Floor, sum)) >= 0, "%s below floor", m)
		require.True(t, m.FitsPlaces(2))
	}
}

// FuzzDue must never panic on any policy and balances that pass Check.
func FuzzDue(f *testing.F) {
	f.Add(int64(100000), int64(5000), int64(100), int64(1000))
	f.Fuzz(func(t *testing.T, a, b, pct, floor int64) {
		p := minimum.Policy{Percent: map[string]money.Rate{"a": money.NewRate(pct, 3)}, Floor: money.New(floor, 2)}
		if p.Check(rnd) != nil {
			return
		}
		x, y := money.New(a, 2), money.New(b, 2)
		if money.CheckAmount("a", x) != nil || money.CheckAmount("b", y) != nil || x.IsNegative() || y.IsNegative() {
			return
		}
		m := p.Due([]string{"a", "b"}, []money.Amount{x, y}, rnd)
		if m.Cmp(x.Add(y)) > 0 {
			t.Fatalf("minimum %s above the balances %s", m, x.Add(y))
		}
	})
}

// CheckNames accepts a policy exactly when every name it gives is
// allowed, and reports the first unknown name in name order however the
// map iterates, with the allowed list as given: over every pair and triple
// of known and unknown names.
func TestCheckNamesReportsFirstUnknownInOrder(t *testing.T) {
	allowed := []string{"purchases", "cash_advances", "interest", "fees", "past_due_minimum"}
	names := append(append([]string{}, allowed...), "zeta", "alpha", "Purchases", "", "fee")
	known := func(n string) bool {
		for _, a := range allowed {
			if a == n {
				return true
			}
		}
		return false
	}
	for i := range names {
		for j := range names {
			for k := range names {
				p := minimum.Policy{Percent: map[string]money.Rate{names[i]: {}, names[j]: {}, names[k]: {}}}
				first := ""
				for _, n := range minimum.Names(p.Percent) { // sorted
					if !known(n) {
						first = n
						break
					}
				}
				err := p.CheckNames(allowed)
				unknown := !known(names[i]) || !known(names[j]) || !known(names[k])
				if !unknown {
					require.NoError(t, err, "%q %q %q", names[i], names[j], names[k])
					continue
				}
				require.ErrorIs(t, err, money.ErrInvalid)
				require.Equal(t, fmt.Sprintf("percent.%s: unknown balance %q; must be one of %v", first, first, allowed), err.Error(),
					"%q %q %q", names[i], names[j], names[k])
			}
		}
	}
}
