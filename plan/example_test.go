package plan_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/plan"
	"github.com/repayplan/repayplan/schedule"
)

func ExampleMinimum() {
	// A Chinese card statement: 10 % of purchases, everything else in full.
	r, err := plan.Minimum(plan.MinimumRequest{
		Balances: map[string]money.Amount{
			"purchases":    money.MustParse("10000"),
			"cash_advance": money.MustParse("2000"),
			"interest":     money.MustParse("150"),
		},
		Policy: plan.CNCardMinimum(),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.MinimumPayment) // 1000 + 2000 + 150
	// Output: 3150.00
}

func ExampleProjectPayoff() {
	// $3,000 at 1.5 % a month, paying only 1 % of the balance plus
	// interest (at least $25).
	p, err := plan.ProjectPayoff(plan.PayoffRequest{
		Balance:   money.MustParse("3000"),
		CycleRate: money.MustParseRate("0.015"),
		Minimum:   plan.USCardMinimum(),
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d months, %s paid, %s of it interest; %s a month clears it in 3 years\n",
		p.Cycles, p.TotalPaid, p.TotalInterest, p.PaymentFor36Cycles)
	// Output: 171 months, 6538.54 paid, 3538.54 of it interest; 108.46 a month clears it in 3 years
}

func ExampleDefer() {
	// Three months' payments of a 24-month loan deferred from month 7,
	// their interest capitalized.
	s, err := plan.Defer(plan.Deferral{
		Terms: schedule.Terms{
			Principal:  money.MustParse("100000"),
			AnnualRate: money.MustParseRate("0.06"),
			Periods:    24,
			StartDate:  money.MustParseDate("2024-01-10"),
		},
		FromPeriod: 7,
		Periods:    3,
		Interest:   plan.Capitalize,
	})
	if err != nil {
		panic(err)
	}
	for _, r := range s.Rows[6:10] {
		fmt.Println(r.Number, r.DueDate, r.Payment, r.Capitalized, r.ClosingBalance)
	}
	// Output:
	// 7 2024-08-10 0.00 380.55 76491.31
	// 8 2024-09-10 0.00 382.46 76873.77
	// 9 2024-10-10 0.00 384.37 77258.14
	// 10 2024-11-10 4498.88 0 73145.55
}

func ExampleRestructure() {
	// 个性化分期: penalty and late fee waived, half the interest, 10 % down,
	// the rest over 36 months at a 0.5 % monthly fee.
	p, err := plan.Restructure(plan.Restructuring{
		Outstanding: plan.Outstanding{
			Principal: money.MustParse("20000"), Interest: money.MustParse("1500"),
			Fee: money.MustParse("300"), Penalty: money.MustParse("800"), LateFee: money.MustParse("200"),
		},
		Waive: plan.Fractions{
			Penalty: money.MustParseRate("1"), LateFee: money.MustParseRate("1"), Interest: money.MustParseRate("0.5"),
		},
		DownPayment: plan.DownPayment{Percent: money.MustParseRate("0.10")},
		Periods:     36,
		Pricing:     plan.Pricing{Method: plan.PricingFlatFee, FeeRate: money.MustParseRate("0.005")},
		StartDate:   money.MustParseDate("2025-03-05"),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("waived", p.Waived.Total, "down", p.DownPayment, "financed", p.Financed)
	fmt.Println("monthly", p.Schedule.Rows[0].Payment, "total paid", p.TotalPaid, "cost", p.TotalCost, "APR", p.APR)
	// Output:
	// waived 1750.00 down 2105.00 financed 18945.00
	// monthly 620.98 total paid 24460.28 cost 3410.28 APR 0.110830
}

func ExampleSettle() {
	s, err := plan.Settle(plan.Settlement{
		Outstanding: plan.Outstanding{
			Principal: money.MustParse("20000"), Interest: money.MustParse("1500"),
			Penalty: money.MustParse("800"), LateFee: money.MustParse("200"),
		},
		Discount: plan.Fractions{Penalty: money.MustParseRate("1"), LateFee: money.MustParseRate("1")},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("pay", s.LumpSum, "today, saving", s.Saving)
	// Output: pay 21500.00 today, saving 1000.00
}

func ExampleOffers() {
	set, err := plan.Offers(plan.OfferRequest{
		Outstanding: plan.Outstanding{
			Principal: money.MustParse("20000"), Interest: money.MustParse("1500"),
			Fee: money.MustParse("300"), Penalty: money.MustParse("800"), LateFee: money.MustParse("200"),
		},
		StartDate:         money.MustParseDate("2025-06-15"),
		AffordablePayment: money.MustParse("1500"),
		Limits:            plan.Limits{APRCap: money.MustParseRate("0.12")}, // 4 × LPR
	})
	if err != nil {
		panic(err)
	}
	for _, o := range set.Offers[:4] {
		fmt.Println(o.Rank, o.Option, o.Term, o.LargestPayment, o.TotalCost, o.Fits, o.Reasons)
	}
	// Output:
	// 1 interest_frozen 24 908.41 1800.00 true []
	// 2 interest_frozen 36 605.56 1800.00 true []
	// 3 interest_frozen 60 363.53 1800.00 true []
	// 0 settlement 1 21050.00 1050.00 false [over_affordable_payment]
}

func ExampleOutstandingOf() {
	st, err := penalty.Accrue(penalty.Account{
		AsOf: money.MustParseDate("2025-03-01"),
		Installments: []penalty.Installment{{
			DueDate: money.MustParseDate("2025-01-31"), Principal: money.MustParse("1000"),
		}},
		Policy: penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
			LateFee:     penalty.LateFee{Kind: penalty.FixedFee, Amount: money.MustParse("20")},
		},
	})
	if err != nil {
		panic(err)
	}
	o := plan.OutstandingOf(st)
	// 29 days × 1000 × 0.05 % = 14.50 penalty, and the 20 late fee.
	fmt.Println(o.Principal, o.Penalty, o.LateFee, o.Sum())
	// Output: 1000.00 14.50 20.00 1034.50
}
