package minimum

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// The limit is exclusive and counts magnitudes: 10^16 − 0.000000000001
// at 12 places fits, 10^16 does not, and a negative balance counts by
// its size.
func TestCheckSumAtTheLimit(t *testing.T) {
	r12 := money.NewRounding(12, money.HalfUp)
	justBelow := []money.Amount{money.New(1, -15).MulInt(9), money.MustParse("999999999999999.999999999999")}
	require.NoError(t, CheckSum("b", justBelow, r12)) // 9 × 10^15 + (10^15 − 10^−12) < 10^16
	at := []money.Amount{money.New(1, -15).MulInt(9), money.New(1, -15)}
	require.ErrorIs(t, CheckSum("b", at, r12), money.ErrInvalid) // exactly 10^16
	neg := []money.Amount{money.New(-1, -15).MulInt(9), money.New(1, -15)}
	require.ErrorIs(t, CheckSum("b", neg, r12), money.ErrInvalid)
}

// FuzzCheckSum: never a panic, and an error exactly when Σ|a| reaches the
// limit, checked against math on the coefficients.
func FuzzCheckSum(f *testing.F) {
	f.Add(int64(1), int64(2), uint8(2))
	f.Add(int64(-999999999999999), int64(999999999999999), uint8(12))
	f.Fuzz(func(t *testing.T, a, b int64, places uint8) {
		p := int(places % 13)
		r := money.NewRounding(p, money.HalfUp)
		xs := []money.Amount{money.New(a, 0), money.New(b, 0)}
		err := CheckSum("b", xs, r)
		abs := func(v int64) uint64 {
			if v < 0 {
				return uint64(-v)
			}
			return uint64(v)
		}
		sum := money.New(int64(abs(a)/2), 0).Add(money.New(int64(abs(b)/2), 0)).MulInt(2).
			Add(money.New(int64(abs(a)%2+abs(b)%2), 0))
		want := sum.Cmp(money.ResultLimit(p)) >= 0
		if (err != nil) != want {
			t.Fatalf("CheckSum(%d, %d, %d places) = %v, want error %v", a, b, p, err, want)
		}
	})
}
