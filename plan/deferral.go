package plan

import (
	"slices"

	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// Deferral (延期还款) postpones a schedule: rows 1..FromPeriod−1 stay as
// scheduled, the next Periods due dates pay nothing, and the remaining
// rows follow on the due dates after them, so the term grows by Periods.
type Deferral struct {
	Terms      schedule.Terms   `json:"terms" required:"true"`
	FromPeriod int              `json:"from_period" required:"true"` // first row deferred (1..periods)
	Periods    int              `json:"periods" required:"true"`     // rows deferred
	Interest   DeferredInterest `json:"interest"`
}

// DeferredInterest is what happens to the interest of the deferred rows.
// The zero value is Capitalize.
type DeferredInterest uint8

const (
	// Capitalize adds each deferred row's interest to the balance
	// (closing = opening + capitalized); the remaining rows re-amortize
	// the grown balance.
	Capitalize DeferredInterest = iota
	// Spread charges the deferred rows' interest, on the unchanged
	// balance, in equal shares on top of the interest of the remaining
	// rows, which re-amortize the unchanged balance.
	Spread
	// Waive forgives it: the remaining rows are the original ones, moved
	// later.
	Waive
)

var deferredInterestNames = []string{"capitalize", "spread", "waive"}

func (d DeferredInterest) String() string { return enum.Name(d, deferredInterestNames) }

// MarshalText encodes d as its snake_case name.
func (d DeferredInterest) MarshalText() ([]byte, error) {
	return enum.Text(d, deferredInterestNames)
}

// UnmarshalText decodes a snake_case name.
func (d *DeferredInterest) UnmarshalText(b []byte) error {
	return enum.Parse(b, deferredInterestNames, d)
}

// Defer returns d's schedule: n + k rows, with its rates (the amount lent,
// terms.principal, against the rows' payments). Penalty does not accrue on
// a deferred row: it is not due.
func Defer(d Deferral) (schedule.Schedule, error) {
	orig, err := schedule.Amortize(d.Terms) // validates the terms
	if err != nil {
		return schedule.Schedule{}, money.Within("terms", err)
	}
	return d.on(orig.Rows, nil)
}

// on is Defer on orig, the rows Amortize built from d's terms (which are
// thereby valid): the offer builder amortizes its deferral terms once for
// all the deferrals it offers. orig is only read. The rows are written into
// dst's array when it has room for them (a new array otherwise).
func (d Deferral) on(orig, dst []schedule.Row) (schedule.Schedule, error) {
	if err := d.check(); err != nil {
		return schedule.Schedule{}, err
	}
	t := d.Terms
	rows := d.rows(orig, dst)
	s, err := t.Price(schedule.FromRows(rows, t.Rounding)) // rates by the rows' due dates
	if err != nil {
		return schedule.Schedule{}, money.Within("terms", err)
	}
	return s, nil
}

// rows builds the deferred schedule from the original rows, in one array
// of its n + k rows: dst's, when it has room.
func (d Deferral) rows(orig, dst []schedule.Row) []schedule.Row {
	t, m, k := d.Terms, d.FromPeriod, d.Periods
	n := len(orig)
	rows := slices.Grow(dst[:0], n+k)[:m-1+k] // each row written below
	copy(rows, orig[:m-1])
	balance := t.Principal.Round(t.Rounding)
	if m > 1 {
		balance = orig[m-2].ClosingBalance
	}
	deferred := rows[m-1:]
	grown := d.deferredRows(deferred, balance)
	switch d.Interest {
	case Waive:
		return d.moved(rows, orig[m-1:])
	case Spread:
		var interest money.Amount
		for _, r := range deferred {
			interest = interest.Add(t.Interest(balance, r.Number))
		}
		head := len(rows)
		rows = d.reamortized(rows, balance)
		spread(rows[head:], interest, t.Rounding)
		return rows
	}
	return d.reamortized(rows, grown)
}

// deferredRows writes the k rows that pay nothing into rows, and returns
// the balance after them (grown by the capitalized interest under
// Capitalize).
func (d Deferral) deferredRows(rows []schedule.Row, balance money.Amount) money.Amount {
	t := d.Terms
	zero := money.Amount{}.Round(t.Rounding)
	prev := t.DueDate(d.FromPeriod - 1)
	for j := range rows {
		i := d.FromPeriod + j
		due := t.DueDate(i)
		r := schedule.Row{
			Number: i, DueDate: due, Days: due.Sub(prev),
			OpeningBalance: balance, Principal: zero, Interest: zero, Fee: zero, Payment: zero,
			ClosingBalance: balance,
		}
		if d.Interest == Capitalize {
			r.Capitalized = t.Interest(balance, i)
			r.ClosingBalance = balance.Add(r.Capitalized)
			balance = r.ClosingBalance
		}
		rows[j] = r
		prev = due
	}
	return balance
}

// reamortized appends to rows the rows that repay balance by the method
// over the remaining periods, on the due dates after the deferral (into
// rows' array when it has room, as the offer builder sizes it). The fee
// per row stays what the terms charge (on the original principal), as
// Reamortize charges it: a deferral does not reprice the fee.
func (d Deferral) reamortized(rows []schedule.Row, balance money.Amount) []schedule.Row {
	t := d.Terms
	return t.AppendReamortized(rows, balance, d.FromPeriod+d.Periods, t.Periods-d.FromPeriod+1)
}

// moved appends to rows the original rows renumbered and re-dated k
// periods later; their amounts are unchanged and their days are recounted
// from the new dates.
func (d Deferral) moved(rows, orig []schedule.Row) []schedule.Row {
	t := d.Terms
	for _, r := range orig {
		i := r.Number + d.Periods
		r.Number, r.DueDate = i, t.DueDate(i)
		r.Days = r.DueDate.Sub(t.DueDate(i - 1))
		rows = append(rows, r)
	}
	return rows
}

// spread adds total to the rows' interest in equal shares round(total/c),
// the last taking the remainder. Should rounding the share up leave the
// last share negative (a tiny total over many rows), the shares are
// rounded down instead, so no row shows negative interest.
func spread(rows []schedule.Row, total money.Amount, rnd money.Rounding) {
	c := int64(len(rows))
	if c == 0 {
		return
	}
	per := money.NewRatio(1, c)
	share := total.MulRatio(per, rnd)
	if share.MulInt(c-1).Cmp(total) > 0 {
		share = total.MulRatio(per, money.NewRounding(rnd.Places(), money.Down))
	}
	rest := total
	for i := range rows {
		s := share
		if i == len(rows)-1 {
			s = rest
		}
		rest = rest.Sub(s)
		rows[i].Interest = rows[i].Interest.Add(s)
		rows[i].Payment = rows[i].Payment.Add(s)
	}
}

// check validates what the terms (already valid) do not cover.
func (d Deferral) check() error {
	t := d.Terms
	switch {
	case t.Method == schedule.Bullet:
		return money.Errorf("terms.method", "a bullet loan has a single repayment at maturity, no installments to defer")
	case d.FromPeriod < 1 || d.FromPeriod > t.Periods:
		return money.Errorf("from_period", "must be between 1 and %d, got %d", t.Periods, d.FromPeriod)
	case d.FromPeriod <= t.Grace.Periods:
		return money.Errorf("from_period", "must be after the %d grace periods, got %d", t.Grace.Periods, d.FromPeriod)
	case d.Periods < 1:
		return money.Errorf("periods", "must be at least 1, got %d", d.Periods)
	case d.Periods > schedule.MaxPeriods-t.Periods:
		return money.Errorf("periods", "must be at most %d, so the schedule keeps within %d rows, got %d", schedule.MaxPeriods-t.Periods, schedule.MaxPeriods, d.Periods)
	case int(d.Interest) >= len(deferredInterestNames):
		return money.Errorf("interest", "must be one of capitalize, spread, waive")
	}
	if last := t.DueDate(t.Periods + d.Periods); !last.InRange() {
		return money.Errorf("periods", "the last due date %s falls after %d", last, money.MaxYear)
	}
	return nil
}
