package card_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// The 违约金 sentence states its rule: 5 % of the unpaid minimum 80.00 is
// 4.00, raised to the 5.00 minimum; it was charged after the last
// statement, so it is read out as activity since that statement, with the
// payment of the same day after it.
func TestRenderLateFeeRule(t *testing.T) {
	a := card.Account{OpenDate: d("2025-01-05"), AsOf: d("2025-03-02"), Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			{Date: d("2025-01-10"), Kind: card.Purchase, Amount: amt("800.00")},
			{Date: d("2025-03-01"), Kind: card.Payment, Amount: amt("800.00")},
		},
		Policy: card.Policy{Minimum: tenPercent(), GraceDays: 3,
			LateFee: penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05"), Min: amt("5.00")}}}
	s := compute(t, a)
	zh := s.Chinese(0)
	require.Contains(t, zh, "第1期账单：2月28日前未全额还款 800.00 元，仅还 0.00 元，免息期不适用，消费自记账日起全额计息。")
	require.Contains(t, zh, "账单日 2025-02-05 后至 2025-03-02（尚未出账）：")
	// 计收, not 收取; read aloud in 元, the formula in bare numbers.
	require.Contains(t, zh, "2025-03-01 计收违约金 5.00 元：最低还款额未还部分 80.00 × 5%（最低 5.00）")
	require.Contains(t, zh, "2025-03-01 还款 800.00 元：第1期消费 800.00 元；其中 80.00 元计入最低还款额。")
	// Zero components are not read out.
	require.Contains(t, zh, "截至 2025-03-02：欠款 5.00 元（违约金 5.00 元），未出账利息 20.00 元，今日全部结清需还 25.00 元；未逾期。")
	en := s.English(1)
	require.Contains(t, en, "2025-03-01 a late fee of 5.00 was charged: unpaid minimum 80.00 × 5% (at least 5.00)")
}

// A kept grace says so, and a credit balance is read out.
func TestRenderGraceKeptAndCredit(t *testing.T) {
	a := card.Account{OpenDate: d("2025-01-05"), AsOf: d("2025-03-01"), Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			{Date: d("2025-01-10"), Kind: card.Purchase, Amount: amt("300.00")},
			{Date: d("2025-02-20"), Kind: card.Payment, Amount: amt("350.00")},
		},
		Policy: card.Policy{Minimum: tenPercent()}}
	s := compute(t, a)
	zh := s.Chinese(1)
	require.Contains(t, zh, "第1期账单：2月25日前已全额还款 350.00 元（应还 300.00 元），享受免息还款期，消费不计利息。")
	require.Contains(t, zh, "2025-02-20 还款 350.00 元：第1期消费 300.00 元，溢缴款 50.00 元；其中 30.00 元计入最低还款额。")
	require.Contains(t, zh[len(zh)-1], "溢缴款 50.00 元")
	en := s.English(1)
	require.Contains(t, en, "Statement 1: paid in full by Feb 25 (350.00 paid of 300.00), so the interest-free period applies and its purchases bear no interest.")
}
