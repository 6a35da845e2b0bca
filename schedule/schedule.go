package schedule

import (
	"encoding/json"
	"slices"

	"github.com/repayplan/repayplan/money"
)

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
//
// In JSON the rates' keys (irr, apr, effective_annual_rate, xirr) sit
// beside row_count, rows and totals, and are left out of a schedule that
// is not priced.
type Schedule struct {
	RowCount int    `json:"row_count"`
	Rows     []Row  `json:"rows"`
	Totals   Totals `json:"totals"`
	// Rates are the zero Rates (Priced reports false) when no row pays
	// anything, and in schedules from Amortize, which skips solving for
	// the IRR. A value, not an embedded pointer, so that reading the rates
	// of an unpriced schedule gives zeros instead of a nil dereference.
	Rates Rates `json:"-"`
}

// Priced reports whether s carries its rates: every solved rate is written
// to 6 places, so priced Rates are never the zero Rates.
func (s Schedule) Priced() bool { return s.Rates != Rates{} }

// scheduleJSON is a Schedule as JSON: Go has no inline struct field, but
// encoding/json promotes an embedded pointer's keys and leaves them out
// while it is nil.
type scheduleJSON struct {
	plainSchedule
	*Rates
}

// plainSchedule has Schedule's fields and none of its methods.
type plainSchedule Schedule

// MarshalJSON writes s with its rates' keys at the top level, none when s
// is not priced.
func (s Schedule) MarshalJSON() ([]byte, error) {
	w := scheduleJSON{plainSchedule: plainSchedule(s)}
	if s.Priced() {
		w.Rates = &s.Rates
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Schedule) UnmarshalJSON(b []byte) error {
	var w scheduleJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*s = Schedule(w.plainSchedule)
	if w.Rates != nil {
		s.Rates = *w.Rates
	}
	return nil
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
func Amortize(t Terms) (Schedule, error) { return AmortizeInto(nil, t) }

// AmortizeInto is [Amortize] writing the rows into dst's array, from its
// start, when it has room for them (a new array otherwise): bulk work that
// reuses one buffer, passing back the Rows of the schedule it is done
// with, allocates nothing per schedule. The returned Rows share dst's
// array, so they are overwritten when dst is next passed in.
func AmortizeInto(dst []Row, t Terms) (Schedule, error) {
	if err := t.Validate(); err != nil {
		return Schedule{}, err
	}
	rows := slices.Grow(dst[:0], t.rowCount())
	r := t.run(t.Principal, 1, t.Periods, t.Grace)
	if rows, totals, ok := r.fastRows(rows); ok {
		if err := t.checkRepaid(rows); err != nil {
			return Schedule{}, err
		}
		return Schedule{RowCount: len(rows), Rows: rows, Totals: totals}, nil
	}
	s := newSchedule(r.slowRows(rows), t.Rounding)
	if s.Totals.Payment.Overflowed() || s.Totals.Principal.Overflowed() || s.Totals.Capitalized.Overflowed() {
		return Schedule{}, money.Errorf("principal", "the schedule's amounts exceed the supported range of ±3.9 × 10^28 units: interest capitalized at this rate over this term grows without bound")
	}
	if err := t.checkRepaid(s.Rows); err != nil {
		return Schedule{}, err
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
// t's start date and repaid by the rows of s, each paid on its due date:
// irr, apr and effective_annual_rate by Appendix J's general equation with
// t's frequency as the unit period (a bullet loan's term), and xirr by
// actual days. The rows are those of a schedule on t's
// calendar: row number i is calendar period i (a bullet's single row, the
// term). s stays unpriced when no row pays anything.
func (t Terms) Price(s Schedule) (Schedule, error) {
	if t.Method != Bullet && t.FirstDueDate.IsZero() && !t.moves() {
		if priced, ok, err := t.plainPrice(s); ok {
			return priced, err
		}
	}
	return t.priceByTiming(s)
}

// priceByTiming is Price for every schedule: the payments placed by
// paymentTimes, then solveTimed (or a bullet's exact rates) and the XIRR.
func (t Terms) priceByTiming(s Schedule) (Schedule, error) {
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
	return s.pricedAt(rates, xp)
}

// pricedAt returns s priced at rates, with the XIRR of xp.
func (s Schedule) pricedAt(rates Rates, xp *xirrProblem) (Schedule, error) {
	rates, err := rates.withXIRR(xp)
	if err != nil {
		return Schedule{}, err
	}
	s.Rates = rates
	return s, nil
}

// withXIRR returns r with the XIRR of xp.
func (r Rates) withXIRR(xp *xirrProblem) (Rates, error) {
	// The effective annual rate is within a few per cent of the XIRR: a
	// start that leaves Newton's method three or four steps.
	guess, _ := r.EffectiveAnnualRate.Decimal().Float64()
	x, err := xp.solve(true, guess)
	if err != nil {
		return Rates{}, money.Errorf("xirr", "no rate of return by actual days between −99 %% and +10 000 %% a year")
	}
	r.XIRR = &x
	return r, nil
}

// paymentTimes places each paying row by Appendix J timing — flows at
// their whole periods, and their timings when any of them carries a
// fraction or falls due on the start (nil when every one lies a whole
// number of periods, at least one, after the start: the plain IRR) — and
// lists the principal and payments by actual days for the XIRR.
func (t Terms) paymentTimes(rows []Row) ([]Flow, []timing, *xirrProblem) {
	cal := t.calendar()
	// Anchored on the start and moved by no calendar, every due date is
	// whole periods after the start: row i lies at t = i, f = 0.
	plain := t.FirstDueDate.IsZero() && !cal.moves
	tm := cal.timer()
	flows := make([]Flow, 0, len(rows))
	var at []timing
	// The XIRR's flows go straight into units (one allocation for days
	// and units) while they are whole minor units in day order, as a
	// schedule's are; otherwise they are listed as Amounts and sorted.
	places := t.Rounding.Places()
	buf := make([]int64, 2*(len(rows)+1))
	days, units := buf[:1:len(rows)+1], buf[len(rows)+1:len(rows)+2]
	inUnits := true
	units[0], inUnits = t.Principal.Neg().Units(places)
	inUnits = inUnits && units[0] >= -1<<62
	for _, r := range rows {
		if r.Payment.IsZero() {
			continue
		}
		x := timing{t: int32(r.Number), den: 1}
		if !plain {
			x = tm.at(r.Number, r.DueDate)
		}
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
		if inUnits {
			day := int64(max(r.DueDate.Sub(t.StartDate), 0))
			u, ok := r.Payment.Units(places)
			switch last := len(days) - 1; {
			case !ok || u < 0 || u > 1<<62 || day < days[last]:
				inUnits = false
			case day == days[last]: // two rows moved onto one day, or one on the start
				units[last] += u
				inUnits = units[last] <= 1<<62
			default:
				days, units = append(days, day), append(units, u)
			}
		}
	}
	if inUnits {
		return flows, at, newXIRRUnits(days, units)
	}
	xp := newXIRRProblem(len(flows) + 1)
	xp.add(0, t.Principal.Neg())
	for _, r := range rows {
		if !r.Payment.IsZero() {
			xp.add(int64(max(r.DueDate.Sub(t.StartDate), 0)), r.Payment)
		}
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
	s.Rates = rates
	return s, nil
}

// FromRows returns a Schedule of rows built elsewhere (a deferral, a
// restructuring), with their totals rounded by rnd and no rates yet.
func FromRows(rows []Row, rnd money.Rounding) Schedule { return newSchedule(rows, rnd) }

// WithRates returns s priced as a loan of received repaid by its rows, row
// number t paid t periods after received, periodsPerYear periods a year:
// the plain IRR of equally spaced payments, with no XIRR, for rows that
// have no start date to count from. Rows on a Terms calendar are priced
// by their actual dates with [Terms.Price]. s stays unpriced when no row
// pays anything; an error means no rate of return exists within −99 % to
// +10 000 % a year.
func (s Schedule) WithRates(received money.Amount, periodsPerYear int64) (Schedule, error) {
	return s.priced(received, periodsPerYear, func(i int) int { return s.Rows[i].Number })
}
