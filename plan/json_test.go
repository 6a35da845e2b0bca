package plan

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func TestDecodeStrict(t *testing.T) {
	var d Deferral
	err := money.DecodeJSON([]byte(`{"terms": {"principal": "100", "annual_rate": "0.1", "periods": 3, "start_date": "2025-01-01"},
		"from_period": 1, "periods": 1, "interest": "spred"}`), &d)
	requireFieldError(t, err, "interest")

	var r Restructuring
	err = money.DecodeJSON([]byte(`{"outstanding": {"principal": "1"}, "waive": {"penalti": "1"}, "periods": 3, "start_date": "2025-01-01"}`), &r)
	// The unknown key is reported with its path.
	requireFieldError(t, err, "waive.penalti")
	require.Contains(t, err.Error(), "unknown field")

	var o OfferRequest
	err = money.DecodeJSON([]byte(`{"outstanding": {"principal": "1"}, "affordable_payment": "1", "limits": {"apr_cap": "1e999999999"}}`), &o)
	requireFieldError(t, err, "limits.apr_cap")
}

func TestDecodeDefaults(t *testing.T) {
	// Absent enums are their defaults: capitalize, interest_free.
	var d Deferral
	require.NoError(t, money.DecodeJSON([]byte(`{"terms": {"principal": "100", "annual_rate": "0.1", "periods": 3, "start_date": "2025-01-01"}, "from_period": 1, "periods": 1}`), &d))
	require.Equal(t, Capitalize, d.Interest)
	var r Restructuring
	require.NoError(t, money.DecodeJSON([]byte(`{"outstanding": {"principal": "1"}, "periods": 3, "start_date": "2025-01-01"}`), &r))
	require.Equal(t, PricingInterestFree, r.Pricing.Method)
	var o OfferRequest
	require.NoError(t, money.DecodeJSON([]byte(`{"outstanding": {"principal": "1"}, "affordable_payment": "1", "start_date": "2025-01-01",
		"policy": {"annual_rate": "0.1", "installment": {"method": "flat_fee", "fee_rate": "0.006"}, "settlement_discount": {}}}`), &o))
	require.Nil(t, o.Policy.Terms) // absent: the default terms at build time
	require.Equal(t, []int{6, 12, 24, 36, 60}, o.Policy.normalized().Terms)
}

// TestPartialOfferPolicyIsAnError: a policy that leaves out what prices
// the plans is refused, naming the field, instead of pricing every plan at
// zero.
func TestPartialOfferPolicyIsAnError(t *testing.T) {
	for body, field := range map[string]string{
		`{"annual_rate": "0.1", "settlement_discount": {}}`:                       "policy.installment",
		`{"annual_rate": "0.1", "installment": {"method": "interest_free"}}`:      "policy.settlement_discount",
		`{"installment": {"method": "interest_free"}, "settlement_discount": {}}`: "policy.annual_rate",
	} {
		var o OfferRequest
		err := money.DecodeJSON([]byte(`{"outstanding": {"principal": "1"}, "affordable_payment": "1", "policy": `+body+`}`), &o)
		requireFieldError(t, err, field)
		require.Contains(t, err.Error(), "is required")
	}
}

func TestOfferJSON(t *testing.T) {
	// Enums are snake_case names; a settlement has no "apr"; a rejected
	// offer has no "rank".
	set, err := Offers(account())
	require.NoError(t, err)
	b, err := json.Marshal(set)
	require.NoError(t, err)
	var generic struct {
		Offers []map[string]any `json:"offers"`
	}
	require.NoError(t, json.Unmarshal(b, &generic))
	for _, o := range generic.Offers {
		if o["option"] == "settlement" {
			require.NotContains(t, o, "apr")
			require.NotContains(t, o, "rank")
			require.Equal(t, []any{"over_affordable_payment"}, o["reasons"])
		}
	}
	require.Equal(t, "interest_frozen", generic.Offers[0]["option"])
	// And the result decodes back, strictly, to the same offers.
	var back OfferSet
	require.NoError(t, money.DecodeJSON(b, &back))
	require.Len(t, back.Offers, len(set.Offers))
	require.Equal(t, set.Offers[0].TotalCost.String(), back.Offers[0].TotalCost.String())
}
