package plan

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// loanSeed is the loan-statement-missed-installments-payoff vector: 50000
// at 7.2 % over 24 months, installments 6–8 missed, as of 2025-09-25.
// Its payoff is 40166.85 + 789.26 + 92.86 = 41048.97; its §3 totals,
// which count the remaining schedule's interest, are 42712.94.
func loanSeed(t *testing.T) loan.Statement {
	a := loan.Account{
		Terms: schedule.Terms{Principal: amt("50000"), AnnualRate: rate("0.072"), Periods: 24, StartDate: date("2025-01-10")},
		AsOf:  date("2025-09-25"),
		Policy: penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: rate("0.072"), Markup: rate("0.5")},
			Base: penalty.PrincipalAndInterest, GraceDays: 3},
	}
	for _, d := range []string{"2025-02-10", "2025-03-10", "2025-04-10", "2025-05-10", "2025-06-10"} {
		a.Payments = append(a.Payments, penalty.Payment{Date: date(d), Amount: amt("2243.17")})
	}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	return s
}

func TestOutstandingOfLoanIsThePayoff(t *testing.T) {
	s := loanSeed(t)
	o := OutstandingOfLoan(s)
	requireAmount(t, "40166.85", o.Principal)
	requireAmount(t, "789.26", o.Interest)
	requireAmount(t, "92.86", o.Penalty)
	requireAmount(t, "41048.97", o.Sum())
	requireAmount(t, "42712.94", OutstandingOf(s.Statement).Sum(), "the §3 totals, for contrast")
}

// A credit is used up penalty first, then late fee, fee, interest and
// principal, so the components sum to the payoff's total.
func TestOutstandingOfLoanUsesCredit(t *testing.T) {
	var s loan.Statement
	s.Payoff = loan.Payoff{Principal: amt("1000"), Interest: amt("20"), Fee: amt("5"), Penalty: amt("3"),
		LateFee: amt("10"), PrepaymentFee: amt("7"), Credit: amt("30"), Total: amt("1015")}
	o := OutstandingOfLoan(s)
	requireAmount(t, "0", o.Penalty)
	requireAmount(t, "0", o.LateFee)
	requireAmount(t, "0", o.Fee, "5 + 7 prepayment fee, all taken by the credit")
	requireAmount(t, "15", o.Interest, "20 − the credit's last 5")
	requireAmount(t, "1000", o.Principal)
	requireAmount(t, "1015", o.Sum())
}

// Offers from a loan statement price every plan on the payoff: the
// settlement forgives its penalty and half its interest (CNCardPolicy):
// 41048.97 − 92.86 − round(789.26 / 2) = 41048.97 − 92.86 − 394.63 =
// 40561.48.
func TestOffersFromLoanStatement(t *testing.T) {
	s := loanSeed(t)
	set, err := Offers(OfferRequest{LoanStatement: &s, AffordablePayment: amt("3000")})
	require.NoError(t, err)
	require.Equal(t, date("2025-09-25"), set.StartDate)
	requireAmount(t, "41048.97", set.TotalOutstanding)
	var found bool
	for _, o := range set.Offers {
		if o.Option == SettlementOption {
			requireAmount(t, "40561.48", o.TotalPaid)
			found = true
		}
	}
	require.True(t, found)

	// Exactly one account source.
	_, err = Offers(OfferRequest{LoanStatement: &s, Statement: &s.Statement, AffordablePayment: amt("3000")})
	requireFieldError(t, err, "loan_statement")
	_, err = Offers(OfferRequest{LoanStatement: &s, Outstanding: negotiated(), AffordablePayment: amt("3000")})
	requireFieldError(t, err, "loan_statement")

	// A settled loan owes nothing to plan.
	var paid loan.Statement
	paid.AsOf = date("2025-09-25")
	_, err = Offers(OfferRequest{LoanStatement: &paid, AffordablePayment: amt("3000")})
	require.ErrorIs(t, err, money.ErrInvalid)
}

// The offers request reads a loan statement from JSON, as the offers kind
// receives it.
func TestOffersLoanStatementJSON(t *testing.T) {
	s := loanSeed(t)
	b, err := json.Marshal(map[string]any{"loan_statement": s, "affordable_payment": "3000"})
	require.NoError(t, err)
	var r OfferRequest
	require.NoError(t, money.DecodeJSON(b, &r))
	set, err := Offers(r)
	require.NoError(t, err)
	requireAmount(t, "41048.97", set.TotalOutstanding)
}
