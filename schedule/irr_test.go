package schedule

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// npv returns Σ payment_t/(1+i)^t − principal exactly.
func npv(principal money.Amount, payments []money.Amount, i *big.Rat) *big.Rat {
	one := big.NewRat(1, 1)
	v := new(big.Rat).Quo(one, new(big.Rat).Add(one, i))
	sum := new(big.Rat).Neg(principal.Rat())
	f := new(big.Rat).Set(one)
	for _, p := range payments {
		f.Mul(f, v)
		sum.Add(sum, new(big.Rat).Mul(p.Rat(), f))
	}
	return sum
}

// TestIRRBracketsTheRoot checks the solved IRR without trusting the solver:
// the exact NPV must change sign across irr ± half a unit in the 6th place.
func TestIRRBracketsTheRoot(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	half := big.NewRat(5, 10_000_000)
	for i := 0; i < 200; i++ {
		principal := money.New(rng.Int64N(1_000_000_00)+100_00, 2)
		n := 1 + rng.IntN(60)
		payments := make([]money.Amount, n)
		per := principal.MulRatio(money.NewRatio(int64(800+rng.IntN(1200)), int64(1000*n)), money.Rounding{})
		for k := range payments {
			payments[k] = per
		}
		r, err := APR(APRRequest{Principal: principal, Payments: payments})
		require.NoError(t, err)
		irr := r.IRR.Ratio().Rat()
		lo := npv(principal, payments, new(big.Rat).Sub(irr, half))
		hi := npv(principal, payments, new(big.Rat).Add(irr, half))
		assert.True(t, lo.Sign() >= 0 && hi.Sign() <= 0, "irr %s: npv(lo)=%s npv(hi)=%s", r.IRR, lo.FloatString(6), hi.FloatString(6))
	}
}

func TestCardInstallmentAPR(t *testing.T) {
	// 12,000 in 12 rows of 1,072.00 (1,000 principal + 72 fee at 0.6 % a
	// month): the nominal rate is 7.2 % a year, the true APR 13.0342 %
	// (SPEC §2's worked example).
	payments := make([]money.Amount, 12)
	for i := range payments {
		payments[i] = money.MustParse("1072.00")
	}
	r, err := APR(APRRequest{Principal: money.MustParse("12000"), Payments: payments, PeriodsPerYear: 12})
	require.NoError(t, err)
	assert.Equal(t, "0.010862", r.IRR.String())
	assert.Equal(t, "0.130342", r.APR.String())
	assert.Equal(t, "0.138418", r.EffectiveAnnualRate.String())
}

func TestAPRZeroAndNegativeRates(t *testing.T) {
	// Repaying exactly what was lent is 0 %; repaying less is a negative
	// rate, still found: 1000 for 1100 over 1 year → −9.0909 %/yr.
	r, err := APR(APRRequest{Principal: money.New(1200, 0), Payments: repeat("100", 12)})
	require.NoError(t, err)
	assert.Equal(t, "0.000000", r.APR.String())
	r, err = APR(APRRequest{Principal: money.New(1100, 0), Payments: []money.Amount{money.New(1000, 0)}, PeriodsPerYear: 1})
	require.NoError(t, err)
	assert.Equal(t, "-0.090909", r.APR.String()) // 1000/1100 − 1
}

func TestAPRErrors(t *testing.T) {
	cases := map[string]APRRequest{
		"payments":             {Principal: money.New(100, 0)},
		"nothing is repaid":    {Principal: money.New(100, 0), Payments: repeat("0", 3)},
		"must not be negative": {Principal: money.New(100, 0), Payments: []money.Amount{money.New(-1, 0), money.New(200, 0)}},
		"periods_per_year":     {Principal: money.New(100, 0), Payments: repeat("10", 12), PeriodsPerYear: 400},
		"−99 %":                {Principal: money.New(1_000_000, 0), Payments: []money.Amount{money.New(1, 2)}},
		"10 000 %":             {Principal: money.New(1, 2), Payments: []money.Amount{money.New(1_000_000, 0)}},
	}
	for want, req := range cases {
		_, err := APR(req)
		require.Error(t, err, want)
		assert.Contains(t, err.Error(), want)
		assert.ErrorIs(t, err, money.ErrInvalid)
	}
}

func repeat(s string, n int) []money.Amount {
	out := make([]money.Amount, n)
	for i := range out {
		out[i] = money.MustParse(s)
	}
	return out
}

func TestXIRRSpreadsheetExample(t *testing.T) {
	// The worked example of spreadsheet XIRR documentation: −10,000 on
	// 2008-01-01, then 2,750, 4,250, 3,250, 2,750 → 0.373362535 a year.
	flows := []DatedFlow{
		{money.MustParseDate("2008-01-01"), money.New(-10000, 0)},
		{money.MustParseDate("2008-03-01"), money.New(2750, 0)},
		{money.MustParseDate("2008-10-30"), money.New(4250, 0)},
		{money.MustParseDate("2009-02-15"), money.New(3250, 0)},
		{money.MustParseDate("2009-04-01"), money.New(2750, 0)},
	}
	x, err := XIRR(flows)
	require.NoError(t, err)
	assert.Equal(t, "0.373363", x.String())

	_, err = XIRR(flows[1:])
	assert.ErrorContains(t, err, "both payments and receipts")
	_, err = XIRR(flows[:1])
	assert.ErrorContains(t, err, "at least two")
}

func TestXIRRYearOfSimpleInterest(t *testing.T) {
	// 1000 out, 1100 back 365 days later: exactly 10 %.
	x, err := XIRR([]DatedFlow{
		{money.MustParseDate("2023-03-01"), money.New(-1000, 0)},
		{money.MustParseDate("2024-02-29"), money.New(1100, 0)},
	})
	require.NoError(t, err)
	assert.Equal(t, "0.100000", x.String())
}
