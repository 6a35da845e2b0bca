package plan

import "github.com/repayplan/repayplan/penalty"

// OutstandingOf returns what a penalty statement says the account owes,
// component by component: its totals of unpaid principal, interest, fee,
// payable penalty and late fee. Contingent penalty (accrued in a grace
// that has not ended) is not owed yet and is left out, as the statement
// leaves it out of its totals. Its totals include every installment
// listed, due or not: for a loan, whose remaining schedule carries
// interest not yet earned, use OutstandingOfLoan on a loan statement.
func OutstandingOf(s penalty.Statement) Outstanding {
	t := s.Totals
	return Outstanding{
		Principal: t.Principal,
		Interest:  t.Interest,
		Fee:       t.Fee,
		Penalty:   t.Penalty,
		LateFee:   t.LateFee,
	}
}
