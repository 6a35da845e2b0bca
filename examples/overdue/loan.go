package main

import (
	"fmt"
	"io"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// defaultLoan is a 24-month 等额本息 consumer loan of 50 000 at 7.2 %,
// due on the 10th from February 2025, held as the lender holds it: the
// contract and the payments. Installments 1–5 were paid on their due
// dates; 6, 7 and 8 were missed. 罚息 is the contract rate + 50 % on
// overdue principal and interest (复利) after a 3-day grace; a 提前还款违约金
// of 1 % applies to principal repaid early.
func defaultLoan(asOf money.Date) loan.Account {
	t := schedule.Terms{Principal: money.MustParse("50000"), AnnualRate: money.MustParseRate("0.072"), Periods: 24,
		StartDate: money.MustParseDate("2025-01-10")}
	var payments []penalty.Payment
	for k := 1; k <= 5; k++ {
		payments = append(payments, penalty.Payment{Date: t.StartDate.AddMonths(k), Amount: money.MustParse("2243.17")})
	}
	fee := money.MustParseRate("0.01")
	return loan.Account{
		Terms: t, AsOf: asOf, Payments: payments,
		Policy: penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.072"), Markup: money.MustParseRate("0.5")},
			Base:        penalty.PrincipalAndInterest,
			GraceDays:   3,
		},
		PrepaymentFee: &loan.PrepaymentFee{Percent: &fee},
	}
}

// printLoan shows the three figures an agent quotes — past due, not yet
// due, payoff today — then the explanation in Chinese and English.
func printLoan(w io.Writer, s loan.Statement) {
	fmt.Fprintf(w, "Loan as of %s: %d days past due (%s)\n", s.AsOf, s.DaysPastDue, s.Bucket)
	fmt.Fprintf(w, "  past due (逾期)           %10s  principal %s + interest %s + penalty %s + late fees %s\n",
		s.PastDue.Total, s.PastDue.Principal, s.PastDue.Interest, s.PastDue.Penalty, s.PastDue.LateFee)
	fmt.Fprintf(w, "  amount due (当前应还)     %10s\n", s.AmountDue.Total)
	fmt.Fprintf(w, "  not yet due (未到期)      %10s  principal, %s of scheduled interest not yet earned\n",
		s.NotYetDue.Principal, s.NotYetDue.Interest)
	fmt.Fprintf(w, "  payoff today (提前结清)   %10s  = principal %s + interest %s + penalty %s + prepayment fee %s − credit %s\n",
		s.Payoff.Total, s.Payoff.Principal, s.Payoff.Interest, s.Payoff.Penalty, s.Payoff.PrepaymentFee, s.Payoff.Credit)
	fmt.Fprintln(w, "\n说明（中文）")
	for _, line := range s.Chinese() {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w, "\nExplanation (English)")
	for _, line := range s.English() {
		fmt.Fprintln(w, line)
	}
}
