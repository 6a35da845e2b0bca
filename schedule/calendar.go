package schedule

import "github.com/repayplan/repayplan/money"

// calendar yields due dates. Every date is computed from the anchor, never
// from the previous due date, so month-end anchors do not drift; a
// business-day calendar then moves each one from that unmoved date, so
// moves never chain either.
type calendar struct {
	start  money.Date
	anchor money.Date
	months money.MonthSeries // anchor's monthly series
	offset int               // period number whose due date is the anchor
	freq   Frequency
	// moves is set when bd moves dates at all; without it pay is due.
	moves bool
	bd    money.Calendar
	rule  money.BusinessDay
}

func (t Terms) calendar() calendar {
	c := calendar{start: t.StartDate, anchor: t.StartDate, freq: t.Frequency}
	if !t.FirstDueDate.IsZero() {
		c.anchor, c.offset = t.FirstDueDate, 1
	}
	c.months = c.anchor.Months()
	if t.moves() {
		c.moves, c.bd, c.rule = true, t.Calendar, t.BusinessDay
	}
	return c
}

// moves reports whether t's business-day calendar moves dates at all (the
// calendar's moves), without building the calendar and its month series:
// the checks that need no date ask this.
func (t *Terms) moves() bool { return !t.Calendar.IsZero() && t.BusinessDay != money.Unadjusted }

// pay returns the due date of period i as moved by the business-day
// calendar: the date rows are due on, count days and accrue daily interest
// to. Period 0 is the start date, which never moves.
func (c *calendar) pay(i int) money.Date {
	if i <= 0 || !c.moves {
		return c.due(i)
	}
	return c.bd.Move(c.due(i), c.rule)
}

// due returns the unmoved due date of period i (anchor + i periods, before
// any business-day calendar moves it); period 0 is the start date.
func (c calendar) due(i int) money.Date {
	if i <= 0 {
		return c.start
	}
	k := i - c.offset
	switch c.freq {
	case Quarterly:
		return c.months.At(3 * k)
	case Weekly:
		return c.anchor.AddDays(7 * k)
	case Biweekly:
		return c.anchor.AddDays(14 * k)
	}
	return c.months.At(k)
}

// DueDate returns the due date of period i of t's calendar (i ≥ 1; the
// calendar runs on past the last period, for deferrals), moved to a
// business day when t has a Calendar, or the start date for i ≤ 0.
func (t Terms) DueDate(i int) money.Date {
	c := t.calendar()
	return c.pay(i)
}

// AnchorDate returns the due date of period i before any business-day
// calendar moves it: anchor + i periods (the start date for i ≤ 0).
func (t Terms) AnchorDate(i int) money.Date { return t.calendar().due(i) }
