package penalty

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/repayplan/repayplan/money"
)

// TestRangeShortcutsAreBounds: whenever checkRange's shortcuts pass an
// account — inRangeByBounds for the installments, the count bound for the
// payments — the walk they skip passes it too, on random valid accounts
// from tiny to the input bounds, at 0 to 12 places, over up to three
// centuries of accrual. Both outcomes of each must occur, or the draws
// would not test anything.
func TestRangeShortcutsAreBounds(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	var quick, walked, paidQuick, paidWalked int
	amount := func(places int) money.Amount {
		switch rng.IntN(4) {
		case 0:
			return money.New(rng.Int64N(1_000_000_000_000_000)+1, 0) // up to 10^15
		case 1:
			return money.New(rng.Int64N(100_000_000), places)
		case 2: // up to 10^15 written with zeros to 12 places: whole minor units still
			return money.New(rng.Int64N(1_000_000_000_000_000)+1, 0).Add(money.New(0, places+rng.IntN(13-places)))
		}
		return money.New(int64(rng.IntN(1000)), 0)
	}
	for range 20_000 {
		places := rng.IntN(13)
		first := money.NewDate(1900+rng.IntN(250), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		a := Account{AsOf: first.AddDays(rng.IntN(110_000))}
		if !a.AsOf.InRange() {
			continue
		}
		n := 1 + rng.IntN(40)
		for k := range n {
			a.Installments = append(a.Installments, Installment{DueDate: first.AddMonths(k),
				Principal: amount(places), Interest: amount(places), Fee: amount(places)})
		}
		for range rng.IntN(30) {
			a.Payments = append(a.Payments, Payment{Date: first.AddDays(rng.IntN(400)), Amount: amount(places)})
		}
		unit := Unit(rng.IntN(3))
		limit, _ := maxPenaltyRate(unit)
		rate := money.NewRate(rng.Int64N(1_000_000), 6)
		if rate.Ratio().Cmp(limit) > 0 {
			rate = money.NewRate(1, 4)
		}
		a.Policy = Policy{
			PenaltyRate: PenaltyRate{Rate: rate, Unit: unit},
			Base:        Base(rng.IntN(2)),
			Rounding:    money.NewRounding(places, money.HalfUp),
		}
		switch rng.IntN(3) {
		case 1:
			a.Policy.LateFee = LateFee{Kind: FixedFee, Amount: amount(places)}
		case 2:
			a.Policy.LateFee = LateFee{Kind: PercentFee, Rate: money.NewRate(rng.Int64N(1000), 3), Min: amount(places)}
		}
		if validate(a) != nil {
			continue
		}
		var e engine
		e.init(a, true, nil)
		lim := money.ResultLimit(places)
		up := money.NewRounding(places, money.Up)
		u := money.New(1, places)
		dr, _ := e.rates.at(e.asOf)
		if e.rates.unit != Daily {
			dr = e.rates.r360
		}
		if e.inRangeByBounds(lim, dr) {
			quick++
			if err := e.installmentsInRange(lim, up, u, dr); err != nil {
				t.Fatalf("the bound passed an account the walk rejects: %v\n%+v", err, a)
			}
		} else {
			walked++
		}
		if money.New(int64(len(e.payments)), 0).MulInt(maxInput).Cmp(lim) < 0 {
			paidQuick++
			var paid money.Amount
			for _, p := range e.payments {
				paid = paid.Add(p.Amount)
			}
			if paid.Cmp(lim) >= 0 {
				t.Fatalf("the count bound passed payments adding up to %s", paid)
			}
		} else {
			paidWalked++
		}
	}
	if quick == 0 || walked == 0 || paidQuick == 0 || paidWalked == 0 {
		t.Fatalf("draws: %d by bound, %d walked; payments %d by bound, %d walked", quick, walked, paidQuick, paidWalked)
	}
	t.Logf("%d by bound, %d walked; payments %d by bound, %d walked", quick, walked, paidQuick, paidWalked)
}
