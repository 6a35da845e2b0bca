package money

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseBounds(t *testing.T) {
	ok := map[string]string{
		"1234.56":                  "1234.56",
		"-0.5":                     "-0.5",
		"1e3":                      "1000",
		"1.2E-2":                   "0.012",
		"1000000000000000":         "1000000000000000", // exactly 10^15
		"0.000000000001":           "0.000000000001",   // 12 places
		"1.000000000000000000000":  "1.000000000000",   // zeros beyond 12 places are dropped
		"999999999999999.99":       "999999999999999.99",
		"+7":                       "7",
		"0":                        "0",
		"00012.50":                 "12.50",
		"123456789012345.12345678": "123456789012345.12345678", // beyond int64: math/big
	}
	for in, want := range ok {
		a, err := Parse(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, a.String(), in)
	}
	bad := map[string]string{
		"1e999999999":         "exponent out of range",
		"1000000000000000.01": "magnitude",
		"1e16":                "magnitude",
		"0.0000000000001":     "at most 12 decimal places",
		"":                    "decimal number",
		"12a":                 "decimal number",
		".":                   "decimal number",
		"1e":                  "decimal number",
		"NaN":                 "decimal number",
		"1.2.3":               "decimal number",
	}
	for in, want := range bad {
		_, err := Parse(in)
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), want, in)
		assert.True(t, errors.Is(err, ErrInvalid), in)
	}
}

func TestArithmeticAgreesWithDecimal(t *testing.T) {
	// Values near the int64 limit take the math/big path; the results must
	// agree with shopspring/decimal either way.
	vals := []string{"0", "1", "-1", "0.01", "92233720368547758.07", "-92233720368547758.08", "9223372036854775.807", "-9223372036854775.808",
		"99999999999999.999999999999", "123.456", "-0.000000000001"}
	for _, x := range vals {
		for _, y := range vals {
			a, b := unbounded(x), unbounded(y)
			if a.Add(b).Overflowed() || a.Sub(b).Overflowed() {
				// Only sums beyond ±2^95 at 12 places may overflow.
				assert.True(t, da(x).Add(da(y)).Abs().Shift(12).GreaterThan(decimal.New(39614081257132168, 12)) ||
					da(x).Sub(da(y)).Abs().Shift(12).GreaterThan(decimal.New(39614081257132168, 12)), "%s ± %s", x, y)
				continue
			}
			da, db := da(x), da(y)
			assert.True(t, a.Add(b).Decimal().Equal(da.Add(db)), "%s + %s", x, y)
			assert.True(t, a.Sub(b).Decimal().Equal(da.Sub(db)), "%s - %s", x, y)
			assert.Equal(t, da.Cmp(db), a.Cmp(b), "cmp %s %s", x, y)
		}
		assert.True(t, unbounded(x).MulInt(-3).Decimal().Equal(decimal.RequireFromString(x).Mul(decimal.NewFromInt(-3))))
	}
}

func TestRoundingModes(t *testing.T) {
	// The classic table: each value rounded to 0 places by each mode.
	cases := []struct {
		in                                      string
		halfUp, halfEven, down, up, ceil, floor string
	}{
		{"5.5", "6", "6", "5", "6", "6", "5"},
		{"2.5", "3", "2", "2", "3", "3", "2"},
		{"1.6", "2", "2", "1", "2", "2", "1"},
		{"1.1", "1", "1", "1", "2", "2", "1"},
		{"1.0", "1", "1", "1", "1", "1", "1"},
		{"-1.0", "-1", "-1", "-1", "-1", "-1", "-1"},
		{"-1.1", "-1", "-1", "-1", "-2", "-1", "-2"},
		{"-1.6", "-2", "-2", "-1", "-2", "-1", "-2"},
		{"-2.5", "-3", "-2", "-2", "-3", "-2", "-3"},
		{"-5.5", "-6", "-6", "-5", "-6", "-5", "-6"},
	}
	for _, c := range cases {
		for mode, want := range map[Mode]string{HalfUp: c.halfUp, HalfEven: c.halfEven, Down: c.down, Up: c.up, Ceiling: c.ceil, Floor: c.floor} {
			got := MustParse(c.in).Round(NewRounding(0, mode))
			assert.Equal(t, want, got.String(), "%s %s", c.in, mode)
			// The big path must agree with the int64 path.
			big := mulRatioBig(MustParse(c.in), NewRatio(1, 1).rat(), NewRounding(0, mode))
			assert.Equal(t, want, big.String(), "big %s %s", c.in, mode)
		}
	}
}

func TestMulRatioExact(t *testing.T) {
	// 998776.06 × 0.049/12 = 4078.3389116… → 4078.34 (row 2 of the 1m/4.9 %/30y mortgage).
	a := MustParse("998776.06")
	got := a.MulRatio(RatioOf(MustParseRate("0.049")).QuoInt(12), Rounding{})
	assert.Equal(t, "4078.34", got.String())
	// Ties follow the mode: 0.125 → 0.12 half_even, 0.13 half_up.
	half := MustParse("0.25").MulRatio(NewRatio(1, 2), NewRounding(2, HalfEven))
	assert.Equal(t, "0.12", half.String())
	assert.Equal(t, "0.13", MustParse("0.25").MulRatio(NewRatio(1, 2), Rounding{}).String())
}

func TestAmountJSON(t *testing.T) {
	var v struct {
		X Amount `json:"x"`
	}
	require.NoError(t, DecodeJSON([]byte(`{"x":"12.30"}`), &v))
	assert.Equal(t, "12.30", v.X.String())
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"x":"12.30"}`, string(out))

	err = DecodeJSON([]byte(`{"x":"1e999999999"}`), &v)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "x", e.Field)
	assert.Contains(t, e.Reason, "exponent")

	err = DecodeJSON([]byte(`{"x":"1","y":2}`), &v)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "y", e.Field)
	assert.Equal(t, "unknown field", e.Reason)
}

func TestNestedFieldPath(t *testing.T) {
	var v struct {
		Outer struct {
			R Rounding `json:"rounding"`
		} `json:"outer"`
	}
	err := DecodeJSON([]byte(`{"outer":{"rounding":{"places":2,"mode":"sideways"}}}`), &v)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "outer.rounding.mode", e.Field)
	err = DecodeJSON([]byte(`{"outer":{"rounding":{"places":13}}}`), &v)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "outer.rounding", e.Field)
	assert.Contains(t, e.Reason, "places")
	err = DecodeJSON([]byte(`{"outer":{"rounding":{"place":1}}}`), &v)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "outer.rounding.place", e.Field)
}

func TestRoundingZeroValue(t *testing.T) {
	var r Rounding
	assert.Equal(t, 2, r.Places())
	assert.Equal(t, HalfUp, r.Mode())
	jpy := NewRounding(0, HalfUp)
	assert.Equal(t, 0, jpy.Places())
	var decoded Rounding
	require.NoError(t, json.Unmarshal([]byte(`{"places":0}`), &decoded))
	assert.Equal(t, jpy, decoded)
	require.NoError(t, json.Unmarshal([]byte(`{"mode":"floor"}`), &decoded))
	assert.Equal(t, 2, decoded.Places())
	assert.Equal(t, Floor, decoded.Mode())
}

func TestRatePercent(t *testing.T) {
	assert.Equal(t, "0.05%", MustParseRate("0.0005").Percent())
	assert.Equal(t, "4.9%", MustParseRate("0.049").Percent())
	assert.Equal(t, "100%", MustParseRate("1").Percent())
	_, err := ParseRate("1e7")
	require.Error(t, err)
}

func da(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// unbounded parses beyond the input bounds, to reach the math/big path.
func unbounded(s string) Amount {
	p, reason := parseDecimal(s, 30)
	if reason != "" {
		panic(reason)
	}
	return p.amount()
}

func TestWideAndOverflow(t *testing.T) {
	// 2^63 and beyond are stored in 96 bits, exactly.
	big := unbounded("92233720368547758.08") // 2^63 / 100
	assert.Equal(t, "92233720368547758.08", big.String())
	assert.Equal(t, "-92233720368547758.08", big.Neg().String())
	sum := big.Add(big).Add(big)
	assert.Equal(t, "276701161105643274.24", sum.String())
	assert.Equal(t, 1, sum.Cmp(big))
	assert.Equal(t, "92233720368547758.08", sum.Sub(big).Sub(big).String())
	// ±2^95 is beyond the range: the result overflows and stays overflowed.
	huge := unbounded("39614081257132168796771975168") // 2^95
	assert.True(t, huge.Overflowed())
	near := unbounded("39614081257132168796771975167") // 2^95 − 1
	assert.False(t, near.Overflowed())
	assert.Equal(t, "39614081257132168796771975167", near.String())
	assert.Equal(t, "-39614081257132168796771975167", near.Neg().String())
	over := near.Add(New(1, 0))
	assert.True(t, over.Overflowed())
	assert.True(t, over.Sub(near).Overflowed())
	assert.Equal(t, 1, over.Cmp(near))
	assert.Equal(t, -1, over.Neg().Cmp(near.Neg()))
	_, err := json.Marshal(struct{ X Amount }{over})
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestUnknownFieldPath(t *testing.T) {
	type inner struct {
		A Amount `json:"a"`
	}
	var v struct {
		Outer struct {
			List []inner          `json:"list"`
			Map  map[string]inner `json:"map"`
		} `json:"outer"`
	}
	cases := map[string]string{
		`{"outer":{"list":[{"a":"1"},{"a":"2","b":3}]}}`: "outer.list[1].b",
		`{"outer":{"map":{"x":{"c":1}}}}`:                "outer.map.x.c",
		`{"outer":{"nope":1}}`:                           "outer.nope",
		`{"nope":1}`:                                     "nope",
	}
	for in, want := range cases {
		err := DecodeJSON([]byte(in), &v)
		var e *Error
		require.ErrorAs(t, err, &e, in)
		assert.Equal(t, want, e.Field, in)
		assert.Equal(t, "unknown field", e.Reason)
	}
}

func TestDecodeErrorPathHasListPositions(t *testing.T) {
	type item struct {
		Due Date   `json:"due_date"`
		A   Amount `json:"amount"`
	}
	var v struct {
		Items []item `json:"items"`
		Round struct {
			R Rounding `json:"rounding"`
		} `json:"outer"`
	}
	cases := map[string]string{
		`{"items":[{"due_date":"2024-01-01","amount":"1"},{"due_date":"2024-02-30","amount":"1"}]}`: `items[1].due_date: no such date, got "2024-02-30"`,
		`{"items":[{"due_date":"2024-01-01","amount":"1e999999999"}]}`:                              `items[0].amount: exponent out of range, got "1e999999999"`,
		`{"items":[{"due_date":"2024-01-01","amount":true}]}`:                                       `items[0].amount: must be a decimal number, got "true"`,
		`{"outer":{"rounding":{"mode":"sideways"}}}`:                                                `outer.rounding.mode: must be one of half_up, half_even, down, up, ceiling, floor, got "sideways"`,
	}
	for in, want := range cases {
		err := DecodeJSON([]byte(in), &v)
		require.Error(t, err, in)
		assert.Equal(t, want, err.Error(), in)
	}
}

// TestAmountIsCompactAndIncomparable: an Amount stays 16 pointer-free bytes
// (schedules of thousands of rows cost the GC nothing to scan), and == on it
// does not compile — 1.0 and 1.00 are one amount in two representations.
func TestAmountIsCompactAndIncomparable(t *testing.T) {
	typ := reflect.TypeOf(Amount{})
	assert.Equal(t, uintptr(16), typ.Size())
	assert.False(t, typ.Comparable(), "== on Amount must not compile")
	assert.True(t, MustParse("1.0").Equal(MustParse("1.00")))
}
