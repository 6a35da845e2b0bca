package schedule

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// isRepaidEarly reports whether err is checkRepaid's rejection.
func isRepaidEarly(err error) bool {
	var me *money.Error
	return errors.As(err, &me) && strings.Contains(me.Reason, "repays the principal by row")
}

// Schedules never end with rows that open at 0.00 (issue 13 item 4).
func TestRepaidEarlyRejected(t *testing.T) {
	// 1 000 at 12 % over 12 months: A = 88.85, rounded to the multiple 100
	// is 100; rows 1–10 repay 1 000 − 58.98 (10 × 100 less interest) and
	// row 11 the rest, 58.98 with its interest; row 12 would open at 0.
	tm := Terms{Principal: money.New(1000, 0), AnnualRate: money.MustParseRate("0.12"), Periods: 12,
		Method: EqualInstallment, StartDate: money.MustParseDate("2025-01-15"), InstallmentMultiple: money.New(100, 0)}
	_, err := Amortize(tm)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.True(t, isRepaidEarly(err), "%v", err)
	require.Contains(t, err.Error(), "installment_multiple: the rounded payment repays the principal by row 11 of 12")
	// Over 11 months the same multiple fits: A = round(1000·0.01·1.01^11/(1.01^11 − 1)) = 96.45 → 100.
	tm.Periods = 11
	s, err := Amortize(tm)
	require.NoError(t, err)
	require.True(t, s.Rows[10].OpeningBalance.IsPositive())

	// Equal principal: 10 over 20 rows at 0 places shares round(0.5) = 1,
	// so 10 rows repay it all and rows 11–20 would open at 0.
	ep := Terms{Principal: money.New(10, 0), Periods: 20, Method: EqualPrincipal,
		StartDate: money.MustParseDate("2025-01-15"), Rounding: money.NewRounding(0, money.HalfUp)}
	_, err = Amortize(ep)
	require.True(t, isRepaidEarly(err), "%v", err)
	require.Contains(t, err.Error(), "periods: the rounded payment repays the principal by row 10 of 20, so rows 11 to 20")
	_, err = New(ep)
	require.True(t, isRepaidEarly(err), "%v", err)
}

// A prepayment's re-amortized tail must not end in 0.00 rows either:
// 1 000 at 0 % over 12 rows of round(1000/12) = 83.33; after row 1 the
// balance is 916.67, and a prepayment of 916.61 leaves 0.06 over 11 rows
// of round(0.06/11) = 0.01, repaid by row 7 (rows 2–7), so rows 8–12
// would open at 0.
func TestPrepaymentRepaidEarlyRejected(t *testing.T) {
	terms := Terms{Principal: money.New(1000, 0), Periods: 12, Method: EqualPrincipal, StartDate: money.MustParseDate("2025-01-15")}
	_, err := Prepay(Prepayment{Terms: terms, AfterPeriod: 1, Amount: money.MustParse("916.61"), Mode: ReducePayment})
	require.True(t, isRepaidEarly(err), "%v", err)
	require.Contains(t, err.Error(), "terms.periods: the rounded payment repays the principal by row 7 of 12")
	// Leaving 0.66, 11 rows of 0.06 and a last of 0.06: accepted.
	r, err := Prepay(Prepayment{Terms: terms, AfterPeriod: 1, Amount: money.MustParse("916.01"), Mode: ReducePayment})
	require.NoError(t, err)
	require.Equal(t, "0.06", r.Rows[len(r.Rows)-1].Payment.String())
}

// A random schedule that Amortize accepts never has a row opening at 0.
func TestNoRowOpensAtZero(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for range 500 {
		terms := drawTerms(rng)
		s, err := Amortize(terms)
		if err != nil {
			require.ErrorIs(t, err, money.ErrInvalid)
			continue
		}
		for _, r := range s.Rows {
			require.True(t, r.OpeningBalance.IsPositive(), "%+v row %d", terms, r.Number)
		}
	}
}
