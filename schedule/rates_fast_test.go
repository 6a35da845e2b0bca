package schedule

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// sfFromBig rounds x > 0 to an sf (128 bits, truncated).
func sfFromBig(x *big.Float) sf {
	m := new(big.Float)
	exp := x.MantExp(m) // x = m·2^exp, m in [0.5, 1)
	m.SetMantExp(m, 128)
	n, _ := m.Int(nil) // in [2^127, 2^128)
	lo := new(big.Int).And(n, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	hi := new(big.Int).Rsh(n, 64).Uint64()
	return sf{m: f128{hi: hi, lo: lo, e: exp - 128}}
}

// vOfRate is v = 1/(1+i) to 128 bits.
func vOfRate(i *big.Float) sf {
	one := big.NewFloat(1).SetPrec(256)
	d := new(big.Float).SetPrec(256).Add(one, i)
	return sfFromBig(d.Quo(one, d))
}

// checkFastRates holds roundRatesFast's own arithmetic (fastRates) to
// roundRates on v: where it settles the rates it must give roundRates'
// result, and roundRates must find them neither close nor out of range.
func checkFastRates(t testing.TB, v sf, k int64) bool {
	t.Helper()
	fast, ok := fastRates(v, k)
	want, close, err := roundRates(v.float(), k)
	if got, gotClose, gotErr := roundRatesFast(v, k); got != want || gotClose != close || (gotErr == nil) != (err == nil) {
		t.Fatalf("v %s k %d: roundRatesFast %+v %v %v, roundRates %+v %v %v", v.float().Text('g', 40), k, got, gotClose, gotErr, want, close, err)
	}
	if !ok {
		return false
	}
	if err != nil || close || fast != want {
		t.Fatalf("v %s k %d: fast %+v, roundRates %+v close %v err %v", v.float().Text('g', 40), k, fast, want, close, err)
	}
	return true
}

var ratePeriods = []int64{1, 2, 4, 12, 26, 52, 365, 366}

func TestFastRatesAgreeWithRoundRates(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 14))
	settled := 0
	const n = 20000
	for range n {
		k := ratePeriods[rng.IntN(len(ratePeriods))]
		if rng.IntN(4) == 0 {
			k = 1 + rng.Int64N(366)
		}
		// Annual rates from −99 % to beyond 10 000 %, log-spread.
		apr := math.Exp(rng.Float64()*math.Log(200)) - 1.5
		if rng.IntN(3) == 0 {
			apr = rng.Float64() * 0.4
		}
		i := new(big.Float).SetPrec(256).SetFloat64(apr / float64(k))
		if i.Cmp(big.NewFloat(-0.999)) <= 0 {
			continue
		}
		if checkFastRates(t, vOfRate(i), k) {
			settled++
		}
	}
	if settled < n*8/10 {
		t.Fatalf("fast rounding settled %d of %d", settled, n)
	}
}

// nearBoundary returns a periodic rate whose irr, apr or effective rate
// (which, 0–2) lies delta from the rounding boundary (m + 1/2)/10^6.
func nearBoundary(which int, m int64, delta float64, k int64) *big.Float {
	const prec = 256
	b := new(big.Float).SetPrec(prec).SetInt64(2*m + 1)
	b.Quo(b, big.NewFloat(2e6))
	b.Add(b, new(big.Float).SetPrec(prec).SetFloat64(delta/1e6))
	switch which {
	case 0:
		return b
	case 1:
		return b.Quo(b, new(big.Float).SetInt64(k))
	}
	// (1+i)^k = 1 + b by Newton's method from the float64 root.
	target := new(big.Float).SetPrec(prec).Add(big.NewFloat(1), b)
	tf, _ := target.Float64()
	g := new(big.Float).SetPrec(prec).SetFloat64(math.Pow(tf, 1/float64(k))) // 1 + i
	for range 6 {
		pk1 := powFloat(g, k-1)
		f := new(big.Float).SetPrec(prec).Mul(pk1, g)
		f.Sub(f, target)
		d := new(big.Float).SetPrec(prec).Mul(pk1, new(big.Float).SetInt64(k))
		g.Sub(g, f.Quo(f, d))
	}
	return g.Sub(g, big.NewFloat(1))
}

func TestFastRatesNearRoundingBoundaries(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 92))
	settled, declined := 0, 0
	for range 20000 {
		k := ratePeriods[rng.IntN(len(ratePeriods))]
		which := rng.IntN(3)
		m := rng.Int64N(300_000) - 20_000 // rates from −2 % to +28 % (in millionths)
		// Offsets from 10^−20 to 10^−9 of a millionth, either side.
		delta := math.Pow(10, -20+11*rng.Float64())
		if rng.IntN(2) == 0 {
			delta = -delta
		}
		i := nearBoundary(which, m, delta, k)
		if i.Cmp(big.NewFloat(-0.99)) <= 0 {
			continue
		}
		if checkFastRates(t, vOfRate(i), k) {
			settled++
			if math.Abs(delta) < 1e-15 {
				t.Fatalf("settled %g from a boundary", delta)
			}
		} else {
			declined++
		}
	}
	if settled < 5000 || declined < 5000 {
		t.Fatalf("settled %d, declined %d", settled, declined)
	}
}

func FuzzFastRates(f *testing.F) {
	f.Add(uint64(1<<63), uint64(0), int16(0), uint16(12))
	f.Add(uint64(0xfeed_beef_0000_0000), uint64(12345), int16(-1), uint16(365))
	f.Add(uint64(0x8000_0000_0000_0001), uint64(0), int16(3), uint16(1))
	f.Fuzz(func(t *testing.T, hi, lo uint64, e int16, k uint16) {
		// v in [2^−16, 2^16): every rate the solver reaches and beyond.
		v := sf{m: f128{hi: hi | 1<<63, lo: lo, e: -127 + int(e%16)}}
		checkFastRates(t, v, int64(k%400))
	})
}
