package schedule

import (
	"fmt"
	"math/big"

	"github.com/repayplan/repayplan/money"
)

// DatedFlow is an amount paid (negative) or received (positive) on a date.
type DatedFlow struct {
	Date   money.Date   `json:"date"`
	Amount money.Amount `json:"amount"`
}

// XIRR returns the annual rate x at which the flows are worth nothing
// today: Σ amount_j / (1+x)^(days_j/365) = 0, days counted from the
// earliest flow (act/365, as spreadsheets' XIRR), rounded half up to 6
// places. Flows must include money both paid and received; the rate is
// sought between −99 % and +10 000 % a year.
//
// It solves for the daily discount factor u = (1+x)^(−1/365), which turns
// the sum into a polynomial with whole exponents, so no fractional power
// or logarithm is needed: bisection brackets the root, Newton polishes it.
func XIRR(flows []DatedFlow) (money.Rate, error) {
	if err := checkDatedFlows(flows); err != nil {
		return money.Rate{}, err
	}
	first := flows[0].Date
	for _, f := range flows {
		if f.Date.Before(first) {
			first = f.Date
		}
	}
	terms := make([]xterm, len(flows))
	for i, f := range flows {
		c, p := f.Amount.Coefficient()
		c.Mul(c, pow10(money.MaxPlaces-p))
		terms[i] = xterm{days: int64(f.Date.Sub(first)), c: new(big.Float).SetPrec(finalPrec).SetInt(c)}
	}
	u, err := solveXIRR(terms)
	if err != nil {
		return money.Rate{}, err
	}
	// x = u^−365 − 1
	one := big.NewFloat(1).SetPrec(finalPrec)
	g := powFloat(new(big.Float).SetPrec(finalPrec).Quo(one, u), 365)
	x, _ := round6(g.Sub(g, one))
	return x, nil
}

func checkDatedFlows(flows []DatedFlow) error {
	if len(flows) < 2 {
		return money.Errorf("flows", "need at least two flows, got %d", len(flows))
	}
	if len(flows) > 100_000 {
		return money.Errorf("flows", "must hold at most 100000 flows, got %d", len(flows))
	}
	var pos, neg bool
	for i, f := range flows {
		field := fmt.Sprintf("flows[%d]", i)
		if !f.Date.InRange() {
			return money.Errorf(field+".date", "must lie in the years %d to %d", money.MinYear, money.MaxYear)
		}
		if err := money.CheckAmount(field+".amount", f.Amount); err != nil {
			return err
		}
		pos = pos || f.Amount.IsPositive()
		neg = neg || f.Amount.IsNegative()
	}
	if !pos || !neg {
		return money.Errorf("flows", "no rate of return: flows must include both payments and receipts")
	}
	return nil
}

type xterm struct {
	days int64
	c    *big.Float
}

// Bracket for u: u = 0.9874 is x ≈ +10 100 % a year, u = 1.0127 is
// x ≈ −99.0 %.
var (
	xirrLo = big.NewFloat(0.9874)
	xirrHi = big.NewFloat(1.0127)
)

func solveXIRR(terms []xterm) (*big.Float, error) {
	lo := new(big.Float).SetPrec(finalPrec).Set(xirrLo)
	hi := new(big.Float).SetPrec(finalPrec).Set(xirrHi)
	flo, _ := xeval(terms, lo)
	fhi, _ := xeval(terms, hi)
	if flo.Sign() == 0 {
		return lo, nil
	}
	if flo.Sign() == fhi.Sign() {
		return nil, money.Errorf("flows", "no rate of return between −99 %% and +10 000 %% a year")
	}
	mid := new(big.Float).SetPrec(finalPrec)
	for range 200 {
		mid.Add(lo, hi).Quo(mid, big.NewFloat(2))
		fm, d := xeval(terms, mid)
		if fm.Sign() == 0 {
			return mid, nil
		}
		if fm.Sign() == flo.Sign() {
			lo.Set(mid)
		} else {
			hi.Set(mid)
		}
		// Newton from the midpoint once the bracket is narrow; accept the
		// step only if it stays inside the bracket.
		if d.Sign() != 0 {
			step := new(big.Float).Quo(fm, d)
			cand := new(big.Float).Sub(mid, step)
			if cand.Cmp(lo) > 0 && cand.Cmp(hi) < 0 {
				tiny := new(big.Float).SetMantExp(cand, -120)
				if new(big.Float).Abs(step).Cmp(tiny) <= 0 {
					return cand, nil
				}
				fc, _ := xeval(terms, cand)
				if fc.Sign() == flo.Sign() {
					lo.Set(cand)
				} else {
					hi.Set(cand)
				}
			}
		}
		width := new(big.Float).Sub(hi, lo)
		if width.Cmp(new(big.Float).SetMantExp(hi, -120)) <= 0 {
			return hi, nil
		}
	}
	return mid, nil
}

// xeval returns Σ c·u^days and its derivative.
func xeval(terms []xterm, u *big.Float) (*big.Float, *big.Float) {
	f := new(big.Float).SetPrec(finalPrec)
	d := new(big.Float).SetPrec(finalPrec)
	for _, t := range terms {
		p := powFloat(u, t.days)
		f.Add(f, new(big.Float).Mul(t.c, p))
		if t.days > 0 {
			dp := powFloat(u, t.days-1)
			dp.Mul(dp, new(big.Float).SetInt64(t.days))
			d.Add(d, dp.Mul(dp, t.c))
		}
	}
	return f, d
}
