package plan

import (
	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/money"
)

// OutstandingOfCard returns what settles a card account today, component
// by component: its payoff. Purchases and cash advances are the
// principal (本金); billed interest plus interest accrued and not yet
// billed is the interest, so a purchase whose grace is still pending is
// priced interest-free, as paying today would keep it; 违约金 is the late
// fee; every other fee (年费, 取现手续费) is the fee. A credit balance is
// used up the way a payment would be: late fee, fee, interest, then
// principal; so the components sum to the payoff.
//
// The offer builder then prices the card's plans on that balance: 账单分期
// and 个性化分期 (an installment plan with a fee or interest), 停息挂账 (the
// interest-free installment plan), a settlement, deferrals and paying
// the minimum.
func OutstandingOfCard(s card.Statement) Outstanding {
	b := s.Balance
	o := Outstanding{
		Principal: b.Purchases.Add(b.CashAdvances),
		Interest:  b.Interest.Add(s.AccruedInterest),
		Fee:       b.Fees.Sub(b.LateFees),
		LateFee:   b.LateFees,
	}
	credit := s.Credit
	for _, c := range []*money.Amount{&o.LateFee, &o.Fee, &o.Interest, &o.Principal} {
		take := money.Min(credit, *c)
		if take.IsPositive() {
			*c, credit = c.Sub(take), credit.Sub(take)
		}
	}
	return o
}

// cardAccount reads what is owed from r's card statement: exactly one
// account may be given.
func (b *builder) cardAccount(r OfferRequest) error {
	if r.Statement != nil || r.LoanStatement != nil || !r.Outstanding.IsZero() {
		return money.Errorf("card_statement", "give exactly one of statement, loan_statement, card_statement or outstanding")
	}
	b.out = OutstandingOfCard(*r.CardStatement)
	if b.start.IsZero() {
		b.start = r.CardStatement.AsOf
	}
	return nil
}
