package schedule

import (
	"fmt"
	"math/big"

	"github.com/repayplan/repayplan/money"
)

// Flow is a payment received in a given period (1 = one period after the
// amount was lent).
type Flow struct {
	Period int
	Amount money.Amount
}

// Solver precision: 128 bits carry 38 significant digits, more than the 28
// asked of any intermediate value.
const (
	fastPrec  = 64
	finalPrec = 128
	maxNewton = 200
)

// rateBounds are the annual rates the solver accepts: a nominal
// APR up to +10 000 % and an effective rate down to −99 %.
var (
	maxAPR = big.NewFloat(100)
	maxEAR = big.NewFloat(1e12)
	minEAR = big.NewFloat(-0.99)
)

// solveRates finds the periodic IRR at which the flows repay received, and
// derives the APR and effective annual rate from it.
func solveRates(received money.Amount, flows []Flow, perYear int64) (Rates, error) {
	if v, ok := solveDiscountFast(received, flows); ok {
		if r, close, err := roundRatesFast(v, perYear); err == nil && !close {
			return r, nil
		}
	}
	c, p0 := denseFlows(received, flows)
	v, err := solveDiscount(c, p0)
	if err != nil {
		return Rates{}, err
	}
	r, _, err := roundRates(v, perYear)
	return r, err
}

// denseFlows lays the flows out by period (index t−1 holds period t) on a
// common integer scale with the amount received.
func denseFlows(received money.Amount, flows []Flow) ([]*big.Float, *big.Float) {
	places := received.Places()
	last := 0
	for _, f := range flows {
		places = max(places, f.Amount.Places())
		last = max(last, f.Period)
	}
	c := make([]*big.Float, last)
	for _, f := range flows {
		if f.Period < 1 {
			continue
		}
		x := scaled(f.Amount, places)
		if c[f.Period-1] != nil {
			x.Add(x, c[f.Period-1])
		}
		c[f.Period-1] = x
	}
	return c, scaled(received, places)
}

func scaled(a money.Amount, places int) *big.Float {
	coef, p := a.Coefficient()
	coef.Mul(coef, pow10(places-p))
	return new(big.Float).SetPrec(finalPrec).SetInt(coef)
}

// solveDiscount finds v = 1/(1+i) > 0 with Σ c_t·v^t = p0. With payments
// that are never negative, f(v) = Σ c_t·v^t − p0 is increasing and convex
// for v > 0, so it has at most one root and Newton's method reaches it from
// any positive start without bracketing: from the left it lands to the
// right of the root, and from there it descends monotonically.
func solveDiscount(c []*big.Float, p0 *big.Float) (*big.Float, error) {
	sum := new(big.Float).SetPrec(finalPrec)
	for _, x := range c {
		if x != nil {
			if x.Sign() < 0 {
				return nil, money.Errorf("payments", "must not be negative")
			}
			sum.Add(sum, x)
		}
	}
	if p0.Sign() <= 0 {
		return nil, money.Errorf("principal", "must be positive to have a rate of return")
	}
	if sum.Sign() == 0 {
		return nil, money.Errorf("payments", "no internal rate of return: nothing is repaid")
	}
	v := big.NewFloat(1)
	if sum.Cmp(p0) == 0 {
		return v, nil // exactly repaid: 0 %
	}
	ev := newtonEval{c: c, p0: p0}
	for _, stage := range []struct {
		prec uint
		tol  int
	}{{fastPrec, -52}, {finalPrec, -124}} {
		var ok bool
		v, ok = ev.newton(v, stage.prec, stage.tol)
		if !ok {
			return nil, money.Errorf("payments", "no internal rate of return within −99 %% to +10 000 %% a year")
		}
	}
	return v, nil
}

type newtonEval struct {
	c  []*big.Float
	p0 *big.Float
}

// newton iterates v ← v − f(v)/f'(v) at prec bits until the step is below
// v·2^tol.
func (e newtonEval) newton(v *big.Float, prec uint, tol int) (*big.Float, bool) {
	v = new(big.Float).SetPrec(prec).Set(v)
	f, d := new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec)
	step, lim := new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec)
	for range maxNewton {
		e.eval(v, f, d)
		if d.Sign() <= 0 {
			return nil, false
		}
		step.Quo(f, d)
		v.Sub(v, step)
		if v.Sign() <= 0 {
			// Only reachable through rounding far beyond the supported
			// range: the rate is effectively infinite.
			return nil, false
		}
		lim.SetMantExp(v, tol)
		if step.Sign() == 0 || new(big.Float).Abs(step).Cmp(lim) <= 0 {
			return v, true
		}
	}
	return nil, false
}

// eval sets f = Σ c_t·v^t − p0 and d = f'(v) by Horner's rule.
func (e newtonEval) eval(v, f, d *big.Float) {
	q := new(big.Float).SetPrec(f.Prec())
	dq := new(big.Float).SetPrec(f.Prec())
	tmp := new(big.Float).SetPrec(f.Prec())
	for t := len(e.c) - 1; t >= 0; t-- {
		// q(v) = Σ c_t v^(t−1); dq = q'.
		dq.Mul(dq, v)
		dq.Add(dq, q)
		q.Mul(q, v)
		if e.c[t] != nil {
			q.Add(q, e.c[t])
		}
	}
	// f = v·q − p0, f' = q + v·q'.
	tmp.Mul(v, dq)
	d.Add(q, tmp)
	f.Mul(v, q)
	f.Sub(f, e.p0)
}

// roundRates derives the rates from v and rounds them half up to 6 places.
// close reports whether any of them lies within 10^−15 of a rounding
// boundary, where only the exact solver may decide.
func roundRates(v *big.Float, perYear int64) (r Rates, close bool, err error) {
	one := big.NewFloat(1).SetPrec(finalPrec)
	i := new(big.Float).SetPrec(finalPrec).Quo(one, v)
	return roundRatesI(i.Sub(i, one), perYear)
}

// roundRatesI is roundRates from the periodic rate i itself.
func roundRatesI(i *big.Float, perYear int64) (r Rates, close bool, err error) {
	prec := max(finalPrec, i.Prec())
	one := big.NewFloat(1).SetPrec(prec)
	apr := new(big.Float).SetPrec(prec).Mul(i, new(big.Float).SetInt64(perYear))
	growth := powFloat(new(big.Float).SetPrec(prec).Add(one, i), perYear)
	ear := growth.Sub(growth, one)
	if apr.Cmp(maxAPR) > 0 || ear.Cmp(minEAR) < 0 {
		return Rates{}, false, money.Errorf("payments", "no internal rate of return within −99 %% to +10 000 %% a year")
	}
	if ear.Cmp(maxEAR) > 0 {
		return Rates{}, false, money.Errorf("payments", "the effective annual rate exceeds 10^12 (10^14 %%) and cannot be reported")
	}
	var c1, c2, c3 bool
	var sc roundScratch
	r.IRR, c1 = sc.round6(i)
	r.APR, c2 = sc.round6(apr)
	r.EffectiveAnnualRate, c3 = sc.round6(ear)
	return r, c1 || c2 || c3, nil
}

func powFloat(x *big.Float, n int64) *big.Float {
	r := new(big.Float).SetPrec(x.Prec()).SetInt64(1)
	b := new(big.Float).SetPrec(x.Prec()).Set(x)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r.Mul(r, b)
		}
		b.Mul(b, b)
	}
	return r
}

var (
	million = new(big.Float).SetInt64(1_000_000)
	half    = big.NewFloat(0.5)
	tieBand = big.NewFloat(1e-15)
)

// round6 rounds x half up (away from zero) to 6 places, and reports whether
// x lies within 10^−15 of the boundary between two results.
func round6(x *big.Float) (money.Rate, bool) {
	var sc roundScratch
	return sc.round6(x)
}

// roundScratch holds round6's working values, so that rounding the three
// rates of a schedule allocates their mantissas once.
type roundScratch struct{ y, whole, frac big.Float }

func (sc *roundScratch) round6(x *big.Float) (money.Rate, bool) {
	prec := max(finalPrec, x.Prec())
	y := sc.y.SetPrec(prec).Mul(x, million)
	y.Abs(y)
	whole, _ := y.Int64()
	frac := sc.frac.SetPrec(prec).Sub(y, sc.whole.SetPrec(64).SetInt64(whole))
	frac.Sub(frac, half)
	up := frac.Sign() >= 0
	close := frac.Abs(frac).Cmp(tieBand) < 0
	if up {
		whole++
	}
	if x.Sign() < 0 {
		whole = -whole
	}
	return money.NewRate(whole, 6), close
}

// APRRequest is the "apr" kind: the amount actually received and the
// payments, equally spaced one period apart starting one period after.
// With a StartDate the payments are dated instead: payment j falls due
// FirstDueDate + (j−1) periods (StartDate + j periods without one) of the
// Frequency, and is placed by Appendix J timing as a schedule's rows are;
// the rates then include the XIRR.
type APRRequest struct {
	Principal      money.Amount   `json:"principal" required:"true"`
	Payments       []money.Amount `json:"payments" required:"true"`
	PeriodsPerYear int64          `json:"periods_per_year,omitzero"` // default 12, or the frequency's
	StartDate      money.Date     `json:"start_date,omitzero"`
	FirstDueDate   money.Date     `json:"first_due_date,omitzero"`
	Frequency      Frequency      `json:"frequency,omitzero"`
}

// APR solves r for its rates: the periodic IRR, the nominal APR (IRR ×
// periods a year) and the effective annual rate; dated payments (a
// StartDate) are placed by Appendix J timing, as [Terms.Price] places a
// schedule's rows, and also get the XIRR.
func APR(r APRRequest) (Rates, error) {
	k, err := r.checkHead()
	if err != nil {
		return Rates{}, err
	}
	if !r.StartDate.IsZero() && r.FirstDueDate.IsZero() {
		// The usual dated request, in one pass that also finds every
		// payment within checkPayments' bounds, which then needs no loop
		// of its own; any other request, or an error, takes the long way.
		if t, err := r.datedTerms(k); err == nil {
			if rates, ok, err := r.datedPass(t); ok {
				return rates, err
			}
		}
	}
	places, err := r.checkPayments()
	if err != nil {
		return Rates{}, err
	}
	if r.StartDate.IsZero() {
		if !r.FirstDueDate.IsZero() {
			return Rates{}, money.Errorf("start_date", "is required with first_due_date")
		}
		// The one pass of a regular schedule (plainPass) settles the usual
		// request; solveRates, on the same flows, every other.
		pass := newPlainPass(r.Principal, money.Date{}, places, len(r.Payments), false, nil)
		for i, p := range r.Payments {
			pass.add(i+1, money.Date{}, p)
		}
		if rates, ok := pass.rates(k); ok {
			return rates, nil
		}
		return solveRates(r.Principal, r.flows(), k)
	}
	return r.dated(k)
}

// check validates r's periods a year (returned, its default filled in) and
// amounts, and returns the finest places among them.
func (r APRRequest) check() (k int64, places int, err error) {
	if k, err = r.checkHead(); err != nil {
		return 0, 0, err
	}
	places, err = r.checkPayments()
	return k, places, err
}

// checkHead is check but for the payments' amounts.
func (r APRRequest) checkHead() (k int64, err error) {
	k = r.PeriodsPerYear
	if k == 0 {
		k = 12
		if !r.StartDate.IsZero() {
			k = r.Frequency.PerYear()
		}
	}
	switch {
	case k < 1 || k > 366:
		return 0, money.Errorf("periods_per_year", "must be between 1 and 366, got %d", k)
	case len(r.Payments) == 0:
		return 0, money.Errorf("payments", "must list at least one payment")
	case len(r.Payments) > MaxPeriods:
		return 0, money.Errorf("payments", "must list at most %d payments, got %d", MaxPeriods, len(r.Payments))
	}
	return k, money.CheckAmount("principal", r.Principal)
}

// checkPayments checks the payments' amounts and returns the finest places
// among them and the principal.
func (r APRRequest) checkPayments() (places int, err error) {
	places = r.Principal.Places()
	for i := range r.Payments {
		p := &r.Payments[i]
		// A coefficient within ±10^15 at up to MaxPlaces places is
		// within CheckAmount's bounds; the field's name is formatted only
		// for the rare payment that needs CheckAmount itself: a request of
		// 360 payments must not cost 360 allocations.
		pl := p.Places()
		if u, ok := p.Units(pl); !ok || pl > money.MaxPlaces || u > 1e15 || u < -1e15 {
			if err := money.CheckAmount(fmt.Sprintf("payments[%d]", i), *p); err != nil {
				return 0, err
			}
		}
		places = max(places, pl)
	}
	return places, nil
}

// flows are r's payments, payment j in period j.
func (r APRRequest) flows() []Flow {
	flows := make([]Flow, len(r.Payments))
	for i, p := range r.Payments {
		flows[i] = Flow{Period: i + 1, Amount: p}
	}
	return flows
}

// datedTerms validates the calendar of r's dated payments and returns it
// as Terms.
func (r APRRequest) datedTerms(k int64) (Terms, error) {
	if int(r.Frequency) >= len(frequencyNames) {
		return Terms{}, money.Errorf("frequency", "must be one of monthly, quarterly, weekly, biweekly")
	}
	if k != r.Frequency.PerYear() {
		return Terms{}, money.Errorf("periods_per_year", "must be %d for %s dated payments, got %d", r.Frequency.PerYear(), r.Frequency, k)
	}
	t := Terms{Principal: r.Principal, Periods: len(r.Payments), Frequency: r.Frequency, StartDate: r.StartDate, FirstDueDate: r.FirstDueDate}
	if err := t.checkDates(); err != nil {
		return Terms{}, err
	}
	if !r.Principal.IsPositive() {
		return Terms{}, money.Errorf("principal", "must be positive to have a rate of return")
	}
	return t, nil
}

// datedPass is Price's one pass over a regular schedule's rows
// (plainPrice) on r's payments, anchored on the start, without building
// the rows: their due dates stepped as fastDates steps them (fillDue). It
// declines unless every payment is whole minor units within ±10^15 (so
// within checkPayments' bounds) and the pass settles the rates.
func (r APRRequest) datedPass(t Terms) (rates Rates, ok bool, err error) {
	cal := t.calendar()
	places := t.Rounding.Places()
	var buf [2 * plainStackFlows]int64
	pass := newPlainPass(t.Principal, t.StartDate, places, len(r.Payments), true, buf[:])
	limit := int64(1_000_000_000_000_000)
	for range places {
		limit *= 10 // 10^15 in units: places ≤ MaxPlaces, no overflow
	}
	steps := cal.dueSteps(1)
	var dates [256]money.Date
	for n := 0; n < len(r.Payments); n += len(dates) {
		ds := dates[:min(len(dates), len(r.Payments)-n)]
		cal.fillDue(ds, n+1, &steps)
		for j, due := range ds {
			p := &r.Payments[n+j]
			if p.Places() > money.MaxPlaces {
				return Rates{}, false, nil
			}
			pass.add(n+j+1, due, *p)
		}
	}
	if !pass.ok || pass.maxUnits > limit {
		return Rates{}, false, nil
	}
	if rates, ok = pass.rates(t.Frequency.PerYear()); !ok {
		return Rates{}, false, nil
	}
	rates, err = pass.xirr(rates)
	return rates, true, err
}

// dated prices the payments of r on their due dates, as Price prices a
// schedule's rows: payment j is row j, due on period j of r's calendar.
func (r APRRequest) dated(k int64) (Rates, error) {
	t, err := r.datedTerms(k)
	if err != nil {
		return Rates{}, err
	}
	cal := t.calendar()
	rows := make([]Row, len(r.Payments))
	for i, p := range r.Payments {
		rows[i] = Row{Number: i + 1, DueDate: cal.due(i + 1), Payment: p}
	}
	s, err := t.Price(Schedule{RowCount: len(rows), Rows: rows})
	if err != nil {
		return Rates{}, err
	}
	if !s.Priced() {
		return Rates{}, money.Errorf("payments", "no internal rate of return: nothing is repaid")
	}
	return s.Rates, nil
}
