package money

import (
	"math/big"
	"strconv"
	"strings"
)

// Input bounds: amounts up to 10^15, rates up to 10^6 (any field
// then applies its own tighter rule, such as annual rates up to 10).
const (
	maxAmountExp = 15
	maxRateExp   = 6
	// maxResultExp is what Amount.UnmarshalJSON accepts: any amount the
	// library can output (totals of many amounts of 10^15 exceed 10^15),
	// so that its results decode again. Requests are held to maxAmountExp
	// by DecodeJSON's strict pass and by each field's validation.
	maxResultExp = 27
	// maxRateResultExp is what Rate.UnmarshalJSON accepts: the largest
	// rate a result reports is an effective annual rate of 10^12 (the
	// schedule package refuses to report more), so its results decode
	// again. Requests are held to maxRateExp by DecodeJSON's strict pass.
	maxRateResultExp = 12
)

// maxExponentDigits bounds the exponent of "1e999999999"-style input so it
// is rejected before any arithmetic rather than expanded.
const maxExponentDigits = 4

// decimalParts is a parsed decimal: (−1)^neg × digits × 10^−places, with
// digits free of leading zeros and places ≥ 0.
type decimalParts struct {
	neg    bool
	digits string
	places int
}

// parseDecimal reads an optionally signed decimal with an optional exponent,
// rejecting values whose magnitude exceeds 10^(maxInt) or that need more than
// MaxPlaces decimal places after trailing zeros are dropped.
func parseDecimal(s string, maxInt int) (decimalParts, string) {
	var p decimalParts
	if s == "" {
		return p, "must be a decimal number"
	}
	if s[0] == '+' || s[0] == '-' {
		p.neg = s[0] == '-'
		s = s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
	}
	intPart, frac, hasDot := strings.Cut(mant, ".")
	if !allDigits(intPart) || !allDigits(frac) || intPart+frac == "" || (hasDot && frac == "" && intPart == "") {
		return p, "must be a decimal number"
	}
	e, ok := parseExponent(exp, strings.ContainsAny(s, "eE"))
	if !ok {
		return p, "must be a decimal number"
	}
	if e == tooLarge {
		return p, "exponent out of range"
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	places := len(frac) - e
	for places > MaxPlaces && strings.HasSuffix(digits, "0") {
		digits = digits[:len(digits)-1]
		places--
	}
	if digits == "" {
		// Zero keeps the places it was written with ("0.00" is 0.00), so
		// a result's "0.00" decodes to what encodes as "0.00" again.
		return decimalParts{places: max(0, min(places, MaxPlaces))}, ""
	}
	if len(digits)-places > maxInt+1 || (len(digits)-places == maxInt+1 && !isPowerOf10(digits)) {
		return p, "magnitude must not exceed 10^" + strconv.Itoa(maxInt)
	}
	if places > MaxPlaces {
		return p, "must have at most " + strconv.Itoa(MaxPlaces) + " decimal places"
	}
	if places < 0 {
		digits += strings.Repeat("0", -places)
		places = 0
	}
	p.digits, p.places = digits, places
	return p, ""
}

const tooLarge = 1 << 30

// parseExponent reads the part after 'e'; present says whether there was an
// 'e' at all. Exponents with more than maxExponentDigits digits are tooLarge.
func parseExponent(exp string, present bool) (int, bool) {
	if !present {
		return 0, true
	}
	neg := strings.HasPrefix(exp, "-")
	body := exp
	if neg || strings.HasPrefix(exp, "+") {
		body = exp[1:] // one sign at most: "1e+-5" is malformed
	}
	if body == "" || !allDigits(body) {
		return 0, false
	}
	body = strings.TrimLeft(body, "0")
	if len(body) > maxExponentDigits {
		return tooLarge, true
	}
	e, _ := strconv.Atoi("0" + body)
	if neg {
		e = -e
	}
	return e, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isPowerOf10(digits string) bool {
	return digits[0] == '1' && strings.Trim(digits[1:], "0") == ""
}

// amount converts parsed parts to an Amount.
func (p decimalParts) amount() Amount {
	if p.digits == "" {
		return New(0, p.places)
	}
	if len(p.digits) <= 18 {
		u, _ := strconv.ParseInt(p.digits, 10, 64)
		if p.neg {
			u = -u
		}
		return New(u, p.places)
	}
	b, _ := new(big.Int).SetString(p.digits, 10)
	if p.neg {
		b.Neg(b)
	}
	return fromBig(b, int32(p.places))
}
