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
	// rows is the room left in the one array of rows that the
	// candidates' schedules are cut from.
	rows []schedule.Row
}

// rowCount is the number of rows of every candidate schedule, and of the
// schedule the deferrals defer.
func (b *builder) rowCount() int {
	n := 0
	for _, t := range b.pol.Terms {
		n += 2 * t // interest-frozen and installment
	}
	if len(b.pol.DeferralMonths) > 0 {
		n += b.pol.DeferralTerm
	}
	for _, k := range b.pol.DeferralMonths {
		n += b.pol.DeferralTerm + k
	}
	return n
}

// room cuts room for n rows from b.rows, its capacity n so that appending
// to one schedule's rows never runs into the next one's; nil (the
// schedule allocates its own) when there is not enough left.
func (b *builder) room(n int) []schedule.Row {
	if n > len(b.rows) {
		return nil
	}
	r := b.rows[:0:n]
	b.rows = b.rows[n:]
	return r
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
func (b *builder) candidates() []Offer {
	p := &b.pol
	n := 2 + 2*len(p.Terms) + len(p.DeferralMonths)
	offers := make([]Offer, 0, n)
	// What the offers point to, in one allocation rather than one or
	// two per offer.
	held := make([]held, n)
	b.rows = make([]schedule.Row, b.rowCount())
	offers = append(offers, b.settlement(&held[0]))
	offers = b.installments(offers, held, InterestFrozen)
	offers = b.installments(offers, held, InstallmentOption)
	offers = b.deferrals(offers, held)
	offers = append(offers, b.minimum(&held[len(offers)]))
	// An offer has at most three reasons: they share one array, three to
	// an offer.
	reasons := make([]Reason, 3*len(offers))
	for i := range offers {
		offers[i].judge(b.affordable, b.limits, reasons[3*i:3*i:3*i+3])
	}
	return offers
}

// held is what one offer's pointers point to.
type held struct {
	waived   Relief
	apr      money.Rate
	schedule schedule.Schedule
}

func (b *builder) settlement(h *held) Offer {
	s := Settlement{Outstanding: b.out, Discount: b.pol.SettlementDiscount, Rounding: b.rnd}.settle()
	o := Offer{Option: SettlementOption, Term: 1}
	o.FirstPayment, o.LargestPayment, o.TotalPaid = s.LumpSum, s.LumpSum, s.LumpSum
	o.TotalCost = b.cost(s.LumpSum)
	h.waived = s.Discount
	o.Waived = &h.waived
	return o
}

// installments appends the plans of the option over each term:
// 个性化分期 (InstallmentOption) as the policy prices it, or 停息挂账
// (InterestFrozen): interest free with the penalty and late fee waived in
// full. What they finance is the same whatever the term, so it is worked
// out once.
func (b *builder) installments(offers []Offer, held []held, option Option) []Offer {
	if len(b.pol.Terms) == 0 {
		return offers
	}
	r := Restructuring{
		Outstanding: b.out,
		Waive:       b.pol.InstallmentWaive,
		DownPayment: b.pol.DownPayment,
		Pricing:     b.pol.Installment,
		StartDate:   b.start,
		Rounding:    b.rnd,
	}
	if option == InterestFrozen {
		r.Pricing = Pricing{Method: PricingInterestFree}
		r.Waive.Penalty, r.Waive.LateFee = money.NewRate(1, 0), money.NewRate(1, 0)
	}
	f, ferr := r.financing()
	for _, n := range b.pol.Terms {
		r.Periods = n
		offers = append(offers, b.installment(r, option, f, ferr, &held[len(offers)]))
	}
	return offers
}

// installment is r's plan as an offer of option, on r's financing f (or
// its error ferr).
func (b *builder) installment(r Restructuring, option Option, f financing, ferr error, h *held) Offer {
	o := Offer{Option: option, Term: r.Periods}
	// The request was checked as a whole; what is left to fail (a last due
	// date past 2200, say) fails in financing or plan.
	if ferr != nil {
		return infeasible(o, ferr)
	}
	p, err := r.plan(f, b.room(r.Periods))
	if err != nil {
		return infeasible(o, err)
	}
	o.DownPayment = p.DownPayment
	o.FirstPayment, o.LargestPayment = payments(p.Schedule.Rows, p.DownPayment)
	o.TotalPaid, o.TotalCost = p.TotalPaid, b.cost(p.TotalPaid)
	h.waived, h.schedule = p.Waived, p.Schedule
	o.Waived, o.Schedule = &h.waived, &h.schedule
	o.APR = h.aprOf(&h.schedule)
	return o
}

// aprOf returns a pointer to the APR of s, held in h; nil when s is not
// priced.
func (h *held) aprOf(s *schedule.Schedule) *money.Rate {
	if !s.Priced() {
		return nil
	}
	h.apr = s.Rates.APR
	return &h.apr
}

// deferrals appends the 延期还款 offers: the whole balance as an
// equal-installment loan at the account's rate over the deferral term,
// its first k months deferred, for each k the policy lists. Every one
// defers the same terms, so they are amortized (and so validated) once.
func (b *builder) deferrals(offers []Offer, held []held) []Offer {
	if len(b.pol.DeferralMonths) == 0 {
		return offers
	}
	t := schedule.Terms{
		Principal:  b.out.Sum(),
		AnnualRate: b.pol.AnnualRate,
		Periods:    b.pol.DeferralTerm,
		StartDate:  b.start,
		Rounding:   b.rnd,
	}
	orig, err := schedule.AmortizeInto(b.room(t.Periods), t)
	if err != nil {
		err = money.Within("terms", err) // as Defer reports it
	}
	for _, k := range b.pol.DeferralMonths {
		d := Deferral{Terms: t, FromPeriod: 1, Periods: k, Interest: b.pol.DeferralInterest}
		offers = append(offers, b.deferral(d, orig.Rows, err, &held[len(offers)]))
	}
	return offers
}

// deferral is Defer(d) as an offer, d's terms amortized as orig (or their
// error origErr).
func (b *builder) deferral(d Deferral, orig []schedule.Row, origErr error, h *held) Offer {
	o := Offer{Option: DeferralOption, Term: b.pol.DeferralTerm + d.Periods, DeferredPeriods: d.Periods}
	if origErr != nil {
		return infeasible(o, origErr)
	}
	s, err := d.on(orig, b.room(len(orig)+d.Periods))
	if err != nil {
		return infeasible(o, err)
	}
	o.FirstPayment, o.LargestPayment = payments(s.Rows, money.Amount{})
	o.TotalPaid, o.TotalCost = s.Totals.Payment, b.cost(s.Totals.Payment)
	h.schedule = s
	o.Schedule = &h.schedule
	o.APR = h.aprOf(&h.schedule)
	return o
}

// minimum is 最低还款: the minimum-only projection of the whole balance at
// the account's rate. Its APR is that rate: the projection charges
// exactly AnnualRate / 12 a cycle.
func (b *builder) minimum(h *held) Offer {
	o := Offer{Option: MinimumOption}
	cycle := b.pol.AnnualRate.Ratio().QuoInt(12)
	p, err := project(b.out.Sum(), cycle, b.pol.Minimum, b.rnd)
	if err != nil {
		return infeasible(o, err)
	}
	o.Term = p.Cycles
	o.FirstPayment, o.LargestPayment = p.FirstPayment, p.LargestPayment
	o.TotalPaid, o.TotalCost = p.TotalPaid, b.cost(p.TotalPaid)
	h.apr = sixPlaces(b.pol.AnnualRate)
	o.APR = &h.apr
	return o
}

// sixPlaces writes r with six decimals, as the schedules' APRs are, so
// that the offers' rates read alike.
func sixPlaces(r money.Rate) money.Rate {
	a := money.RoundRatio(r.Ratio(), money.NewRounding(6, money.HalfUp))
	if u, ok := a.Units(6); ok {
		return money.NewRate(u, 6) // a is written with 6 places: no big.Int
	}
	coef, places := a.Coefficient()
	return money.NewRate(coef.Int64(), places)
}

// cost is what paid costs beyond the principal outstanding.
func (b *builder) cost(paid money.Amount) money.Amount { return paid.Sub(b.out.Principal).Round(b.rnd) }

// payments returns a plan's first and largest payment, the down payment
// counting as a payment when there is one.
func payments(rows []schedule.Row, down money.Amount) (first, largest money.Amount) {
	first, largest = down, down
	if len(rows) > 0 && !down.IsPositive() {
		first = rows[0].Payment
	}
	for i := range rows {
		if pay := &rows[i].Payment; pay.Cmp(largest) > 0 { // money.Max, without copying the rows' payments
			largest = *pay
		}
	}
	return first, largest
}

func infeasible(o Offer, err error) Offer {
	o.Note = err.Error()
	return o
}
