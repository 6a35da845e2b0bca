package card

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

// Bounds (work and memory are never unbounded). A century of
// monthly statements is 1 200; 100 000 transactions is three a day for
// ninety years.
const (
	MaxTransactions = 100_000
	MaxYears        = 100
	MaxGraceDays    = 365
	// MaxSegments bounds the explanation: units still accruing times the
	// statements and payments that cut them. Beyond it Compute returns an
	// error rather than unbounded memory.
	MaxSegments = 500_000
)

// maxAnnual bounds a daily rate: × 360 at most 10, the annual bound
// of 1000 % on every rate.
const maxAnnual = 10

func validate(a Account) error {
	if err := money.Within("rounding", a.Rounding.Validate()); err != nil {
		return err
	}
	if err := checkDate("open_date", a.OpenDate); err != nil {
		return err
	}
	if err := checkDate("as_of", a.AsOf); err != nil {
		return err
	}
	if a.AsOf.Before(a.OpenDate) {
		return money.Errorf("as_of", "must not be before open_date %s, got %s", a.OpenDate, a.AsOf)
	}
	if a.AsOf.After(a.OpenDate.AddMonths(12 * MaxYears)) {
		return money.Errorf("as_of", "must be at most %d years after open_date %s, got %s", MaxYears, a.OpenDate, a.AsOf)
	}
	if err := money.Within("cycle", validateCycle(a.Cycle)); err != nil {
		return err
	}
	if err := validateTransactions(a.Transactions, a.OpenDate, a.Rounding); err != nil {
		return err
	}
	return money.Within("policy", validatePolicy(a.Policy, a.Rounding))
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

func validateCycle(c Cycle) error {
	if c.StatementDay < 1 || c.StatementDay > 31 {
		return money.Errorf("statement_day", "must be between 1 and 31, got %d", c.StatementDay)
	}
	if c.DueAfterDays < 1 || c.DueAfterDays > 27 {
		return money.Errorf("due_after_days", "must be between 1 and 27, got %d", c.DueAfterDays)
	}
	return nil
}

func validateTransactions(ts []Transaction, open money.Date, rnd money.Rounding) error {
	if len(ts) > MaxTransactions {
		return money.Errorf("transactions", "at most %d transactions, got %d", MaxTransactions, len(ts))
	}
	for i := range ts {
		// By pointer and with only what it checks against: this runs once
		// per transaction, and copying the Transaction and the Account
		// was most of its cost.
		if err := validateTransaction(&ts[i], i, ts, open, rnd); err != nil {
			return money.Within(fmt.Sprintf("transactions[%d]", i), err)
		}
	}
	return nil
}

// validateTransaction checks ts[i]; errors name the field below it.
func validateTransaction(t *Transaction, i int, ts []Transaction, open money.Date, rnd money.Rounding) error {
	if err := checkDate("date", t.Date); err != nil {
		return err
	}
	if t.Date.Before(open) {
		return money.Errorf("date", "must not be before open_date %s, got %s", open, t.Date)
	}
	if i > 0 && t.Date.Before(ts[i-1].Date) {
		return money.Errorf("date", "transactions must be in date order: %s is before %s", t.Date, ts[i-1].Date)
	}
	if int(t.Kind) >= len(kindNames) {
		return money.Errorf("kind", "must be one of %s, got %d", strings.Join(kindNames, ", "), t.Kind)
	}
	if !t.Amount.IsPositive() {
		if err := money.CheckAmount("amount", t.Amount); err != nil {
			return err
		}
		return money.Errorf("amount", "must be greater than 0, got %s", t.Amount)
	}
	return minimum.CheckMoney("amount", t.Amount, rnd)
}

func validatePolicy(p Policy, rnd money.Rounding) error {
	if err := checkDaily("daily_rate", p.DailyRate); err != nil {
		return err
	}
	if err := checkDaily("cash_advance_daily_rate", p.CashAdvanceDailyRate); err != nil {
		return err
	}
	if err := money.Within("cash_advance_fee", validateCashFee(p.CashAdvanceFee, rnd)); err != nil {
		return err
	}
	if p.Minimum == nil {
		return money.Errorf("minimum", "is required: a minimum policy over %v", MinimumNames())
	}
	names := minimumNames()
	if err := money.Within("minimum", p.Minimum.CheckNames(names[:])); err != nil {
		return err
	}
	if err := money.Within("minimum", p.Minimum.Check(rnd)); err != nil {
		return err
	}
	if err := money.Within("late_fee", p.LateFee.Validate()); err != nil {
		return err
	}
	if err := lateFeeUnits(p, rnd); err != nil {
		return err
	}
	if p.GraceDays < 0 || p.GraceDays > MaxGraceDays {
		return money.Errorf("grace_days", "must be between 0 and %d, got %d", MaxGraceDays, p.GraceDays)
	}
	if err := minimum.CheckMoney("tolerance", p.Tolerance, rnd); err != nil {
		return err
	}
	if err := p.Calendar.Check("calendar"); err != nil {
		return err
	}
	if p.BusinessDay > money.Unadjusted {
		return money.Errorf("business_day", "unknown rule %s", p.BusinessDay)
	}
	return nil
}

// lateFeeUnits requires the late fee's amounts in whole minor units, like
// every other amount on the card.
func lateFeeUnits(p Policy, rnd money.Rounding) error {
	// The fields spelled out, not joined to "late_fee.", so that a valid
	// policy builds no strings.
	f := p.LateFee
	for _, x := range [...]struct {
		field string
		a     money.Amount
	}{{"late_fee.amount", f.Amount}, {"late_fee.min", f.Min}, {"late_fee.max", f.Max}} {
		if err := minimum.CheckMoney(x.field, x.a, rnd); err != nil {
			return err
		}
	}
	return nil
}

func checkDaily(field string, r *money.Rate) error {
	if r == nil {
		return nil
	}
	if r.Sign() < 0 || r.Ratio().MulInt(360).Cmp(money.NewRatio(maxAnnual, 1)) > 0 {
		return money.Errorf(field, "must be a daily rate between 0 and %s (%d a year on 360 days), got %s",
			money.NewRatio(maxAnnual, 360).FloatString(6), maxAnnual, r)
	}
	return nil
}

func validateCashFee(f CashAdvanceFee, rnd money.Rounding) error {
	if err := money.CheckRate("rate", f.Rate, 0, 1); err != nil {
		return err
	}
	if err := minimum.CheckMoney("min", f.Min, rnd); err != nil {
		return err
	}
	if err := minimum.CheckMoney("max", f.Max, rnd); err != nil {
		return err
	}
	if f.Max.IsPositive() && f.Max.Cmp(f.Min) < 0 {
		return money.Errorf("max", "must not be below min (%s), got %s", f.Min, f.Max)
	}
	return nil
}
