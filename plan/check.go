package plan

import (
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// Input checks shared by the entry points. Each returns a *money.Error
// naming the field by its JSON path.

// checkMoney accepts an amount within the input bounds that is not
// negative and is a whole number of minor units of rnd: every amount this
// package outputs is rounded to rnd, so a finer input could never be paid
// to the cent.
func checkMoney(field string, a money.Amount, rnd money.Rounding) error {
	return minimum.CheckMoney(field, a, rnd)
}

// checkFraction accepts 0 ≤ r ≤ 1.
func checkFraction(field string, r money.Rate) error {
	return money.CheckRate(field, r, 0, 1)
}

// checkRounding validates a request's rounding.
func checkRounding(r money.Rounding) error { return money.Within("rounding", r.Validate()) }

// checkPeriods accepts 1..schedule.MaxPeriods.
func checkPeriods(field string, n int) error {
	if n < 1 {
		return money.Errorf(field, "must be at least 1, got %d", n)
	}
	if n > schedule.MaxPeriods {
		return money.Errorf(field, "must be at most %d, got %d", schedule.MaxPeriods, n)
	}
	return nil
}

// checkDate requires a date within the years 1900–2200.
func checkDate(field string, d money.Date) error {
	if d.IsZero() {
		return money.Errorf(field, "is required")
	}
	if !d.InRange() {
		return money.Errorf(field, "must lie in the years %d to %d, got %s", money.MinYear, money.MaxYear, d)
	}
	return nil
}

// firstError runs checks in order and returns the first failure.
func firstError(checks ...func() error) error {
	for _, c := range checks {
		if err := c(); err != nil {
			return err
		}
	}
	return nil
}
