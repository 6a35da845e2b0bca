package schedule

import "github.com/repayplan/repayplan/money"

// fastLimit bounds the principal (in units of the last place) for which
// fastRows may run: with periodic rates of at most 10/4 a period and fees
// of at most 10 a period, no row exceeds 14 × 2^48 and no column total over
// 1200 rows exceeds 2^63, so the loop cannot overflow.
const fastLimit = 1 << 48

// fastRows is appendRows on machine integers for the common case —
// periodic interest, no capitalizing grace — where every value provably
// fits in int64. It computes exactly what appendRows computes (a property
// test holds them to it) and reports false, appending nothing, outside that
// case. It also returns the column totals it accumulated.
func (r *run) fastRows(rows []Row) ([]Row, Totals, bool) {
	places := r.t.Rounding.Places()
	bal, ok := r.balance.Units(places)
	fee, fok := r.fee.Units(places)
	pay, pok := r.payment.Units(places)
	sc := money.NewScaler(r.rate, r.t.Rounding)
	if !ok || !fok || !pok || bal < 0 || bal >= fastLimit || fee >= 14*fastLimit || pay >= 14*fastLimit ||
		r.t.InterestBasis != Periodic || r.t.Method == Bullet || (r.grace.Kind == GraceFull && r.grace.Periods > 0) {
		return rows, Totals{}, false
	}
	if _, ok := sc.Units(bal); !ok || cap(rows)-len(rows) < r.count {
		return rows, Totals{}, false
	}
	grace := r.grace.Periods
	if pay == 0 && grace < r.count {
		// Grace rows repay nothing, so the balance the payment or share
		// amortizes is the opening one: fix it before the loop, which then
		// calls nothing.
		pay, _ = r.fixPayment(r.count - grace).Units(places)
	}
	out := rows[len(rows) : len(rows)+r.count]
	k := fastAmounts{
		bal: bal, fee: fee, pay: pay, places: places, grace: grace,
		annuity: r.t.Method == EqualInstallment, share: r.t.Method == EqualPrincipal || r.t.Method == FlatFee,
		untilPaid: r.untilPaid,
	}
	zero := r.rate.Sign() == 0
	var n int
	var totals Totals
	r.fastDates(out)
	if zero || sc.FastHalfUp(uint64(bal)) { // bal only falls from here
		n, totals = k.fill(out, &sc, zero)
	} else {
		n, totals = k.fillAny(out, &sc)
	}
	return rows[:len(rows)+n], totals, true
}

// fastDates fills the number, due date and days of each row: a loop of
// its own, which leaves the amounts loop the registers. The unmoved due
// dates are stepped a chunk at a time into a buffer on the stack; a
// business-day calendar moves each chunk in one call of
// money.Calendar.MoveDates (a lookup per date in its loop, not a call per
// date); the rows are written from the buffer.
func (r *run) fastDates(out []Row) {
	prev := r.cal.pay(r.first - 1)
	steps := r.cal.dueSteps(r.first)
	var buf [256]money.Date
	for n := 0; n < len(out); n += len(buf) {
		ds := buf[:min(len(buf), len(out)-n)]
		r.cal.fillDue(ds, r.first+n, &steps)
		if r.cal.moves {
			r.cal.bd.MoveDates(ds, r.cal.rule)
		}
		rows, first := out[n:n+len(ds)], r.first+n
		for j, due := range ds {
			row := &rows[j]
			row.Number = first + j
			row.DueDate = due
			row.Days = due.Sub(prev)
			prev = due
		}
	}
}

// fastAmounts is the state of fastRows' amounts loop, in minor units.
type fastAmounts struct {
	bal, fee, pay  int64 // pay: the installment (annuity) or share
	places, grace  int
	annuity, share bool
	untilPaid      bool
}

// principal is what row i of last+1 repays from bal after interest.
func (k *fastAmounts) principal(i, last int, bal, interest int64) int64 {
	switch {
	case i < k.grace:
		return 0
	case i == last:
		return bal
	case k.annuity:
		return max(0, min(k.pay-interest, bal))
	case k.share:
		return min(k.pay, bal)
	}
	return 0
}

// fill computes the amounts of out's rows and their column totals, and
// returns how many rows it filled (fewer than len(out) only untilPaid).
// The interest is round half up of bal × the rate by sc.UnitsHalfUp, or 0
// (zero): the common case, and a loop that calls nothing, so the
// balance, on which every row waits, stays in a register. Each amount is
// stored as it is computed, one statement each: a tuple assignment would
// hold all of them in temporaries first.
func (k *fastAmounts) fill(out []Row, sc *money.Scaler, zero bool) (int, Totals) {
	bal, fee, places := k.bal, k.fee, k.places
	if places < 0 {
		// Never (terms' places are 0 to MaxPlaces): said so that the
		// compiler drops money.New's branch for negative places, whose call
		// would otherwise spill the loop's registers on every row.
		return 0, Totals{}
	}
	last := len(out) - 1
	var tp, ti, tpay int64
	n := len(out)
	for i := range out {
		row := &out[i]
		var interest int64
		if !zero {
			interest = int64(sc.UnitsHalfUp(uint64(bal)))
		}
		principal := k.principal(i, last, bal, interest)
		payment := principal + interest + fee
		row.OpeningBalance = money.New(bal, places)
		row.Principal = money.New(principal, places)
		row.Interest = money.New(interest, places)
		row.Fee = money.New(fee, places)
		row.Payment = money.New(payment, places)
		bal -= principal
		row.ClosingBalance = money.New(bal, places)
		row.Capitalized = money.Amount{}
		tp += principal
		ti += interest
		tpay += payment
		if k.untilPaid && bal == 0 {
			n = i + 1
			break
		}
	}
	return n, k.totals(n, tp, ti, tpay)
}

// fillAny is fill for the scalers UnitsHalfUp does not cover (the other
// rounding modes, products beyond 64 bits), through sc.Units; the rows
// already carry their dates.
func (k *fastAmounts) fillAny(out []Row, sc *money.Scaler) (int, Totals) {
	bal, fee, places := k.bal, k.fee, k.places
	if places < 0 {
		return 0, Totals{} // never: as in fill
	}
	last := len(out) - 1
	var tp, ti, tpay int64
	n := len(out)
	for i := range out {
		interest, _ := sc.Units(bal) // fits: bal only falls
		principal := k.principal(i, last, bal, interest)
		payment := principal + interest + fee
		row := &out[i]
		row.OpeningBalance = money.New(bal, places)
		row.Principal = money.New(principal, places)
		row.Interest = money.New(interest, places)
		row.Fee = money.New(fee, places)
		row.Payment = money.New(payment, places)
		bal -= principal
		row.ClosingBalance = money.New(bal, places)
		row.Capitalized = money.Amount{}
		tp += principal
		ti += interest
		tpay += payment
		if k.untilPaid && bal == 0 {
			n = i + 1
			break
		}
	}
	return n, k.totals(n, tp, ti, tpay)
}

func (k *fastAmounts) totals(n int, tp, ti, tpay int64) Totals {
	return Totals{Principal: money.New(tp, k.places), Interest: money.New(ti, k.places),
		Fee: money.New(k.fee*int64(n), k.places), Payment: money.New(tpay, k.places)}
}

// monthSteps steps through the due dates of a monthly calendar, as
// money.MonthIter does but in a loop of its own: a call per date would
// spill the loop's registers, and a step is too large for the inliner, so
// fill writes it out, for fastDates and APRRequest.datedPass. Tests hold
// fastDates to the calendar's dates, and APR to the general path.
type monthSteps struct {
	due  money.Date // the current date
	y, m int        // its year and month
	dim  int        // days in that month
	feb  int        // days in February of year y
	day  int        // the anchor's day of the month, clamped in shorter months
}

// fill steps ds full of dates from s.due on and returns the steps after
// them: a loop of its own, on locals, which the compiler keeps in
// registers (it keeps a struct of more than four fields in memory). The
// month is advanced before its length is taken, so the length is of a
// month 1 to 12.
func (s monthSteps) fill(ds []money.Date) monthSteps {
	due, y, m, dim, feb, day := s.due, s.y, s.m, s.dim, s.feb, s.day
	if day <= 28 {
		// Every month has the anchor's day: each date is a month's
		// length after the one before. A year at a time, its months'
		// lengths in a table, so that a date costs a store and an add.
		for rest := ds; len(rest) > 0; {
			lens := [13]int32{0, 31, int32(feb), 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
			months := lens[m:min(13, m+len(rest))] // the rest of year y that ds takes
			out := rest[:len(months)]
			for i, n := range months {
				out[i] = due
				due = due.AddDays(int(n))
			}
			rest = rest[len(months):]
			if m += len(months); m > 12 {
				m, y = 1, y+1
				feb = 28 + leapDay(y)
			}
		}
		dim = 30 + (m+m>>3)&1 // 31 in months 1, 3, 5, 7, 8, 10, 12
		if m == 2 {
			dim = feb
		}
	} else {
		for j := range ds {
			ds[j] = due
			if m++; m > 12 {
				m, y = 1, y+1
				feb = 28 + leapDay(y)
			}
			next := 30 + (m+m>>3)&1
			if m == 2 {
				next = feb
			}
			due = due.AddDays(dim - min(day, dim) + min(day, next))
			dim = next
		}
	}
	return monthSteps{due: due, y: y, m: m, dim: dim, feb: feb, day: day}
}

// dueSteps starts the month steps of fillDue at period first (unused but
// for a monthly calendar).
func (c *calendar) dueSteps(first int) monthSteps {
	if c.freq != Monthly {
		return monthSteps{}
	}
	return newMonthSteps(c.due(first), c.anchor)
}

// fillDue fills ds with the unmoved due dates of periods first,
// first+1, …: a monthly calendar's stepped by s (from dueSteps, advanced
// past them), any other's from due.
func (c *calendar) fillDue(ds []money.Date, first int, s *monthSteps) {
	if c.freq == Monthly {
		*s = s.fill(ds)
		return
	}
	for j := range ds {
		ds[j] = c.due(first + j)
	}
}

// newMonthSteps starts at first, a date of anchor's monthly series.
func newMonthSteps(first, anchor money.Date) monthSteps {
	y, m, _ := first.Date()
	return monthSteps{due: first, y: y, m: int(m), dim: monthDays(y, int(m)), feb: monthDays(y, 2), day: anchor.Day()}
}

// leapDay is 1 in a leap year, else 0.
func leapDay(y int) int {
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 1
	}
	return 0
}

// monthDays is the length of month m of year y.
func monthDays(y, m int) int {
	if m == 2 {
		if money.IsLeap(y) {
			return 29
		}
		return 28
	}
	return 30 + (m+m>>3)&1 // 31 in months 1, 3, 5, 7, 8, 10, 12
}
