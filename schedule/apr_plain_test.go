package schedule

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// aprGeneral is APR by the general path alone: solveRates on the Flow
// list, or the rows priced by Appendix J timing.
func aprGeneral(r APRRequest) (Rates, error) {
	k, _, err := r.check()
	if err != nil {
		return Rates{}, err
	}
	if r.StartDate.IsZero() {
		return solveRates(r.Principal, r.flows(), k)
	}
	// dated's checks, then the rows priced.
	if k != r.Frequency.PerYear() {
		return Rates{}, money.Errorf("periods_per_year", "must be %d for %s dated payments, got %d", r.Frequency.PerYear(), r.Frequency, k)
	}
	t := Terms{Principal: r.Principal, Periods: len(r.Payments), Frequency: r.Frequency, StartDate: r.StartDate, FirstDueDate: r.FirstDueDate}
	if err := t.checkDates(); err != nil {
		return Rates{}, err
	}
	if !r.Principal.IsPositive() {
		return Rates{}, money.Errorf("principal", "must be positive to have a rate of return")
	}
	cal := t.calendar()
	rows := make([]Row, len(r.Payments))
	for i, p := range r.Payments {
		rows[i] = Row{Number: i + 1, DueDate: cal.due(i + 1), Payment: p}
	}
	s, err := t.priceByTiming(Schedule{RowCount: len(rows), Rows: rows})
	if err != nil {
		return Rates{}, err
	}
	if !s.Priced() {
		return Rates{}, money.Errorf("payments", "no internal rate of return: nothing is repaid")
	}
	return s.Rates, nil
}

// APR's one pass must give exactly what the general path gives, on the
// payments of random schedules and on lists no schedule makes (zeros,
// finer places, a negative payment, nothing repaid).
func TestAPRMatchesGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for i := 0; i < 800; i++ {
		terms := randomTerms(rng)
		terms.Method = Method(rng.IntN(4)) // no bullet: one payment over its whole term
		s, err := Amortize(terms)
		if err != nil {
			continue
		}
		r := APRRequest{Principal: terms.Principal}
		for _, row := range s.Rows {
			r.Payments = append(r.Payments, row.Payment)
		}
		switch rng.IntN(5) {
		case 0:
			r.Payments[rng.IntN(len(r.Payments))] = money.Amount{}
		case 1:
			r.Payments[0] = r.Payments[0].Add(money.MustParse("0.0001"))
		case 2:
			r.Payments[len(r.Payments)-1] = r.Payments[len(r.Payments)-1].Neg()
		}
		if rng.IntN(2) == 0 {
			r.StartDate, r.Frequency = terms.StartDate, terms.Frequency
			if rng.IntN(4) == 0 {
				r.FirstDueDate = terms.StartDate.AddDays(20 + rng.IntN(30))
			}
		} else if rng.IntN(3) == 0 {
			r.PeriodsPerYear = terms.Frequency.PerYear()
		}
		got, gerr := APR(r)
		want, werr := aprGeneral(r)
		require.Equal(t, werr, gerr, "%+v", r)
		require.Equal(t, want, got, "%+v", r)
	}
}
