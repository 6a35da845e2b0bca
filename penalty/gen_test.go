package penalty_test

import (
	"math/rand/v2"
	"time"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// randomAccount builds a plausible overdue ledger: up to 12 installments a
// month apart (sometimes two on one day), payments around and after the
// due dates, the odd waiver, and a random policy. Every amount has at most
// the rounding's places, so outputs are exact and the invariants can be
// checked to the unit.
func randomAccount(rng *rand.Rand) penalty.Account {
	places := []int{2, 2, 2, 0, 3}[rng.IntN(5)]
	amount := func(maxUnits int64) money.Amount {
		return money.New(rng.Int64N(maxUnits*pow10(places)+1), places)
	}
	first := money.NewDate(2020+rng.IntN(8), time.Month(1+rng.IntN(12)), 1+rng.IntN(31))
	n := 1 + rng.IntN(12)
	a := penalty.Account{Installments: make([]penalty.Installment, n)}
	for k := range a.Installments {
		due := first.AddMonths(k)
		if k > 0 && rng.IntN(8) == 0 {
			due = a.Installments[k-1].DueDate
		}
		a.Installments[k] = penalty.Installment{DueDate: due, Principal: amount(5000)}
		if rng.IntN(3) > 0 {
			a.Installments[k].Interest = amount(300)
		}
		if rng.IntN(3) == 0 {
			a.Installments[k].Fee = amount(50)
		}
	}
	span := a.Installments[n-1].DueDate.Sub(first) + 200
	day := func() money.Date { return first.AddDays(rng.IntN(span) - 30) }
	a.AsOf = day()
	for range rng.IntN(10) {
		p := penalty.Payment{Date: day(), Amount: amount(3000)}
		if !p.Amount.IsPositive() {
			p.Amount = money.New(1, places)
		}
		a.Payments = append(a.Payments, p)
	}
	for range rng.IntN(3) {
		w := penalty.Waiver{Date: day(), Component: []penalty.Component{penalty.PenaltyComponent, penalty.LateFeeComponent, penalty.InterestComponent}[rng.IntN(3)]}
		if rng.IntN(2) == 0 {
			w.Percent = money.NewRate(int64(1+rng.IntN(100)), 2)
		} else {
			w.Amount = money.New(1+rng.Int64N(100*pow10(places)), places)
		}
		if rng.IntN(2) == 0 {
			w.Installment = 1 + rng.IntN(n)
		}
		a.Waivers = append(a.Waivers, w)
	}
	a.Policy = randomPolicy(rng, places)
	return a
}

func randomPolicy(rng *rand.Rand, places int) penalty.Policy {
	p := penalty.Policy{
		PenaltyRate: penalty.PenaltyRate{
			Unit:     penalty.Unit(rng.IntN(3)),
			DayCount: money.DayCount(rng.IntN(4)),
		},
		Base:            penalty.Base(rng.IntN(2)),
		GraceMode:       penalty.GraceMode(rng.IntN(2)),
		AccrualRounding: penalty.AccrualRounding(rng.IntN(2)),
		AllocationScope: penalty.AllocationScope(rng.IntN(2)),
		Rounding:        money.NewRounding(places, money.Mode(rng.IntN(6))),
	}
	switch p.PenaltyRate.Unit {
	case penalty.Daily:
		p.PenaltyRate.Rate = money.NewRate(int64(rng.IntN(10)), 4) // up to 0.09 % a day
	case penalty.Monthly:
		p.PenaltyRate.Rate = money.NewRate(int64(rng.IntN(300)), 4) // up to 3 % a month
	default:
		p.PenaltyRate.Rate = money.NewRate(int64(rng.IntN(3650)), 4) // up to 36.5 % a year
	}
	if rng.IntN(2) == 0 {
		p.PenaltyRate.Markup = money.NewRate(int64(rng.IntN(6)), 1)
	}
	if rng.IntN(2) == 0 {
		p.GraceDays = rng.IntN(10)
	}
	switch rng.IntN(3) {
	case 1:
		p.LateFee = penalty.LateFee{Kind: penalty.FixedFee, Amount: money.New(1+rng.Int64N(100), 0)}
	case 2:
		p.LateFee = penalty.LateFee{Kind: penalty.PercentFee, Rate: money.NewRate(int64(rng.IntN(10)), 2),
			Min: money.New(rng.Int64N(20), 0)}
		if rng.IntN(2) == 0 {
			p.LateFee.Max = p.LateFee.Min.Add(money.New(rng.Int64N(200), 0))
		}
	}
	if rng.IntN(3) == 0 {
		p.StopAfterDays = 1 + rng.IntN(120)
	}
	if rng.IntN(3) == 0 {
		c := money.NewRate(int64(rng.IntN(50)), 2)
		p.Cap = &c
	}
	if rng.IntN(2) == 0 {
		order := []penalty.Component{penalty.PenaltyComponent, penalty.LateFeeComponent, penalty.FeeComponent, penalty.InterestComponent, penalty.PrincipalComponent}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		p.Allocation = order
	}
	return p
}

func pow10(n int) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}
