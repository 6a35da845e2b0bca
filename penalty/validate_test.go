package penalty_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// decodeAndAccrue is the path of the accrual kind: strict decoding, then
// validation inside Accrue.
func decodeAndAccrue(request string) (penalty.Statement, error) {
	var a penalty.Account
	if err := money.DecodeJSON([]byte(request), &a); err != nil {
		return penalty.Statement{}, err
	}
	return penalty.Accrue(a)
}

func TestBadInputNamesTheField(t *testing.T) {
	const inst = `"installments":[{"due_date":"2025-01-15","principal":"100"}]`
	for _, c := range []struct{ request, field string }{
		{`{` + inst + `}`, "as_of"},
		{`{"as_of":"2025-03-01"}`, "installments"},
		{`{"as_of":"2025-03-01","installments":[]}`, "installments"},
		{`{"as_of":"1899-12-31",` + inst + `}`, "as_of"},
		{`{"as_of":"2201-01-01",` + inst + `}`, "as_of"},
		{`{"as_of":"2025-03-01","installments":[{"due_date":"2025-02-01","principal":"1"},{"due_date":"2025-01-01","principal":"1"}]}`, "installments[1].due_date"},
		{`{"as_of":"2025-03-01","installments":[{"principal":"1"}]}`, "installments[0].due_date"},
		{`{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-01","principal":"-1"}]}`, "installments[0].principal"},
		{`{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-01","principal":"1e999999999"}]}`, "principal"},
		{`{"as_of":"2025-03-01",` + inst + `,"payments":[{"date":"2025-02-01","amount":"0"}]}`, "payments[0].amount"},
		{`{"as_of":"2025-03-01",` + inst + `,"payments":[{"date":"2025-02-01","amount":"5"},{"date":"2025-02-01","amount":"-5"}]}`, "payments[1].amount"},
		{`{"as_of":"2025-03-01",` + inst + `,"payments":[{"amount":"5"}]}`, "payments[0].date"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"allocation":["penalty","principal","tip"]}}`, "allocation"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"allocation":["penalty","principal"]}}`, "policy.allocation"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"allocation":["penalty","penalty","fee","interest","principal"]}}`, "policy.allocation"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"penalty_rate":{"rate":"-0.01"}}}`, "policy.penalty_rate.rate"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"penalty_rate":{"rate":"11"}}}`, "policy.penalty_rate.rate"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"penalty_rate":{"rate":"0.1","markup":"-1"}}}`, "policy.penalty_rate.markup"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"penalty_rate":{"rate":"0.1","unit":"weekly"}}}`, "policy.penalty_rate.unit"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"penalty_rate":{"rate":"0.1","day_count":"act/364"}}}`, "policy.penalty_rate.day_count"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"grace_days":-1}}`, "policy.grace_days"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"stop_after_days":-5}}`, "policy.stop_after_days"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"cap":"-0.1"}}`, "policy.cap"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"late_fee":{"amount":"10"}}}`, "policy.late_fee.kind"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"late_fee":{"kind":"percent","rate":"1.5"}}}`, "policy.late_fee.rate"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"late_fee":{"kind":"percent","rate":"0.05","min":"20","max":"10"}}}`, "policy.late_fee.max"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"late_fee":{"kind":"fixed","amount":"-3"}}}`, "policy.late_fee.amount"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"rounding":{"places":13}}}`, "rounding"},
		{`{"as_of":"2025-03-01",` + inst + `,"policy":{"grace":3}}`, "grace"},
		{`{"as_of":"2025-03-01",` + inst + `,"waivers":[{"date":"2025-02-01","component":"principal","amount":"1"}]}`, "waivers[0].component"},
		{`{"as_of":"2025-03-01",` + inst + `,"waivers":[{"date":"2025-02-01","component":"penalty"}]}`, "waivers[0]"},
		{`{"as_of":"2025-03-01",` + inst + `,"waivers":[{"date":"2025-02-01","component":"penalty","percent":"0.5","amount":"1"}]}`, "waivers[0]"},
		{`{"as_of":"2025-03-01",` + inst + `,"waivers":[{"date":"2025-02-01","component":"penalty","percent":"1.5"}]}`, "waivers[0].percent"},
		{`{"as_of":"2025-03-01",` + inst + `,"waivers":[{"date":"2025-02-01","component":"penalty","amount":"5","installment":2}]}`, "waivers[0].installment"},
		{`{"as_of":"2025-03-01",` + inst + `} trailing`, ""},
		{`[`, ""},
	} {
		_, err := decodeAndAccrue(c.request)
		require.Error(t, err, c.request)
		assert.True(t, errors.Is(err, money.ErrInvalid), "%s: %v", c.request, err)
		var e *money.Error
		require.True(t, errors.As(err, &e), c.request)
		assert.True(t, strings.Contains(e.Field, c.field), "%s: field %q, want %q (%v)", c.request, e.Field, c.field, err)
	}
}

// Ledger sizes are bounded before any work is done.
func TestLedgerBounds(t *testing.T) {
	due := money.MustParseDate("2025-01-01")
	a := penalty.Account{AsOf: due, Installments: make([]penalty.Installment, penalty.MaxInstallments+1)}
	for i := range a.Installments {
		a.Installments[i] = penalty.Installment{DueDate: due}
	}
	_, err := penalty.Accrue(a)
	require.ErrorIs(t, err, money.ErrInvalid)
	assert.Contains(t, err.Error(), "installments")

	a.Installments = a.Installments[:1]
	a.Payments = make([]penalty.Payment, penalty.MaxPayments+1)
	_, err = penalty.Accrue(a)
	require.ErrorIs(t, err, money.ErrInvalid)
	assert.Contains(t, err.Error(), "payments")
}

// The segment budget stops a ledger whose explanation would be enormous:
// 1200 overdue installments × 1000 payment dates would be 1.2 million
// segments, far over the budget of 200 000.
func TestSegmentBudget(t *testing.T) {
	start := money.MustParseDate("2000-01-01")
	a := penalty.Account{AsOf: start.AddDays(5000),
		Policy: penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.001"), Unit: penalty.Daily}}}
	for k := range penalty.MaxInstallments {
		a.Installments = append(a.Installments, penalty.Installment{DueDate: start.AddDays(k), Principal: money.MustParse("1000000")})
	}
	for k := range 1000 {
		a.Payments = append(a.Payments, penalty.Payment{Date: start.AddDays(1300 + k), Amount: money.MustParse("0.01")})
	}
	_, err := penalty.Accrue(a)
	require.ErrorIs(t, err, money.ErrInvalid)
	assert.Contains(t, err.Error(), "segments")
}
