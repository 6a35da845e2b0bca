package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// The printed explanation must visibly add up: the unpaid penalty and
// late fee of each installment's summary line sum to the totals shown.
func TestExplanationAddsUpToTotals(t *testing.T) {
	a := defaultAccount()
	a.AsOf = money.MustParseDate("2025-03-31")
	s, err := penalty.Accrue(a)
	require.NoError(t, err)
	var pen, lf money.Amount
	var nPen, nLF int
	for _, line := range s.Chinese() {
		line = strings.TrimSpace(line)
		_, unpaid, ok := strings.Cut(line, "未还 ")
		switch {
		case !ok:
		case strings.HasPrefix(line, "罚息合计"):
			pen, nPen = pen.Add(money.MustParse(unpaid)), nPen+1
		case strings.HasPrefix(line, "滞纳金合计"):
			lf, nLF = lf.Add(money.MustParse(unpaid)), nLF+1
		}
	}
	require.Equal(t, 4, nPen, "installments 3–6 accrued penalty")
	require.Equal(t, 4, nLF)
	require.True(t, pen.Equal(s.Totals.Penalty), "%s vs %s", pen, s.Totals.Penalty)
	require.True(t, lf.Equal(s.Totals.LateFee), "%s vs %s", lf, s.Totals.LateFee)
	require.True(t, s.Totals.Outstanding.Equal(money.MustParse("5696.14")))
}
