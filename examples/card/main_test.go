package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/money"
)

// The history's figures, by hand. Statement 1 (02-05): 1200.00 + 350.00 =
// 1550.00 of purchases, minimum 10 % = 155.00, paid 02-23 to the oldest
// purchase. Statement 2 (03-05) bills 1200.00 × 0.05 % × 46 (01-08..02-23)
// = 27.60, 350.00 × 0.05 % × 34 (01-20..02-23) = 5.95, 1045.00 × 0.05 % ×
// 10 = 5.225 → 5.23, 350.00 × 0.05 % × 10 = 1.75 and the cash advance
// 500.00 × 0.05 % × 3 (03-02..03-05) = 0.75: 41.28, although the minimum
// was paid. The fifth minimum is missed: 违约金 on 06-26 is 5 % of its
// unpaid 151.35 = 7.5675 → 7.57, and as of 07-05 the card is 07-05 − 06-25
// = 10 days past due.
func TestHistory(t *testing.T) {
	a, err := history()
	require.NoError(t, err)
	s, err := card.Compute(a)
	require.NoError(t, err)
	require.Len(t, s.Statements, 6)
	b1, b2 := s.Statements[0], s.Statements[1]
	require.True(t, b1.Purchases.Equal(money.MustParse("1550.00")))
	require.True(t, b1.MinimumPayment.Equal(money.MustParse("155.00")))
	require.True(t, b2.Interest.Equal(money.MustParse("41.28")), "%s", b2.Interest)
	require.True(t, b2.CashAdvances.Equal(money.MustParse("500.00")))
	require.True(t, b2.Fees.Equal(money.MustParse("10.00")), "1 %% × 500.00 = 5.00, raised to the 10.00 minimum")
	require.Len(t, s.Explanation.LateFees, 1)
	require.True(t, s.Explanation.LateFees[0].Amount.Equal(money.MustParse("7.57")))
	require.Equal(t, 10, s.DaysPastDue)
	// The first four minimums were paid exactly, so the only past-due
	// minimum on statement 6 is the fifth's.
	require.True(t, s.Statements[5].PastDueMinimum.Equal(s.Statements[4].MinimumPayment))
}

func TestPrints(t *testing.T) {
	var zh, en bytes.Buffer
	require.NoError(t, run(&zh, "zh"))
	require.NoError(t, run(&en, "en"))
	require.Equal(t, 6, strings.Count(zh.String(), "期账单 ===="))
	require.Contains(t, zh.String(), "2025-06-26  违约金              7.57")
	require.Contains(t, zh.String(), "第5期账单：6月25日前未全额还款 788.95 元，仅还 0.00 元，免息期不适用")
	require.Contains(t, zh.String(), "已逾期 10 天（M1）。")
	require.Contains(t, en.String(), "10 days past due (M1).")
	require.Contains(t, en.String(), "2025-06-26 a late fee of 7.57 was charged: unpaid minimum 151.35 × 5%")
	require.Error(t, run(&en, "fr"))
}
