package loan_test

import (
	"fmt"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// Asked for in the account, the statement carries its sentences. 12,000
// at 6 % from 2025-01-15, nothing due yet on 2025-02-04: the payoff is the
// principal and 12000 × 6 % × 20 / 360 = 40.00 of interest.
func ExampleAccrue_explain() {
	s, err := loan.Accrue(loan.Account{
		Terms: schedule.Terms{Principal: money.MustParse("12000"), AnnualRate: money.MustParseRate("0.06"),
			Periods: 12, StartDate: money.MustParseDate("2025-01-15")},
		AsOf:    money.MustParseDate("2025-02-04"),
		Explain: []penalty.Language{penalty.ZH, penalty.EN},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Sentences.ZH[5])
	fmt.Println(s.Sentences.EN[5])
	// Output:
	// 今日（2025-02-04）提前结清应还 12,040.00 元，其中本金 12,000.00 元、利息 40.00 元。
	// To pay the loan off today (2025-02-04): 12,040.00 — principal 12,000.00 and interest 40.00.
}
