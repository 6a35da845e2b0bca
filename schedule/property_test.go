package schedule

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// randomTerms draws valid terms over every method, frequency, basis, day
// count, grace kind and rounding mode. Terms whose rounded payment repays
// the principal before the last row (near interest-only loans, where the
// rounding compounds; Amortize rejects them, see TestRepaidEarlyRejected)
// are drawn again.
func randomTerms(rng *rand.Rand) Terms {
	for {
		t := drawTerms(rng)
		if _, err := Amortize(t); err == nil || !isRepaidEarly(err) {
			return t
		}
	}
}

func drawTerms(rng *rand.Rand) Terms {
	places := []int{2, 2, 2, 0, 3}[rng.IntN(5)]
	t := Terms{
		Principal:     money.New(rng.Int64N(100_000_000_00)+1, places),
		AnnualRate:    money.NewRate(rng.Int64N(400_000), 6), // 0 – 40 %
		Periods:       1 + rng.IntN(480),
		Frequency:     Frequency(rng.IntN(4)),
		Method:        Method(rng.IntN(5)),
		StartDate:     money.NewDate(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(31)),
		InterestBasis: InterestBasis(rng.IntN(2)),
		DayCount:      money.DayCount(rng.IntN(4)),
		Rounding:      money.NewRounding(places, money.Mode(rng.IntN(6))),
	}
	if rng.IntN(4) == 0 {
		t.FeeRate = money.NewRate(rng.Int64N(10_000), 6)
	}
	if rng.IntN(4) == 0 {
		t.FirstDueDate = t.StartDate.AddDays(1 + rng.IntN(60))
	}
	if t.Method != Bullet && t.Periods > 1 && rng.IntN(3) == 0 {
		t.Grace = Grace{Periods: rng.IntN(t.Periods), Kind: GraceKind(rng.IntN(2))}
	}
	if t.Method == EqualInstallment && rng.IntN(5) == 0 {
		t.InstallmentMultiple = money.New(1, 0)
	}
	return t
}

// checkInvariants asserts SPEC §2's invariants on a schedule of t.
func checkInvariants(t Terms, s Schedule) error {
	if s.RowCount != len(s.Rows) || s.RowCount != t.rowCount() {
		return fmt.Errorf("row_count %d, rows %d, want %d", s.RowCount, len(s.Rows), t.rowCount())
	}
	var sumPrincipal, sumCap money.Amount
	prevDue := t.StartDate
	for i, r := range s.Rows {
		for name, a := range map[string]money.Amount{"opening": r.OpeningBalance, "principal": r.Principal,
			"interest": r.Interest, "fee": r.Fee, "payment": r.Payment, "closing": r.ClosingBalance, "capitalized": r.Capitalized} {
			if a.IsNegative() {
				return fmt.Errorf("row %d: negative %s %s", r.Number, name, a)
			}
			if !a.FitsPlaces(t.Rounding.Places()) {
				return fmt.Errorf("row %d: %s %s not rounded to %d places", r.Number, name, a, t.Rounding.Places())
			}
		}
		if !r.Payment.Equal(r.Principal.Add(r.Interest).Add(r.Fee)) {
			return fmt.Errorf("row %d: payment %s ≠ principal + interest + fee", r.Number, r.Payment)
		}
		if !r.ClosingBalance.Equal(r.OpeningBalance.Sub(r.Principal).Add(r.Capitalized)) {
			return fmt.Errorf("row %d: closing %s ≠ opening − principal + capitalized", r.Number, r.ClosingBalance)
		}
		if i > 0 && !r.OpeningBalance.Equal(s.Rows[i-1].ClosingBalance) {
			return fmt.Errorf("row %d: opening ≠ previous closing", r.Number)
		}
		// A business-day calendar may move two due dates onto one day (weekly rows around 春节).
		if r.DueDate.Before(prevDue) || (r.DueDate == prevDue && t.Calendar.IsZero()) || r.Days != r.DueDate.Sub(prevDue) {
			return fmt.Errorf("row %d: due %s days %d after %s", r.Number, r.DueDate, r.Days, prevDue)
		}
		prevDue = r.DueDate
		sumPrincipal = sumPrincipal.Add(r.Principal)
		sumCap = sumCap.Add(r.Capitalized)
	}
	if !sumPrincipal.Equal(t.Principal.Add(sumCap)) {
		return fmt.Errorf("Σ principal %s ≠ P %s + capitalized %s", sumPrincipal, t.Principal, sumCap)
	}
	if !s.Rows[len(s.Rows)-1].ClosingBalance.IsZero() {
		return fmt.Errorf("last closing balance %s", s.Rows[len(s.Rows)-1].ClosingBalance)
	}
	if !s.Totals.Principal.Equal(sumPrincipal) {
		return fmt.Errorf("totals.principal %s ≠ Σ %s", s.Totals.Principal, sumPrincipal)
	}
	return checkEqualInstallments(t, s)
}

// checkEqualInstallments: with periodic interest, every amortizing row but
// the last pays the same installment A (unless A cannot cover the
// interest, or the balance runs out early through rounding up).
func checkEqualInstallments(t Terms, s Schedule) error {
	if t.Method != EqualInstallment || t.InterestBasis != Periodic {
		return nil
	}
	g := t.Grace.Periods
	rows := s.Rows[g : len(s.Rows)-1]
	for _, r := range rows {
		a := r.Payment.Sub(r.Fee)
		first := s.Rows[g].Payment.Sub(s.Rows[g].Fee)
		if !a.Equal(first) && !r.ClosingBalance.IsZero() && !r.OpeningBalance.Sub(r.Principal).IsZero() && r.Principal.IsPositive() {
			return fmt.Errorf("row %d pays %s, row %d pays %s", r.Number, a, g+1, first)
		}
	}
	return nil
}

func TestScheduleInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := 0; i < n; i++ {
		terms := randomTerms(rng)
		s, err := Amortize(terms)
		require.NoError(t, err, "%+v", terms)
		require.NoError(t, checkInvariants(terms, s), "%+v", terms)
	}
}

func TestRatesOfRandomSchedules(t *testing.T) {
	// Loans at a positive rate cost a positive APR; the effective rate is at
	// least the nominal one; and a schedule priced at its own contract rate
	// (periodic, no fee) comes within rounding of that rate.
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 300; i++ {
		terms := randomTerms(rng)
		terms.Periods = min(terms.Periods, 120)
		terms.Grace = Grace{}
		s, err := New(terms)
		require.NoError(t, err)
		require.True(t, s.Priced())
		if s.Totals.Payment.Cmp(terms.Principal) > 0 {
			require.True(t, s.Rates.APR.Sign() > 0, "%+v → %+v", terms, s.Rates)
		}
		// A bullet loan's unit period is its term: compounding a term
		// longer than a year down to one makes the effective rate the
		// smaller (SPEC §2).
		longBullet := terms.Method == Bullet && int64(terms.Periods) > terms.Frequency.PerYear()
		require.True(t, s.Rates.EffectiveAnnualRate.Cmp(s.Rates.APR) >= 0 || s.Rates.APR.Sign() <= 0 || longBullet, "%+v → %+v", terms, s.Rates)
	}
}

// TestFastPathMatchesGeneralPath holds the machine-integer kernel to the
// general Amount-based path, row for row.
func TestFastPathMatchesGeneralPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	fast := 0
	for i := 0; i < 3000; i++ {
		terms := randomTerms(rng)
		terms.InterestBasis = Periodic
		if terms.Grace.Kind == GraceFull {
			terms.Grace = Grace{}
		}
		require.NoError(t, terms.Validate())
		r := terms.run(terms.Principal, 1, terms.Periods, terms.Grace)
		got, totals, ok := r.fastRows(make([]Row, 0, terms.Periods))
		if !ok {
			continue
		}
		fast++
		want := terms.run(terms.Principal, 1, terms.Periods, terms.Grace).slowRows(nil)
		require.Equal(t, want, got, "%+v", terms)
		require.Equal(t, newSchedule(want, terms.Rounding).Totals, totals)
	}
	require.Greater(t, fast, 2000, "the fast path must cover the common case")
}

func TestFlatFeeChargesNoInterest(t *testing.T) {
	// SPEC §2: a flat_fee schedule charges its fee and interest 0, whatever
	// the annual rate field holds: 1200 over 3 rows at 0.5 % a month is
	// 400.00 + 6.00 fee each row.
	for _, basis := range []InterestBasis{Periodic, Daily} {
		s, err := New(Terms{Principal: money.New(1200, 0), AnnualRate: money.MustParseRate("0.12"), Periods: 3,
			Method: FlatFee, FeeRate: money.MustParseRate("0.005"), InterestBasis: basis, StartDate: money.MustParseDate("2024-01-10")})
		require.NoError(t, err)
		for _, r := range s.Rows {
			require.True(t, r.Interest.IsZero(), "row %d interest %s", r.Number, r.Interest)
			require.Equal(t, "406.00", r.Payment.String())
		}
	}
}

func TestPrepaymentKeepsFeeOnOriginalPrincipal(t *testing.T) {
	// A 12,000 card installment at 0.6 % a month: 72.00 fee per row on the
	// original principal, before and after 5,000 is prepaid after row 3.
	terms := Terms{Principal: money.New(12_000, 0), Periods: 12, Method: FlatFee,
		FeeRate: money.MustParseRate("0.006"), StartDate: money.MustParseDate("2024-01-31")}
	r, err := Prepay(Prepayment{Terms: terms, AfterPeriod: 3, Amount: money.New(5000, 0)})
	require.NoError(t, err)
	require.Equal(t, 9, r.RowCount)
	for _, row := range r.Rows {
		require.Equal(t, "72.00", row.Fee.String())
	}
	// 12,000 − 3 × 1,000 − 5,000 = 4,000 over 9 rows: 444.44 a row, the
	// last 444.48.
	require.Equal(t, "444.44", r.Rows[0].Principal.String())
	require.Equal(t, "444.48", r.Rows[8].Principal.String())
}
