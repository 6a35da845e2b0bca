package schedule

import (
	"math/big"
	"slices"

	"github.com/repayplan/repayplan/money"
)

// solveTimed finds the periodic rate i of Appendix J's general equation,
// P = Σ c_j / ((1 + f_j·i)(1 + i)^t_j), and derives the rates from it;
// at[j] is the timing of flows[j]. Payments that all fall whole periods
// after the start (at == nil, flows at their periods) are the plain IRR
// and go to solveRates, so regular schedules keep exactly the figures (and
// the fast path) they always had.
func solveTimed(received money.Amount, flows []Flow, at []timing, perYear int64) (Rates, error) {
	if at == nil {
		return solveRates(received, flows, perYear)
	}
	if v, ok := solveTimedFast(received, flows, at); ok {
		if r, close, err := roundRatesFast(v, perYear); err == nil && !close {
			return r, nil
		}
	}
	ev, err := newTimedEval(received, flows, at)
	if err != nil {
		return Rates{}, err
	}
	i, err := ev.solve(fastPrec, nil)
	if err == nil {
		i, err = ev.solve(finalPrec, i)
	}
	if err != nil {
		return Rates{}, err
	}
	r, close, err := roundRatesI(i, perYear)
	if err != nil || !close {
		return r, err
	}
	// Within 10^−15 of a rounding boundary: decide at 320 bits.
	if i, err = ev.solve(320, i); err != nil {
		return Rates{}, err
	}
	r, _, err = roundRatesI(i, perYear)
	return r, err
}

// timedEval evaluates G(i) = Σ_g w_g(i)·Q_g(v) − P, with v = 1/(1+i), the
// payments grouped by their fraction f_g (w_g = 1/(1 + f_g·i)) and Q_g the
// polynomial Σ c_j v^t_j of the group: a schedule has few distinct
// fractions, so the equation costs little more than a plain IRR.
type timedEval struct {
	groups []timedGroup
	p0     *big.Float
	sum    *big.Float
}

type timedGroup struct {
	num, den int64
	terms    []timedTerm // by t, ascending
}

type timedTerm struct {
	t int
	c *big.Float
}

func newTimedEval(received money.Amount, flows []Flow, at []timing) (*timedEval, error) {
	places := received.Places()
	for _, f := range flows {
		places = max(places, f.Amount.Places())
	}
	ev := &timedEval{p0: scaled(received, places), sum: new(big.Float).SetPrec(finalPrec)}
	if ev.p0.Sign() <= 0 {
		return nil, money.Errorf("principal", "must be positive to have a rate of return")
	}
	for k, f := range flows {
		c := scaled(f.Amount, places)
		if c.Sign() < 0 {
			return nil, money.Errorf("payments", "must not be negative")
		}
		if c.Sign() == 0 {
			continue
		}
		ev.sum.Add(ev.sum, c)
		num, den := int64(at[k].num), int64(at[k].den)
		if num == 0 {
			den = 1
		}
		g := slices.IndexFunc(ev.groups, func(g timedGroup) bool { return g.num*den == num*g.den })
		if g < 0 {
			ev.groups = append(ev.groups, timedGroup{num: num, den: den})
			g = len(ev.groups) - 1
		}
		ev.groups[g].terms = append(ev.groups[g].terms, timedTerm{t: int(at[k].t), c: c})
	}
	if ev.sum.Sign() == 0 {
		return nil, money.Errorf("payments", "no internal rate of return: nothing is repaid")
	}
	for k := range ev.groups {
		slices.SortStableFunc(ev.groups[k].terms, func(a, b timedTerm) int { return a.t - b.t })
	}
	return ev, nil
}

// eval sets g = G(i) and d = G'(i) at prec bits.
func (ev *timedEval) eval(i *big.Float, prec uint, g, d *big.Float) {
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	onePlus := new(big.Float).SetPrec(prec).Add(one, i)
	v := new(big.Float).SetPrec(prec).Quo(one, onePlus)
	v2 := new(big.Float).SetPrec(prec).Mul(v, v)
	g.SetPrec(prec).Neg(ev.p0)
	d.SetPrec(prec).SetInt64(0)
	q, dq, w, f := new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec)
	tmp := new(big.Float).SetPrec(prec)
	for _, grp := range ev.groups {
		ev.horner(grp.terms, v, prec, q, dq)
		// w = 1/(1 + f·i), f = num/den
		f.SetInt64(grp.num)
		f.Quo(f, tmp.SetInt64(grp.den))
		w.Mul(f, i)
		w.Add(w, one)
		w.Quo(one, w)
		// G += w·Q; G' += −f·w²·Q − w·v²·Q'
		tmp.Mul(w, q)
		g.Add(g, tmp)
		tmp.Mul(tmp, w)
		tmp.Mul(tmp, f)
		d.Sub(d, tmp)
		tmp.Mul(w, v2)
		tmp.Mul(tmp, dq)
		d.Sub(d, tmp)
	}
}

// horner sets q = Σ c_j v^t_j and dq = dq/dv over terms sorted by t.
func (ev *timedEval) horner(terms []timedTerm, v *big.Float, prec uint, q, dq *big.Float) {
	q.SetInt64(0)
	dq.SetInt64(0)
	pw, dpw, tmp := new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec)
	for j := len(terms) - 1; j >= -1; j-- {
		next := 0 // the exponent left to apply below terms[j+1]
		if j >= 0 {
			next = terms[j].t
		}
		if j < len(terms)-1 {
			// q ← q·v^gap, dq ← dq·v^gap + q·gap·v^(gap−1)
			switch gap := int64(terms[j+1].t - next); {
			case gap == 1: // consecutive periods, the usual case
				dq.Mul(dq, v)
				dq.Add(dq, q)
				q.Mul(q, v)
			case gap > 1:
				dpw.Set(powFloat(v, gap-1))
				pw.Mul(dpw, v)
				dpw.Mul(dpw, tmp.SetInt64(gap))
				dq.Mul(dq, pw)
				dq.Add(dq, tmp.Mul(q, dpw))
				q.Mul(q, pw)
			}
		}
		if j >= 0 {
			q.Add(q, terms[j].c)
		}
	}
}

// solve finds the root i of G at prec bits, from 0 or from a root found
// at lower precision, by Newton's method from the left: G is
// decreasing and convex for i > −1 (each term is a product of positive,
// decreasing, convex functions), so from any point where G > 0 Newton's
// steps rise monotonically to the root without passing it. A start with
// G < 0 first walks left, halving the distance to −1, until G > 0.
func (ev *timedEval) solve(prec uint, from *big.Float) (*big.Float, error) {
	noRoot := money.Errorf("payments", "no internal rate of return within −99 %% to +10 000 %% a year")
	i := new(big.Float).SetPrec(prec)
	if ev.sum.Cmp(ev.p0) == 0 {
		return i, nil // exactly repaid: 0 %
	}
	if from != nil {
		i.Set(from) // a root found at lower precision: Newton polishes it
	}
	g, d := new(big.Float), new(big.Float)
	minusOne := new(big.Float).SetPrec(prec).SetInt64(-1)
	ev.eval(i, prec, g, d)
	if g.Sign() < 0 && from == nil {
		// Walk left toward −1 until G is positive. (From a root found at
		// lower precision, one Newton step lands left of the root anyway:
		// the tangent of a convex decreasing G lies below it.)
		// Ten halvings reach −0.999 a period, below any rate the bounds
		// admit (an effective −99 % a year is −0.99 a period at worst).
		found := false
		for range 10 {
			i.Add(i, minusOne).Quo(i, new(big.Float).SetInt64(2))
			ev.eval(i, prec, g, d)
			if g.Sign() > 0 {
				found = true
				break
			}
			if g.Sign() == 0 {
				return i, nil
			}
		}
		if !found {
			return nil, noRoot
		}
	}
	step := new(big.Float).SetPrec(prec)
	lim := new(big.Float).SetPrec(prec)
	onePlus := new(big.Float).SetPrec(prec)
	for range maxNewton {
		if g.Sign() == 0 {
			return i, nil
		}
		if d.Sign() >= 0 {
			return nil, noRoot
		}
		step.Quo(g, d)
		i.Sub(i, step)
		onePlus.Sub(i, minusOne)
		if onePlus.Sign() <= 0 || i.Cmp(maxPeriodicRate) > 0 {
			return nil, noRoot
		}
		lim.SetMantExp(onePlus, -int(prec)+6)
		if step.Sign() == 0 || new(big.Float).Abs(step).Cmp(lim) <= 0 {
			return i, nil
		}
		ev.eval(i, prec, g, d)
	}
	return nil, noRoot
}

// maxPeriodicRate stops the search far above any reportable rate: a
// periodic rate beyond it would be an APR above 10 000 % at one period a
// year.
var maxPeriodicRate = big.NewFloat(1e4)
