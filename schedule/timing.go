package schedule

import "github.com/repayplan/repayplan/money"

// timing places a payment after the start as Appendix J (b)(5) counts it:
// whole unit periods t and a fraction num/den of one (den is 30, 90, 7 or
// 14 by frequency, so num < den except for the 30 odd days a monthly
// payment may carry).
type timing struct {
	t        int32
	num, den int16
}

// regular reports whether the payment falls a whole number of periods after
// the start.
func (x timing) regular() bool { return x.num == 0 }

// timer counts each due date of a calendar back to the start.
type timer struct {
	cal calendar
	// first is the least k whose anchor-series date cal.months.At(k) is not
	// before the start: the earliest date that counting back from any
	// unmoved monthly due date reaches.
	first int
	// it walks the anchor series for rows asked in order; next is the
	// index of the date it yields next.
	it   money.MonthIter
	next int
}

// anchorDate is cal.months.At(k), by the iterator when k is next.
func (tm *timer) anchorDate(k int) money.Date {
	if k < tm.next || k > tm.next+3 {
		tm.it, tm.next = tm.cal.months.From(k), k
	}
	for tm.next < k {
		tm.it.Next()
		tm.next++
	}
	tm.next++
	return tm.it.Next()
}

func (c calendar) timer() timer {
	tm := timer{cal: c, it: c.months.From(0)}
	if c.freq == Monthly || c.freq == Quarterly {
		// The anchor is never before the start (validated), so the count
		// starts at 0 and walks back one month at a time: at most the
		// whole months between the two dates.
		for k := 0; ; k-- {
			if c.months.At(k - 1).Before(c.start) {
				tm.first = k
				break
			}
		}
	}
	return tm
}

// at returns the timing of a payment due on the date due, which the
// calendar puts at period i unmoved. A due date moved by a business-day
// calendar (due differs from the unmoved date) counts its whole months on
// its own day of the month; an unmoved one on the schedule's anchor day.
func (tm *timer) at(i int, due money.Date) timing {
	c := &tm.cal
	switch c.freq {
	case Weekly:
		return byDays(due.Sub(c.start), 7)
	case Biweekly:
		return byDays(due.Sub(c.start), 14)
	}
	var months int
	var earliest money.Date
	if k := c.monthIndex(i); i > 0 && k >= tm.first && due == tm.anchorDate(k) {
		months, earliest = k-tm.first, c.months.At(tm.first)
	} else {
		months, earliest = monthsBack(due, c.start)
	}
	odd := int64(earliest.Sub(c.start))
	if c.freq == Quarterly {
		d := 30*int64(months) + odd
		return timing{t: int32(d / 90), num: int16(d % 90), den: 90}
	}
	return timing{t: int32(months), num: int16(odd), den: 30}
}

// monthIndex is the index in the anchor's monthly series of period i.
func (c calendar) monthIndex(i int) int {
	k := i - c.offset
	if c.freq == Quarterly {
		return 3 * k
	}
	return k
}

func byDays(d int, unit int) timing {
	if d < 0 {
		d = 0
	}
	return timing{t: int32(d / unit), num: int16(d % unit), den: int16(unit)}
}

// monthsBack counts whole months back from due on due's own day of the
// month (clamped to month ends) while they do not pass start, and returns
// them with the earliest date reached (due itself when none fits).
func monthsBack(due, start money.Date) (int, money.Date) {
	if due.Before(start) {
		return 0, start
	}
	s := due.Months()
	m := 12*(due.Year()-start.Year()) + int(due.Month()) - int(start.Month())
	m = max(m, 0)
	for m > 0 && s.At(-m).Before(start) {
		m--
	}
	for !s.At(-m - 1).Before(start) {
		m++
	}
	return m, s.At(-m)
}
