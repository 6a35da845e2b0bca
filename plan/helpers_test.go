package plan

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func amt(s string) money.Amount    { return money.MustParse(s) }
func rate(s string) money.Rate     { return money.MustParseRate(s) }
func date(s string) money.Date     { return money.MustParseDate(s) }
func rnd(p int) money.Rounding     { return money.NewRounding(p, money.HalfUp) }
func ptrRate(s string) *money.Rate { r := rate(s); return &r }

// requireAmount compares amounts by value and reports both as text.
func requireAmount(t *testing.T, want string, got money.Amount, msg ...any) {
	t.Helper()
	require.Truef(t, amt(want).Equal(got), "want %s, got %s %v", want, got, msg)
}

// requireFieldError checks err is a *money.Error for field, matching
// money.ErrInvalid.
func requireFieldError(t *testing.T, err error, field string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, money.ErrInvalid)
	var e *money.Error
	require.True(t, errors.As(err, &e))
	require.Equal(t, field, e.Field, "error: %v", err)
}

// negotiated is the account of the installment-plan-negotiated-36x vector.
func negotiated() Outstanding {
	return Outstanding{
		Principal: amt("20000"), Interest: amt("1500"), Fee: amt("300"),
		Penalty: amt("800"), LateFee: amt("200"),
	}
}
