package money

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// Amount is an exact decimal amount of money. The zero Amount is 0.
//
// Amounts are immutable values: every operation returns a new Amount.
// Arithmetic is exact; only MulRatio, Round and the functions that take a
// Rounding ever round. Compare amounts with Cmp or Equal, not ==, since
// 1.5 and 1.50 are equal but differently written.
type Amount struct {
	u      int64    // coefficient, when big == nil
	big    *big.Int // coefficient when it does not fit in int64; never mutated
	places int32    // value = coefficient × 10^−places
}

// New returns coef × 10^−places, so New(123456, 2) is 1234.56.
func New(coef int64, places int) Amount {
	if places < 0 {
		return fromBig(new(big.Int).Mul(big.NewInt(coef), pow10Big(-places)), 0)
	}
	return Amount{u: coef, places: int32(places)}
}

// Parse reads a decimal string such as "1234.56", "-0.5" or "1e3". It
// rejects magnitudes above 10^15 and more than 12 decimal places before
// doing any arithmetic.
func Parse(s string) (Amount, error) {
	p, reason := parseDecimal(s, maxAmountExp)
	if reason != "" {
		return Amount{}, Errorf("", "%s, got %q", reason, clip(s))
	}
	return p.amount(), nil
}

// MustParse is Parse for constants in programs and tests; it panics on a
// malformed literal.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// FromDecimal converts d, applying the bounds of Parse.
func FromDecimal(d decimal.Decimal) (Amount, error) {
	if d.NumDigits()+int(d.Exponent()) > maxAmountExp+1+MaxPlaces || d.NumDigits() > 64 {
		return Amount{}, Errorf("", "magnitude must not exceed 10^%d, got %s", maxAmountExp, clip(d.String()))
	}
	return Parse(d.String())
}

// Decimal converts a to a decimal.Decimal.
func (a Amount) Decimal() decimal.Decimal {
	if a.big != nil {
		return decimal.NewFromBigInt(a.big, -a.places)
	}
	return decimal.New(a.u, -a.places)
}

// Places returns the number of decimal places a is written with.
func (a Amount) Places() int { return int(a.places) }

// Sign returns −1, 0 or +1.
func (a Amount) Sign() int {
	if a.big != nil {
		return a.big.Sign()
	}
	switch {
	case a.u < 0:
		return -1
	case a.u > 0:
		return 1
	}
	return 0
}

// IsZero reports whether a is 0.
func (a Amount) IsZero() bool { return a.Sign() == 0 }

// IsPositive reports whether a > 0.
func (a Amount) IsPositive() bool { return a.Sign() > 0 }

// IsNegative reports whether a < 0.
func (a Amount) IsNegative() bool { return a.Sign() < 0 }

// Neg returns −a.
func (a Amount) Neg() Amount {
	if a.big == nil && a.u != math.MinInt64 {
		return Amount{u: -a.u, places: a.places}
	}
	return fromBig(new(big.Int).Neg(a.coef()), a.places)
}

// Abs returns |a|.
func (a Amount) Abs() Amount {
	if a.Sign() < 0 {
		return a.Neg()
	}
	return a
}

// Add returns a + b.
func (a Amount) Add(b Amount) Amount {
	if x, y, p, ok := align(a, b); ok {
		if s := x + y; (s > x) == (y > 0) {
			return Amount{u: s, places: p}
		}
	}
	p := max(a.places, b.places)
	return fromBig(new(big.Int).Add(a.coefAt(p), b.coefAt(p)), p)
}

// Sub returns a − b.
func (a Amount) Sub(b Amount) Amount {
	if x, y, p, ok := align(a, b); ok {
		if s := x - y; (s < x) == (y > 0) {
			return Amount{u: s, places: p}
		}
	}
	p := max(a.places, b.places)
	return fromBig(new(big.Int).Sub(a.coefAt(p), b.coefAt(p)), p)
}

// MulInt returns a × n.
func (a Amount) MulInt(n int64) Amount {
	if a.big == nil {
		if hi, lo := bits.Mul64(absU(a.u), absU(n)); hi == 0 && lo <= math.MaxInt64 {
			v := int64(lo)
			if (a.u < 0) != (n < 0) {
				v = -v
			}
			return Amount{u: v, places: a.places}
		}
	}
	return fromBig(new(big.Int).Mul(a.coef(), big.NewInt(n)), a.places)
}

// Cmp compares a and b: −1 if a < b, 0 if equal, +1 if a > b.
func (a Amount) Cmp(b Amount) int {
	if x, y, _, ok := align(a, b); ok {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	p := max(a.places, b.places)
	return a.coefAt(p).Cmp(b.coefAt(p))
}

// Equal reports whether a and b have the same value.
func (a Amount) Equal(b Amount) bool { return a.Cmp(b) == 0 }

// Min returns the smaller of a and b.
func Min(a, b Amount) Amount {
	if b.Cmp(a) < 0 {
		return b
	}
	return a
}

// Max returns the larger of a and b.
func Max(a, b Amount) Amount {
	if b.Cmp(a) > 0 {
		return b
	}
	return a
}

// Round returns a rounded by r.
// The result is written with exactly r.Places() places.
func (a Amount) Round(r Rounding) Amount {
	if a.big == nil && int(a.places) <= r.Places() {
		if u, ok := mul64(a.u, r.Places()-int(a.places)); ok {
			return Amount{u: u, places: int32(r.Places())}
		}
	}
	return a.MulRatio(Ratio{num: 1, den: 1}, r)
}

// MulRatio returns a × q rounded by r: the one place where a product is
// rounded. It runs on 64-bit integers with a 128-bit product whenever the
// values fit, and on math/big otherwise.
func (a Amount) MulRatio(q Ratio, r Rounding) Amount {
	if q.b == nil && a.big == nil {
		if v, ok := mulRatio64(a.u, int(a.places), q.num, q.denom(), r); ok {
			return Amount{u: v, places: int32(r.Places())}
		}
	}
	return mulRatioBig(a, q.rat(), r)
}

func mulRatio64(u int64, places int, num, den int64, r Rounding) (int64, bool) {
	target := r.Places()
	switch {
	case target > places:
		n, ok := mul64(num, target-places)
		if !ok {
			return 0, false
		}
		num = n
	case target < places:
		d, ok := mul64(den, places-target)
		if !ok {
			return 0, false
		}
		den = d
	}
	neg := (u < 0) != (num < 0)
	hi, lo := bits.Mul64(absU(u), absU(num))
	d := uint64(den)
	if hi >= d {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, d)
	q = r.mode.roundQuo(q, rem, d, neg)
	if q > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// mul64 returns x × 10^k if it fits.
func mul64(x int64, k int) (int64, bool) {
	if k >= len(pow10) {
		return 0, false
	}
	hi, lo := bits.Mul64(absU(x), uint64(pow10[k]))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if x < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}

func mulRatioBig(a Amount, q *big.Rat, r Rounding) Amount {
	target := r.Places()
	num := new(big.Int).Mul(a.coef(), q.Num())
	den := new(big.Int).Set(q.Denom())
	if d := target - int(a.places); d > 0 {
		num.Mul(num, pow10Big(d))
	} else if d < 0 {
		den.Mul(den, pow10Big(-d))
	}
	return fromBig(roundQuoBig(num, den, r.mode), int32(target))
}

// roundQuoBig returns num/den (den > 0) rounded to an integer by mode.
func roundQuoBig(num, den *big.Int, mode Mode) *big.Int {
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Sign() == 0 {
		return q
	}
	neg := num.Sign() < 0
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	c := twice.Cmp(den)
	if mode.awayFromZero(c > 0, c == 0, q.Bit(0) == 1, neg) {
		if neg {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// String returns a as a plain decimal with its own number of places, such
// as "1234.50"; never in exponent form.
func (a Amount) String() string {
	var digits string
	neg := false
	if a.big != nil {
		digits = new(big.Int).Abs(a.big).String()
		neg = a.big.Sign() < 0
	} else {
		digits = strconv.FormatUint(absU(a.u), 10)
		neg = a.u < 0
	}
	s := insertPoint(digits, int(a.places))
	if neg {
		return "-" + s
	}
	return s
}

// StringFixed returns a rounded half up to places and written with exactly
// that many decimals.
func (a Amount) StringFixed(places int) string {
	return a.Round(NewRounding(places, HalfUp)).rescale(int32(places)).String()
}

// rescale returns a written with at least p places (value unchanged).
func (a Amount) rescale(p int32) Amount {
	if p <= a.places {
		return a
	}
	return fromBig(a.coefAt(p), p)
}

func insertPoint(digits string, places int) string {
	if places <= 0 {
		return digits
	}
	for len(digits) <= places {
		digits = "0" + digits
	}
	return digits[:len(digits)-places] + "." + digits[len(digits)-places:]
}

// MarshalJSON encodes a as a JSON string, such as "1234.56".
func (a Amount) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, a.String()), nil
}

// UnmarshalJSON accepts a JSON string (or number) holding a decimal, with
// the bounds of Parse.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := unquote(b)
	p, reason := parseDecimal(s, maxAmountExp)
	if reason != "" {
		return typeError(strconv.Quote(clip(s)), reason, Amount{})
	}
	*a = p.amount()
	return nil
}

// MarshalText and UnmarshalText let amounts be map keys' values in text
// encodings; they use the same form as JSON without quotes.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

func unquote(b []byte) string {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		return string(b[1 : len(b)-1])
	}
	return string(b)
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// align brings a and b to the same places on int64s, if they fit.
func align(a, b Amount) (x, y int64, p int32, ok bool) {
	if a.big != nil || b.big != nil {
		return 0, 0, 0, false
	}
	if a.places == b.places {
		return a.u, b.u, a.places, true
	}
	if a.places < b.places {
		x, ok = mul64(a.u, int(b.places-a.places))
		return x, b.u, b.places, ok
	}
	y, ok = mul64(b.u, int(a.places-b.places))
	return a.u, y, a.places, ok
}

func (a Amount) coef() *big.Int {
	if a.big != nil {
		return a.big
	}
	return big.NewInt(a.u)
}

func (a Amount) coefAt(p int32) *big.Int {
	c := new(big.Int).Set(a.coef())
	if p > a.places {
		c.Mul(c, pow10Big(int(p-a.places)))
	}
	return c
}

func fromBig(b *big.Int, places int32) Amount {
	if b.IsInt64() {
		return Amount{u: b.Int64(), places: places}
	}
	return Amount{big: b, places: places}
}

func absU(x int64) uint64 {
	if x < 0 {
		return uint64(-(x + 1)) + 1
	}
	return uint64(x)
}

var pow10 = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

func pow10Big(k int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil)
}

// Coefficient returns a's coefficient and places: a = coef × 10^−places.
// The big.Int is a new value the caller may modify.
func (a Amount) Coefficient() (coef *big.Int, places int) {
	return new(big.Int).Set(a.coef()), int(a.places)
}

// FromFraction returns num/den rounded by r; den must be positive.
// It is the exit from exact rational arithmetic done with math/big.
func FromFraction(num, den *big.Int, r Rounding) Amount {
	n := new(big.Int).Mul(num, pow10Big(r.Places()))
	return fromBig(roundQuoBig(n, den, r.mode), int32(r.Places()))
}

// Rat returns a as an exact big.Rat.
func (a Amount) Rat() *big.Rat {
	return new(big.Rat).SetFrac(a.coef(), pow10Big(int(a.places)))
}

// FromRat returns x rounded by r.
func FromRat(x *big.Rat, r Rounding) Amount { return FromFraction(x.Num(), x.Denom(), r) }
