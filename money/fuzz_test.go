package money

import (
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParse feeds arbitrary strings to the decimal parser: it must never
// panic, and whatever it accepts must be within the bounds and agree with
// shopspring/decimal's reading of the same text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "-1.50", "1e3", "1e999999999", "999999999999999.999999999999", "+.5", "1.", "-0.000000000001", "1E-12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			return
		}
		if CheckAmount("x", a) != nil {
			t.Fatalf("%q parsed out of bounds: %s", s, a)
		}
		d, err := decimal.NewFromString(s)
		if err != nil {
			t.Fatalf("%q accepted here, rejected by decimal: %v", s, err)
		}
		if !a.Decimal().Equal(d) {
			t.Fatalf("%q: %s ≠ %s", s, a, d)
		}
		back, err := Parse(a.String())
		if err != nil || !back.Equal(a) {
			t.Fatalf("%q: round trip %s → %v, %v", s, a, back, err)
		}
	})
}
