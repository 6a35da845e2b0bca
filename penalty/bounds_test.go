package penalty_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// oneOverdue is an installment of principal due 2025-01-01, as of
// 2025-04-01 (90 days overdue), at the policy given.
func oneOverdue(principal money.Amount, p penalty.Policy) penalty.Account {
	return penalty.Account{AsOf: money.MustParseDate("2025-04-01"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-01-01"), Principal: principal}},
		Policy:       p}
}

// Overflow is an error naming the field, never an overflowed result
// (issue 13 item 3): an installment of 10^15 at the highest daily rate
// (10/360) with a markup of 10 (× 11) over 90 days accrues
// 10^15 × 11 × 10/360 × 90 = 2.75 × 10^16, beyond the 10^16 a statement
// holds at 12 places (a coefficient under 10^28).
func TestOverflowNamesTheField(t *testing.T) {
	p := penalty.Policy{
		PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0277"), Unit: penalty.Daily, Markup: money.MustParseRate("10")},
		Rounding:    money.NewRounding(12, money.HalfUp),
	}
	_, err := penalty.Accrue(oneOverdue(money.New(1, -15), p))
	requireRejected(t, err, "installments[0].principal")
	require.Contains(t, err.Error(), "10^16")

	// At 2 places the same account fits (2.75 × 10^16 < 10^26) and is
	// accrued: 10^15 × 0.0277 × 11 × 90 = 27 423 000 000 000 000.00.
	p.Rounding = money.Rounding{}
	s, err := penalty.Accrue(oneOverdue(money.New(1, -15), p))
	require.NoError(t, err)
	require.Equal(t, "27423000000000000.00", s.Totals.Penalty.String())
}

// Payments that add up past what a statement holds at its rounding are
// rejected naming payments: twenty payments of 10^15 at 12 places come
// to 2 × 10^16, beyond 10^16.
func TestOverflowOfPayments(t *testing.T) {
	a := oneOverdue(money.New(1, 0), penalty.Policy{Rounding: money.NewRounding(12, money.HalfUp)})
	for range 20 {
		a.Payments = append(a.Payments, penalty.Payment{Date: money.MustParseDate("2025-02-01"), Amount: money.New(1, -15)})
	}
	_, err := penalty.Accrue(a)
	requireRejected(t, err, "payments")
}

// Money that adds up (issue 13 item 4): an amount finer than the
// rounding's minor unit is rejected, naming it. Three payments of 0.005
// would each read 0.01 while taking 0.015 off in all.
func TestFinerThanMinorUnitRejected(t *testing.T) {
	base := func() penalty.Account { return oneOverdue(money.New(100, 0), penalty.Policy{}) }
	a := base()
	for range 3 {
		a.Payments = append(a.Payments, penalty.Payment{Date: money.MustParseDate("2025-02-01"), Amount: money.MustParse("0.005")})
	}
	_, err := penalty.Accrue(a)
	requireRejected(t, err, "payments[0].amount")
	require.Contains(t, err.Error(), "whole number of minor units")

	a = base()
	a.Installments[0].Interest = money.MustParse("1.001")
	_, err = penalty.Accrue(a)
	requireRejected(t, err, "installments[0].interest")

	a = base()
	a.Waivers = []penalty.Waiver{{Date: money.MustParseDate("2025-02-01"), Component: penalty.PenaltyComponent, Amount: money.MustParse("0.125")}}
	_, err = penalty.Accrue(a)
	requireRejected(t, err, "waivers[0].amount")

	// JPY: 0 places; 100.5 yen is finer than the yen.
	a = base()
	a.Policy.Rounding = money.NewRounding(0, money.HalfUp)
	a.Installments[0].Principal = money.MustParse("100.5")
	_, err = penalty.Accrue(a)
	requireRejected(t, err, "installments[0].principal")

	// Whole units written with trailing zeros are fine.
	a = base()
	a.Payments = []penalty.Payment{{Date: money.MustParseDate("2025-02-01"), Amount: money.MustParse("1.000")}}
	_, err = penalty.Accrue(a)
	require.NoError(t, err)
}

// Penalty rates are bounded by unit: annual ≤ 10, monthly ≤ 10/12, daily
// ≤ 10/360.
func TestPenaltyRateBoundsByUnit(t *testing.T) {
	cases := []struct {
		unit     penalty.Unit
		ok, over string
	}{
		{penalty.Annual, "10", "10.0001"},
		{penalty.Monthly, "0.8333", "0.8334"},     // 10/12 = 0.83333…
		{penalty.Daily, "0.02777", "0.02778"},     // 10/360 = 0.027777…
		{penalty.Daily, "0.0005", "5"},            // 万分之五 is fine; 500 % a day is not
		{penalty.Monthly, "0.015", "0.833333334"}, // just above 10/12
	}
	for _, c := range cases {
		p := penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate(c.ok), Unit: c.unit}}
		_, err := penalty.Accrue(oneOverdue(money.New(100, 0), p))
		require.NoError(t, err, "%s %s", c.unit, c.ok)
		p.PenaltyRate.Rate = money.MustParseRate(c.over)
		_, err = penalty.Accrue(oneOverdue(money.New(100, 0), p))
		requireRejected(t, err, "policy.penalty_rate.rate")
		require.Contains(t, err.Error(), "a "+c.unit.String()+" rate must be at most")
	}
}

// A fixed late fee needs its amount.
func TestFixedLateFeeNeedsAmount(t *testing.T) {
	p := penalty.Policy{LateFee: penalty.LateFee{Kind: penalty.FixedFee}}
	_, err := penalty.Accrue(oneOverdue(money.New(100, 0), p))
	requireRejected(t, err, "policy.late_fee.amount")
	require.Contains(t, err.Error(), "is required for kind fixed")
	require.ErrorIs(t, p.LateFee.Validate(), money.ErrInvalid)

	p.LateFee.Amount = money.MustParse("25.005")
	_, err = penalty.Accrue(oneOverdue(money.New(100, 0), p))
	requireRejected(t, err, "policy.late_fee.amount")

	p.LateFee.Amount = money.MustParse("25")
	s, err := penalty.Accrue(oneOverdue(money.New(100, 0), p))
	require.NoError(t, err)
	require.Equal(t, "25.00", s.Totals.LateFee.String())
}
