package money

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// randomWideAmount draws a coefficient of up to 95 bits, either sign, at
// 0–12 places: the whole range the wide path must order correctly.
func randomWideAmount(r *rand.Rand) (Amount, *big.Rat) {
	bitsN := r.IntN(96)
	n := new(big.Int).Lsh(big.NewInt(1), uint(bitsN))
	v := new(big.Int).SetUint64(r.Uint64())
	v.Lsh(v, 64).Add(v, new(big.Int).SetUint64(r.Uint64()))
	v.Mod(v, n.Add(n, big.NewInt(1)))
	if r.IntN(2) == 0 {
		v.Neg(v)
	}
	places := int32(r.IntN(13))
	a := fromBig(v, places)
	return a, new(big.Rat).SetFrac(v, pow10Big(int(places)))
}

// TestCmpWideAgreesWithBig holds the 128-bit comparison to exact rational
// comparison on random 96-bit amounts at random places.
func TestCmpWideAgreesWithBig(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for i := range 200_000 {
		a, ra := randomWideAmount(r)
		b, rb := randomWideAmount(r)
		if i%4 == 0 { // equal values at other places: the tie case
			b = fromBig(new(big.Int).Mul(a.coef(), pow10Big(2)), a.places+2)
			rb = ra
			if b.Overflowed() {
				continue // a × 100 needs more than 96 bits
			}
		}
		if got, want := a.Cmp(b), ra.Cmp(rb); got != want {
			t.Fatalf("%s.Cmp(%s) = %d, want %d", a, b, got, want)
		}
	}
}

// TestNewScaledAgreesWithBig: New(coef, −k) built in 128 bits is the big
// product, and overflows exactly when that needs more than 95 bits.
func TestNewScaledAgreesWithBig(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 100_000 {
		coef := r.Int64() >> r.IntN(64)
		if r.IntN(2) == 0 {
			coef = -coef
		}
		k := r.IntN(30)
		got := New(coef, -k)
		want := new(big.Int).Mul(big.NewInt(coef), pow10Big(k))
		if want.BitLen() > 95 {
			if !got.Overflowed() {
				t.Fatalf("New(%d, -%d) = %s, want an overflow", coef, k, got)
			}
			continue
		}
		if got.Overflowed() || got.coef().Cmp(want) != 0 || got.places != 0 {
			t.Fatalf("New(%d, -%d) = %s, want %s", coef, k, got, want)
		}
	}
}

// TestMulRateIsExact: a × r is the exact rational product on random
// amounts and rates, or an overflow exactly when that needs more than 95
// bits of coefficient.
func TestMulRateIsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range 100_000 {
		a, ra := randomWideAmount(r)
		coef := r.Int64() >> r.IntN(64)
		if r.IntN(2) == 0 {
			coef = -coef
		}
		rate := NewRate(coef, r.IntN(13))
		got := a.MulRate(rate)
		want := new(big.Rat).Mul(ra, rate.Ratio().Rat())
		if n := new(big.Int).Mul(a.coef(), big.NewInt(coef)); n.BitLen() > 95 {
			if !got.Overflowed() {
				t.Fatalf("%s × %s = %s, want an overflow", a, rate, got)
			}
			continue
		}
		if got.Overflowed() || got.Rat().Cmp(want) != 0 || got.Places() != a.Places()+int(rate.places) {
			t.Fatalf("%s × %s = %s, want %s", a, rate, got, want.FloatString(24))
		}
	}
}

// TestAddCmpAgreeWithBig holds Add, Sub and Cmp — their same-places and
// zero-operand fast paths as well as the aligned and wide ones — to exact
// rational arithmetic, and the sum's places to the larger of the two.
func TestAddCmpAgreeWithBig(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	draw := func() (Amount, *big.Rat) {
		switch r.IntN(4) {
		case 0: // a zero at some places, the zero Amount among them
			p := r.IntN(4)
			return New(0, p), new(big.Rat)
		case 1: // a small amount at 0–3 places
			c, p := r.Int64N(2_000_000)-1_000_000, r.IntN(4)
			return New(c, p), new(big.Rat).SetFrac(big.NewInt(c), pow10Big(p))
		}
		return randomWideAmount(r)
	}
	for range 200_000 {
		a, ra := draw()
		b, rb := draw()
		if got, want := a.Cmp(b), ra.Cmp(rb); got != want {
			t.Fatalf("%s.Cmp(%s) = %d, want %d", a, b, got, want)
		}
		for _, c := range []struct {
			name string
			got  Amount
			want *big.Rat
		}{{"+", a.Add(b), new(big.Rat).Add(ra, rb)}, {"-", a.Sub(b), new(big.Rat).Sub(ra, rb)}} {
			if c.got.Overflowed() {
				continue // beyond 95 bits at the larger places
			}
			if c.got.Rat().Cmp(c.want) != 0 || c.got.Places() != max(a.Places(), b.Places()) {
				t.Fatalf("%s %s %s = %s, want %s at %d places", a, c.name, b, c.got, c.want.FloatString(12), max(a.Places(), b.Places()))
			}
		}
	}
}
