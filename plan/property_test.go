package plan

import (
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// gen draws random inputs from a fixed seed, so every run checks the same
// cases.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) gen { return gen{rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))} }

// cents returns an amount of up to max minor units.
func (g gen) cents(max int64) money.Amount { return money.New(g.r.Int64N(max+1), 2) }

// fraction returns a fraction in [0, 1] with up to 4 places, often a round
// one.
func (g gen) fraction() money.Rate {
	switch g.r.IntN(4) {
	case 0:
		return money.NewRate(0, 0)
	case 1:
		return money.NewRate(1, 0)
	case 2:
		return money.NewRate(int64(g.r.IntN(5))*25, 2)
	}
	return money.NewRate(g.r.Int64N(10001), 4)
}

func (g gen) date() money.Date {
	return money.NewDate(2000+g.r.IntN(100), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(31))
}

func (g gen) outstanding() Outstanding {
	return Outstanding{
		Principal: g.cents(10_000_000), Interest: g.cents(500_000), Fee: g.cents(100_000),
		Penalty: g.cents(100_000), LateFee: g.cents(50_000),
	}
}

func (g gen) pricing() Pricing {
	switch g.r.IntN(4) {
	case 0:
		return Pricing{}
	case 1:
		return Pricing{Method: PricingFlatFee, FeeRate: money.NewRate(g.r.Int64N(200), 4)}
	case 2:
		return Pricing{Method: PricingEqualInstallment, AnnualRate: money.NewRate(g.r.Int64N(3600), 4)}
	}
	return Pricing{Method: PricingEqualPrincipal, AnnualRate: money.NewRate(g.r.Int64N(3600), 4)}
}

// requireInvalid accepts only a *money.Error: bad random input is fine,
// any other failure is not.
func requireInvalid(t *testing.T, err error) {
	t.Helper()
	var e *money.Error
	require.True(t, errors.As(err, &e), "unexpected error %v", err)
}

// checkRows asserts the schedule invariants of SPEC §2 on any rows: the
// balance chains, closes at 0, nothing is negative, and every payment is
// principal + interest + fee.
func checkScheduleRows(t *testing.T, s schedule.Schedule) {
	t.Helper()
	require.Equal(t, len(s.Rows), s.RowCount)
	var sumP, sumCap money.Amount
	for i, r := range s.Rows {
		for _, a := range []money.Amount{r.OpeningBalance, r.Principal, r.Interest, r.Fee, r.Payment, r.ClosingBalance, r.Capitalized} {
			require.False(t, a.IsNegative(), "row %d: %+v", r.Number, r)
		}
		require.True(t, r.Payment.Equal(r.Principal.Add(r.Interest).Add(r.Fee)), "row %d", r.Number)
		require.True(t, r.ClosingBalance.Equal(r.OpeningBalance.Sub(r.Principal).Add(r.Capitalized)), "row %d", r.Number)
		if i > 0 {
			require.True(t, r.OpeningBalance.Equal(s.Rows[i-1].ClosingBalance), "row %d", r.Number)
		}
		sumP, sumCap = sumP.Add(r.Principal), sumCap.Add(r.Capitalized)
	}
	require.True(t, s.Rows[len(s.Rows)-1].ClosingBalance.IsZero())
	require.True(t, sumP.Equal(s.Rows[0].OpeningBalance.Add(sumCap)))
}

func TestPropertyRestructure(t *testing.T) {
	g := newGen(1)
	for i := 0; i < 3000; i++ {
		r := Restructuring{
			Outstanding: g.outstanding(),
			Waive:       Fractions{Interest: g.fraction(), Penalty: g.fraction(), LateFee: g.fraction(), Fee: g.fraction()},
			Periods:     1 + g.r.IntN(120),
			Pricing:     g.pricing(),
			StartDate:   g.date(),
		}
		switch g.r.IntN(3) {
		case 1:
			r.DownPayment.Percent = money.NewRate(g.r.Int64N(5000), 4)
		case 2:
			r.DownPayment.Amount = g.cents(1_000_000)
		}
		p, err := Restructure(r)
		if err != nil {
			requireInvalid(t, err)
			continue
		}
		checkScheduleRows(t, p.Schedule)
		// The plan's principal sums to what it finances, which with the
		// down payment is the base: outstanding less what was waived.
		require.True(t, p.Schedule.Totals.Principal.Equal(p.Financed), "case %d", i)
		require.True(t, p.Financed.Add(p.DownPayment).Equal(p.Base))
		require.True(t, p.Base.Equal(r.Outstanding.Sum().Sub(p.Waived.Total)))
		require.True(t, p.TotalPaid.Equal(p.DownPayment.Add(p.Schedule.Totals.Payment)))
		require.True(t, p.TotalCost.Equal(p.TotalPaid.Sub(p.Base)))
		require.Equal(t, r.Periods, p.Schedule.RowCount)
		if r.Pricing.Method == PricingInterestFree {
			require.True(t, p.TotalCost.IsZero())
		}
	}
}

func TestPropertyDeferral(t *testing.T) {
	g := newGen(2)
	methods := []schedule.Method{schedule.EqualInstallment, schedule.EqualPrincipal, schedule.InterestOnly, schedule.FlatFee}
	for i := 0; i < 3000; i++ {
		n := 1 + g.r.IntN(60)
		tm := schedule.Terms{
			Principal:     money.New(1+g.r.Int64N(100_000_000), 2),
			AnnualRate:    money.NewRate(g.r.Int64N(3000), 4),
			Periods:       n,
			Method:        methods[g.r.IntN(len(methods))],
			Frequency:     schedule.Frequency(g.r.IntN(4)),
			InterestBasis: schedule.InterestBasis(g.r.IntN(2)),
			DayCount:      money.DayCount(g.r.IntN(4)),
			StartDate:     g.date(),
		}
		if tm.Method == schedule.FlatFee {
			tm.AnnualRate, tm.FeeRate = money.Rate{}, money.NewRate(g.r.Int64N(100), 4)
		}
		d := Deferral{Terms: tm, FromPeriod: 1 + g.r.IntN(n), Periods: 1 + g.r.IntN(12), Interest: DeferredInterest(g.r.IntN(3))}
		s, err := Defer(d)
		if err != nil {
			requireInvalid(t, err)
			continue
		}
		checkScheduleRows(t, s)
		require.Equal(t, n+d.Periods, s.RowCount)
		// Deferred rows pay nothing; principal sums to the balance plus
		// what was capitalized.
		for _, r := range s.Rows[d.FromPeriod-1 : d.FromPeriod-1+d.Periods] {
			require.True(t, r.Payment.IsZero())
		}
		require.True(t, s.Totals.Principal.Equal(tm.Principal.Add(s.Totals.Capitalized)), "case %d", i)
		if d.Interest != Capitalize {
			require.True(t, s.Totals.Capitalized.IsZero())
		}
		if d.Interest == Waive {
			orig, err := schedule.Amortize(tm)
			require.NoError(t, err)
			require.True(t, orig.Totals.Payment.Equal(s.Totals.Payment), "waive keeps every payment")
		}
	}
}

func TestPropertyPayoff(t *testing.T) {
	g := newGen(3)
	for i := 0; i < 2000; i++ {
		r := PayoffRequest{
			Balance:   money.New(1+g.r.Int64N(5_000_000), 2),
			CycleRate: money.NewRate(g.r.Int64N(300), 4),
			Minimum: MinimumPolicy{
				Percent: map[string]money.Rate{"principal": money.NewRate(g.r.Int64N(1001), 4)},
				Floor:   g.cents(5000),
			},
		}
		p, err := ProjectPayoff(r)
		if err != nil {
			requireInvalid(t, err)
			continue
		}
		require.LessOrEqual(t, p.Cycles, MaxCycles)
		require.True(t, p.TotalPaid.Equal(r.Balance.Add(p.TotalInterest)), "case %d", i)
		require.True(t, p.LargestPayment.Cmp(p.FirstPayment) >= 0)
	}
}

func TestPropertyMinimum(t *testing.T) {
	g := newGen(4)
	for i := 0; i < 3000; i++ {
		bal := map[string]money.Amount{"a": g.cents(1_000_000), "b": g.cents(100_000), "c": g.cents(1000)}
		p := MinimumPolicy{Percent: map[string]money.Rate{"a": g.fraction(), "c": g.fraction()}, Floor: g.cents(20_000)}
		r, err := Minimum(MinimumRequest{Balances: bal, Policy: p})
		require.NoError(t, err)
		sum := bal["a"].Add(bal["b"]).Add(bal["c"])
		require.True(t, r.MinimumPayment.Cmp(sum) <= 0, "never above the balances")
		require.True(t, r.MinimumPayment.Cmp(money.Min(p.Floor, sum)) >= 0, "at least the floor, or all")
		require.True(t, r.MinimumPayment.Cmp(bal["b"]) >= 0, "all of a balance without a percent")
	}
}

func TestPropertyOffers(t *testing.T) {
	g := newGen(5)
	for i := 0; i < 600; i++ {
		r := randomOffers(g)
		set, err := Offers(r)
		if err != nil {
			requireInvalid(t, err)
			continue
		}
		checkOffers(t, set)
	}
}

// randomOffers draws an offers request.
func randomOffers(g gen) OfferRequest {
	r := OfferRequest{
		Outstanding:       g.outstanding(),
		StartDate:         g.date(),
		AffordablePayment: g.cents(1_000_000),
		Limits:            Limits{MaxPeriods: g.r.IntN(80), APRCap: money.NewRate(g.r.Int64N(40), 2)},
	}
	if g.r.IntN(2) == 0 {
		p := CNCardPolicy()
		p.AnnualRate = money.NewRate(g.r.Int64N(3600), 4)
		p.Installment = g.pricing()
		p.InstallmentWaive = Fractions{Penalty: g.fraction(), Interest: g.fraction()}
		p.SettlementDiscount = Fractions{Penalty: g.fraction(), LateFee: g.fraction(), Interest: g.fraction()}
		p.DeferralInterest = DeferredInterest(g.r.IntN(3))
		p.Minimum = MinimumPolicy{Percent: map[string]money.Rate{"principal": money.NewRate(g.r.Int64N(200), 3)}, Floor: g.cents(20000)}
		if g.r.IntN(3) == 0 {
			p.DownPayment.Percent = money.NewRate(g.r.Int64N(30), 2)
		}
		p.Terms = []int{1 + g.r.IntN(72), 1 + g.r.IntN(72), 1 + g.r.IntN(24)}
		r.Policy = &p
	}
	return r
}

// checkOffers asserts what every offer set must satisfy: an offer that
// fits keeps to every limit; one that does not says why, truly; ranks run
// 1, 2, … in order of cost; plans' amounts add up.
func checkOffers(t testing.TB, set OfferSet) {
	t.Helper()
	l := set.Limits
	lastRank, lastCost := 0, money.Amount{}
	for i, o := range set.Offers {
		over := o.LargestPayment.Cmp(set.AffordablePayment) > 0
		overAPR := o.APR != nil && !l.APRCap.IsZero() && o.APR.Cmp(l.APRCap) > 0
		overTerm := o.Term > l.MaxPeriods
		if o.Fits {
			require.False(t, over || overAPR || overTerm, "offer %d fits but breaks a limit: %+v", i, o)
			require.Empty(t, o.Reasons)
			require.Equal(t, lastRank+1, o.Rank)
			if lastRank > 0 {
				require.True(t, o.TotalCost.Cmp(lastCost) >= 0, "ranked by cost")
			}
			lastRank, lastCost = o.Rank, o.TotalCost
			continue
		}
		require.Zero(t, o.Rank)
		require.NotEmpty(t, o.Reasons)
		if o.Note == "" {
			require.Equal(t, over, contains(o.Reasons, OverAffordable), "offer %d: %+v", i, o)
			require.Equal(t, overAPR, contains(o.Reasons, OverAPRCap))
			require.Equal(t, overTerm, contains(o.Reasons, OverTermLimit))
		}
		require.Equal(t, i >= lastRank, true, "rejected offers follow the ranked ones")
	}
	for _, o := range set.Offers {
		if o.Note != "" || o.Schedule == nil {
			continue
		}
		// total paid = down payment + the schedule's payments.
		require.True(t, o.TotalPaid.Equal(o.DownPayment.Add(o.Schedule.Totals.Payment)))
		if o.Option != DeferralOption {
			// Principal repaid = what is owed less the down payment and
			// what was waived.
			financed := set.TotalOutstanding.Sub(o.Waived.Total).Sub(o.DownPayment)
			require.True(t, o.Schedule.Totals.Principal.Equal(financed))
		} else {
			require.True(t, o.Schedule.Totals.Principal.Equal(set.TotalOutstanding.Add(o.Schedule.Totals.Capitalized)))
		}
	}
}

func contains(rs []Reason, r Reason) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
