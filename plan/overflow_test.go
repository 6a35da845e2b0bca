package plan

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func requireField(t *testing.T, err error, field string) {
	t.Helper()
	require.ErrorIs(t, err, money.ErrInvalid)
	var me *money.Error
	require.True(t, errors.As(err, &me))
	require.Equal(t, field, me.Field, err.Error())
}

// Overflow is a 400, never a 500 (issue 13 item 3): forty balances of
// 10^15 at 12 places add up to 4 × 10^16, beyond the 10^16 a result can
// hold there (a coefficient under 10^28); at 2 places the same request is
// answered with the sum, 4 × 10^16.
func TestMinimumOverflowNamesBalances(t *testing.T) {
	r := MinimumRequest{Balances: map[string]money.Amount{}, Rounding: money.NewRounding(12, money.HalfUp)}
	for i := range 40 {
		r.Balances[fmt.Sprintf("b%02d", i)] = money.New(1, -15)
	}
	_, err := Minimum(r)
	requireField(t, err, "balances")
	require.Contains(t, err.Error(), "10^16")

	r.Rounding = money.Rounding{}
	res, err := Minimum(r)
	require.NoError(t, err)
	require.Equal(t, "40000000000000000.00", res.MinimumPayment.String())
}

// A payoff projection whose totals could leave the range is rejected
// naming balance: 10^15 at 12 places and a cycle rate of 1 could pay
// 10^15 + 1200 × 10^15 in all.
func TestPayoffOverflowNamesBalance(t *testing.T) {
	r := PayoffRequest{Balance: money.New(1, -15), CycleRate: money.MustParseRate("1"),
		Minimum: MinimumPolicy{}, Rounding: money.NewRounding(12, money.HalfUp)}
	_, err := ProjectPayoff(r)
	requireField(t, err, "balance")
}
