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
//
// An Amount holds a 96-bit coefficient and a number of decimal places in 16
// bytes and no pointers, so schedules of thousands of rows cost the garbage
// collector nothing to scan. Values that fit in int64 take a machine-integer
// fast path; larger ones are computed with math/big and stored back. A result
// beyond ±2^95 (about 3.9 × 10^28 units of the last place) cannot be stored:
// it becomes an overflowed Amount, which stays overflowed through further
// arithmetic and which the packages of this module report as an error.
//
// Amounts are not comparable with ==: 1.0 and 1.00 are the same amount in
// different representations, so == would give the wrong answer. Use Equal
// or Cmp. (A zero-size func array makes the compiler refuse ==, at no
// cost in size.)
type Amount struct {
	_      [0]func()
	u      int64 // low 64 bits of the coefficient
	hi     int32 // high 32 bits; hi == u>>63 whenever the coefficient fits in int64
	places int32 // value = coefficient × 10^−places; overflowPlaces marks overflow
}

const overflowPlaces = -1

// small reports whether a's coefficient fits in int64 (and a has not
// overflowed).
func (a Amount) small() bool { return a.hi == int32(a.u>>63) && a.places >= 0 }

// Overflowed reports whether a is the result of arithmetic that left the
// representable range. Such a value has no meaningful digits.
func (a Amount) Overflowed() bool { return a.places == overflowPlaces }

// New returns coef × 10^−places, so New(123456, 2) is 1234.56.
func New(coef int64, places int) Amount {
	if places < 0 {
		return newScaled(coef, places)
	}
	return Amount{u: coef, hi: int32(coef >> 63), places: int32(places)}
}

func newScaled(coef int64, places int) Amount {
	if a, ok := scaledWide(coef, -places); ok {
		return a
	}
	return fromBig(new(big.Int).Mul(big.NewInt(coef), pow10Big(-places)), 0)
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
// An overflowed Amount converts to 0.
func (a Amount) Decimal() decimal.Decimal {
	if a.small() {
		return decimal.New(a.u, -a.places)
	}
	if a.Overflowed() {
		return decimal.Zero
	}
	return decimal.NewFromBigInt(a.coef(), -a.places)
}

// Places returns the number of decimal places a is written with.
func (a Amount) Places() int { return max(int(a.places), 0) }

// Sign returns −1, 0 or +1.
func (a Amount) Sign() int {
	if !a.small() {
		if a.hi < 0 {
			return -1
		}
		return 1 // a non-small coefficient is never 0
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
	if a.small() && a.u != math.MinInt64 {
		return Amount{u: -a.u, hi: int32(-a.u >> 63), places: a.places}
	}
	if a.Overflowed() {
		return overflow(-a.Sign())
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
	if a.places == b.places && a.places >= 0 {
		// The 96-bit coefficients added in two words: the sum is canonical
		// whenever its high word fits, so wide amounts take this path too.
		lo, c := bits.Add64(uint64(a.u), uint64(b.u), 0)
		if h := int64(a.hi) + int64(b.hi) + int64(c); h == int64(int32(h)) {
			return Amount{u: int64(lo), hi: int32(h), places: a.places}
		}
	}
	return addSlow(a, b)
}

func addSlow(a, b Amount) Amount {
	// Adding a zero that has no more places than the other operand (such
	// as the zero Amount, where a sum starts) needs no alignment.
	if b.u == 0 && b.hi == 0 && b.places >= 0 && b.places <= a.places {
		return a
	}
	if a.u == 0 && a.hi == 0 && a.places >= 0 && a.places <= b.places {
		return b
	}
	if x, y, p, ok := align(a, b); ok {
		if s := x + y; (s > x) == (y > 0) {
			return Amount{u: s, hi: int32(s >> 63), places: p}
		}
	}
	if a.Overflowed() || b.Overflowed() {
		return overflowOf(a, b)
	}
	p := max(a.places, b.places)
	return fromBig(new(big.Int).Add(a.coefAt(p), b.coefAt(p)), p)
}

// overflowOf is the overflow an operation on a or b yields, signed like
// the overflowed operand.
func overflowOf(a, b Amount) Amount {
	if a.Overflowed() {
		return a
	}
	return b
}

func overflow(sign int) Amount {
	if sign < 0 {
		return Amount{hi: -1, places: overflowPlaces}
	}
	return Amount{hi: 1, places: overflowPlaces}
}

// Sub returns a − b.
func (a Amount) Sub(b Amount) Amount {
	if a.places == b.places && a.places >= 0 {
		// As in Add, in two words.
		lo, c := bits.Sub64(uint64(a.u), uint64(b.u), 0)
		if h := int64(a.hi) - int64(b.hi) - int64(c); h == int64(int32(h)) {
			return Amount{u: int64(lo), hi: int32(h), places: a.places}
		}
	}
	return addSlow(a, b.Neg())
}

// MulInt returns a × n.
func (a Amount) MulInt(n int64) Amount {
	if a.small() {
		if v, ok := mulInt64(a.u, n); ok {
			return Amount{u: v, hi: int32(v >> 63), places: a.places}
		}
	}
	if a.Overflowed() {
		return overflow(a.Sign() * sign64(n))
	}
	return fromBig(new(big.Int).Mul(a.coef(), big.NewInt(n)), a.places)
}

func sign64(n int64) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Cmp compares a and b: −1 if a < b, 0 if equal, +1 if a > b.
func (a Amount) Cmp(b Amount) int {
	if a.places == b.places && a.small() && b.small() {
		// The common case, two amounts at the same places, without align.
		switch {
		case a.u < b.u:
			return -1
		case a.u > b.u:
			return 1
		}
		return 0
	}
	if a.Overflowed() || b.Overflowed() {
		return cmpOverflow(a, b)
	}
	if x, y, _, ok := align(a, b); ok {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	if c, ok := cmpWide(a, b); ok {
		return c
	}
	p := max(a.places, b.places)
	return a.coefAt(p).Cmp(b.coefAt(p))
}

// cmpOverflow orders overflowed amounts beyond every finite one.
func cmpOverflow(a, b Amount) int {
	rank := func(x Amount) int {
		if x.Overflowed() {
			return 2 * x.Sign()
		}
		return x.Sign()
	}
	ra, rb := rank(a), rank(b)
	switch {
	case ra < rb:
		return -1
	case ra > rb:
		return 1
	}
	return 0
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
	if a.places == int32(r.off)+DefaultPlaces {
		// Already at places (most amounts: whole minor units), wide or not:
		// nothing to round. Kept this small so that it inlines.
		return a
	}
	return a.round(r)
}

func (a Amount) round(r Rounding) Amount {
	if a.small() && int(a.places) < r.Places() {
		if u, ok := mul64(a.u, r.Places()-int(a.places)); ok {
			return Amount{u: u, hi: int32(u >> 63), places: int32(r.Places())}
		}
	}
	return a.MulRatio(Ratio{num: 1, den: 1}, r)
}

// MulRatio returns a × q rounded by r: the one place where a product is
// rounded. It runs on 64-bit integers with a 128-bit product whenever the
// values fit, and on math/big otherwise.
func (a Amount) MulRatio(q Ratio, r Rounding) Amount {
	if q.b == nil && a.small() {
		if v, ok := mulRatio64(a.u, int(a.places), q.num, q.denom(), r); ok {
			return Amount{u: v, hi: int32(v >> 63), places: int32(r.Places())}
		}
	}
	if a.Overflowed() {
		return overflow(a.Sign() * q.Sign())
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
	if a.Overflowed() {
		return "overflow"
	}
	var digits string
	neg := false
	if a.small() {
		digits = strconv.FormatUint(absU(a.u), 10)
		neg = a.u < 0
	} else {
		c := a.coef()
		digits = new(big.Int).Abs(c).String()
		neg = c.Sign() < 0
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

// MarshalText encodes a as a plain decimal, such as "1234.56"; JSON
// writes it as a string. An overflowed Amount is an error.
func (a Amount) MarshalText() ([]byte, error) {
	if a.Overflowed() {
		return nil, ErrOverflow
	}
	return a.append(make([]byte, 0, 24)), nil
}

// append writes a's digits without allocating on the int64 path.
func (a Amount) append(b []byte) []byte {
	if !a.small() {
		return append(b, a.String()...)
	}
	if a.u < 0 {
		b = append(b, '-')
	}
	var buf [24]byte
	digits := strconv.AppendUint(buf[:0], absU(a.u), 10)
	p := int(a.places)
	if p == 0 {
		return append(b, digits...)
	}
	if len(digits) <= p {
		b = append(b, '0', '.')
		for i := len(digits); i < p; i++ {
			b = append(b, '0')
		}
		return append(b, digits...)
	}
	b = append(b, digits[:len(digits)-p]...)
	b = append(b, '.')
	return append(b, digits[len(digits)-p:]...)
}

// ErrOverflow is returned when an amount left the representable range.
var ErrOverflow = Errorf("", "amount out of range: a result exceeds ±3.9 × 10^28 units")

// UnmarshalJSON accepts a JSON string (or number) holding a decimal of
// any amount the library outputs (up to 10^27, at most 12 places), so every
// result decodes again. A request decoded by DecodeJSON is held to the
// input bound of Parse, 10^15, before this runs.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := unquote(b)
	p, reason := parseDecimal(s, maxResultExp)
	if reason != "" {
		return typeError(strconv.Quote(clip(s)), reason, Amount{})
	}
	v := p.amount()
	if v.Overflowed() {
		return typeError(strconv.Quote(clip(s)), "out of the representable range", Amount{})
	}
	*a = v
	return nil
}

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
	if !a.small() || !b.small() {
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

// coef returns a's coefficient as a new big.Int (0 for an overflow).
func (a Amount) coef() *big.Int {
	if a.small() || a.Overflowed() {
		if a.Overflowed() {
			return new(big.Int)
		}
		return big.NewInt(a.u)
	}
	c := new(big.Int).SetInt64(int64(a.hi))
	c.Lsh(c, 64)
	return c.Add(c, new(big.Int).SetUint64(uint64(a.u)))
}

func (a Amount) coefAt(p int32) *big.Int {
	c := a.coef()
	if p > a.places {
		c.Mul(c, pow10Big(int(p-a.places)))
	}
	return c
}

// fromBig stores b × 10^−places, or an overflow when b needs more than 96
// bits.
func fromBig(b *big.Int, places int32) Amount {
	if b.IsInt64() {
		v := b.Int64()
		return Amount{u: v, hi: int32(v >> 63), places: places}
	}
	if b.BitLen() > 95 {
		return overflow(b.Sign())
	}
	// Two's complement of b in 128 bits, keeping the low 96.
	m := new(big.Int).Set(b)
	if m.Sign() < 0 {
		m.Add(m, new(big.Int).Lsh(big.NewInt(1), 128))
	}
	words := [2]uint64{m.Uint64(), new(big.Int).Rsh(m, 64).Uint64()}
	return Amount{u: int64(words[0]), hi: int32(words[1]), places: places}
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
	return a.coef(), a.Places()
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

// Units returns a's coefficient written at places — a × 10^places — when
// that is a whole number that fits in int64: the count of minor units a
// hot loop can work on.
func (a Amount) Units(places int) (int64, bool) {
	if !a.small() {
		return 0, false
	}
	switch d := places - int(a.places); {
	case d == 0:
		return a.u, true
	case d > 0:
		return mul64(a.u, d)
	case -d < len(pow10) && a.u%pow10[-d] == 0:
		return a.u / pow10[-d], true
	}
	return 0, false
}
