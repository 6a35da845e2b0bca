package card_test

import (
	"fmt"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

// textbook is SPEC §9's 全额计息 example: statement day 5, due 20 days
// later, a 1 000.00 purchase on 03-10 and only 100.00 paid on 04-20.
func textbook(asOf string) card.Account {
	return card.Account{
		OpenDate: money.MustParseDate("2025-03-05"),
		AsOf:     money.MustParseDate(asOf),
		Cycle:    card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			{Date: money.MustParseDate("2025-03-10"), Kind: card.Purchase, Amount: money.MustParse("1000.00")},
			{Date: money.MustParseDate("2025-04-20"), Kind: card.Payment, Amount: money.MustParse("100.00")},
		},
		Policy: card.Policy{Minimum: &minimum.Policy{Percent: map[string]money.Rate{"purchases": money.MustParseRate("0.1")}}},
	}
}

func ExampleCompute() {
	s, err := card.Compute(textbook("2025-05-05"))
	if err != nil {
		panic(err)
	}
	for _, b := range s.Statements {
		fmt.Println(b.StatementDate, b.NewBalance, b.MinimumPayment, b.Interest, b.Grace)
	}
	fmt.Println("payoff", s.Payoff, "days past due", s.DaysPastDue)
	// Output:
	// 2025-04-05 1000.00 100.00 0.00 lost
	// 2025-05-05 927.25 117.25 27.25 pending
	// payoff 927.25 days past due 0
}

func ExampleStatement_Chinese() {
	s, _ := card.Compute(textbook("2025-05-05"))
	for _, line := range s.Chinese(2) {
		fmt.Println(line)
	}
	// Output:
	// 第2期账单（账单日 2025-05-05，到期还款日 2025-05-25）：上期账单金额 1,000.00 元，本期还款 100.00 元，消费 0.00 元，取现 0.00 元，手续费 0.00 元，循环利息 27.25 元，本期应还金额 927.25 元，最低还款额 117.25 元。
	// 第1期账单：4月25日前未全额还款 1,000.00 元，仅还 100.00 元，免息期不适用，消费自记账日起全额计息（已还最低还款额 100.00 元，该期不算逾期，但最低还款不免利息）。
	//   2025-03-10 至 2025-04-20 共41天：消费 1000.00 × 日利率 0.05% × 41 = 20.50
	//   2025-04-20 至 2025-05-05 共15天：消费 900.00 × 日利率 0.05% × 15 = 6.75
	//   本期循环利息 20.50 + 6.75 = 27.25
	// 2025-04-20 还款 100.00 元：第1期消费 100.00 元；其中 100.00 元计入最低还款额。
	// 第2期账单：免息期待定，5月25日前（含）还清 927.25 元即可免收消费利息，目前已还 0.00 元。
	// 截至 2025-05-05：欠款 927.25 元（消费 900.00 元、循环利息 27.25 元），今日全部结清需还 927.25 元；未逾期。
}

func ExampleStatement_English() {
	s, _ := card.Compute(textbook("2025-05-05"))
	for _, line := range s.English(2) {
		fmt.Println(line)
	}
	// Output:
	// Statement 2 (statement date 2025-05-05, payment due 2025-05-25): previous balance 1,000.00, payments 100.00, purchases 0.00, cash advances 0.00, fees 0.00, interest 27.25, new balance 927.25, minimum payment 117.25.
	// Statement 1: not paid in full by Apr 25: 1,000.00 was due, only 100.00 paid, so the interest-free period does not apply and its purchases bear interest from their dates (the minimum payment of 100.00 was paid, so this statement is not overdue, but paying the minimum does not waive interest).
	//   2025-03-10 to 2025-04-20, 41 days: purchase 1000.00 × daily rate 0.05% × 41 = 20.50
	//   2025-04-20 to 2025-05-05, 15 days: purchase 900.00 × daily rate 0.05% × 15 = 6.75
	//   Interest this statement: 20.50 + 6.75 = 27.25
	// 2025-04-20 payment of 100.00: statement 1 purchase 100.00; 100.00 of it counts toward minimum payments.
	// Statement 2: interest-free period pending: pay 927.25 by May 25 inclusive and its purchases bear no interest; 0.00 paid so far.
	// As of 2025-05-05: owed 927.25 (purchases 900.00, interest 27.25), payoff today 927.25; current.
}

func ExampleSorted() {
	d := money.MustParseDate
	ts := card.Sorted([]card.Transaction{
		{Date: d("2025-03-20"), Kind: card.Payment, Amount: money.MustParse("50")},
		{Date: d("2025-03-10"), Kind: card.Purchase, Amount: money.MustParse("80")},
		{Date: d("2025-03-20"), Kind: card.Purchase, Amount: money.MustParse("30")},
	})
	for _, t := range ts {
		fmt.Println(t.Date, t.Kind, t.Amount)
	}
	// Output:
	// 2025-03-10 purchase 80
	// 2025-03-20 payment 50
	// 2025-03-20 purchase 30
}
