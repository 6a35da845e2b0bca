package card_test

import (
	"math/rand/v2"
	"time"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// history says which kinds a random account may contain.
type history struct {
	cash, fees, payments bool
}

// randomAccount builds a plausible card history: an opening date, up to
// about a year of purchases (sometimes several on one day), optional cash
// advances, fees and payments, and a random policy. Amounts are whole
// cents, so every figure is exact and the invariants hold to the cent.
func randomAccount(rng *rand.Rand, h history) card.Account {
	open := money.NewDate(2020+rng.IntN(8), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	span := 20 + rng.IntN(400)
	a := card.Account{
		OpenDate: open,
		AsOf:     open.AddDays(span),
		Cycle:    card.Cycle{StatementDay: 1 + rng.IntN(31), DueAfterDays: 1 + rng.IntN(27)},
		Policy:   randomPolicy(rng),
	}
	day := open
	for range rng.IntN(30) {
		day = day.AddDays([]int{0, 0, 1, 2, 5, 9, 15}[rng.IntN(7)])
		if day.Sub(open) > span+30 {
			break
		}
		kinds := []card.Kind{card.Purchase, card.Purchase, card.Purchase}
		if h.cash {
			kinds = append(kinds, card.CashAdvance)
		}
		if h.fees {
			kinds = append(kinds, card.Fee)
		}
		if h.payments {
			kinds = append(kinds, card.Payment, card.Payment)
		}
		k := kinds[rng.IntN(len(kinds))]
		a.Transactions = append(a.Transactions, card.Transaction{Date: day, Kind: k, Amount: cents(rng, 300_000)})
	}
	return a
}

func randomPolicy(rng *rand.Rand) card.Policy {
	p := card.Policy{Minimum: &minimum.Policy{
		Percent: map[string]money.Rate{"purchases": []money.Rate{money.NewRate(1, 1), money.NewRate(5, 2), money.NewRate(1, 2)}[rng.IntN(3)]},
		Floor:   []money.Amount{{}, money.New(10, 0), money.New(25, 0)}[rng.IntN(3)],
	}}
	if rng.IntN(3) == 0 {
		p.Minimum.Percent["past_due_minimum"] = money.NewRate(5, 1)
	}
	if rng.IntN(2) == 0 {
		r := []money.Rate{money.NewRate(5, 4), money.NewRate(3, 4), money.NewRate(0, 0), money.NewRate(65, 5)}[rng.IntN(4)]
		p.DailyRate = &r
	}
	if rng.IntN(3) == 0 {
		r := money.NewRate(6, 4)
		p.CashAdvanceDailyRate = &r
	}
	if rng.IntN(2) == 0 {
		p.CashAdvanceFee = card.CashAdvanceFee{Rate: money.NewRate(1, 2), Min: money.New(10, 0), Max: []money.Amount{{}, money.New(50, 0)}[rng.IntN(2)]}
	}
	switch rng.IntN(3) {
	case 0:
		p.LateFee = penalty.LateFee{Kind: penalty.FixedFee, Amount: money.New(20, 0)}
	case 1:
		p.LateFee = penalty.LateFee{Kind: penalty.PercentFee, Rate: money.NewRate(5, 2), Min: money.New(5, 0), Max: money.New(50, 0)}
	}
	if rng.IntN(3) == 0 {
		p.GraceDays = []int{1, 3, 15, 40}[rng.IntN(4)]
	}
	if rng.IntN(4) == 0 {
		p.Tolerance = []money.Amount{money.New(1, 0), money.New(10, 0)}[rng.IntN(2)]
	}
	if rng.IntN(5) == 0 {
		p.Calendar = money.Calendar{Preset: money.PresetWeekends}
	}
	return p
}

// cents is a random positive amount of at most max cents.
func cents(rng *rand.Rand, max int64) money.Amount { return money.New(1+rng.Int64N(max), 2) }
