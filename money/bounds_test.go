package money

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestCheckAmountAgreesWithRule holds CheckAmount, with its int64 fast
// path, to the rule written out in exact rationals: |a| ≤ 10^15 and no
// more than MaxPlaces places that matter. The draws sit around the bound at
// every places, where a wrong power of ten would show.
func TestCheckAmountAgreesWithRule(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	limit := new(big.Rat).SetInt(pow10Big(15))
	for i := range 100_000 {
		var a Amount
		switch i % 3 {
		case 0: // within a few units of ±10^15 at 0–14 places
			p := r.IntN(15)
			c := new(big.Int).Mul(pow10Big(15), pow10Big(p))
			c.Add(c, big.NewInt(r.Int64N(7)-3))
			if r.IntN(2) == 0 {
				c.Neg(c)
			}
			a = fromBig(c, int32(p))
		case 1:
			a = New(r.Int64(), r.IntN(19)) // any int64 at 0–18 places
		default:
			a, _ = randomWideAmount(r)
		}
		if a.Overflowed() {
			continue // 10^29 and more is past 96 bits: not an amount
		}
		abs := new(big.Rat).Abs(a.Rat())
		want := abs.Cmp(limit) <= 0 && a.FitsPlaces(MaxPlaces)
		if got := CheckAmount("x", a) == nil; got != want {
			t.Fatalf("CheckAmount(%s) passes = %v, want %v", a, got, want)
		}
	}
}

// TestCheckRateAgreesWithRule holds CheckRate, with its int64 fast path,
// to lo ≤ r ≤ hi in exact rationals, around both bounds at every places.
func TestCheckRateAgreesWithRule(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	for range 100_000 {
		lo, hi := r.Int64N(21)-10, r.Int64N(21)-10
		places := r.IntN(MaxPlaces + 1)
		var coef int64
		switch r.IntN(3) {
		case 0: // a few units from lo × 10^places
			coef = lo*pow10[places] + r.Int64N(7) - 3
		case 1:
			coef = hi*pow10[places] + r.Int64N(7) - 3
		default:
			coef = r.Int64() >> r.IntN(64)
			if r.IntN(2) == 0 {
				coef = -coef
			}
		}
		rate := NewRate(coef, places)
		q := rate.Ratio().Rat()
		want := q.Cmp(new(big.Rat).SetInt64(lo)) >= 0 && q.Cmp(new(big.Rat).SetInt64(hi)) <= 0
		if got := CheckRate("x", rate, lo, hi) == nil; got != want {
			t.Fatalf("CheckRate(%s, %d, %d) passes = %v, want %v", rate, lo, hi, got, want)
		}
	}
}
