package main

import (
	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// customer is the built-in account, held as the bank holds it: the
// contract and the payments. A ¥36,000 card bill was split into 24
// monthly installments (账单分期) of ¥1,500 principal plus a ¥216 fee
// (0.6 % a month), due on the 15th from September 2024. Installments 1–6
// were paid; the customer then missed 7–9 (due 15 March, April and May
// 2025) apart from ¥800 paid on 18 April, and 90 days after the first
// missed installment the bank called in the rest (提前到期): the library
// turns the 15 installments not yet due into one of ¥22,500 principal,
// due that day, their fees waived. The card charges 罚息 at 0.05 % a day
// (万分之五) on overdue principal and interest after a 3-day grace, and a
// 违约金 of 5 % of the unpaid installment (at least ¥10, at most ¥200).
func customer(asOf money.Date) loan.Account {
	start := money.MustParseDate("2024-08-15")
	var payments []penalty.Payment
	for k := 1; k <= 6; k++ {
		payments = append(payments, penalty.Payment{Date: start.AddMonths(k), Amount: money.MustParse("1716.00")})
	}
	payments = append(payments, penalty.Payment{Date: money.MustParseDate("2025-04-18"), Amount: money.MustParse("800.00")})
	days := 90
	return loan.Account{
		Terms: schedule.Terms{
			Principal: money.MustParse("36000"),
			Periods:   24,
			Method:    schedule.FlatFee,
			FeeRate:   money.MustParseRate("0.006"),
			StartDate: start,
		},
		AsOf:       asOf,
		Payments:   payments,
		Accelerate: &loan.Acceleration{AfterDays: &days},
		Policy: penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
			Base:        penalty.PrincipalAndInterest,
			GraceDays:   3,
			LateFee: penalty.LateFee{
				Kind: penalty.PercentFee,
				Rate: money.MustParseRate("0.05"),
				Min:  money.MustParse("10"),
				Max:  money.MustParse("200"),
			},
		},
	}
}
