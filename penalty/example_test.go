package penalty_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// seedAccount is a card installment 1000 + 50 interest due 2025-01-15,
// 300 paid on 2025-02-01, with 万分之五 a day on principal and interest, a
// 3-day grace and a 5 % late fee (at least 10).
func seedAccount() penalty.Account {
	return penalty.Account{
		AsOf: money.MustParseDate("2025-03-01"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-01-15"),
			Principal: money.MustParse("1000.00"), Interest: money.MustParse("50.00")}},
		Payments: []penalty.Payment{{Date: money.MustParseDate("2025-02-01"), Amount: money.MustParse("300.00")}},
		Policy: penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
			Base:        penalty.PrincipalAndInterest,
			GraceDays:   3,
			LateFee:     penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05"), Min: money.MustParse("10")},
		},
	}
}

func ExampleAccrue() {
	s, err := penalty.Accrue(seedAccount())
	if err != nil {
		panic(err)
	}
	b := s.Installments[0]
	fmt.Println("principal", b.Principal, "penalty", b.Penalty, "of", b.PenaltyAccrued, "accrued")
	fmt.Println("outstanding", s.Totals.Outstanding, "days past due", s.DaysPastDue, s.Bucket)
	for _, g := range s.Explanation.Segments {
		fmt.Println(g.From, g.To, g.Days, g.Base, g.Amount, g.Status)
	}
	// Output:
	// principal 811.43 penalty 11.36 of 20.29 accrued
	// outstanding 822.79 days past due 45 M2
	// 2025-01-15 2025-01-19 4 1050.00 2.10 payable
	// 2025-01-19 2025-02-01 13 1050.00 6.83 payable
	// 2025-02-01 2025-03-01 28 811.43 11.36 payable
}

func ExampleStatement_Chinese() {
	s, _ := penalty.Accrue(seedAccount())
	for _, line := range s.Chinese() {
		fmt.Println(line)
	}
	// Output:
	// 截至 2025-03-01，最长逾期 45 天（M2）。
	// 罚息按逾期本息 × 日利率 0.05% 逐日计算；宽限期 3 天，期内结清免收宽限期罚息；滞纳金为未还本息费的 5%（最低 10.00 元）。
	// 第1期（到期日 2025-01-15）：
	//   2025-01-15 至 2025-01-19 共4天：逾期本息 1050.00 × 日利率 0.05% × 4 = 2.10
	//   2025-01-19 计收滞纳金：未还本息费 1050.00 × 5%（最低 10.00） = 52.50
	//   2025-01-19 至 2025-02-01 共13天：逾期本息 1050.00 × 日利率 0.05% × 13 = 6.83
	//   2025-02-01 至 2025-03-01 共28天：逾期本息 811.43 × 日利率 0.05% × 28 = 11.36
	//   罚息合计 20.29 = 2.10 + 6.83 + 11.36；已还 8.93，减免 0.00，未还 11.36
	//   滞纳金合计 52.50；已还 52.50，减免 0.00，未还 0.00
	// 2025-02-01 还款 300.00 元：第1期 罚息 8.93 元、滞纳金 52.50 元、利息 50.00 元、本金 188.57 元
	// 截至 2025-03-01，合计应还 822.79 元，其中本金 811.43 元、罚息 11.36 元。
}

func ExampleStatement_English() {
	a := seedAccount()
	// Half the penalty outstanding on 2025-02-20 is waived (减免): the
	// segment 02-01..02-20 closes first (811.43 × 0.0005 × 19 = 7.71), so
	// 50 % × 7.71 = 3.855 → 3.86, leaving 20.29 − 8.93 − 3.86 = 7.50.
	a.Waivers = []penalty.Waiver{{Date: money.MustParseDate("2025-02-20"), Component: penalty.PenaltyComponent, Percent: money.MustParseRate("0.5")}}
	s, _ := penalty.Accrue(a)
	for _, line := range s.English()[2:] {
		fmt.Println(line)
	}
	// Output:
	// Installment 1 (due 2025-01-15):
	//   2025-01-15 to 2025-01-19, 4 days: overdue principal and interest 1050.00 × daily rate 0.05% × 4 = 2.10
	//   2025-01-19 a late fee was charged: unpaid principal, interest and fees 1050.00 × 5% (at least 10.00) = 52.50
	//   2025-01-19 to 2025-02-01, 13 days: overdue principal and interest 1050.00 × daily rate 0.05% × 13 = 6.83
	//   2025-02-01 to 2025-02-20, 19 days: overdue principal and interest 811.43 × daily rate 0.05% × 19 = 7.71
	//   2025-02-20 to 2025-03-01, 9 days: overdue principal and interest 811.43 × daily rate 0.05% × 9 = 3.65
	//   Penalty accrued 20.29 = 2.10 + 6.83 + 7.71 + 3.65; paid 8.93, waived 3.86, unpaid 7.50
	//   Late fees charged 52.50; paid 52.50, waived 0.00, unpaid 0.00
	// 2025-02-01 payment of 300.00: installment 1 penalty 8.93, late fee 52.50, interest 50.00, principal 188.57
	// 2025-02-20 waiver of 50% of the penalty of every installment due: 3.86 waived (installment 1 3.86)
	// As of 2025-03-01 the total owed is 818.93: principal 811.43 and penalty 7.50.
}

// Days past due name the delinquency bucket collections reports use.
func ExampleBucket() {
	for _, dpd := range []int{0, 1, 30, 31, 77, 180, 181} {
		fmt.Println(dpd, penalty.Bucket(dpd))
	}
	// Output:
	// 0 current
	// 1 M1
	// 30 M1
	// 31 M2
	// 77 M3
	// 180 M6
	// 181 M7+
}
