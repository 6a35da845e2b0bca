package schedule

import (
	"github.com/repayplan/repayplan/money"
)

// MaxPeriods bounds the term of a schedule.
const MaxPeriods = 1200

// Validate reports the first rule t breaks, as a *money.Error naming the
// field by its JSON name.
func (t Terms) Validate() error {
	// In order, the first failing check wins. Straight calls, not a table
	// of method values: each of those would copy the whole Terms.
	if err := t.checkPrincipal(); err != nil {
		return err
	}
	if err := money.CheckRate("annual_rate", t.AnnualRate, 0, 10); err != nil {
		return err
	}
	if err := t.checkPeriods(); err != nil {
		return err
	}
	if err := t.checkEnums(); err != nil {
		return err
	}
	if err := t.checkDates(); err != nil {
		return err
	}
	if err := money.Within("rounding", t.Rounding.Validate()); err != nil {
		return err
	}
	if err := money.CheckRate("fee_rate", t.FeeRate, 0, 10); err != nil {
		return err
	}
	if err := t.checkMultiple(); err != nil {
		return err
	}
	if err := t.checkGrace(); err != nil {
		return err
	}
	return t.checkCalendar()
}

func (t Terms) checkPrincipal() error {
	if err := money.CheckAmount("principal", t.Principal); err != nil {
		return err
	}
	if !t.Principal.IsPositive() {
		return money.Errorf("principal", "must be positive, got %s", t.Principal)
	}
	return checkMinorUnits("principal", t.Principal, t.Rounding)
}

// checkMinorUnits rejects amounts finer than the currency's minor unit:
// every output is rounded to it, so a finer principal could never be repaid
// exactly.
func checkMinorUnits(field string, a money.Amount, r money.Rounding) error {
	if !a.FitsPlaces(r.Places()) {
		return money.Errorf(field, "must be a whole number of minor units (%d decimal places), got %s", r.Places(), a)
	}
	return nil
}

func (t Terms) checkPeriods() error {
	if t.Periods < 1 {
		return money.Errorf("periods", "must be at least 1, got %d", t.Periods)
	}
	if t.Periods > MaxPeriods {
		return money.Errorf("periods", "must be at most %d, got %d", MaxPeriods, t.Periods)
	}
	return nil
}

func (t Terms) checkEnums() error {
	switch {
	case int(t.Method) >= len(methodNames):
		return money.Errorf("method", "must be one of equal_installment, equal_principal, interest_only, bullet, flat_fee")
	case int(t.Frequency) >= len(frequencyNames):
		return money.Errorf("frequency", "must be one of monthly, quarterly, weekly, biweekly")
	case int(t.InterestBasis) >= len(basisNames):
		return money.Errorf("interest_basis", "must be periodic or daily")
	case !t.DayCount.Valid():
		return money.Errorf("day_count", "must be one of act/360, act/365, 30/360, act/act")
	}
	return nil
}

func (t Terms) checkDates() error {
	if t.StartDate.IsZero() {
		return money.Errorf("start_date", "is required")
	}
	if !t.StartDate.InRange() {
		return money.Errorf("start_date", "must lie in the years %d to %d, got %s", money.MinYear, money.MaxYear, t.StartDate)
	}
	if !t.FirstDueDate.IsZero() {
		if !t.FirstDueDate.After(t.StartDate) {
			return money.Errorf("first_due_date", "must be after start_date %s, got %s", t.StartDate, t.FirstDueDate)
		}
		if !t.FirstDueDate.InRange() {
			return money.Errorf("first_due_date", "must lie in the years %d to %d, got %s", money.MinYear, money.MaxYear, t.FirstDueDate)
		}
	}
	if last := t.calendar().due(t.Periods); !last.InRange() {
		return money.Errorf("periods", "the last due date %s falls after %d", last, money.MaxYear)
	}
	return nil
}

// checkCalendar validates the business-day calendar and the dates it
// moves to. Moving is monotone under every rule (a later unmoved date never
// moves before an earlier one's moved date), so only the first due date can
// move onto or before the start and only the last past the year bounds;
// two due dates may move onto the same business day (weekly rows around
// 春节), giving a row of 0 days.
func (t Terms) checkCalendar() error {
	if err := t.Calendar.Check("calendar"); err != nil {
		return err
	}
	if t.BusinessDay > money.Unadjusted {
		return money.Errorf("business_day", "must be one of following, modified_following, preceding, none, got %s", t.BusinessDay)
	}
	if !t.moves() {
		return nil
	}
	c := t.calendar()
	if first := c.pay(1); !first.After(t.StartDate) {
		return money.Errorf("calendar", "moves the first due date %s to %s, not after start_date %s", c.due(1), first, t.StartDate)
	}
	if last := c.pay(t.Periods); !last.InRange() {
		return money.Errorf("calendar", "moves the last due date %s to %s, outside the years %d to %d", c.due(t.Periods), last, money.MinYear, money.MaxYear)
	}
	return nil
}

func (t Terms) checkMultiple() error {
	m := t.InstallmentMultiple
	if m.IsZero() {
		return nil
	}
	if err := money.CheckAmount("installment_multiple", m); err != nil {
		return err
	}
	if m.IsNegative() {
		return money.Errorf("installment_multiple", "must be positive, got %s", m)
	}
	if t.Method != EqualInstallment {
		return money.Errorf("installment_multiple", "applies only to equal_installment, not %s", t.Method)
	}
	return checkMinorUnits("installment_multiple", m, t.Rounding)
}

func (t Terms) checkGrace() error {
	g := t.Grace
	switch {
	case int(g.Kind) >= len(graceNames):
		return money.Errorf("grace.kind", "must be principal or full")
	case g.Periods < 0:
		return money.Errorf("grace.periods", "must not be negative, got %d", g.Periods)
	case g.Periods > 0 && g.Periods >= t.Periods:
		return money.Errorf("grace.periods", "must be fewer than periods (%d), got %d", t.Periods, g.Periods)
	case g.Periods > 0 && t.Method == Bullet:
		return money.Errorf("grace.periods", "a bullet loan has no rows to defer")
	}
	return nil
}

// checkRepaid rejects rows that repay the principal before the last one:
// the rows after would open at 0.00 and pay nothing (or only the fee), a
// schedule no lender would print. It happens when the rounded payment
// outpaces the term — an installment_multiple rounding up (1 000 over 12
// months rounded to 100 pays off in row 11), a share round(P/n) with
// (n−1) shares ≥ P, or a high rate over a long term, where the rounding
// of the payment compounds.
func (t Terms) checkRepaid(rows []Row) error {
	n := len(rows)
	if n < 2 || !rows[n-1].OpeningBalance.IsZero() {
		return nil
	}
	k := n - 1 // rows[k:] open at zero
	for k > 0 && rows[k-1].OpeningBalance.IsZero() {
		k--
	}
	if k == 0 {
		return nil // a zero principal is rejected by Validate
	}
	field := "periods"
	if !t.InstallmentMultiple.IsZero() {
		field = "installment_multiple"
	}
	return money.Errorf(field, "the rounded payment repays the principal by row %d of %d, so rows %d to %d would pay nothing: use fewer periods or a finer rounding",
		rows[k-1].Number, rows[n-1].Number, rows[k].Number, rows[n-1].Number)
}
