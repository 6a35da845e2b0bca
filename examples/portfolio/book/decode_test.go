package book

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

var testAsOf = money.MustParseDate("2025-06-30")

func bookLines(t testing.TB, n int, seed uint64) []string {
	var buf bytes.Buffer
	require.NoError(t, Write(context.Background(), &buf, n, seed, testAsOf))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, n)
	return lines
}

// Every line of a generated book decodes strictly to the account it was
// written from, on the fast path, to exactly what money.DecodeJSON gives.
func TestBookRoundTrips(t *testing.T) {
	b := NewGenerator(3, testAsOf)
	var line []byte
	for i := range 3000 {
		a := b.Account()
		line = AppendAccount(line[:0], a)
		var slow, fast, viaStd penalty.Account
		require.NoError(t, money.DecodeJSON(line, &slow), "line %d: %s", i, line)
		require.True(t, decodeFast(line, &fast), "fast path declined line %d: %s", i, line)
		require.Equal(t, slow, fast, "line %d", i)
		// appendAccount says what json.Marshal says.
		std, err := json.Marshal(a)
		require.NoError(t, err)
		require.NoError(t, money.DecodeJSON(std, &viaStd))
		if viaStd.Payments == nil { // json.Marshal writes null, the book []
			viaStd.Payments = []penalty.Payment{}
		}
		require.Equal(t, viaStd, slow, "line %d", i)
	}
}

// requireSameDecoding checks the fast path against money.DecodeJSON on
// one input: whatever it accepts DecodeJSON accepts, with the same
// Account; and decodeAccount always agrees with DecodeJSON, errors
// included.
func requireSameDecoding(t testing.TB, data []byte) (fastOK bool) {
	var slow, fast, via penalty.Account
	slowErr := money.DecodeJSON(data, &slow)
	fastOK = decodeFast(data, &fast)
	if fastOK {
		require.NoError(t, slowErr, "fast path accepted what DecodeJSON rejects: %s", data)
		require.Equal(t, slow, fast, "%s", data)
	}
	viaErr := DecodeAccount(data, &via)
	if slowErr != nil {
		require.EqualError(t, viaErr, slowErr.Error(), "%s", data)
		return fastOK
	}
	require.NoError(t, viaErr)
	require.Equal(t, slow, via, "%s", data)
	return fastOK
}

var fastPathCases = []struct {
	old, new string
	fast     bool // whether decodeFast should take it (its own reading or the value's UnmarshalJSON)
}{
	{"", "", true},
	{`"as_of"`, `"asof"`, false},                         // unknown key
	{`"as_of"`, `"AS_OF"`, false},                        // encoding/json folds case; the slow path decides
	{`{"as_of"`, `{"as_of":"2020-01-01","as_of"`, false}, // repeated key
	{`"principal":"`, `"principal":1`, false},
	{`"2025-06-30"`, `"2025\u002d06-30"`, false},
	{`"2025-06-30"`, `"2025-02-29"`, false},
	{`"2025-06-30"`, `"2024-02-29"`, true},
	{`"2025-06-30"`, `"1899-12-31"`, false},
	{`"2025-06-30"`, `"2025-6-30"`, false},
	{`"2025-06-30"`, `"2025-06-31"`, false},
	{`"cap":"0.24"`, `"cap":null`, false},
	{`"cap":"0.24"`, `"cap":"0.240"`, true},
	{`"cap":"0.24"`, `"cap":"1e-1"`, true}, // rates are Rate.UnmarshalJSON's to read
	{`"cap":"0.24"`, `"cap":"abc"`, false},
	{`"grace_days":2`, `"grace_days":2.0`, false},
	{`"grace_days":2`, `"grace_days":02`, false},
	{`"grace_days":2`, `"grace_days":-1`, true},
	{`"grace_days":2`, `"grace_days":-0`, true},
	{`"grace_days":2`, `"grace_days":1e1`, false},
	{`"grace_days":2`, `"grace_days":"2"`, false},
	{`"grace_days":2`, `"grace_days":12345678901`, false},
	{`"grace_days":2`, `"grace_days":123456789`, true},
	{`"fee":"0.00"`, `"fee":"0"`, true},
	{`"fee":"0.00"`, `"fee":"000.000"`, true},
	{`"fee":"0.00"`, `"fee":"007.50"`, true},
	{`"fee":"0.00"`, `"fee":"1e3"`, false},
	{`"fee":"0.00"`, `"fee":".5"`, false},
	{`"fee":"0.00"`, `"fee":"5."`, false},
	{`"fee":"0.00"`, `"fee":"+5"`, false},
	{`"fee":"0.00"`, `"fee":"-1.00"`, false},
	{`"fee":"0.00"`, `"fee":"1.000000000000"`, true},
	{`"fee":"0.00"`, `"fee":"1.0000000000000"`, false},
	{`"fee":"0.00"`, `"fee":"999999999999999.999"`, true},
	{`"fee":"0.00"`, `"fee":"1000000000000000"`, false},
	{`"fee":"0.00"`, `"fee":"99999999999999999.9"`, false},
	{`"fee":"0.00"`, `"fee":"1０"`, false},
	{`"fee":"0.00"`, `"fee":"1	2"`, false},
	{`"unit":"annual"`, `"unit":"ANNUAL"`, false},
	{`"unit":"annual"`, `"unit":"daily"`, true},
	{`"unit":"annual"`, `"unit":"annual "`, false},
	{`"payments":[`, `"waivers":[],"payments":[`, false},
	{`"policy":{`, `"policy":{"rounding":{"places":0},`, false},
	{`"policy":{`, `"policy":{"allocation":["principal","interest","fee","late_fee","penalty"],`, false},
	{`"policy":{`, `"policy":{"accrual_rounding":"daily","allocation_scope":"component",`, true},
	{`"policy":{`, `"policy":{"accrual_rounding":"hourly",`, false},
	{`}]`, `},]`, false}, // trailing comma
	{`,"policy"`, ` , "policy" `, true},
	{`{"as_of"`, " \n\t{ \"as_of\" ", true},
	{`"late_fee":{`, `"late_fee":{"kind":"fixed","kind":"none",`, false},
}

func baseLine(t testing.TB) string {
	// An account with every field the book writes: stop, cap, percent fee
	// with a maximum.
	b := NewGenerator(11, testAsOf)
	for {
		a := b.Account()
		if a.Policy.Cap != nil && a.Policy.StopAfterDays > 0 && a.Policy.LateFee.Max.IsPositive() && len(a.Payments) > 0 && a.Policy.GraceDays == 2 {
			return string(AppendAccount(nil, a))
		}
	}
}

func TestFastPathAgreesWithDecodeJSON(t *testing.T) {
	base := baseLine(t)
	require.Contains(t, base, `"fee":"0.00"`)
	for _, c := range fastPathCases {
		require.Contains(t, base, c.old)
		line := strings.Replace(base, c.old, c.new, 1)
		assert.Equal(t, c.fast, requireSameDecoding(t, []byte(line)), "%s → %s", c.old, c.new)
	}
	for _, line := range []string{
		base + "{}", base + " x", base + "\n", base[:len(base)-1], "{}", `{"as_of":null}`, "[]", "null", `"x"`, "",
		`{"installments":[]}`, `{"installments":null}`, `{"payments":[{}]}`, `{"policy":{"penalty_rate":{},"late_fee":{}}}`,
		// required fields left out (money.DecodeJSON insists on them; the fast path must decline)
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","interest":"0","fee":"0"}]}`,
		`{"as_of":"2025-06-30","installments":[{"principal":"1.00"}]}`,
		`{"installments":[{"due_date":"2025-01-01","principal":"1.00"}]}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}],"payments":[{"date":"2025-02-01"}]}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}],"policy":{"penalty_rate":{"unit":"daily"}}}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}],"policy":{"late_fee":{"amount":"5.00"}}}`,
		`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1.00"}]}`,
	} {
		requireSameDecoding(t, []byte(line))
	}
}

func FuzzDecodeAccount(f *testing.F) {
	base := baseLine(f)
	for _, c := range fastPathCases {
		f.Add([]byte(strings.Replace(base, c.old, c.new, 1)))
	}
	for _, line := range bookLines(f, 20, 5) {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		requireSameDecoding(t, data)
	})
}
