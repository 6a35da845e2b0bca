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
// digits (one within 10^−15 of a rounding boundary is re-solved at higher
// precision; a bullet loan's are decided exactly).
type Rates struct {
	IRR                 money.Rate `json:"irr"`                   // periodic internal rate of return (Appendix J general equation)
	APR                 money.Rate `json:"apr"`                   // IRR × unit periods a year (nominal, as PBoC and Reg Z disclose)
	EffectiveAnnualRate money.Rate `json:"effective_annual_rate"` // (1 + IRR)^k − 1
	// XIRR is the annual rate x with principal = Σ payment_j·(1+x)^(−d_j/365),
	// d_j the actual days from the start to each due date. It is nil where
	// the payments have no dates (APR of undated payments, WithRates).
	XIRR *money.Rate `json:"xirr,omitempty"`
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
	return t.Price(s)
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

// Price returns s with its rates as a loan of t's principal, received on
// t's start date and repaid by the rows of s, each paid on its due date
// (SPEC §2): irr, apr and effective_annual_rate by Appendix J's general
// equation with t's frequency as the unit period (a bullet loan's term),
// and xirr by actual days. The rows are those of a schedule on t's
// calendar: row number i is calendar period i (a bullet's single row, the
// term). Rates stays nil when no row pays anything.
func (t Terms) Price(s Schedule) (Schedule, error) {
	flows, at, xp := t.paymentTimes(s.Rows)
	if len(flows) == 0 {
		return s, nil
	}
	var rates Rates
	var err error
	if t.Method == Bullet && len(s.Rows) == 1 {
		rates, err = bulletRates(t.Principal, s.Rows[0].Payment, t.Periods, t.Frequency.PerYear())
	} else {
		rates, err = solveTimed(t.Principal, flows, at, t.Frequency.PerYear())
	}
	if err != nil {
		return Schedule{}, err
	}
	// The effective annual rate is within a few per cent of the XIRR: a
	// start that leaves Newton's method three or four steps.
	guess, _ := rates.EffectiveAnnualRate.Decimal().Float64()
	x, err := xp.solve(true, guess)
	if err != nil {
		return Schedule{}, money.Errorf("xirr", "no rate of return by actual days between −99 %% and +10 000 %% a year")
	}
	rates.XIRR = &x
	s.Rates = &rates
	return s, nil
}

// paymentTimes places each paying row by Appendix J timing — flows at
// their whole periods, and their timings when any of them carries a
// fraction (nil when none does, or one falls due on the start: the plain
// IRR) — and lists the principal and payments by actual days for the XIRR.
func (t Terms) paymentTimes(rows []Row) ([]Flow, []timing, *xirrProblem) {
	tm := t.calendar().timer()
	flows := make([]Flow, 0, len(rows))
	var at []timing
	xp := newXIRRProblem(len(rows) + 1)
	xp.add(0, t.Principal.Neg())
	for _, r := range rows {
		if r.Payment.IsZero() {
			continue
		}
		x := tm.at(r.Number, r.DueDate)
		if at == nil && (!x.regular() || x.t < 1) {
			at = make([]timing, len(flows), cap(flows))
			for k, f := range flows {
				at[k] = timing{t: int32(f.Period), den: 1}
			}
		}
		if at != nil {
			at = append(at, x)
		}
		flows = append(flows, Flow{Period: int(x.t), Amount: r.Payment})
		xp.add(int64(max(r.DueDate.Sub(t.StartDate), 0)), r.Payment)
	}
	return flows, at, xp
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
// number t paid t periods after received, periodsPerYear periods a year:
// the plain IRR of equally spaced payments, with no XIRR, for rows that
// have no start date to count from. Rows on a Terms calendar are priced
// by their actual dates with [Terms.Price]. Rates stays nil when no row
// pays anything; an error means no rate of return exists within −99 % to
// +10 000 % a year.
func (s Schedule) WithRates(received money.Amount, periodsPerYear int64) (Schedule, error) {
	return s.priced(received, periodsPerYear, func(i int) int { return s.Rows[i].Number })
}
