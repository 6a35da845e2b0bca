package money

import (
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"
)

// Rate is a decimal fraction such as "0.049" (4.9 %) or "0.0005" (万分之五 a
// day). It carries no unit: the field it sits in says whether it is annual,
// monthly or daily. The zero Rate is 0. Rates are exact, at most 12 decimal
// places, and at most 10^6 in magnitude as input (ParseRate, requests);
// UnmarshalJSON also reads the larger rates results report (an effective
// annual rate up to 10^12), so every result decodes again.
type Rate struct {
	coef   int64
	places int32
}

// NewRate returns coef × 10^−places (places 0..12).
func NewRate(coef int64, places int) Rate {
	return Rate{coef: coef, places: int32(min(max(places, 0), MaxPlaces))}
}

// ParseRate reads a decimal fraction; "0.049" is 4.9 %.
func ParseRate(s string) (Rate, error) {
	p, reason := parseDecimal(s, maxRateExp)
	if reason != "" {
		return Rate{}, Errorf("", "%s, got %q", reason, clip(s))
	}
	return p.rate(), nil
}

// MustParseRate is ParseRate for constants; it panics on a malformed literal.
func MustParseRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

func (p decimalParts) rate() Rate {
	u, _ := strconv.ParseInt(p.digits, 10, 64) // ≤ 19 digits by the bounds
	if p.neg {
		u = -u
	}
	return Rate{coef: u, places: int32(p.places)}
}

// Ratio returns r as an exact fraction.
func (r Rate) Ratio() Ratio { return RatioOf(r) }

// Decimal converts r to a decimal.Decimal.
func (r Rate) Decimal() decimal.Decimal { return decimal.New(r.coef, -r.places) }

// Sign returns −1, 0 or +1.
func (r Rate) Sign() int {
	switch {
	case r.coef < 0:
		return -1
	case r.coef > 0:
		return 1
	}
	return 0
}

// IsZero reports whether r is 0.
func (r Rate) IsZero() bool { return r.coef == 0 }

// Cmp compares r with o.
func (r Rate) Cmp(o Rate) int { return r.Ratio().Cmp(o.Ratio()) }

// Exceeds reports whether r is greater than the whole number n.
func (r Rate) Exceeds(n int64) bool {
	return r.Ratio().Cmp(NewRatio(n, 1)) > 0
}

// String returns r as a plain decimal, such as "0.049".
func (r Rate) String() string { return New(r.coef, int(r.places)).String() }

// Percent returns r as a percentage, such as "4.9%" for 0.049.
func (r Rate) Percent() string {
	c := new(big.Int).Mul(big.NewInt(r.coef), big.NewInt(100))
	return trimZeros(fromBig(c, r.places).String()) + "%"
}

func trimZeros(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			j := len(s)
			for s[j-1] == '0' {
				j--
			}
			if s[j-1] == '.' {
				j--
			}
			return s[:j]
		}
	}
	return s
}

// MarshalText encodes r as a plain decimal; JSON writes it as a string.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalJSON accepts a JSON string (or number) holding a decimal.
func (r *Rate) UnmarshalJSON(b []byte) error {
	s := unquote(b)
	p, reason := parseDecimal(s, maxRateResultExp)
	if reason != "" {
		return typeError(strconv.Quote(clip(s)), reason, Rate{})
	}
	*r = p.rate()
	return nil
}
