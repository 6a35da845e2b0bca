package schedule

import (
	"slices"

	"github.com/repayplan/repayplan/money"
)

// run amortizes one balance over consecutive rows of a calendar: a whole
// schedule, or what remains of one after a prepayment, repricing or
// deferral.
type run struct {
	t       Terms
	cal     calendar
	rate    money.Ratio // periodic rate: annual / periods a year
	balance money.Amount
	first   int // number, and calendar period, of the first row
	count   int // rows, grace rows included
	grace   Grace
	fee     money.Amount // fee per row, always on the original principal
	zero    money.Amount // 0 at the rounding's places, so output reads alike
	// payment (EqualInstallment) or share (EqualPrincipal, FlatFee) fixed
	// in advance, as a reduce_term prepayment keeps the old one; zero means
	// computed when amortization starts.
	payment money.Amount
	// untilPaid stops the run at the row that clears the balance.
	untilPaid bool
}

func (t Terms) run(balance money.Amount, first, count int, g Grace) run {
	return run{
		t:       t,
		cal:     t.calendar(),
		rate:    t.periodicRate(),
		balance: balance.Round(t.Rounding),
		first:   first,
		count:   count,
		grace:   g,
		fee:     t.Principal.MulRatio(t.FeeRate.Ratio(), t.Rounding),
		zero:    money.Amount{}.Round(t.Rounding),
	}
}

// periodicRate is the annual rate over the periods in a year, exact.
func (t Terms) periodicRate() money.Ratio {
	return t.annualRate().QuoInt(t.Frequency.PerYear())
}

// annualRate is the rate interest is charged at: a FlatFee schedule
// charges its fee instead and no interest, whatever AnnualRate says.
func (t *Terms) annualRate() money.Ratio {
	if t.Method == FlatFee {
		return money.Ratio{}
	}
	return t.AnnualRate.Ratio()
}

// Interest returns the interest t charges on balance over calendar period
// i (from the due date of period i−1, or the start, to that of period i):
// round(balance × r) on the periodic basis, round(balance × annual × year
// fraction) on the daily one.
func (t Terms) Interest(balance money.Amount, i int) money.Amount {
	if t.InterestBasis != Daily {
		// The periodic basis takes no dates: no calendar to build.
		return t.interest(balance, t.periodicRate(), money.Date{}, money.Date{})
	}
	c := t.calendar()
	return t.interest(balance, t.periodicRate(), c.pay(i-1), c.pay(i))
}

func (t *Terms) interest(balance money.Amount, periodic money.Ratio, from, to money.Date) money.Amount {
	if t.InterestBasis == Daily {
		return balance.MulRatio(t.annualRate().Mul(t.DayCount.YearFrac(from, to)), t.Rounding)
	}
	return balance.MulRatio(periodic, t.Rounding)
}

// Reamortize returns count rows numbered from first, on t's calendar from
// period first on, that repay balance by t's method, with no grace: the
// tail of a schedule after a prepayment, repricing or deferral. The fee per
// row, if any, stays on t's original principal. t must be valid.
func (t Terms) Reamortize(balance money.Amount, first, count int) []Row {
	return t.AppendReamortized(make([]Row, 0, count), balance, first, count)
}

// AppendReamortized appends to rows the rows [Terms.Reamortize] returns,
// and returns the extended slice: a caller that builds a whole schedule —
// a deferral's or prepayment's head, then the tail — writes the tail
// straight into the head's array (with room for it, nothing is allocated)
// instead of copying it out of an array of its own. t must be valid.
func (t Terms) AppendReamortized(rows []Row, balance money.Amount, first, count int) []Row {
	return t.run(balance, first, count, Grace{}).appendRows(rows)
}

func (r run) appendRows(rows []Row) []Row {
	rows = slices.Grow(rows, r.count)
	if out, _, ok := r.fastRows(rows); ok {
		return out
	}
	return r.slowRows(rows)
}

// slowRows is the general path: any basis, grace or magnitude.
func (r run) slowRows(rows []Row) []Row {
	if r.t.Method == Bullet {
		return append(rows, r.bulletRow())
	}
	prev := r.cal.pay(r.first - 1)
	for i := 0; i < r.count; i++ {
		due := r.cal.pay(r.first + i)
		rows = append(rows, Row{})
		row := &rows[len(rows)-1]
		r.row(row, i, prev, due)
		r.balance = row.ClosingBalance
		prev = due
		if r.untilPaid && r.balance.IsZero() {
			break
		}
	}
	return rows
}

// row computes row i of the run; it fixes the payment or share on the
// first row after the grace.
func (r *run) row(row *Row, i int, prev, due money.Date) {
	row.Number = r.first + i
	row.DueDate = due
	row.Days = due.Sub(prev)
	row.OpeningBalance = r.balance
	interest := r.t.interest(r.balance, r.rate, prev, due)
	switch {
	case i < r.grace.Periods && r.grace.Kind == GraceFull:
		row.Capitalized = interest
		row.Principal, row.Interest, row.Fee = r.zero, r.zero, r.zero
		row.Payment = r.zero
		row.ClosingBalance = r.balance.Add(interest)
		return
	case i < r.grace.Periods:
		row.Principal = r.zero
	default:
		if i == r.grace.Periods && r.payment.IsZero() {
			r.payment = r.fixPayment(r.count - i)
			if r.t.Method == EqualInstallment && r.t.InterestBasis == Daily && r.count-i > 1 {
				r.payment = r.levelOnDays(r.payment, i, r.count-i)
			}
		}
		row.Principal = r.principal(interest, i == r.count-1)
	}
	row.Interest = interest
	row.Fee = r.fee
	row.Payment = row.Principal.Add(interest).Add(r.fee)
	row.ClosingBalance = r.balance.Sub(row.Principal)
}

// fixPayment returns the payment (EqualInstallment) or principal share
// (EqualPrincipal, FlatFee) that amortizes the balance over m rows.
func (r *run) fixPayment(m int) money.Amount {
	switch r.t.Method {
	case EqualInstallment:
		return annuity(r.balance, r.rate, m, r.t.Rounding, r.t.InstallmentMultiple)
	case EqualPrincipal, FlatFee:
		return r.balance.MulRatio(money.NewRatio(1, int64(m)), r.t.Rounding)
	}
	return r.zero
}

// principal is what a row repays: never negative, never more than the
// balance, and the whole balance on the last row.
func (r *run) principal(interest money.Amount, last bool) money.Amount {
	if last {
		return r.balance
	}
	var p money.Amount
	switch r.t.Method {
	case EqualInstallment:
		p = r.payment.Sub(interest)
	case EqualPrincipal, FlatFee:
		p = r.payment
	default:
		return r.zero
	}
	if p.IsNegative() {
		return r.zero
	}
	return money.Min(p, r.balance)
}

// bulletRow is a bullet loan's single row, due at the end of the term, with
// interest for the whole term.
func (r run) bulletRow() Row {
	n := r.count
	start, due := r.cal.pay(r.first-1), r.cal.pay(r.first-1+n)
	var interest money.Amount
	if r.t.InterestBasis == Daily {
		interest = r.t.interest(r.balance, r.rate, start, due)
	} else {
		interest = r.balance.MulRatio(r.rate.MulInt(int64(n)), r.t.Rounding)
	}
	fee := r.fee.MulInt(int64(n))
	return Row{
		Number:         r.first,
		DueDate:        due,
		Days:           due.Sub(start),
		OpeningBalance: r.balance,
		Principal:      r.balance,
		Interest:       interest,
		Fee:            fee,
		Payment:        r.balance.Add(interest).Add(fee),
		ClosingBalance: r.zero,
	}
}
