package plan

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

// cardTextbook is SPEC §9's textbook card as of 2025-04-30: 1000.00
// bought 03-10, 100.00 paid 04-20, the grace lost at the start of 04-26.
// Nothing is billed yet; accrued are 1000.00 × 0.05 % × 41 = 20.50 and
// 900.00 × 0.05 % × 10 = 4.50, so the payoff is 900.00 + 25.00 = 925.00.
func cardTextbook(t *testing.T) card.Statement {
	s, err := card.Compute(card.Account{
		OpenDate: date("2025-03-05"), AsOf: date("2025-04-30"),
		Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			{Date: date("2025-03-10"), Kind: card.Purchase, Amount: amt("1000.00")},
			{Date: date("2025-04-20"), Kind: card.Payment, Amount: amt("100.00")},
		},
		Policy: card.Policy{Minimum: &minimum.Policy{Percent: map[string]money.Rate{"purchases": rate("0.1")}}},
	})
	require.NoError(t, err)
	return s
}

func TestOutstandingOfCardIsThePayoff(t *testing.T) {
	s := cardTextbook(t)
	o := OutstandingOfCard(s)
	requireAmount(t, "900.00", o.Principal)
	requireAmount(t, "25.00", o.Interest)
	requireAmount(t, "925.00", o.Sum())
	requireAmount(t, s.Payoff.String(), o.Sum())
}

// Purchases and cash advances are principal, billed and accrued interest
// are interest, 违约金 is the late fee and the other fees the fee; a credit
// is used late fee, fee, interest, principal.
func TestOutstandingOfCardComponents(t *testing.T) {
	s := card.Statement{
		Balance: card.Balance{Purchases: amt("800"), CashAdvances: amt("200"), Interest: amt("30"),
			Fees: amt("45"), LateFees: amt("25"), Total: amt("1075")},
		AccruedInterest: amt("5"),
	}
	o := OutstandingOfCard(s)
	require.Equal(t, []string{"1000", "35", "20", "0", "25"},
		[]string{o.Principal.String(), o.Interest.String(), o.Fee.String(), o.Penalty.String(), o.LateFee.String()})
	s = card.Statement{
		Balance:         card.Balance{Purchases: amt("100"), Interest: amt("6"), Fees: amt("10"), LateFees: amt("4"), Total: amt("116")},
		AccruedInterest: amt("2"), Credit: amt("12"),
	}
	o = OutstandingOfCard(s)
	requireAmount(t, "0", o.LateFee, "4 taken by the credit")
	requireAmount(t, "0", o.Fee, "6 taken by the credit")
	requireAmount(t, "6", o.Interest, "6 + 2 − the credit's last 2")
	requireAmount(t, "100", o.Principal)
	requireAmount(t, "106", o.Sum(), "116 + 2 − 12")
}

// Offers from a card statement price every plan on its payoff, start on
// its as_of, and the settlement forgives half the interest (CNCardPolicy):
// 925.00 − round(25.00 / 2) = 912.50.
func TestOffersFromCardStatement(t *testing.T) {
	s := cardTextbook(t)
	set, err := Offers(OfferRequest{CardStatement: &s, AffordablePayment: amt("300")})
	require.NoError(t, err)
	require.Equal(t, date("2025-04-30"), set.StartDate)
	requireAmount(t, "925.00", set.TotalOutstanding)
	options := map[Option]bool{}
	for _, o := range set.Offers {
		options[o.Option] = true
		if o.Option == SettlementOption {
			requireAmount(t, "912.50", o.TotalPaid)
		}
	}
	require.True(t, options[SettlementOption] && options[InterestFrozen] && options[InstallmentOption], "%v", options)

	_, err = Offers(OfferRequest{CardStatement: &s, Outstanding: negotiated(), AffordablePayment: amt("300")})
	requireFieldError(t, err, "card_statement")
	var paid card.Statement
	paid.AsOf = date("2025-04-30")
	_, err = Offers(OfferRequest{CardStatement: &paid, AffordablePayment: amt("300")})
	require.ErrorIs(t, err, money.ErrInvalid)
}

// The offers request reads a card statement from JSON, as the offers kind
// receives it: the card_statement result, explanation and all.
func TestOffersCardStatementJSON(t *testing.T) {
	s := cardTextbook(t)
	b, err := json.Marshal(map[string]any{"card_statement": s, "affordable_payment": "300"})
	require.NoError(t, err)
	var r OfferRequest
	require.NoError(t, money.DecodeJSON(b, &r))
	set, err := Offers(r)
	require.NoError(t, err)
	requireAmount(t, "925.00", set.TotalOutstanding)
}
