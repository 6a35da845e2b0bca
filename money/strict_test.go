package money_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

type strictItem struct {
	Date   money.Date   `json:"date" required:"true"`
	Amount money.Amount `json:"amount" required:"true"`
	Note   string       `json:"note,omitempty"`
}

type strictInner struct {
	Rate  money.Rate   `json:"rate" required:"true"`
	Floor money.Amount `json:"floor,omitzero"`
}

type strictBase struct {
	AsOf money.Date `json:"as_of"`
}

type strictRequest struct {
	strictBase
	Principal money.Amount            `json:"principal" required:"true"`
	Rate      *money.Rate             `json:"rate,omitempty"`
	Periods   int                     `json:"periods"`
	Items     []strictItem            `json:"items"`
	Inner     strictInner             `json:"inner,omitzero"`
	Balances  map[string]money.Amount `json:"balances,omitempty"`
	Rounding  money.Rounding          `json:"rounding,omitzero"`
}

// TestStrictDecoding is the table of requests a lenient decoder would have
// taken: each must fail, naming the field (or the whole request, "") and
// saying why.
func TestStrictDecoding(t *testing.T) {
	for _, c := range []struct {
		name, body, field, reason string
	}{
		{"case-variant key", `{"Principal":"1"}`, "Principal", `did you mean "principal"`},
		{"case-variant nested key", `{"principal":"1","items":[{"date":"2025-01-01","Amount":"1"}]}`, "items[0].Amount", `did you mean "amount"`},
		{"unknown key", `{"principal":"1","princpal":"1"}`, "princpal", "unknown field"},
		{"duplicate key", `{"principal":"1","principal":"2"}`, "principal", "duplicate key"},
		{"duplicate key in a map", `{"principal":"1","balances":{"a":"1","a":"2"}}`, "balances.a", "duplicate key"},
		{"duplicate key inside a self-decoding value", `{"principal":"1","rounding":{"places":2,"places":3}}`, "rounding.places", "duplicate key"},
		{"amount as a number", `{"principal":1000}`, "principal", "written as a string"},
		{"rate as a number", `{"principal":"1","rate":0.05}`, "rate", "written as a string"},
		{"map amount as a number", `{"principal":"1","balances":{"fees":12.5}}`, "balances.fees", "written as a string"},
		{"missing required", `{"periods":3}`, "principal", "is required"},
		{"null required", `{"principal":null}`, "principal", "is required"},
		{"missing required in a list element", `{"principal":"1","items":[{"date":"2025-01-01"}]}`, "items[0].amount", "is required"},
		{"missing required in a present object", `{"principal":"1","inner":{}}`, "inner.rate", "is required"},
		{"byte-order mark", "\xef\xbb\xbf{\"principal\":\"1\"}", "", "byte-order mark"},
		{"not an object", `["principal"]`, "", "must be a JSON object, got a list"},
		{"a bare string", `"principal"`, "", "must be a JSON object, got a string"},
		{"trailing data", `{"principal":"1"} {}`, "", "unexpected data"},
		{"truncated", `{"principal":"1"`, "", "malformed JSON"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var r strictRequest
			err := money.DecodeJSON([]byte(c.body), &r)
			require.Error(t, err)
			require.True(t, errors.Is(err, money.ErrInvalid), "%v", err)
			var e *money.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, c.field, e.Field, "%v", err)
			assert.Contains(t, e.Reason, c.reason)
		})
	}
}

// TestStrictDecodingAccepts: what a well-formed request may do — optional
// fields absent, an embedded struct's keys at the top level, numbers for
// whole-number fields, a required field inside an absent optional object.
func TestStrictDecodingAccepts(t *testing.T) {
	var r strictRequest
	body := `{"as_of":"2025-01-31","principal":"1000.50","periods":3,
	  "items":[{"date":"2025-01-01","amount":"1","note":"x"}],
	  "balances":{"Fees":"2"},"rounding":{"places":2,"mode":"half_up"}}`
	require.NoError(t, money.DecodeJSON([]byte(body), &r))
	assert.Equal(t, "1000.50", r.Principal.String())
	assert.Equal(t, money.MustParseDate("2025-01-31"), r.AsOf)
	assert.Equal(t, 3, r.Periods)
	assert.Equal(t, "2", r.Balances["Fees"].String(), "map keys are data: any case")
	assert.Nil(t, r.Rate)
}

// TestErrorsShowValuesEscaped: an enum value holding a NUL, a newline or a
// terminal escape is shown quoted and escaped, never raw; a rounding's
// places out of range are reported as written, not clamped.
func TestErrorsShowValuesEscaped(t *testing.T) {
	var r strictRequest
	err := money.DecodeJSON([]byte(`{"principal":"1","rounding":{"mode":"half\u0000up\n\u001b[31m"}}`), &r)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "\x00")
	assert.NotContains(t, err.Error(), "\n")
	assert.NotContains(t, err.Error(), "\x1b")
	assert.Contains(t, err.Error(), `got "half\x00up\n\x1b[31m"`)

	err = money.DecodeJSON([]byte(`{"principal":"1","rounding":{"places":1000}}`), &r)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "places must be between 0 and 12, got 1000")
}

// TestResultsDecodeAgain: a result amount beyond the input bound (the sum
// of many amounts of 10^15) marshals and unmarshals back to itself, while a
// request holding it is still refused, naming the field.
func TestResultsDecodeAgain(t *testing.T) {
	big := money.New(1_000_000_000_000_000, 0).MulInt(40_000).Add(money.MustParse("0.01"))
	b, err := json.Marshal(big)
	require.NoError(t, err)
	assert.Equal(t, `"40000000000000000000.01"`, string(b))
	var back money.Amount
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(big), "%s", back)

	var r strictRequest
	err = money.DecodeJSON([]byte(`{"principal":`+string(b)+`}`), &r)
	require.Error(t, err)
	var e *money.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, "principal", e.Field)
	assert.Contains(t, e.Reason, "must not exceed 10^15")

	// Beyond what any result can hold, the type itself refuses.
	assert.Error(t, json.Unmarshal([]byte(`"1e40"`), &back))
}

// TestWrongValueNamedBeforeMissingOne: a value written wrong is reported
// before a required field left out, so the first error is about what the
// caller wrote.
func TestWrongValueNamedBeforeMissingOne(t *testing.T) {
	var r strictRequest
	err := money.DecodeJSON([]byte(`{"as_of":1}`), &r)
	require.Error(t, err)
	var e *money.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, "as_of", e.Field, "%v", err)
}

// A request's rate keeps to 10^6, while a result's effective annual rate
// of up to 10^12 decodes again (found by FuzzDoAPR: 1000188.724662).
func TestRateBoundsRequestAndResult(t *testing.T) {
	var res struct {
		EAR money.Rate `json:"effective_annual_rate"`
	}
	if err := json.Unmarshal([]byte(`{"effective_annual_rate":"1000188.724662"}`), &res); err != nil {
		t.Fatalf("a result's rate of 10^6.0001 must decode: %v", err)
	}
	if got := res.EAR.String(); got != "1000188.724662" {
		t.Fatalf("decoded %s", got)
	}
	if err := json.Unmarshal([]byte(`{"effective_annual_rate":"1000000000000.1"}`), &res); err == nil {
		t.Fatal("a rate above 10^12 must not decode")
	}
	var req struct {
		Rate money.Rate `json:"annual_rate"`
	}
	err := money.DecodeJSON([]byte(`{"annual_rate":"1000188.724662"}`), &req)
	var me *money.Error
	if !errors.As(err, &me) || me.Field != "annual_rate" {
		t.Fatalf("a request's rate above 10^6 must be refused naming the field, got %v", err)
	}
}
