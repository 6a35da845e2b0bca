package money_test

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "0.00": "0.00", "999.99": "999.99", "1000": "1,000", "1050.00": "1,050.00",
		"27496.01": "27,496.01", "-27496.01": "-27,496.01", "123456789.5": "123,456,789.5",
		"-100": "-100", "1000000000000000": "1,000,000,000,000,000", "12345.123456789012": "12,345.123456789012",
	} {
		assert.Equal(t, want, money.MustParse(in).Grouped(), in)
	}
}

// Property: removing the commas gives String back, every group after the
// first has three digits, and the first one to three.
func TestGroupedProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 1))
	for range 5000 {
		a := money.New(r.Int64N(2_000_000_000_000_000)-1_000_000_000_000_000, r.IntN(5))
		g := a.Grouped()
		require.Equal(t, a.String(), strings.ReplaceAll(g, ",", ""), g)
		whole, _, _ := strings.Cut(strings.TrimPrefix(g, "-"), ".")
		groups := strings.Split(whole, ",")
		require.True(t, len(groups[0]) >= 1 && len(groups[0]) <= 3, g)
		for _, x := range groups[1:] {
			require.Len(t, x, 3, g)
			_, err := strconv.Atoi(x)
			require.NoError(t, err, g)
		}
	}
}

func FuzzGrouped(f *testing.F) {
	f.Add("1050.00")
	f.Add("-0.5")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := money.Parse(s)
		if err != nil {
			return
		}
		if got := strings.ReplaceAll(a.Grouped(), ",", ""); got != a.String() {
			t.Fatalf("%q grouped to %q", s, a.Grouped())
		}
	})
}

func BenchmarkGrouped(b *testing.B) {
	a := money.MustParse("27496.01")
	for b.Loop() {
		_ = a.Grouped()
	}
}

// BenchmarkGroupedFloat64 is the float64 baseline: the same grouping of
// the same figure held as a float64.
func BenchmarkGroupedFloat64(b *testing.B) {
	x := 27496.01
	for b.Loop() {
		s := strconv.FormatFloat(x, 'f', 2, 64)
		whole, frac, _ := strings.Cut(s, ".")
		var sb strings.Builder
		for i := range len(whole) {
			if i > 0 && (len(whole)-i)%3 == 0 {
				sb.WriteByte(',')
			}
			sb.WriteByte(whole[i])
		}
		_ = sb.String() + "." + frac
	}
}
