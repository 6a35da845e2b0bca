package loan_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/repayplan/repayplan/internal/vectors"
	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
)

// FuzzLoanStatement feeds arbitrary bytes through the loan_statement
// kind's path: strict decoding, validation, the schedule, acceleration,
// accrual, payoff and rendering. It must never panic, and every rejection
// must be a *money.Error.
func FuzzLoanStatement(f *testing.F) {
	for _, in := range vectors.Inputs(f, "..", "loan-statement-*.json") {
		f.Add(in)
	}
	f.Add([]byte(`{"terms":{"principal":"1e999999999","annual_rate":"0","periods":1,"start_date":"2025-01-01"},"as_of":"2025-02-01","payments":[],"policy":{}}`))
	f.Add([]byte(`{"terms":{"principal":"100","annual_rate":"9","periods":1200,"method":"bullet","start_date":"2025-01-01"},"as_of":"2200-01-01","payments":[{"date":"2025-01-02","amount":"1"}],"policy":{},"accelerate":{"after_days":1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a loan.Account
		if err := money.DecodeJSON(data, &a); err != nil {
			mustBeInvalid(t, err)
			return
		}
		s, err := loan.Accrue(a)
		if err != nil {
			mustBeInvalid(t, err)
			return
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("statement does not marshal: %v", err)
		}
		if s.Payoff.Total.IsNegative() || s.Payoff.Credit.IsNegative() {
			t.Fatalf("negative payoff %+v", s.Payoff)
		}
		_ = s.Chinese()
		_ = s.English()
	})
}

func mustBeInvalid(t *testing.T, err error) {
	t.Helper()
	var e *money.Error
	if !errors.As(err, &e) || !errors.Is(err, money.ErrInvalid) {
		t.Fatalf("error %v (%T) is not a *money.Error", err, err)
	}
}
