package plan

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// builder holds a validated offers request and builds its candidates.
type builder struct {
	out        Outstanding
	start      money.Date
	affordable money.Amount
	limits     Limits
	pol        OfferPolicy
	rnd        money.Rounding
}

func newBuilder(r OfferRequest) (builder, error) {
	b := builder{
		out:        r.Outstanding,
		start:      r.StartDate,
		affordable: r.AffordablePayment,
		limits:     r.Limits.normalized(),
		pol:        CNCardPolicy(),
		rnd:        r.Rounding,
	}
	if r.Policy != nil {
		b.pol = r.Policy.normalized()
	}
	if err := checkRounding(b.rnd); err != nil {
		return builder{}, err
	}
	if err := b.account(r); err != nil {
		return builder{}, err
	}
	err := firstError(
		func() error { return checkDate("start_date", b.start) },
		func() error { return checkMoney("affordable_payment", b.affordable, b.rnd) },
		func() error {
			if !b.affordable.IsPositive() {
				return money.Errorf("affordable_payment", "must be positive, got %s", b.affordable)
			}
			return nil
		},
		func() error { return money.Within("limits", b.limits.check()) },
		func() error { return money.Within("policy", b.pol.check(b.rnd)) },
	)
	if err != nil {
		return builder{}, err
	}
	b.out = b.out.round(b.rnd)
	b.affordable = b.affordable.Round(b.rnd)
	return b, nil
}

// account reads what is owed from the statement, the loan statement's
// payoff or the outstanding components, and the start date from the
// statement when none is given.
func (b *builder) account(r OfferRequest) error {
	field := "outstanding"
	if r.LoanStatement != nil {
		if r.Statement != nil || !r.Outstanding.IsZero() {
			return money.Errorf("loan_statement", "give exactly one of statement, loan_statement or outstanding")
		}
		field = "loan_statement.payoff"
		b.out = OutstandingOfLoan(*r.LoanStatement)
		if b.start.IsZero() {
			b.start = r.LoanStatement.AsOf
		}
	}
	if r.CardStatement != nil {
		if err := b.cardAccount(r); err != nil {
			return err
		}
		field = "card_statement.payoff"
	}
	if r.Statement != nil {
		if !r.Outstanding.IsZero() {
			return money.Errorf("outstanding", "give statement or outstanding, not both")
		}
		field = "statement.totals"
		if err := money.Within("statement", checkStatement(*r.Statement)); err != nil {
			return err
		}
		b.out = OutstandingOf(*r.Statement)
		if b.start.IsZero() {
			b.start = r.Statement.AsOf
		}
	}
	if err := b.out.check(field, b.rnd); err != nil {
		return err
	}
	if !b.out.Sum().IsPositive() {
		return money.Errorf(field, "nothing is owed")
	}
	return nil
}

// candidates builds every candidate plan, judged against the limits, in
// Option order.
func (b builder) candidates() []Offer {
	p := b.pol
	offers := make([]Offer, 0, 2+2*len(p.Terms)+len(p.DeferralMonths))
	offers = append(offers, b.settlement())
	for _, n := range p.Terms {
		offers = append(offers, b.installment(n, true))
	}
	for _, n := range p.Terms {
		offers = append(offers, b.installment(n, false))
	}
	for _, k := range p.DeferralMonths {
		offers = append(offers, b.deferral(k))
	}
	offers = append(offers, b.minimum())
	for i := range offers {
		offers[i].judge(b.affordable, b.limits)
	}
	return offers
}

func (b builder) settlement() Offer {
	s := Settlement{Outstanding: b.out, Discount: b.pol.SettlementDiscount, Rounding: b.rnd}.settle()
	o := Offer{Option: SettlementOption, Term: 1}
	o.FirstPayment, o.LargestPayment, o.TotalPaid = s.LumpSum, s.LumpSum, s.LumpSum
	o.TotalCost = b.cost(s.LumpSum)
	o.Waived = &s.Discount
	return o
}

// installment is 个性化分期 over n months, or, frozen, 停息挂账: interest
// free with the penalty and late fee waived in full.
func (b builder) installment(n int, frozen bool) Offer {
	r := Restructuring{
		Outstanding: b.out,
		Waive:       b.pol.InstallmentWaive,
		DownPayment: b.pol.DownPayment,
		Periods:     n,
		Pricing:     b.pol.Installment,
		StartDate:   b.start,
		Rounding:    b.rnd,
	}
	o := Offer{Option: InstallmentOption, Term: n}
	if frozen {
		o.Option = InterestFrozen
		r.Pricing = Pricing{Method: PricingInterestFree}
		r.Waive.Penalty, r.Waive.LateFee = money.NewRate(1, 0), money.NewRate(1, 0)
	}
	// The request was checked as a whole; what is left to fail (a last due
	// date past 2200, say) fails in plan.
	p, err := r.plan()
	if err != nil {
		return infeasible(o, err)
	}
	o.DownPayment = p.DownPayment
	o.FirstPayment, o.LargestPayment = payments(p.Schedule.Rows, p.DownPayment)
	o.TotalPaid, o.TotalCost = p.TotalPaid, b.cost(p.TotalPaid)
	o.Waived, o.APR, o.Schedule = &p.Waived, p.APR, &p.Schedule
	return o
}

// deferral is 延期还款: the whole balance as an equal-installment loan at
// the account's rate over the deferral term, its first k months deferred.
func (b builder) deferral(k int) Offer {
	o := Offer{Option: DeferralOption, Term: b.pol.DeferralTerm + k, DeferredPeriods: k}
	s, err := Defer(Deferral{
		Terms: schedule.Terms{
			Principal:  b.out.Sum(),
			AnnualRate: b.pol.AnnualRate,
			Periods:    b.pol.DeferralTerm,
			StartDate:  b.start,
			Rounding:   b.rnd,
		},
		FromPeriod: 1,
		Periods:    k,
		Interest:   b.pol.DeferralInterest,
	})
	if err != nil {
		return infeasible(o, err)
	}
	o.FirstPayment, o.LargestPayment = payments(s.Rows, money.Amount{})
	o.TotalPaid, o.TotalCost = s.Totals.Payment, b.cost(s.Totals.Payment)
	if s.Priced() {
		apr := s.Rates.APR
		o.APR = &apr
	}
	o.Schedule = &s
	return o
}

// minimum is 最低还款: the minimum-only projection of the whole balance at
// the account's rate. Its APR is that rate: the projection charges
// exactly AnnualRate / 12 a cycle.
func (b builder) minimum() Offer {
	o := Offer{Option: MinimumOption}
	cycle := b.pol.AnnualRate.Ratio().QuoInt(12)
	p, err := project(b.out.Sum(), cycle, b.pol.Minimum, b.rnd)
	if err != nil {
		return infeasible(o, err)
	}
	o.Term = p.Cycles
	o.FirstPayment, o.LargestPayment = p.FirstPayment, p.LargestPayment
	o.TotalPaid, o.TotalCost = p.TotalPaid, b.cost(p.TotalPaid)
	apr := sixPlaces(b.pol.AnnualRate)
	o.APR = &apr
	return o
}

// sixPlaces writes r with six decimals, as the schedules' APRs are, so
// that the offers' rates read alike.
func sixPlaces(r money.Rate) money.Rate {
	a := money.RoundRatio(r.Ratio(), money.NewRounding(6, money.HalfUp))
	coef, places := a.Coefficient()
	return money.NewRate(coef.Int64(), places)
}

// cost is what paid costs beyond the principal outstanding.
func (b builder) cost(paid money.Amount) money.Amount { return paid.Sub(b.out.Principal).Round(b.rnd) }

// payments returns a plan's first and largest payment, the down payment
// counting as a payment when there is one.
func payments(rows []schedule.Row, down money.Amount) (first, largest money.Amount) {
	first, largest = down, down
	for i, r := range rows {
		if i == 0 && !down.IsPositive() {
			first = r.Payment
		}
		largest = money.Max(largest, r.Payment)
	}
	return first, largest
}

func infeasible(o Offer, err error) Offer {
	o.Note = err.Error()
	return o
}
