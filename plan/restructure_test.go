package plan

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func TestRestructureNegotiated36(t *testing.T) {
	// Vector installment-plan-negotiated-36x, by hand: waived 800 + 200 +
	// 50 % × 1500 = 1750; base 22800 − 1750 = 21050; down 10 % = 2105;
	// financed 18945; principal round(18945 / 36) = 526.25; fee
	// round(18945 × 0.005) = round(94.725) = 94.73 a row, 3410.28 in all;
	// total paid 2105 + 18945 + 3410.28 = 24460.28; cost 3410.28.
	p, err := Restructure(Restructuring{
		Outstanding: negotiated(),
		Waive:       Fractions{Penalty: rate("1"), LateFee: rate("1"), Interest: rate("0.5")},
		DownPayment: DownPayment{Percent: rate("0.10")},
		Periods:     36,
		Pricing:     Pricing{Method: PricingFlatFee, FeeRate: rate("0.005")},
		StartDate:   date("2025-03-05"),
	})
	require.NoError(t, err)
	requireAmount(t, "1750", p.Waived.Total)
	requireAmount(t, "750", p.Waived.Interest)
	requireAmount(t, "21050", p.Base)
	requireAmount(t, "2105", p.DownPayment)
	requireAmount(t, "18945", p.Financed)
	requireAmount(t, "526.25", p.Schedule.Rows[0].Principal)
	requireAmount(t, "94.73", p.Schedule.Rows[0].Fee)
	requireAmount(t, "3410.28", p.Schedule.Totals.Fee)
	requireAmount(t, "24460.28", p.TotalPaid)
	requireAmount(t, "3410.28", p.TotalCost)
	require.NotNil(t, p.APR)
	require.Equal(t, "0.110830", p.APR.String()) // the vector's, from an independent IRR
}

func TestRestructureInterestFree(t *testing.T) {
	// 停息挂账: penalty and late fee waived, 21800 over 24 rows at 0 %:
	// round(21800 / 24) = 908.33, the last row 21800 − 23 × 908.33 =
	// 908.41; cost 0 and APR exactly 0.
	p, err := Restructure(Restructuring{
		Outstanding: negotiated(),
		Waive:       Fractions{Penalty: rate("1"), LateFee: rate("1")},
		Periods:     24,
		StartDate:   date("2025-03-05"),
	})
	require.NoError(t, err)
	requireAmount(t, "21800", p.Financed)
	requireAmount(t, "908.33", p.Schedule.Rows[0].Payment)
	requireAmount(t, "908.41", p.Schedule.Rows[23].Payment)
	requireAmount(t, "0", p.TotalCost)
	require.NotNil(t, p.APR)
	require.True(t, p.APR.IsZero())
	requireAmount(t, "0", p.Schedule.Totals.Interest)
}

func TestRestructureEqualInstallment(t *testing.T) {
	// 12000 at 12 % over 12 months, down payment 2000 → financed 10000:
	// A = 10000 × 0.01 × 1.01^12 / (1.01^12 − 1) = 888.4879 → 888.49;
	// the APR of an annuity at 1 % a month is 12 %, and rounding the
	// payment up by 0.21 fen moves it by about 10^-6.
	p, err := Restructure(Restructuring{
		Outstanding: Outstanding{Principal: amt("12000")},
		DownPayment: DownPayment{Amount: amt("2000")},
		Periods:     12,
		Pricing:     Pricing{Method: PricingEqualInstallment, AnnualRate: rate("0.12")},
		StartDate:   date("2025-01-10"),
	})
	require.NoError(t, err)
	requireAmount(t, "10000", p.Financed)
	requireAmount(t, "888.49", p.Schedule.Rows[0].Payment)
	require.Positive(t, p.APR.Cmp(rate("0.119995")))
	require.Negative(t, p.APR.Cmp(rate("0.120005")))
	// total paid = down + Σ payments.
	requireAmount(t, p.DownPayment.Add(p.Schedule.Totals.Payment).String(), p.TotalPaid)
}

func TestRestructureErrors(t *testing.T) {
	base := func() Restructuring {
		return Restructuring{Outstanding: negotiated(), Periods: 12, StartDate: date("2025-01-01")}
	}
	cases := []struct {
		edit  func(*Restructuring)
		field string
	}{
		{func(r *Restructuring) { r.Outstanding.Fee = amt("-1") }, "outstanding.fee"},
		{func(r *Restructuring) { r.Outstanding.Penalty = amt("0.001") }, "outstanding.penalty"},
		{func(r *Restructuring) { r.Waive.Interest = rate("1.1") }, "waive.interest"},
		{func(r *Restructuring) { r.DownPayment = DownPayment{Percent: rate("0.1"), Amount: amt("5")} }, "down_payment"},
		{func(r *Restructuring) { r.DownPayment.Amount = amt("30000") }, "down_payment.amount"},
		{func(r *Restructuring) { r.DownPayment.Percent = rate("1") }, "down_payment"},
		{func(r *Restructuring) { r.DownPayment.Percent = rate("1.5") }, "down_payment.percent"},
		{func(r *Restructuring) { r.DownPayment.Amount = amt("0.001") }, "down_payment.amount"},
		{func(r *Restructuring) { r.DownPayment.Amount = amt("-5") }, "down_payment.amount"},
		{func(r *Restructuring) { r.Periods = 0 }, "periods"},
		{func(r *Restructuring) { r.Periods = 1201 }, "periods"},
		{func(r *Restructuring) { r.Pricing = Pricing{Method: PricingFlatFee, AnnualRate: rate("0.1")} }, "pricing.annual_rate"},
		{func(r *Restructuring) { r.Pricing = Pricing{FeeRate: rate("0.01")} }, "pricing.fee_rate"},
		{func(r *Restructuring) { r.Pricing = Pricing{Method: PricingEqualInstallment, AnnualRate: rate("11")} }, "pricing.annual_rate"},
		{func(r *Restructuring) { r.Pricing.Method = PricingMethod(7) }, "pricing.method"},
		{func(r *Restructuring) { r.StartDate = money.Date{} }, "start_date"},
		{func(r *Restructuring) { r.StartDate = date("2200-06-01"); r.Periods = 12 }, "periods"},
		{func(r *Restructuring) { r.Outstanding = Outstanding{Penalty: amt("5")}; r.Waive.Penalty = rate("1") }, "outstanding"},
	}
	for _, c := range cases {
		r := base()
		c.edit(&r)
		_, err := Restructure(r)
		requireFieldError(t, err, c.field)
	}
	// The message names the base the amount exceeds.
	r := base()
	r.DownPayment.Amount = amt("30000")
	_, err := Restructure(r)
	require.Contains(t, err.Error(), "exceeds the amount to restructure 22800")
}

func TestOutstandingOf(t *testing.T) {
	// The totals of a statement, component by component (its own
	// Outstanding total is their sum).
	s := statementWith(amt("100"), amt("5"), amt("2"), amt("1.5"), amt("20"))
	o := OutstandingOf(s)
	requireAmount(t, "100", o.Principal)
	requireAmount(t, "1.5", o.Penalty)
	requireAmount(t, "20", o.LateFee)
	requireAmount(t, "128.5", o.Sum())
}
