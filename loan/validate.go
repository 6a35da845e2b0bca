package loan

import (
	"github.com/repayplan/repayplan/money"
)

// maxAfterDays bounds accelerate.after_days: a century.
const maxAfterDays = 36500

// validate checks what Accrue reads beyond a penalty account (whose
// payments, waivers and policy penalty.Accrue checks under the same JSON
// names).
func validate(a Account) error {
	if err := money.Within("terms", a.Terms.Validate()); err != nil {
		return err
	}
	start := a.Terms.StartDate
	switch {
	case a.AsOf.IsZero():
		return money.Errorf("as_of", "is required")
	case !a.AsOf.InRange():
		return money.Errorf("as_of", "year must be between %d and %d, got %s", money.MinYear, money.MaxYear, a.AsOf)
	case a.AsOf.Before(start):
		return money.Errorf("as_of", "must not be before terms.start_date %s, got %s", start, a.AsOf)
	}
	if err := money.Within("accelerate", validateAcceleration(a.Accelerate, start, a.AsOf)); err != nil {
		return err
	}
	if err := money.Within("prepayment_fee", validatePrepaymentFee(a.PrepaymentFee, a.Terms.Rounding)); err != nil {
		return err
	}
	if a.RemainingFees > ChargeFees {
		return money.Errorf("remaining_fees", "must be one of waive, charge, got %s", a.RemainingFees)
	}
	return nil
}

func validateAcceleration(acc *Acceleration, start, asOf money.Date) error {
	if acc == nil {
		return nil
	}
	if (acc.AfterDays != nil) == !acc.On.IsZero() {
		return money.Errorf("", "exactly one of after_days or on is required")
	}
	if acc.AfterDays != nil {
		if n := *acc.AfterDays; n < 1 || n > maxAfterDays {
			return money.Errorf("after_days", "must be between 1 and %d, got %d", maxAfterDays, n)
		}
		return nil
	}
	if !acc.On.After(start) || acc.On.After(asOf) {
		return money.Errorf("on", "must be after terms.start_date %s and on or before as_of %s, got %s", start, asOf, acc.On)
	}
	return nil
}

func validatePrepaymentFee(f *PrepaymentFee, r money.Rounding) error {
	if f == nil {
		return nil
	}
	if (f.Percent == nil) == (f.Amount == nil) {
		return money.Errorf("", "exactly one of percent or amount is required")
	}
	if f.Percent != nil {
		return money.CheckRate("percent", *f.Percent, 0, 1)
	}
	if err := money.CheckAmount("amount", *f.Amount); err != nil {
		return err
	}
	if f.Amount.IsNegative() {
		return money.Errorf("amount", "must not be negative, got %s", *f.Amount)
	}
	if !f.Amount.FitsPlaces(r.Places()) {
		return money.Errorf("amount", "must be a whole number of minor units (%d decimal places), got %s", r.Places(), *f.Amount)
	}
	return nil
}
