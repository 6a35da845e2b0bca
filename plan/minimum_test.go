package plan

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func TestMinimumCNCard(t *testing.T) {
	// 10 % × 10000 + 2000 + 500 + 150 + 50 + 100 = 3800 (vector
	// minimum-payment-cn-card).
	r, err := Minimum(MinimumRequest{
		Balances: map[string]money.Amount{
			"purchases": amt("10000"), "cash_advance": amt("2000"), "installment_due": amt("500"),
			"interest": amt("150"), "fees": amt("50"), "previous_minimum_unpaid": amt("100"),
		},
		Policy: CNCardMinimum(),
	})
	require.NoError(t, err)
	requireAmount(t, "3800.00", r.MinimumPayment)
}

func TestMinimumUSCard(t *testing.T) {
	// 1 % × 3000 + 45 + 35 = 110, above the $25 floor.
	r, err := Minimum(MinimumRequest{
		Balances: map[string]money.Amount{"principal": amt("3000"), "interest": amt("45"), "fees": amt("35")},
		Policy:   USCardMinimum(),
	})
	require.NoError(t, err)
	requireAmount(t, "110.00", r.MinimumPayment)
	// 1 % × 800 + 12 = 20 < 25: the floor.
	r, err = Minimum(MinimumRequest{
		Balances: map[string]money.Amount{"principal": amt("800"), "interest": amt("12")},
		Policy:   USCardMinimum(),
	})
	require.NoError(t, err)
	requireAmount(t, "25.00", r.MinimumPayment)
}

func TestMinimumNeverAboveBalance(t *testing.T) {
	// floor 25 > 18 owed: the minimum is what is owed.
	r, err := Minimum(MinimumRequest{
		Balances: map[string]money.Amount{"principal": amt("15"), "interest": amt("3")},
		Policy:   USCardMinimum(),
	})
	require.NoError(t, err)
	requireAmount(t, "18.00", r.MinimumPayment)
}

func TestMinimumRoundsOnce(t *testing.T) {
	// 0.5 % × 1001 + 0.5 % × 1001 = 5.005 + 5.005 = 10.01 exactly; rounding
	// each product half up first would have given 5.01 + 5.01 = 10.02.
	half := rate("0.005")
	p := MinimumPolicy{Percent: map[string]money.Rate{"a": half, "b": half}}
	r, err := Minimum(MinimumRequest{Balances: map[string]money.Amount{"a": amt("1001"), "b": amt("1001")}, Policy: p})
	require.NoError(t, err)
	requireAmount(t, "10.01", r.MinimumPayment)
	// 0.5 % × 1 + 0.5 % × 1 = 0.01 exactly, not 0.01 + 0.01.
	r, err = Minimum(MinimumRequest{Balances: map[string]money.Amount{"a": amt("1"), "b": amt("1")}, Policy: p})
	require.NoError(t, err)
	requireAmount(t, "0.01", r.MinimumPayment)
	// A tie after summing: 0.5 % × 3 = 0.015 → half_up 0.02, down 0.01.
	r, err = Minimum(MinimumRequest{Balances: map[string]money.Amount{"a": amt("3")}, Policy: p,
		Rounding: money.NewRounding(2, money.Down)})
	require.NoError(t, err)
	requireAmount(t, "0.01", r.MinimumPayment)
}

func TestMinimumZeroPolicyIsEverything(t *testing.T) {
	r, err := Minimum(MinimumRequest{Balances: map[string]money.Amount{"x": amt("12.34"), "y": amt("1")}})
	require.NoError(t, err)
	requireAmount(t, "13.34", r.MinimumPayment)
}

func TestMinimumErrors(t *testing.T) {
	_, err := Minimum(MinimumRequest{})
	requireFieldError(t, err, "balances")
	_, err = Minimum(MinimumRequest{Balances: map[string]money.Amount{"a": amt("-1")}})
	requireFieldError(t, err, "balances.a")
	_, err = Minimum(MinimumRequest{Balances: map[string]money.Amount{"a": amt("1.005")}})
	requireFieldError(t, err, "balances.a")
	_, err = Minimum(MinimumRequest{
		Balances: map[string]money.Amount{"a": amt("1")},
		Policy:   MinimumPolicy{Percent: map[string]money.Rate{"a": rate("1.5")}},
	})
	requireFieldError(t, err, "policy.percent.a")
	_, err = Minimum(MinimumRequest{Balances: map[string]money.Amount{"a": amt("1")}, Policy: MinimumPolicy{Floor: amt("-5")}})
	requireFieldError(t, err, "policy.floor")
	_, err = Minimum(MinimumRequest{Balances: map[string]money.Amount{"a": amt("1")}, Rounding: money.NewRounding(20, money.HalfUp)})
	requireFieldError(t, err, "rounding.places")
}
