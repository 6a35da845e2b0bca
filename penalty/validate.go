package penalty

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
)

// Ledger bounds (work and memory are never unbounded). 1200
// installments is a century of monthly dues; 100 000 payments is daily
// payments for 270 years.
const (
	MaxInstallments = 1200
	MaxPayments     = 100_000
	MaxWaivers      = 10_000
	maxGraceDays    = 3650
	maxStopDays     = 36500
)

func validate(a Account) error {
	if err := checkDate("as_of", a.AsOf); err != nil {
		return err
	}
	// Amounts are checked against the rounding's minor unit, so the
	// rounding itself is checked first.
	if err := money.Within("policy.rounding", a.Policy.Rounding.Validate()); err != nil {
		return err
	}
	places := a.Policy.Rounding.Places()
	if err := validateInstallments(a.Installments, places); err != nil {
		return err
	}
	if err := validatePayments(a.Payments, places); err != nil {
		return err
	}
	if err := validateWaivers(a.Waivers, len(a.Installments), places); err != nil {
		return err
	}
	if err := money.Within("policy", validatePolicy(a.Policy)); err != nil {
		return err
	}
	return validateMoves(a.Installments, a.Policy)
}

// validateMoves checks that the policy's calendar moves no due date out of
// the years 1900–2200. Moving keeps due-date order (it is monotone), so the
// installments stay in order.
func validateMoves(ins []Installment, p Policy) error {
	if !p.moves() {
		return nil
	}
	for i, in := range ins {
		if eff := p.EffectiveDueDate(in.DueDate); !eff.InRange() {
			return money.Errorf(fmt.Sprintf("installments[%d].due_date", i), "policy.calendar moves %s to %s, outside the years %d to %d",
				in.DueDate, eff, money.MinYear, money.MaxYear)
		}
	}
	return nil
}

func checkDate(field string, d money.Date) error {
	switch {
	case d.IsZero():
		return money.Errorf(field, "is required")
	case !d.InRange():
		return money.Errorf(field, "year must be between %d and %d, got %s", money.MinYear, money.MaxYear, d)
	}
	return nil
}

// checkNonNegative checks an input amount: within the input bounds (|x| ≤ 10^15, at most 12 decimal places), not
// negative, and a whole number of minor units at places.
func checkNonNegative(field string, a money.Amount, places int) error {
	if err := money.CheckAmount(field, a); err != nil {
		return err
	}
	if a.IsNegative() {
		return money.Errorf(field, "must not be negative, got %s", a)
	}
	return checkMinorUnits(field, a, places)
}

func checkPositive(field string, a money.Amount, places int) error {
	if err := money.CheckAmount(field, a); err != nil {
		return err
	}
	if !a.IsPositive() {
		return money.Errorf(field, "must be greater than 0, got %s", a)
	}
	return checkMinorUnits(field, a, places)
}

// checkMinorUnits rejects an amount finer than the rounding's minor unit.
// Every amount a statement shows is rounded to it, so a payment of 0.005
// would show as 0.01 while paying half of that: three of them would read
// 0.03 and take 0.015 off the principal, and the ledger would not
// reconcile to the cent.
func checkMinorUnits(field string, a money.Amount, places int) error {
	if !a.FitsPlaces(places) {
		return money.Errorf(field, "must be a whole number of minor units (%d decimal places, policy.rounding), got %s", places, a)
	}
	return nil
}

func validateInstallments(ins []Installment, places int) error {
	if len(ins) == 0 {
		return money.Errorf("installments", "must list at least one installment")
	}
	if len(ins) > MaxInstallments {
		return money.Errorf("installments", "at most %d installments, got %d", MaxInstallments, len(ins))
	}
	for i, in := range ins {
		if err := validateInstallment(i, in, ins, places); err != nil {
			return money.Within(fmt.Sprintf("installments[%d]", i), err)
		}
	}
	return nil
}

// validateInstallment checks installment i; field names are relative to
// it, so the common valid case formats no strings.
func validateInstallment(i int, in Installment, ins []Installment, places int) error {
	if err := checkDate("due_date", in.DueDate); err != nil {
		return err
	}
	if i > 0 && in.DueDate.Before(ins[i-1].DueDate) {
		return money.Errorf("due_date", "installments must be in due-date order: %s is before installment %d's %s",
			in.DueDate, i, ins[i-1].DueDate)
	}
	if err := checkNonNegative("principal", in.Principal, places); err != nil {
		return err
	}
	if err := checkNonNegative("interest", in.Interest, places); err != nil {
		return err
	}
	return checkNonNegative("fee", in.Fee, places)
}

func validatePayments(ps []Payment, places int) error {
	if len(ps) > MaxPayments {
		return money.Errorf("payments", "at most %d payments, got %d", MaxPayments, len(ps))
	}
	for i, p := range ps {
		err := checkDate("date", p.Date)
		if err == nil {
			err = checkPositive("amount", p.Amount, places)
		}
		if err != nil {
			return money.Within(fmt.Sprintf("payments[%d]", i), err)
		}
	}
	return nil
}

func validateWaivers(ws []Waiver, n, places int) error {
	if len(ws) > MaxWaivers {
		return money.Errorf("waivers", "at most %d waivers, got %d", MaxWaivers, len(ws))
	}
	for i, w := range ws {
		if err := validateWaiver(w, n, places); err != nil {
			return money.Within(fmt.Sprintf("waivers[%d]", i), err)
		}
	}
	return nil
}

func validateWaiver(w Waiver, n, places int) error {
	if err := checkDate("date", w.Date); err != nil {
		return err
	}
	switch w.Component {
	case PenaltyComponent, LateFeeComponent, InterestComponent:
	default:
		return money.Errorf("component", "must be one of penalty, late_fee, interest, got %s", w.Component)
	}
	if w.Percent.IsZero() == w.Amount.IsZero() {
		return money.Errorf("", "exactly one of percent or amount is required")
	}
	if !w.Percent.IsZero() {
		if w.Percent.Sign() < 0 || w.Percent.Exceeds(1) {
			return money.Errorf("percent", "must be between 0 and 1, got %s", w.Percent)
		}
	} else if err := checkPositive("amount", w.Amount, places); err != nil {
		return err
	}
	if w.Installment < 0 || w.Installment > n {
		return money.Errorf("installment", "must be between 1 and %d (or absent for all due installments), got %d", n, w.Installment)
	}
	return nil
}

func validatePolicy(p Policy) error {
	if err := validatePenaltyRate(p.PenaltyRate); err != nil {
		return money.Within("penalty_rate", err)
	}
	if p.Base > PrincipalAndInterest {
		return money.Errorf("base", "must be principal or principal_and_interest")
	}
	if p.GraceDays < 0 || p.GraceDays > maxGraceDays {
		return money.Errorf("grace_days", "must be between 0 and %d, got %d", maxGraceDays, p.GraceDays)
	}
	if p.GraceMode > Defer {
		return money.Errorf("grace_mode", "must be forgive or defer")
	}
	if err := validateLateFee(p.LateFee, p.Rounding.Places()); err != nil {
		return money.Within("late_fee", err)
	}
	if p.StopAfterDays < 0 || p.StopAfterDays > maxStopDays {
		return money.Errorf("stop_after_days", "must be between 1 and %d (0 or absent: no stop), got %d", maxStopDays, p.StopAfterDays)
	}
	if p.Cap != nil {
		if err := money.CheckRate("cap", *p.Cap, 0, 100); err != nil {
			return err
		}
	}
	if p.AccrualRounding > PerDay {
		return money.Errorf("accrual_rounding", "must be segment or daily")
	}
	if err := validateAllocation(p.Allocation); err != nil {
		return err
	}
	if p.AllocationScope > ByComponent {
		return money.Errorf("allocation_scope", "must be installment or component")
	}
	if err := p.Calendar.Check("calendar"); err != nil {
		return err
	}
	if p.BusinessDay > money.Unadjusted {
		return money.Errorf("business_day", "must be one of following, modified_following, preceding, none, got %s", p.BusinessDay)
	}
	return money.Within("rounding", p.Rounding.Validate())
}

// maxPenaltyRate bounds a penalty rate by its unit: the annual bound of 10
// (1000 % a year) carried to the other units nominally, as rates convert
// (monthly = annual/12, daily = annual/360), so a daily rate of 5 (500 % a
// day) is not read as valid. It returns the bound and how an
// error states it.
func maxPenaltyRate(u Unit) (money.Ratio, string) {
	switch u {
	case Monthly:
		return money.NewRatio(10, 12), "10/12 ≈ 0.8333 (1000 % a year)"
	case Daily:
		return money.NewRatio(10, 360), "10/360 ≈ 0.02778 (1000 % a year on 360 days)"
	}
	return money.NewRatio(10, 1), "10 (1000 % a year)"
}

func validatePenaltyRate(r PenaltyRate) error {
	if r.Unit > Daily {
		return money.Errorf("unit", "must be annual, monthly or daily")
	}
	if r.Rate.Sign() < 0 {
		return money.Errorf("rate", "must not be negative, got %s", r.Rate)
	}
	if limit, bound := maxPenaltyRate(r.Unit); r.Rate.Ratio().Cmp(limit) > 0 {
		return money.Errorf("rate", "a %s rate must be at most %s, got %s", r.Unit, bound, r.Rate)
	}
	if !r.DayCount.Valid() {
		return money.Errorf("day_count", "must be act/360, act/365, 30/360 or act/act")
	}
	return money.CheckRate("markup", r.Markup, 0, 10)
}

func validateLateFee(f LateFee, places int) error {
	switch f.Kind {
	case NoLateFee:
		if !f.Amount.IsZero() || !f.Rate.IsZero() || !f.Min.IsZero() || !f.Max.IsZero() {
			return money.Errorf("kind", "is required (fixed or percent) when a late fee is given")
		}
		return nil
	case FixedFee:
		if !f.Rate.IsZero() || !f.Min.IsZero() || !f.Max.IsZero() {
			return money.Errorf("kind", "a fixed late fee takes only amount, not rate, min or max")
		}
		if !f.Amount.IsPositive() {
			if f.Amount.IsNegative() {
				return money.Errorf("amount", "must not be negative, got %s", f.Amount)
			}
			return money.Errorf("amount", "is required for kind fixed (a fixed late fee of 0 is no late fee: use kind none)")
		}
		return checkNonNegative("amount", f.Amount, places)
	case PercentFee:
		if !f.Amount.IsZero() {
			return money.Errorf("amount", "a percent late fee takes rate, min and max, not amount")
		}
		if err := money.CheckRate("rate", f.Rate, 0, 1); err != nil {
			return err
		}
		if err := checkNonNegative("min", f.Min, places); err != nil {
			return err
		}
		if err := checkNonNegative("max", f.Max, places); err != nil {
			return err
		}
		if f.Max.IsPositive() && f.Max.Cmp(f.Min) < 0 {
			return money.Errorf("max", "must not be below min (%s), got %s", f.Min, f.Max)
		}
		return nil
	}
	return money.Errorf("kind", "must be none, fixed or percent")
}

// validateAllocation requires a permutation of the five components.
func validateAllocation(order []Component) error {
	if order == nil {
		return nil
	}
	var seen [5]bool
	for _, c := range order {
		if int(c) >= len(seen) {
			return money.Errorf("allocation", "unknown component %d", c)
		}
		if seen[c] {
			return money.Errorf("allocation", "names %s twice; must name each of penalty, late_fee, fee, interest, principal exactly once", c)
		}
		seen[c] = true
	}
	if len(order) != len(seen) {
		return money.Errorf("allocation", "must name each of penalty, late_fee, fee, interest, principal exactly once, got %d", len(order))
	}
	return nil
}
