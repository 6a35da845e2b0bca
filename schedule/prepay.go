package schedule

import (
	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
)

// Prepayment is an extra repayment (提前还款) made right after row
// AfterPeriod is paid as scheduled.
type Prepayment struct {
	Terms       Terms        `json:"terms" required:"true"`
	AfterPeriod int          `json:"after_period" required:"true"`
	Amount      money.Amount `json:"amount" required:"true"`
	Mode        PrepayMode   `json:"mode,omitzero"`
}

// PrepayMode says what a prepayment shortens.
type PrepayMode uint8

const (
	// ReducePayment keeps the term and re-amortizes the smaller balance
	// over the remaining rows: a lower payment.
	ReducePayment PrepayMode = iota
	// ReduceTerm keeps the payment (or principal share), so fewer rows
	// are needed; the last takes what is left.
	ReduceTerm
)

var prepayModeNames = []string{"reduce_payment", "reduce_term"}

func (m PrepayMode) String() string { return enum.Name(m, prepayModeNames) }

// MarshalText encodes m as its name.
func (m PrepayMode) MarshalText() ([]byte, error) {
	return enum.Text(m, prepayModeNames)
}

// UnmarshalText decodes a prepayment mode name.
func (m *PrepayMode) UnmarshalText(b []byte) error {
	return enum.Parse(b, prepayModeNames, m)
}

// Recalculation is the schedule after a prepayment or repricing: the new
// rows from the change on, their totals, and the interest the change saves
// against the original rows.
type Recalculation struct {
	RowCount      int          `json:"row_count"`
	Rows          []Row        `json:"rows"`
	Totals        Totals       `json:"totals"`
	InterestSaved money.Amount `json:"interest_saved"`
}

// Prepay recalculates a schedule after a prepayment. Due dates stay on the
// original calendar.
func Prepay(p Prepayment) (Recalculation, error) {
	t := p.Terms
	if err := money.Within("terms", t.Validate()); err != nil {
		return Recalculation{}, err
	}
	if err := p.check(); err != nil {
		return Recalculation{}, err
	}
	orig, err := Amortize(t)
	if err != nil {
		return Recalculation{}, err
	}
	k := p.AfterPeriod
	balance := t.Principal.Round(t.Rounding)
	if k > 0 {
		balance = orig.Rows[k-1].ClosingBalance
	}
	if p.Amount.Cmp(balance) > 0 {
		return Recalculation{}, money.Errorf("amount", "exceeds the balance %s after period %d, got %s", balance, k, p.Amount)
	}
	r := t.run(balance.Sub(p.Amount), k+1, t.Periods-k, Grace{})
	if p.Mode == ReduceTerm {
		r.payment, r.untilPaid = keptPayment(orig.Rows[k], t.Method), true
	}
	rows := []Row{}
	if r.balance.IsPositive() {
		rows = r.appendRows(make([]Row, 0, r.count))
	}
	// A re-amortized tail may repay early too (a small balance left over
	// many rows); it must not end in 0.00 rows either.
	if err := t.checkRepaid(rows); err != nil {
		return Recalculation{}, money.Within("terms", err)
	}
	return recalculation(orig.Rows[k:], rows, t.Rounding), nil
}

// keptPayment is what a reduce_term prepayment keeps from the first row it
// replaces: the installment, or the principal share.
func keptPayment(next Row, m Method) money.Amount {
	if m == EqualInstallment {
		return next.Payment.Sub(next.Fee)
	}
	return next.Principal
}

func (p Prepayment) check() error {
	t := p.Terms
	switch {
	case p.AfterPeriod < 0 || p.AfterPeriod >= t.Periods:
		return money.Errorf("after_period", "must be between 0 and %d, got %d", t.Periods-1, p.AfterPeriod)
	case p.AfterPeriod < t.Grace.Periods:
		return money.Errorf("after_period", "must not fall within the %d grace periods, got %d", t.Grace.Periods, p.AfterPeriod)
	case t.Method == Bullet:
		return money.Errorf("terms.method", "a bullet loan has no later rows to recalculate")
	case int(p.Mode) >= len(prepayModeNames):
		return money.Errorf("mode", "must be reduce_payment or reduce_term")
	case p.Mode == ReduceTerm && t.Method == InterestOnly:
		return money.Errorf("mode", "reduce_term needs a method that repays principal every row, not interest_only")
	}
	if err := money.CheckAmount("amount", p.Amount); err != nil {
		return err
	}
	if !p.Amount.IsPositive() {
		return money.Errorf("amount", "must be positive, got %s", p.Amount)
	}
	return checkMinorUnits("amount", p.Amount, t.Rounding)
}

func recalculation(old, rows []Row, rnd money.Rounding) Recalculation {
	s := newSchedule(rows, rnd)
	before := total(old).Interest
	return Recalculation{
		RowCount:      s.RowCount,
		Rows:          s.Rows,
		Totals:        s.Totals,
		InterestSaved: before.Sub(s.Totals.Interest).Round(rnd),
	}
}

// Reprice re-amortizes the balance left after row fromPeriod−1 at a new
// annual rate over the remaining rows (LPR repricing), keeping the
// calendar. Rows before fromPeriod are unchanged; the result holds the
// rows from fromPeriod on.
func Reprice(t Terms, fromPeriod int, newRate money.Rate) (Recalculation, error) {
	if err := money.Within("terms", t.Validate()); err != nil {
		return Recalculation{}, err
	}
	if fromPeriod <= t.Grace.Periods || fromPeriod > t.Periods || t.Method == Bullet {
		return Recalculation{}, money.Errorf("from_period", "must be a row after the grace, between %d and %d, got %d", t.Grace.Periods+1, t.Periods, fromPeriod)
	}
	if err := money.CheckRate("annual_rate", newRate, 0, 10); err != nil {
		return Recalculation{}, err
	}
	orig, err := Amortize(t)
	if err != nil {
		return Recalculation{}, err
	}
	balance := orig.Rows[fromPeriod-1].OpeningBalance
	nt := t
	nt.AnnualRate = newRate
	rows := nt.run(balance, fromPeriod, t.Periods-fromPeriod+1, Grace{}).appendRows(nil)
	return recalculation(orig.Rows[fromPeriod-1:], rows, t.Rounding), nil
}
