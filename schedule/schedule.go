package schedule

import "github.com/repayplan/repayplan/money"

// Row is one installment of a schedule.
type Row struct {
	Number         int          `json:"number"`
	DueDate        money.Date   `json:"due_date"`
	Days           int          `json:"days"` // since the previous due date, or the start
	OpeningBalance money.Amount `json:"opening_balance"`
	Principal      money.Amount `json:"principal"`
	Interest       money.Amount `json:"interest"`
	Fee            money.Amount `json:"fee"`
	Payment        money.Amount `json:"payment"`
	ClosingBalance money.Amount `json:"closing_balance"`
	// Capitalized is interest added to the balance instead of paid (a full
	// grace or deferral row): closing = opening − principal + capitalized.
	Capitalized money.Amount `json:"capitalized,omitzero"`
}

// Totals are the column sums of a schedule's rows.
type Totals struct {
	Principal   money.Amount `json:"principal"`
	Interest    money.Amount `json:"interest"`
	Fee         money.Amount `json:"fee"`
	Payment     money.Amount `json:"payment"`
	Capitalized money.Amount `json:"capitalized,omitzero"`
}

// Rates are a schedule's true cost as annualized rates (年化利率), each
// rounded half up to 6 places from an IRR solved to over 30 significant
// digits (one within 10^−15 of a rounding boundary is re-solved by the
// math/big solver).
type Rates struct {
	IRR                 money.Rate `json:"irr"`                   // periodic internal rate of return
	APR                 money.Rate `json:"apr"`                   // IRR × periods a year (nominal, as PBoC and Reg Z disclose)
	EffectiveAnnualRate money.Rate `json:"effective_annual_rate"` // (1 + IRR)^k − 1
}

// Schedule is a repayment schedule: its rows, their totals and, once
// priced, its annualized rates.
type Schedule struct {
	RowCount int    `json:"row_count"`
	Rows     []Row  `json:"rows"`
	Totals   Totals `json:"totals"`
	// Rates is nil when no row pays anything, and in schedules from
	// Amortize, which skips solving for the IRR.
	*Rates
}

// total sums the rows' columns.
func total(rows []Row) Totals {
	var t Totals
	for i := range rows {
		r := &rows[i]
		t.Principal = t.Principal.Add(r.Principal)
		t.Interest = t.Interest.Add(r.Interest)
		t.Fee = t.Fee.Add(r.Fee)
		t.Payment = t.Payment.Add(r.Payment)
		t.Capitalized = t.Capitalized.Add(r.Capitalized)
	}
	return t
}

func newSchedule(rows []Row, rnd money.Rounding) Schedule {
	t := total(rows)
	t.Principal = t.Principal.Round(rnd)
	t.Interest = t.Interest.Round(rnd)
	t.Fee = t.Fee.Round(rnd)
	t.Payment = t.Payment.Round(rnd)
	if !t.Capitalized.IsZero() {
		t.Capitalized = t.Capitalized.Round(rnd)
	}
	return Schedule{RowCount: len(rows), Rows: rows, Totals: t}
}

// New builds the schedule of t, with its rates. Invalid terms give a
// *money.Error naming the field.
func New(t Terms) (Schedule, error) {
	s, err := Amortize(t)
	if err != nil {
		return Schedule{}, err
	}
	return s.priced(t.Principal, t.Frequency.PerYear(), t.paymentTimes(s.Rows))
}

// Amortize builds the rows and totals of t without solving for the rates:
// the fast path for bulk work where the APR is not shown.
func Amortize(t Terms) (Schedule, error) {
	if err := t.Validate(); err != nil {
		return Schedule{}, err
	}
	rows := make([]Row, 0, t.rowCount())
	r := t.run(t.Principal, 1, t.Periods, t.Grace)
	if rows, totals, ok := r.fastRows(rows); ok {
		return Schedule{RowCount: len(rows), Rows: rows, Totals: totals}, nil
	}
	s := newSchedule(r.slowRows(rows), t.Rounding)
	if s.Totals.Payment.Overflowed() || s.Totals.Principal.Overflowed() || s.Totals.Capitalized.Overflowed() {
		return Schedule{}, money.Errorf("principal", "the schedule's amounts exceed the supported range of ±3.9 × 10^28 units: interest capitalized at this rate over this term grows without bound")
	}
	return s, nil
}

func (t Terms) rowCount() int {
	if t.Method == Bullet {
		return 1
	}
	return t.Periods
}

// paymentTimes returns the period in which each row is paid: its number,
// except a bullet loan's single row, paid at the end of the term.
func (t Terms) paymentTimes(rows []Row) func(i int) int {
	if t.Method == Bullet {
		n := t.Periods
		return func(int) int { return n }
	}
	return func(i int) int { return rows[i].Number }
}

// priced returns s with its rates, solved from principal received at time 0
// and the row payments at the given periods.
func (s Schedule) priced(received money.Amount, perYear int64, at func(i int) int) (Schedule, error) {
	flows := make([]Flow, 0, len(s.Rows))
	for i, r := range s.Rows {
		if !r.Payment.IsZero() {
			flows = append(flows, Flow{Period: at(i), Amount: r.Payment})
		}
	}
	if len(flows) == 0 {
		return s, nil
	}
	rates, err := solveRates(received, flows, perYear)
	if err != nil {
		return Schedule{}, err
	}
	s.Rates = &rates
	return s, nil
}

// FromRows returns a Schedule of rows built elsewhere (a deferral, a
// restructuring), with their totals rounded by rnd and no rates yet.
func FromRows(rows []Row, rnd money.Rounding) Schedule { return newSchedule(rows, rnd) }

// WithRates returns s priced as a loan of received repaid by its rows, row
// number t paid t periods after received, periodsPerYear periods a year.
// Rates stays nil when no row pays anything; an error means no rate of
// return exists within −99 % to +10 000 % a year.
func (s Schedule) WithRates(received money.Amount, periodsPerYear int64) (Schedule, error) {
	return s.priced(received, periodsPerYear, func(i int) int { return s.Rows[i].Number })
}
