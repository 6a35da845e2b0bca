package main

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// customer is the built-in account: a ¥36,000 card bill split into 24
// monthly installments (账单分期) of ¥1,500 principal plus a ¥216 fee
// (0.6 % a month). Installments 1–6 were paid; the customer then missed
// 7–9 (due 15 March, April and May 2025) apart from ¥800 paid on
// 18 April, and after three missed installments the bank called in the
// remaining ¥22,500 of principal (提前到期), due 15 June. The card charges
// 罚息 at 0.05 % a day (万分之五) on overdue principal and interest after a
// 3-day grace, and a 违约金 of 5 % of the unpaid installment (at least
// ¥10, at most ¥200).
func customer(asOf money.Date) penalty.Account {
	fee := money.MustParse("216.00")
	inst := func(due, principal string, fee money.Amount) penalty.Installment {
		return penalty.Installment{DueDate: money.MustParseDate(due), Principal: money.MustParse(principal), Fee: fee}
	}
	return penalty.Account{
		AsOf: asOf,
		Installments: []penalty.Installment{
			inst("2025-03-15", "1500.00", fee),
			inst("2025-04-15", "1500.00", fee),
			inst("2025-05-15", "1500.00", fee),
			inst("2025-06-15", "22500.00", money.Amount{}),
		},
		Payments: []penalty.Payment{{Date: money.MustParseDate("2025-04-18"), Amount: money.MustParse("800.00")}},
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
