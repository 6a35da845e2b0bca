package schedule

import (
	"math/big"

	"github.com/repayplan/repayplan/money"
)

// Daily-basis level payments.
//
// The usual rule keeps the periodic-rate payment A for rows 1..n−1 of a daily
// equal_installment schedule and lets the last row absorb the difference.
// Where the days run ahead of the periodic rate that difference compounds:
// 100 000 at 18 % over 240 months, act/360, pays A = 1 543.31 for 239
// rows and then 47 642.97. The rule here:
//
//   - A is kept while the last payment (principal + interest) stays within
//     balloonTolerance (10 %) of A — every schedule the rule's periodic A
//     serves, odd first periods of a few weeks included;
//   - otherwise the payment is re-solved on the actual days: the level A′
//     with balance = Σ_k A′ / Π_{j≤k} (1 + annual × yearfrac_j) over the
//     rows left, rounded like A (to the scale, or to installment_multiple),
//     so the last row absorbs only the rounding of A′ and of each row's
//     interest.
//
// The discount factors are computed in fixed point with levelDigits
// digits, far more than the 28 significant digits asked of a
// value a power forces to round.
const (
	balloonTolerance = 10 // percent of A
	levelDigits      = 60
)

// levelOnDays returns the payment of a daily-basis equal_installment run
// over its m remaining rows from row index i: a (the periodic payment) if
// its last payment stays within balloonTolerance of it, else the payment
// re-solved on the rows' actual days.
func (r *run) levelOnDays(a money.Amount, i, m int) money.Amount {
	off := r.lastOff(a, i, m)
	if off.Sign() >= 0 && off.MulInt(100).Cmp(a.MulInt(balloonTolerance)) <= 0 {
		return a
	}
	// Near interest-only terms (a high rate over decades) no level
	// payment is close, and a re-solved one can be worse than A: keep
	// whichever ends closer, the rule's A on a tie.
	a2 := r.solveOnDays(i, m)
	if off2 := r.lastOff(a2, i, m); off2.Sign() >= 0 && (off.Sign() < 0 || off2.Cmp(off) < 0) {
		return a2
	}
	return a
}

// lastOff runs rows i..i+m−1 with payment a, as row does, and returns how
// far the last one's principal + interest is from a, or −1 if the balance
// is repaid before the last row (the rows after would pay nothing).
func (r *run) lastOff(a money.Amount, i, m int) money.Amount {
	b := r.balance
	prev := r.cal.pay(r.first + i - 1)
	var last money.Amount
	for k := range m {
		if !b.IsPositive() {
			return money.New(-1, 0)
		}
		due := r.cal.pay(r.first + i + k)
		interest := r.t.interest(b, r.rate, prev, due)
		p := b
		if k < m-1 {
			p = money.Min(money.Max(a.Sub(interest), money.Amount{}), b)
		}
		b = b.Sub(p)
		last = p.Add(interest)
		prev = due
	}
	return last.Sub(a).Abs()
}

// solveOnDays is the level payment that repays r.balance over rows
// i..i+m−1 at simple interest on each row's actual days, rounded by the
// terms' rounding (or to their installment_multiple).
func (r *run) solveOnDays(i, m int) money.Amount {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(levelDigits), nil)
	annual := r.t.annualRate()
	disc := new(big.Int).Set(scale) // Π 1/(1 + y_j), in units of 1/scale
	sum := new(big.Int)             // Σ_k disc_k
	num, den := new(big.Int), new(big.Int)
	prev := r.cal.pay(r.first + i - 1)
	for k := range m {
		due := r.cal.pay(r.first + i + k)
		y := annual.Mul(r.t.DayCount.YearFrac(prev, due)).Rat()
		// disc / (1 + y) = disc × q / (q + p) for y = p/q, rounded half
		// up in fixed point: ⌊(2 × disc × q + (q + p)) / (2 × (q + p))⌋.
		den.Add(y.Denom(), y.Num())
		num.Mul(disc, y.Denom())
		num.Lsh(num, 1).Add(num, den)
		disc.Quo(num, den.Lsh(den, 1))
		sum.Add(sum, disc)
		prev = due
	}
	if sum.Sign() == 0 {
		return r.balance
	}
	// A′ = balance × scale / sum.
	coef, places := r.balance.Coefficient()
	n := new(big.Int).Mul(coef, scale)
	d := new(big.Int).Mul(sum, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	rnd := r.t.Rounding
	mult := r.t.InstallmentMultiple
	if mult.IsZero() {
		return money.FromFraction(n, d, rnd)
	}
	mc, mp := mult.Coefficient()
	n.Mul(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(mp)), nil))
	d.Mul(d, mc)
	k, _ := money.FromFraction(n, d, money.NewRounding(0, rnd.Mode())).Coefficient()
	return money.FromFraction(k.Mul(k, mc), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(mp)), nil), rnd)
}
