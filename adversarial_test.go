package repayplan_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/money"
)

// TestAdversarialInputs tries the inputs listed in the README's limits
// section. Each must either compute a result that marshals, or be rejected
// with a *money.Error naming the field — never a panic, a hang or an
// unmarshalable result.
func TestAdversarialInputs(t *testing.T) {
	cases := []struct {
		name, kind, input string
		field             string // "" = must succeed
	}{
		{"huge exponent", "schedule", `{"principal":"1e999999999","annual_rate":"0.05","periods":12,"start_date":"2024-01-01"}`, "principal"},
		{"tiny exponent", "schedule", `{"principal":"1e-999999999","annual_rate":"0.05","periods":12,"start_date":"2024-01-01"}`, "principal"},
		{"long digit string", "schedule", `{"principal":"` + strings.Repeat("9", 5000) + `","annual_rate":"0.05","periods":12,"start_date":"2024-01-01"}`, "principal"},
		// SPEC §2: at 1000 % a year the xirr (about 1 440 a year) has no
		// root below 100, and no root is an error.
		{"1200 months at 1000%", "schedule", `{"principal":"1000000000000000","annual_rate":"10","periods":1200,"start_date":"2000-01-01"}`, "xirr"},
		{"1200 weeks at 1000%", "schedule", `{"principal":"1000000000000000","annual_rate":"10","periods":1200,"frequency":"weekly","method":"equal_principal","start_date":"2000-01-01"}`, "xirr"},
		{"1200 months daily act/act at 1000%", "schedule", `{"principal":"1000000000000000","annual_rate":"10","periods":1200,"interest_basis":"daily","day_count":"act/act","start_date":"2000-01-01"}`, "periods: the rounded payment repays the principal by row"},
		{"capitalizing 1199 months at 1000%", "schedule", `{"principal":"1000000000000000","annual_rate":"10","periods":1200,"grace":{"periods":1199,"kind":"full"},"start_date":"2000-01-01"}`, "principal"},
		{"rate above 1000%", "schedule", `{"principal":"1000","annual_rate":"10.000000000001","periods":12,"start_date":"2024-01-01"}`, "annual_rate"},
		{"1201 periods", "schedule", `{"principal":"1000","annual_rate":"0.05","periods":1201,"start_date":"2024-01-01"}`, "periods"},
		{"zero rate", "schedule", `{"principal":"1000","annual_rate":"0","periods":7,"start_date":"2024-01-01"}`, ""},
		{"tiniest rate", "schedule", `{"principal":"0.01","annual_rate":"0.000000000001","periods":1200,"start_date":"2000-01-01"}`, ""},
		{"first date", "schedule", `{"principal":"1000","annual_rate":"0.05","periods":12,"start_date":"1900-01-01"}`, ""},
		{"date before 1900", "schedule", `{"principal":"1000","annual_rate":"0.05","periods":12,"start_date":"1899-12-31"}`, "start_date"},
		{"calendar past 2200", "schedule", `{"principal":"1000","annual_rate":"0.05","periods":2,"start_date":"2200-12-01"}`, "periods"},
		// 1000 at 5 % over 100 years: A = 4.1667… rounds to 4.17, and the
		// 0.0033 overpaid a month compounds (1.0041667^1200 ≈ 147 000) to
		// repay the loan by row 1164: rejected, never 36 rows of 0.00.
		{"last month of 2200", "schedule", `{"principal":"1000","annual_rate":"0.05","periods":1200,"start_date":"2100-12-31"}`, "periods"},
		{"last month of 2200, 600 months", "schedule", `{"principal":"1000","annual_rate":"0.05","periods":600,"start_date":"2150-12-31"}`, ""},
		{"apr of 1200 payments", "apr", `{"principal":"1","payments":[` + strings.TrimSuffix(strings.Repeat(`"1000000000000000",`, 1200), ",") + `]}`, "payments"},
		{"apr with no root", "apr", `{"principal":"100","payments":["0","0"]}`, "payments"},
		{"10,000 payments in one ledger", "accrual", ledger(10_000), ""},
		{"payoff that never ends", "payoff_projection", `{"balance":"1000000","cycle_rate":"0.02","minimum":{"percent":{"principal":"0.01"}}}`, "interest"},
		{"unknown kind", "nonsense", `{}`, "kind"},
		{"not JSON", "schedule", `{"principal":`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := repayplan.Do(c.kind, []byte(c.input))
			if c.field == "" && c.name != "not JSON" {
				require.NoError(t, err)
				_, err := json.Marshal(res)
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, money.ErrInvalid), "%v", err)
			var e *money.Error
			require.True(t, errors.As(err, &e))
			assert.Contains(t, e.Field+": "+e.Reason, c.field)
		})
	}
}

// ledger is an accrual request with one overdue installment and n small
// payments on consecutive days.
func ledger(n int) string {
	var b strings.Builder
	b.WriteString(`{"as_of":"2060-01-01","installments":[{"due_date":"2025-01-15","principal":"1000000","interest":"5000","fee":"0"}],"payments":[`)
	start := money.MustParseDate("2025-01-16")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"date":"%s","amount":"1.00"}`, start.AddDays(i))
	}
	b.WriteString(`],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"late_fee":{"kind":"fixed","amount":"50"}}}`)
	return b.String()
}
