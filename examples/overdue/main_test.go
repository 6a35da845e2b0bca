package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/loan"
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

// The loan section quotes past due, not yet due and the payoff, in both
// languages. The figures are the loan-statement-missed-installments-payoff
// vector's (checked by hand there) plus the 1 % prepayment fee on the
// principal repaid early: round(34124.23 × 1 %) = 341.24, so the payoff is
// 41048.97 + 341.24 = 41390.21.
func TestLoanSection(t *testing.T) {
	s, err := loan.Accrue(defaultLoan(money.MustParseDate("2025-09-25")))
	require.NoError(t, err)
	var b strings.Builder
	printLoan(&b, s)
	out := b.String()
	for _, want := range []string{
		"past due (逾期)              6822.37",
		"not yet due (未到期)        34124.23",
		"payoff today (提前结清)     41390.21",
		"已逾期：第6–8期，合计 6,822.37 元",
		"未到期：第9–24期，本金 34,124.23 元、利息 1,766.34 元",
		"今日（2025-09-25）提前结清应还 41,390.21 元",
		"2025-09-10 至 2025-09-25 共15天：本金 34124.23 × 年利率 7.2% × 15 / 360 = 102.37",
		"Past due: installments 6–8, 6,822.37 in all",
		"Not yet due: installments 9–24, principal 34,124.23 and interest 1,766.34",
		"To pay the loan off today (2025-09-25): 41,390.21",
		"Prepayment fee = principal repaid early 34124.23 × 1% = 341.24.",
	} {
		require.Contains(t, out, want)
	}
}
