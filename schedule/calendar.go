package schedule

import "github.com/repayplan/repayplan/money"

// calendar yields due dates. Every date is computed from the anchor, never
// from the previous due date, so month-end anchors do not drift.
type calendar struct {
	start  money.Date
	anchor money.Date
	months money.MonthSeries // anchor's monthly series
	offset int               // period number whose due date is the anchor
	freq   Frequency
}

func (t Terms) calendar() calendar {
	c := calendar{start: t.StartDate, anchor: t.StartDate, freq: t.Frequency}
	if !t.FirstDueDate.IsZero() {
		c.anchor, c.offset = t.FirstDueDate, 1
	}
	c.months = c.anchor.Months()
	return c
}

// due returns the due date of period i; period 0 is the start date.
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
// calendar runs on past the last period, for deferrals), or the start date
// for i ≤ 0.
func (t Terms) DueDate(i int) money.Date { return t.calendar().due(i) }
