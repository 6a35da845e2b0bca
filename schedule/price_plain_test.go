package schedule

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// The one-pass pricing of regular schedules must give exactly what the
// general path gives, error or rates.
func TestPlainPricingMatchesGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	plain := 0
	for i := 0; i < 1500; i++ {
		terms := randomTerms(rng)
		s, err := Amortize(terms)
		require.NoError(t, err)
		got, gerr := terms.Price(s)
		want, werr := terms.priceByTiming(s)
		require.Equal(t, werr, gerr, "%+v", terms)
		require.Equal(t, want, got, "%+v", terms)
		if _, ok, _ := terms.plainPrice(s); ok {
			plain++
		}
	}
	require.Greater(t, plain, 500, "the one-pass path must cover the regular schedules")
}

// Rows built elsewhere may be out of order or pay nothing: the one-pass
// path leaves them to the general one.
func TestPlainPricingDeclinesOddRows(t *testing.T) {
	s, err := Amortize(mortgage)
	require.NoError(t, err)
	swapped := FromRows(append([]Row(nil), s.Rows...), mortgage.Rounding)
	swapped.Rows[3], swapped.Rows[4] = swapped.Rows[4], swapped.Rows[3]
	_, ok, _ := mortgage.plainPrice(swapped)
	require.False(t, ok)
	got, gerr := mortgage.Price(swapped)
	want, werr := mortgage.priceByTiming(swapped)
	require.Equal(t, werr, gerr)
	require.Equal(t, want, got)

	none := FromRows([]Row{{Number: 1, DueDate: mortgage.DueDate(1)}}, mortgage.Rounding)
	_, ok, _ = mortgage.plainPrice(none)
	require.False(t, ok)
	priced, err := mortgage.Price(none)
	require.NoError(t, err)
	require.False(t, priced.Priced())
}

// Amounts whose units overflow int64 take the float64 copy of the XIRR's
// flows: twice the outlay back a year (365 days) later is exactly 100 %.
func TestXIRRBeyondInt64Units(t *testing.T) {
	x, err := XIRR([]DatedFlow{
		{money.MustParseDate("2023-01-01"), money.MustParse("-400000000000000.000000000005")},
		{money.MustParseDate("2024-01-01"), money.MustParse("800000000000000.00000000001")},
	})
	require.NoError(t, err)
	require.Equal(t, "1.000000", x.String())
}
