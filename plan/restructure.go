package plan

import (
	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// MaxPersonalizedPeriods is the longest personalized installment plan
// (个性化分期) Chinese card rules allow: five years of monthly payments.
// Restructure does not enforce it; the offer builder's Limits do.
const MaxPersonalizedPeriods = 60

// Restructuring turns what an overdue account owes into an installment
// plan: 分期, 个性化分期 (negotiated terms), or 停息挂账 (interest frozen:
// PricingInterestFree pricing with penalty and late fee waived). Waive forgives a
// fraction of each component; the down payment is paid on StartDate; the
// rest is repaid monthly from StartDate.
type Restructuring struct {
	Outstanding Outstanding    `json:"outstanding" required:"true"`
	Waive       Fractions      `json:"waive,omitzero"`
	DownPayment DownPayment    `json:"down_payment,omitzero"`
	Periods     int            `json:"periods" required:"true"`
	Pricing     Pricing        `json:"pricing,omitzero"`
	StartDate   money.Date     `json:"start_date" required:"true"`
	Rounding    money.Rounding `json:"rounding,omitzero"`
}

// DownPayment is paid when a plan starts: a fraction of what is
// restructured (rounded), or a fixed amount; at most one of the two. The
// zero DownPayment is none.
type DownPayment struct {
	Percent money.Rate   `json:"percent,omitzero"`
	Amount  money.Amount `json:"amount,omitzero"`
}

// Pricing is what financing the plan costs. The zero Pricing is interest
// free.
type Pricing struct {
	Method PricingMethod `json:"method,omitzero"`
	// FeeRate is the monthly fee on the amount financed (PricingFlatFee), or a fee
	// per row on top of the interest (PricingEqualInstallment, PricingEqualPrincipal).
	FeeRate money.Rate `json:"fee_rate,omitzero"`
	// AnnualRate is the interest rate (PricingEqualInstallment, PricingEqualPrincipal).
	AnnualRate money.Rate `json:"annual_rate,omitzero"`
}

// PricingMethod is how a plan is priced. The zero value is PricingInterestFree.
type PricingMethod uint8

const (
	// PricingInterestFree repays equal principal at 0 %: 停息挂账.
	PricingInterestFree PricingMethod = iota
	// PricingFlatFee charges FeeRate of the amount financed every month and no
	// interest: a card installment's 手续费.
	PricingFlatFee
	// PricingEqualInstallment (等额本息) charges AnnualRate in level payments.
	PricingEqualInstallment
	// PricingEqualPrincipal (等额本金) charges AnnualRate on the falling balance.
	PricingEqualPrincipal
)

var pricingNames = []string{"interest_free", "flat_fee", "equal_installment", "equal_principal"}

func (m PricingMethod) String() string { return enum.Name(m, pricingNames) }

// MarshalText encodes m as its snake_case name.
func (m PricingMethod) MarshalText() ([]byte, error) { return enum.Text(m, pricingNames) }

// UnmarshalText decodes a snake_case name.
func (m *PricingMethod) UnmarshalText(b []byte) error { return enum.Parse(b, pricingNames, m) }

// Restructured is an installment plan: what was waived, the base left
// (outstanding − waived), the down payment, the amount financed and its
// schedule; TotalPaid = down payment + the schedule's payments, TotalCost
// = TotalPaid − Base, and APR is the schedule's (年化利率, on the amount
// financed; absent only when nothing is repaid).
type Restructured struct {
	Waived      Relief            `json:"waived"`
	Base        money.Amount      `json:"base"`
	DownPayment money.Amount      `json:"down_payment"`
	Financed    money.Amount      `json:"financed"`
	Schedule    schedule.Schedule `json:"schedule"`
	TotalPaid   money.Amount      `json:"total_paid"`
	TotalCost   money.Amount      `json:"total_cost"`
	APR         *money.Rate       `json:"apr,omitempty"`
}

// Restructure computes r's plan.
func Restructure(r Restructuring) (Restructured, error) {
	if err := r.check(); err != nil {
		return Restructured{}, err
	}
	f, err := r.financing()
	if err != nil {
		return Restructured{}, err
	}
	p, err := r.plan(f, nil)
	if err != nil {
		return Restructured{}, err
	}
	if p.Schedule.Priced() {
		apr := p.Schedule.Rates.APR
		p.APR = &apr
	}
	return p, nil
}

// financing is what a checked restructuring finances: what it waives, the
// base left, the down payment and the amount financed. None of it depends
// on the term or the pricing, so the offer builder works it out once for
// all the terms of an option.
type financing struct {
	waived               Relief
	base, down, financed money.Amount
}

func (r Restructuring) financing() (financing, error) {
	rnd := r.Rounding
	waived := r.Outstanding.Of(r.Waive, rnd)
	base := r.Outstanding.Sub(waived).Sum().Round(rnd)
	down, err := r.downPayment(base)
	if err != nil {
		return financing{}, err
	}
	return financing{waived: newRelief(waived, rnd), base: base, down: down, financed: base.Sub(down)}, nil
}

// plan computes a checked restructuring on its financing f, all but its
// APR (which the offer builder holds with the offer's other pointees), the
// rows written into dst's array when it has room for them (a new array
// otherwise).
func (r Restructuring) plan(f financing, dst []schedule.Row) (Restructured, error) {
	rnd := r.Rounding
	s, err := r.schedule(f.financed, dst)
	if err != nil {
		return Restructured{}, err
	}
	paid := f.down.Add(s.Totals.Payment).Round(rnd)
	out := Restructured{
		Waived:      f.waived,
		Base:        f.base,
		DownPayment: f.down.Round(rnd),
		Financed:    f.financed.Round(rnd),
		Schedule:    s,
		TotalPaid:   paid,
		TotalCost:   paid.Sub(f.base).Round(rnd),
	}
	return out, nil
}

// downPayment resolves the down payment against the base and checks that
// something is left to finance.
func (r Restructuring) downPayment(base money.Amount) (money.Amount, error) {
	if !base.IsPositive() {
		return money.Amount{}, money.Errorf("outstanding", "nothing is left to restructure after the waivers")
	}
	dp := r.DownPayment
	down := base.MulRatio(dp.Percent.Ratio(), r.Rounding)
	if !dp.Amount.IsZero() {
		down = dp.Amount
		if down.Cmp(base) > 0 {
			return money.Amount{}, money.Errorf("down_payment.amount", "exceeds the amount to restructure %s, got %s", base, down)
		}
	}
	if down.Cmp(base) >= 0 {
		return money.Amount{}, money.Errorf("down_payment", "leaves nothing to finance: it pays all of %s", base)
	}
	return down, nil
}

// schedule repays financed, with its rates, in dst's array when it has
// room (AmortizeInto). An interest-free schedule's payments add up to
// exactly what it lends, so its rate of return is exactly 0 and is not
// solved for.
func (r Restructuring) schedule(financed money.Amount, dst []schedule.Row) (schedule.Schedule, error) {
	t := r.terms(financed)
	s, err := schedule.AmortizeInto(dst, t)
	if err != nil {
		return schedule.Schedule{}, err
	}
	if r.Pricing.Method != PricingInterestFree {
		return t.Price(s) // schedule.New, the rows where dst put them
	}
	zero := money.NewRate(0, 6)
	s.Rates = schedule.Rates{IRR: zero, APR: zero, EffectiveAnnualRate: zero, XIRR: &zero} // by days too
	return s, nil
}

// terms are the schedule that repays financed.
func (r Restructuring) terms(financed money.Amount) schedule.Terms {
	t := schedule.Terms{
		Principal: financed,
		Periods:   r.Periods,
		StartDate: r.StartDate,
		Rounding:  r.Rounding,
		FeeRate:   r.Pricing.FeeRate,
	}
	switch r.Pricing.Method {
	case PricingFlatFee:
		t.Method = schedule.FlatFee
	case PricingEqualInstallment:
		t.Method, t.AnnualRate = schedule.EqualInstallment, r.Pricing.AnnualRate
	default: // PricingInterestFree and PricingEqualPrincipal
		t.Method, t.AnnualRate = schedule.EqualPrincipal, r.Pricing.AnnualRate
	}
	return t
}

func (r Restructuring) check() error {
	rnd := r.Rounding
	return firstError(
		func() error { return checkRounding(rnd) },
		func() error { return r.Outstanding.check("outstanding", rnd) },
		func() error { return r.Waive.check("waive") },
		func() error { return r.DownPayment.check("down_payment", rnd) },
		func() error { return checkPeriods("periods", r.Periods) },
		func() error { return money.Within("pricing", r.Pricing.check()) },
		func() error { return checkDate("start_date", r.StartDate) },
		func() error {
			if last := r.StartDate.AddMonths(r.Periods); !last.InRange() {
				return money.Errorf("periods", "the last due date %s falls after %d", last, money.MaxYear)
			}
			return nil
		},
	)
}

func (d DownPayment) check(field string, rnd money.Rounding) error {
	if !d.Percent.IsZero() && !d.Amount.IsZero() {
		return money.Errorf(field, "give percent or amount, not both")
	}
	// The fields' paths are built only for an error.
	if err := checkFraction("percent", d.Percent); err != nil {
		return money.Within(field, err)
	}
	return money.Within(field, checkMoney("amount", d.Amount, rnd))
}

func (p Pricing) check() error {
	if int(p.Method) >= len(pricingNames) {
		return money.Errorf("method", "must be one of %s", "interest_free, flat_fee, equal_installment, equal_principal")
	}
	if err := checkFraction("fee_rate", p.FeeRate); err != nil {
		return err
	}
	if err := money.CheckRate("annual_rate", p.AnnualRate, 0, 10); err != nil {
		return err
	}
	switch {
	case p.Method == PricingInterestFree && !p.FeeRate.IsZero():
		return money.Errorf("fee_rate", "does not apply to interest_free pricing, got %s", p.FeeRate)
	case (p.Method == PricingInterestFree || p.Method == PricingFlatFee) && !p.AnnualRate.IsZero():
		return money.Errorf("annual_rate", "does not apply to %s pricing, got %s", p.Method, p.AnnualRate)
	}
	return nil
}
