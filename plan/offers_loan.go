package plan

import (
	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
)

// OutstandingOfLoan returns what settles a loan today, component by
// component: its payoff, never the scheduled interest of
// installments not yet due. The prepayment fee (提前还款违约金) is a fee.
// The payoff's credit — money unapplied or paid ahead — is used up the
// way a payment would be, in the default allocation order: penalty, late
// fee, fee, interest, then principal; so the components sum to the
// payoff's total.
func OutstandingOfLoan(s loan.Statement) Outstanding {
	p := s.Payoff
	o := Outstanding{
		Principal: p.Principal,
		Interest:  p.Interest,
		Fee:       p.Fee.Add(p.PrepaymentFee),
		Penalty:   p.Penalty,
		LateFee:   p.LateFee,
	}
	credit := p.Credit
	for _, c := range []*money.Amount{&o.Penalty, &o.LateFee, &o.Fee, &o.Interest, &o.Principal} {
		take := money.Min(credit, *c)
		if take.IsPositive() {
			*c, credit = c.Sub(take), credit.Sub(take)
		}
	}
	return o
}
