package main

import (
	"io"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/plan"
)

// cardCustomer is the card scenario (-account card), held as the issuer
// holds it: the card's own transactions, billed on the 5th, due 20 days
// later. The customer spent ¥18,600 over the autumn, took one ¥3,000 cash
// advance, paid the minimum-sized ¥2,000 a month through February 2025 and
// then stopped. The card: 日息万分之五, minimum 10 % of purchases and cash
// advances plus all interest, fees and earlier unpaid minimums (at least
// ¥10), cash-advance fee 1 % (at least ¥10), 违约金 5 % of the unpaid
// minimum.
func cardCustomer(asOf money.Date) card.Account {
	d := money.MustParseDate
	ten := money.MustParseRate("0.1")
	tx := func(date string, k card.Kind, amount string) card.Transaction {
		return card.Transaction{Date: d(date), Kind: k, Amount: money.MustParse(amount)}
	}
	return card.Account{
		OpenDate: d("2024-08-20"), AsOf: asOf,
		Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			tx("2024-09-02", card.Purchase, "6800.00"),
			tx("2024-09-18", card.Purchase, "2400.00"),
			tx("2024-09-25", card.Payment, "1000.00"),
			tx("2024-10-11", card.Purchase, "5200.00"),
			tx("2024-10-21", card.Payment, "2000.00"),
			tx("2024-11-08", card.CashAdvance, "3000.00"),
			tx("2024-11-15", card.Purchase, "4200.00"),
			tx("2024-11-22", card.Payment, "2000.00"),
			tx("2024-12-20", card.Payment, "2000.00"),
			tx("2025-01-22", card.Payment, "2000.00"),
			tx("2025-02-24", card.Payment, "2000.00"),
		},
		Policy: card.Policy{
			Minimum:        &minimum.Policy{Percent: map[string]money.Rate{"purchases": ten, "cash_advances": ten}, Floor: money.MustParse("10")},
			CashAdvanceFee: card.CashAdvanceFee{Rate: money.MustParseRate("0.01"), Min: money.MustParse("10")},
			LateFee:        penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05")},
		},
	}
}

// runCard is run for the card scenario: the card's explanation as the
// agent reads it, then the offers priced on its payoff.
func runCard(w io.Writer, o options, req plan.OfferRequest, langs []phrases) error {
	st, err := card.Compute(cardCustomer(req.StartDate))
	if err != nil {
		return err
	}
	// Offers from a card statement are priced on its payoff today.
	req.CardStatement = &st
	return offerScreen(w, o, req, langs, func(l penalty.Language) []string {
		if l == penalty.ZH {
			return st.Chinese(0)
		}
		return st.English(0)
	})
}
