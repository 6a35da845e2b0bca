package loan_test

import (
	"fmt"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// A 12-month 等额本息 loan of 12 000 at 6 %: two installments paid, the
// third missed, as of ten days into period 4.
func ExampleAccrue() {
	a := loan.Account{
		Terms: schedule.Terms{Principal: money.MustParse("12000"), AnnualRate: money.MustParseRate("0.06"),
			Periods: 12, StartDate: money.MustParseDate("2025-01-15")},
		AsOf: money.MustParseDate("2025-04-25"),
		Payments: []penalty.Payment{
			{Date: money.MustParseDate("2025-02-15"), Amount: money.MustParse("1032.80")},
			{Date: money.MustParseDate("2025-03-15"), Amount: money.MustParse("1032.80")},
		},
		Policy: penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily}},
	}
	s, err := loan.Accrue(a)
	if err != nil {
		panic(err)
	}
	fmt.Println("past due:", s.PastDue.Total)
	fmt.Println("not yet due (scheduled):", s.NotYetDue.Principal, "principal +", s.NotYetDue.Interest, "interest")
	fmt.Println("payoff today:", s.Payoff.Total, "with accrued interest", s.Payoff.AccruedInterest)
	// Output:
	// past due: 1037.71
	// not yet due (scheduled): 9066.99 principal + 228.19 interest
	// payoff today: 10119.81 with accrued interest 15.11
}

// An acceleration (提前到期) 30 days after a missed installment, and the
// explanation's new lines in Chinese.
func ExampleStatement_Chinese() {
	days := 30
	a := loan.Account{
		Terms: schedule.Terms{Principal: money.MustParse("12000"), AnnualRate: money.MustParseRate("0.06"),
			Periods: 12, StartDate: money.MustParseDate("2025-01-15")},
		AsOf:       money.MustParseDate("2025-05-20"),
		Payments:   []penalty.Payment{{Date: money.MustParseDate("2025-02-15"), Amount: money.MustParse("1032.80")}},
		Accelerate: &loan.Acceleration{AfterDays: &days},
	}
	s, err := loan.Accrue(a)
	if err != nil {
		panic(err)
	}
	lines := s.Chinese()
	fmt.Println(lines[2])
	fmt.Println(lines[len(lines)-3])
	// Output:
	// 第2期（到期日 2025-03-15）逾期满 30 天仍欠本息费 1,032.80 元，贷款于 2025-04-14 宣布提前到期：原第3–12期尚未到期的本金 10,049.54 元全部于当日到期，记为第3期；利息 2025-03-15 至 2025-04-14 共30天：本金 10049.54 × 年利率 6% × 30 / 360 = 50.25，不收手续费。
	// 今日（2025-05-20）提前结清应还 11,132.59 元，其中本金 11,027.20 元、利息 105.39 元。
}

// The payoff's accrued interest, one line per piece, in English: 12000 ×
// 6 % × 20 / 360 = 40.00 since the start.
func ExampleStatement_English() {
	a := loan.Account{
		Terms: schedule.Terms{Principal: money.MustParse("12000"), AnnualRate: money.MustParseRate("0.06"),
			Periods: 12, StartDate: money.MustParseDate("2025-01-15")},
		AsOf: money.MustParseDate("2025-02-04"),
	}
	s, err := loan.Accrue(a)
	if err != nil {
		panic(err)
	}
	for _, l := range s.English()[2:] {
		fmt.Println(l)
	}
	// Output:
	// Left to pay under the contract as of 2025-02-04: 12,393.58 in all: principal 12,000.00 and interest 393.58; of this, interest 393.58 scheduled on installments not yet due is not owed now.
	// Amount due now: 0.00; paying it brings the account current.
	// Not yet due: installments 1–12, principal 12,000.00 and interest 393.58 — scheduled, not owed today; that interest is not yet earned and a payoff does not charge it.
	// To pay the loan off today (2025-02-04): 12,040.00 — principal 12,000.00 and interest 40.00.
	//   Interest = 0.00 due and unpaid + 40.00 accrued this period − 0.00 paid ahead on installments not yet due (any negative part is credited).
	//     2025-01-15 to 2025-02-04, 20 days: principal 12000.00 × 6% a year × 20 / 360 = 40.00
	//     Interest accrued since 2025-01-15: 40.00, day by day on the principal outstanding.
}
