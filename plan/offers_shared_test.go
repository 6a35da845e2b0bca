package plan

import (
	"encoding/json"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// randomSharedOffers is randomOffers with the deferral policy drawn too,
// and now and then a coarse rounding or a tiny balance, which make plans
// fail (a payment that repays the principal early).
func randomSharedOffers(g gen, i int) OfferRequest {
	r := randomOffers(g)
	if r.Policy != nil && i%2 == 0 {
		r.Policy.DeferralMonths = []int{1 + g.r.IntN(12), 1 + g.r.IntN(3), 1 + g.r.IntN(30)}
		r.Policy.DeferralTerm = 1 + g.r.IntN(60)
	}
	if i%7 == 0 {
		r.Outstanding = Outstanding{Principal: g.cents(3000), Interest: g.cents(50)}
	}
	if i%5 == 0 {
		r.Rounding = money.NewRounding(g.r.IntN(4), money.Mode(g.r.IntN(6)))
	}
	return r
}

// The offers share work across the candidates — one financing per
// option, one amortization of the deferral terms, one array for every
// schedule's rows, one array for what the offers point to — and each one
// must still be the plan built alone: Restructure's path (financing, then
// plan) for the installment plans, Defer for the deferrals,
// projectAmounts for the minimum.
func TestOffersAreTheirPlansBuiltAlone(t *testing.T) {
	g := newGen(11)
	var built [5]int // offers compared, by Option
	for i := 0; i < 800; i++ {
		r := randomSharedOffers(g, i)
		set, err := Offers(r)
		if err != nil {
			requireInvalid(t, err)
			continue
		}
		b, err := newBuilder(r)
		require.NoError(t, err)
		for _, o := range set.Offers {
			built[o.Option]++
			switch o.Option {
			case InterestFrozen, InstallmentOption:
				requireInstallmentAlone(t, b, o)
			case DeferralOption:
				requireDeferralAlone(t, b, o)
			case MinimumOption:
				p, err := projectAmounts(b.out.Sum(), b.pol.AnnualRate.Ratio().QuoInt(12), b.pol.Minimum, b.rnd)
				if err != nil {
					require.Equal(t, err.Error(), o.Note)
					continue
				}
				require.Equal(t, p.Cycles, o.Term)
				requireSameJSON(t, p.TotalPaid, o.TotalPaid)
				requireSameJSON(t, p.FirstPayment, o.FirstPayment)
				requireSameJSON(t, p.LargestPayment, o.LargestPayment)
			}
		}
	}
	for o, n := range built {
		require.Positive(t, n, "no %s offer compared", Option(o))
	}
}

func requireInstallmentAlone(t *testing.T, b builder, o Offer) {
	t.Helper()
	r := Restructuring{
		Outstanding: b.out, Waive: b.pol.InstallmentWaive, DownPayment: b.pol.DownPayment,
		Periods: o.Term, Pricing: b.pol.Installment, StartDate: b.start, Rounding: b.rnd,
	}
	if o.Option == InterestFrozen {
		r.Pricing = Pricing{Method: PricingInterestFree}
		r.Waive.Penalty, r.Waive.LateFee = money.NewRate(1, 0), money.NewRate(1, 0)
	}
	f, err := r.financing()
	var p Restructured
	if err == nil {
		p, err = r.plan(f, nil)
	}
	if err != nil {
		require.Equal(t, err.Error(), o.Note)
		return
	}
	require.Empty(t, o.Note)
	requireSameJSON(t, p.Schedule, *o.Schedule)
	requireSameJSON(t, p.Waived, *o.Waived)
	requireSameJSON(t, p.TotalPaid, o.TotalPaid)
	requireSameJSON(t, p.DownPayment, o.DownPayment)
	require.Equal(t, p.Schedule.Priced(), o.APR != nil)
	if o.APR != nil {
		require.Equal(t, p.Schedule.Rates.APR, *o.APR)
	}
}

func requireDeferralAlone(t *testing.T, b builder, o Offer) {
	t.Helper()
	s, err := Defer(Deferral{
		Terms: schedule.Terms{
			Principal: b.out.Sum(), AnnualRate: b.pol.AnnualRate, Periods: b.pol.DeferralTerm,
			StartDate: b.start, Rounding: b.rnd,
		},
		FromPeriod: 1, Periods: o.DeferredPeriods, Interest: b.pol.DeferralInterest,
	})
	if err != nil {
		require.Equal(t, err.Error(), o.Note)
		return
	}
	require.Empty(t, o.Note)
	requireSameJSON(t, s, *o.Schedule)
	require.Equal(t, s.Priced(), o.APR != nil)
	if o.APR != nil {
		require.Equal(t, s.Rates.APR, *o.APR)
	}
}

func requireSameJSON(t *testing.T, want, got any) {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	require.Equal(t, string(w), string(g))
}

// One offer's schedule, reasons or rates cannot reach another's through
// the arrays they share: appending to the rows of one leaves the next
// one's as they were.
func TestOffersShareNoRowsThroughAppend(t *testing.T) {
	set, err := Offers(account())
	require.NoError(t, err)
	before, err := json.Marshal(set)
	require.NoError(t, err)
	for _, o := range set.Offers {
		if o.Schedule != nil {
			o.Schedule.Rows = append(o.Schedule.Rows, schedule.Row{Number: -1})
		}
		if o.Reasons != nil {
			_ = append(o.Reasons, Infeasible) // within its capacity
		}
	}
	for _, o := range set.Offers {
		if o.Schedule != nil {
			o.Schedule.Rows = o.Schedule.Rows[:len(o.Schedule.Rows)-1]
		}
	}
	after, err := json.Marshal(set)
	require.NoError(t, err)
	require.JSONEq(t, string(before), string(after))
}

// rankByCopy is rank as it was written first: the offers that fit copied
// out and sorted by sort.SliceStable, then those that do not.
func rankByCopy(offers []Offer) []Offer {
	out := make([]Offer, 0, len(offers))
	for _, o := range offers {
		if o.Fits {
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return compareCost(&out[i], &out[j]) < 0 })
	for i := range out {
		out[i].Rank = i + 1
	}
	for _, o := range offers {
		if !o.Fits {
			out = append(out, o)
		}
	}
	return out
}

// rank sorts in place by the offers' indices; over random offers, ties in
// every key included, it orders them as sorting copies does.
func TestRankInPlaceIsRankByCopy(t *testing.T) {
	g := newGen(12)
	for i := 0; i < 3000; i++ {
		n := g.r.IntN(2 + 3*maxListed + 3) // past the stack buffer too
		offers := make([]Offer, n)
		for j := range offers {
			offers[j] = Offer{
				Option:          Option(g.r.IntN(5)),
				Term:            1 + g.r.IntN(3),
				DeferredPeriods: g.r.IntN(2),
				TotalCost:       money.New(g.r.Int64N(4), 0),
				Fits:            g.r.IntN(3) > 0,
				Note:            string(rune('a' + j%26)), // tells equal keys apart
			}
		}
		want := rankByCopy(offers)
		got := rank(append(make([]Offer, 0, n), offers...))
		require.Equal(t, want, got, "case %d", i)
	}
}

// projectUnits is projectAmounts on machine integers: over random
// balances, rates, policies and roundings it gives the same projection
// wherever it does not decline, and it declines wherever the projection
// is an error.
func TestProjectUnitsIsProjectAmounts(t *testing.T) {
	g := newGen(13)
	names := []string{"principal", "interest", "purchases"}
	var fast int
	const cases = 6000
	for i := 0; i < cases; i++ {
		places := g.r.IntN(5)
		rnd := money.NewRounding(places, money.Mode(g.r.IntN(6)))
		balance := money.New(1+g.r.Int64N(10_000_000), places)
		switch i % 50 {
		case 0:
			balance = money.Amount{} // nothing to project
		case 10, 20, 30, 40:
			balance = money.New(1+g.r.Int64N(1<<52), places) // past the fast path's bound
		}
		rate := money.NewRate(g.r.Int64N(10001), 4+g.r.IntN(3)).Ratio().QuoInt(int64(1 + g.r.IntN(12))) // up to 1 a cycle
		p := MinimumPolicy{Percent: map[string]money.Rate{}, Floor: money.New(g.r.Int64N(5000), places)}
		for _, n := range names {
			if g.r.IntN(2) == 0 {
				p.Percent[n] = money.NewRate(g.r.Int64N(1001), 3+g.r.IntN(10))
			}
		}
		if g.r.IntN(4) == 0 {
			p.Percent = nil
		}
		want, werr := projectAmounts(balance, rate, p, rnd)
		got, ok := projectUnits(balance, rate, p, rnd)
		if werr != nil {
			require.False(t, ok, "case %d: %v", i, werr)
			continue
		}
		if !ok {
			continue
		}
		fast++
		require.Equal(t, want, got, "case %d", i)
	}
	require.Greater(t, fast, cases/2, "the fast path settles the common case")
}

// CNCardPolicy writes its rates as coefficients; they are the rates
// parsed from its figures.
func TestCNCardPolicyRatesAreParsed(t *testing.T) {
	p := CNCardPolicy()
	require.Equal(t, money.MustParseRate("0.18"), p.AnnualRate)
	require.Equal(t, money.MustParseRate("0.006"), p.Installment.FeeRate)
	require.Equal(t, money.MustParseRate("1"), p.SettlementDiscount.Penalty)
	require.Equal(t, money.MustParseRate("1"), p.SettlementDiscount.LateFee)
	require.Equal(t, money.MustParseRate("0.5"), p.SettlementDiscount.Interest)
	m := CNCardMinimum()
	require.Equal(t, map[string]money.Rate{"purchases": money.MustParseRate("0.10"), "principal": money.MustParseRate("0.10")}, m.Percent)
}

// sixPlaces takes its coefficient from Units where it fits; it is the
// rate Coefficient gives.
func TestSixPlacesIsTheCoefficient(t *testing.T) {
	g := newGen(14)
	for i := 0; i < 3000; i++ {
		r := money.NewRate(g.r.Int64N(100_000_000_000), g.r.IntN(13))
		a := money.RoundRatio(r.Ratio(), money.NewRounding(6, money.HalfUp))
		coef, places := a.Coefficient()
		require.Equal(t, money.NewRate(coef.Int64(), places), sixPlaces(r), "rate %s", r)
	}
}
