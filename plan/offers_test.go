package plan

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// account is the negotiated account (22800 owed, 20000 of it principal)
// for a customer who can pay 1500 a month, APR cap 24 %.
func account() OfferRequest {
	return OfferRequest{
		Outstanding:       negotiated(),
		StartDate:         date("2025-06-15"),
		AffordablePayment: amt("1500"),
		Limits:            Limits{APRCap: rate("0.24")},
	}
}

func find(t *testing.T, set OfferSet, o Option, term int) Offer {
	t.Helper()
	for _, x := range set.Offers {
		if x.Option == o && (x.Term == term || term == 0) {
			return x
		}
	}
	t.Fatalf("no %s offer over %d", o, term)
	return Offer{}
}

func TestOffersRankedByCost(t *testing.T) {
	set, err := Offers(account())
	require.NoError(t, err)
	require.Len(t, set.Offers, 1+5+5+3+1)
	requireAmount(t, "22800", set.TotalOutstanding)
	require.Equal(t, 60, set.Limits.MaxPeriods) // the default

	// 停息挂账 over 24: 22800 − 800 − 200 = 21800 at 0 %, round(21800/24)
	// = 908.33, the last row 908.41; cost 21800 − 20000 = 1800.
	f24 := find(t, set, InterestFrozen, 24)
	requireAmount(t, "908.33", f24.FirstPayment)
	requireAmount(t, "908.41", f24.LargestPayment)
	requireAmount(t, "1800", f24.TotalCost)
	require.Equal(t, 1, f24.Rank)
	// 个性化分期 over 24 at 0.6 %: 950 principal + round(22800 × 0.006) =
	// 136.80 fee = 1086.80 a month; paid 22800 + 24 × 136.80 = 26083.20;
	// cost 6083.20.
	i24 := find(t, set, InstallmentOption, 24)
	requireAmount(t, "1086.80", i24.LargestPayment)
	requireAmount(t, "26083.20", i24.TotalPaid)
	requireAmount(t, "6083.20", i24.TotalCost)
	require.True(t, i24.Fits)
	// Over 12: 1900 + 136.80 = 2036.80 > 1500.
	i12 := find(t, set, InstallmentOption, 12)
	require.False(t, i12.Fits)
	require.Equal(t, []Reason{OverAffordable}, i12.Reasons)
	// Settlement: 22800 − (800 + 200 + 50 % × 1500) = 21050 at once.
	s := find(t, set, SettlementOption, 1)
	requireAmount(t, "21050", s.LargestPayment)
	requireAmount(t, "1050", s.TotalCost)
	require.Nil(t, s.APR)
	require.Equal(t, []Reason{OverAffordable}, s.Reasons)
	// Minimum: 10 % × 22800 + 1.5 % × 22800 = 2622 in the first cycle.
	m := find(t, set, MinimumOption, 0)
	requireAmount(t, "2622", m.FirstPayment)
	require.Equal(t, "0.180000", m.APR.String())
	require.Contains(t, m.Reasons, OverAffordable)
	require.Contains(t, m.Reasons, OverTermLimit) // 63 cycles > 60
	require.Equal(t, 63, m.Term)

	// Those that fit come first, by cost, ties by term: frozen 24, 36, 60
	// (1800 each), then installments 24, 36, 60.
	var got []string
	for _, o := range set.Offers {
		if o.Fits {
			got = append(got, o.Option.String()+"/"+itoa(o.Term))
		}
	}
	require.Equal(t, []string{
		"interest_frozen/24", "interest_frozen/36", "interest_frozen/60",
		"installment/24", "installment/36", "installment/60",
	}, got)
	for i, o := range set.Offers {
		if o.Fits {
			require.Equal(t, i+1, o.Rank)
		} else {
			require.Zero(t, o.Rank)
			require.NotEmpty(t, o.Reasons)
		}
	}
}

func TestOffersAPRCap(t *testing.T) {
	// 4 × LPR = 12 %: every flat-fee plan (APR ≈ 12.2–13.3 %) and the 18 %
	// deferrals are over the cap; interest-free plans are not.
	r := account()
	r.Limits.APRCap = rate("0.12")
	set, err := Offers(r)
	require.NoError(t, err)
	for _, o := range set.Offers {
		switch o.Option {
		case InstallmentOption, DeferralOption, MinimumOption:
			require.Contains(t, o.Reasons, OverAPRCap, "%s/%d APR %s", o.Option, o.Term, o.APR)
		case InterestFrozen:
			require.NotContains(t, o.Reasons, OverAPRCap)
		}
	}
}

func TestOffersTermLimit(t *testing.T) {
	r := account()
	r.Limits.MaxPeriods = 24
	set, err := Offers(r)
	require.NoError(t, err)
	require.Equal(t, []Reason{OverTermLimit}, find(t, set, InterestFrozen, 36).Reasons)
	require.True(t, find(t, set, InterestFrozen, 24).Fits)
}

func TestOffersDownPayment(t *testing.T) {
	// A 10 % down payment on the frozen 24-month plan: 10 % × 21800 = 2180
	// is the first and largest payment, over the 1500 affordable.
	r := account()
	p := CNCardPolicy()
	p.DownPayment = DownPayment{Percent: rate("0.1")}
	r.Policy = &p
	set, err := Offers(r)
	require.NoError(t, err)
	f := find(t, set, InterestFrozen, 24)
	requireAmount(t, "2180", f.DownPayment)
	requireAmount(t, "2180", f.FirstPayment)
	requireAmount(t, "2180", f.LargestPayment)
	require.Equal(t, []Reason{OverAffordable}, f.Reasons)
	// total paid = down + the schedule's payments = the base 21800.
	requireAmount(t, "21800", f.TotalPaid)
}

func TestOffersInfeasibleMinimum(t *testing.T) {
	// A minimum of only the interest never repays: kept, marked infeasible.
	r := account()
	p := CNCardPolicy()
	p.Minimum = MinimumPolicy{Percent: map[string]money.Rate{"principal": rate("0")}}
	r.Policy = &p
	set, err := Offers(r)
	require.NoError(t, err)
	m := find(t, set, MinimumOption, 0)
	require.Equal(t, []Reason{Infeasible}, m.Reasons)
	require.Contains(t, m.Note, "interest")
}

func TestOffersFromStatement(t *testing.T) {
	st := statementWith(amt("20000"), amt("1500"), amt("300"), amt("800"), amt("200"))
	r := OfferRequest{Statement: &st, AffordablePayment: amt("1500")}
	set, err := Offers(r)
	require.NoError(t, err)
	require.Equal(t, "2025-06-20", set.StartDate.String()) // the statement's as_of
	requireAmount(t, "22800", set.TotalOutstanding)
	// the first due date of a plan is a month after the start.
	require.Equal(t, "2025-07-20", find(t, set, InterestFrozen, 6).Schedule.Rows[0].DueDate.String())
}

func TestOffersDeterministic(t *testing.T) {
	a, err := Offers(account())
	require.NoError(t, err)
	b, err := Offers(account())
	require.NoError(t, err)
	require.Equal(t, a, b)
}

func TestOffersErrors(t *testing.T) {
	st := statementWith(amt("1"), amt("0"), amt("0"), amt("0"), amt("0"))
	cases := []struct {
		edit  func(*OfferRequest)
		field string
	}{
		{func(r *OfferRequest) { r.Statement = &st }, "outstanding"},
		{func(r *OfferRequest) { r.Outstanding = Outstanding{} }, "outstanding"},
		{func(r *OfferRequest) { r.Outstanding.Fee = amt("-3") }, "outstanding.fee"},
		{func(r *OfferRequest) { r.StartDate = money.Date{} }, "start_date"},
		{func(r *OfferRequest) { r.AffordablePayment = amt("0") }, "affordable_payment"},
		{func(r *OfferRequest) { r.Limits.MaxPeriods = 1201 }, "limits.max_periods"},
		{func(r *OfferRequest) { r.Limits.APRCap = rate("11") }, "limits.apr_cap"},
		{func(r *OfferRequest) { p := OfferPolicy{Terms: make([]int, 13)}; r.Policy = &p }, "policy.terms"},
		{func(r *OfferRequest) { p := OfferPolicy{Terms: []int{6, 0}}; r.Policy = &p }, "policy.terms[1]"},
		{func(r *OfferRequest) { p := OfferPolicy{DeferralMonths: []int{1201}}; r.Policy = &p }, "policy.deferral_months[0]"},
		{func(r *OfferRequest) { p := OfferPolicy{AnnualRate: rate("-0.1")}; r.Policy = &p }, "policy.annual_rate"},
		{func(r *OfferRequest) { p := OfferPolicy{Installment: Pricing{FeeRate: rate("0.01")}}; r.Policy = &p }, "policy.installment.fee_rate"},
		{func(r *OfferRequest) { p := OfferPolicy{SettlementDiscount: Fractions{Fee: rate("2")}}; r.Policy = &p }, "policy.settlement_discount.fee"},
	}
	for _, c := range cases {
		r := account()
		c.edit(&r)
		_, err := Offers(r)
		requireFieldError(t, err, c.field)
	}
	// A statement with an unset as_of and no start date: start_date.
	empty := statementWith(amt("1"), amt("0"), amt("0"), amt("0"), amt("0"))
	empty.AsOf = money.Date{}
	_, err := Offers(OfferRequest{Statement: &empty, AffordablePayment: amt("1")})
	requireFieldError(t, err, "start_date")
}

func TestOffersEmptyListsOfferNone(t *testing.T) {
	// Explicit empty lists: no installment, frozen or deferral candidates.
	r := account()
	p := CNCardPolicy()
	p.Terms, p.DeferralMonths = []int{}, []int{}
	r.Policy = &p
	set, err := Offers(r)
	require.NoError(t, err)
	require.Len(t, set.Offers, 2) // settlement and minimum
}

func itoa(n int) string { return money.New(int64(n), 0).String() }
