package schedule

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// Issue 11: reading the rates of a schedule from Amortize must not
// dereference nil, and its JSON carries no rate keys.
func TestUnpricedScheduleHasZeroRates(t *testing.T) {
	s, err := Amortize(mortgage)
	require.NoError(t, err)
	require.False(t, s.Priced())
	assert.True(t, s.Rates.APR.IsZero())
	assert.Nil(t, s.Rates.XIRR)
	keys := topKeys(t, s)
	for _, k := range []string{"irr", "apr", "effective_annual_rate", "xirr"} {
		assert.NotContains(t, keys, k)
	}
	assert.Contains(t, keys, "rows")
}

func TestPricedScheduleJSONKeepsRatesAtTheTop(t *testing.T) {
	// A 0 % loan is priced at 0: every rate is 0.000000 and still written.
	zero := mortgage
	zero.AnnualRate = money.MustParseRate("0")
	zero.Periods = 12
	s, err := New(zero)
	require.NoError(t, err)
	require.True(t, s.Priced())
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &top))
	for _, k := range []string{"irr", "apr", "effective_annual_rate", "xirr"} {
		assert.Equal(t, `"0.000000"`, string(top[k]), k)
	}
	assert.NotContains(t, top, "Rates")

	// And it reads back to the same schedule, priced or not.
	for _, terms := range []Terms{mortgage, zero} {
		priced, err := New(terms)
		require.NoError(t, err)
		plain, err := Amortize(terms)
		require.NoError(t, err)
		for _, s := range []Schedule{priced, plain} {
			b, err := json.Marshal(s)
			require.NoError(t, err)
			var back Schedule
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, s.Priced(), back.Priced())
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(b), string(again))
		}
	}
}

func topKeys(t *testing.T, s Schedule) map[string]json.RawMessage {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &top))
	return top
}
