package plan

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func TestProjectPayoffByHand(t *testing.T) {
	// Balance 1000 at 1 % a cycle; minimum 50 % of principal + interest,
	// floor 200:
	//   1: I = 10.00, min = 500 + 10 = 510, B = 1010 − 510 = 500
	//   2: I = 5.00,  min = 250 + 5 = 255,  B = 505 − 255 = 250
	//   3: I = 2.50,  min = max(125 + 2.5, 200) = 200, B = 252.50 − 200 = 52.50
	//   4: I = 0.53 (0.525 half up), min = 200 > B = 53.03: pay 53.03
	// paid 510 + 255 + 200 + 53.03 = 1018.03; interest 10 + 5 + 2.5 + 0.53 = 18.03.
	// 36-cycle payment: 1000 × 0.01 × 1.01^36 / (1.01^36 − 1) = 33.2143 → 33.21.
	p, err := ProjectPayoff(PayoffRequest{
		Balance:   amt("1000"),
		CycleRate: rate("0.01"),
		Minimum:   MinimumPolicy{Percent: map[string]money.Rate{"principal": rate("0.5")}, Floor: amt("200")},
	})
	require.NoError(t, err)
	require.Equal(t, 4, p.Cycles)
	requireAmount(t, "1018.03", p.TotalPaid)
	requireAmount(t, "18.03", p.TotalInterest)
	requireAmount(t, "33.21", p.PaymentFor36Cycles)
	requireAmount(t, "510", p.FirstPayment)
	requireAmount(t, "510", p.LargestPayment)
}

func TestProjectPayoffUSCard(t *testing.T) {
	// Vector payoff-us-card-minimum-only (an independent reference
	// implementation): 3000 at 1.5 % a cycle, 1 % + interest, floor 25.
	p, err := ProjectPayoff(PayoffRequest{Balance: amt("3000"), CycleRate: rate("0.015"), Minimum: USCardMinimum()})
	require.NoError(t, err)
	require.Equal(t, 171, p.Cycles)
	requireAmount(t, "6538.54", p.TotalPaid)
	requireAmount(t, "3538.54", p.TotalInterest)
	requireAmount(t, "108.46", p.PaymentFor36Cycles)
	// First cycle: 1 % × 3000 + 45 = 75.
	requireAmount(t, "75", p.FirstPayment)
}

func TestProjectPayoffZeroRate(t *testing.T) {
	// 0 %: 36-cycle payment = 1000 / 36 = 27.777… → 27.78; minimum 100 %
	// pays it all in one cycle.
	p, err := ProjectPayoff(PayoffRequest{Balance: amt("1000"), Minimum: MinimumPolicy{}})
	require.NoError(t, err)
	require.Equal(t, 1, p.Cycles)
	requireAmount(t, "1000", p.TotalPaid)
	requireAmount(t, "0", p.TotalInterest)
	requireAmount(t, "27.78", p.PaymentFor36Cycles)
}

func TestProjectPayoffNeverFalls(t *testing.T) {
	// 0 % of principal + all interest: each minimum is exactly the interest.
	_, err := ProjectPayoff(PayoffRequest{
		Balance: amt("1000"), CycleRate: rate("0.02"),
		Minimum: MinimumPolicy{Percent: map[string]money.Rate{"principal": rate("0")}},
	})
	requireFieldError(t, err, "interest")
	require.Contains(t, err.Error(), "20.00") // the first cycle's interest, 2 % × 1000
}

func TestProjectPayoffBounded(t *testing.T) {
	// 0.1 % of the balance at 0 %: B × 0.999^k is still ≈ 301,000 after
	// 1200 cycles, so the projection stops with an error.
	_, err := ProjectPayoff(PayoffRequest{
		Balance: amt("1000000"),
		Minimum: MinimumPolicy{Percent: map[string]money.Rate{"principal": rate("0.001")}},
	})
	requireFieldError(t, err, "interest")
	require.Contains(t, err.Error(), "1200 cycles")
}

func TestProjectPayoffErrors(t *testing.T) {
	_, err := ProjectPayoff(PayoffRequest{CycleRate: rate("0.01")})
	requireFieldError(t, err, "balance")
	_, err = ProjectPayoff(PayoffRequest{Balance: amt("10"), CycleRate: rate("1.5")})
	requireFieldError(t, err, "cycle_rate")
	_, err = ProjectPayoff(PayoffRequest{Balance: amt("10"), Minimum: MinimumPolicy{Floor: amt("0.001")}})
	requireFieldError(t, err, "minimum.floor")
}
