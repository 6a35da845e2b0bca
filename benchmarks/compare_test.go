package benchmarks

import (
	"fmt"
	"math"
	"strings"

	gv "github.com/govalues/decimal"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
	ss "github.com/shopspring/decimal"
)

// loan is one equal_installment loan as the tests hand it to every
// implementation: whole cents, the annual rate in millionths, monthly rows.
type loan struct {
	cents, millionths int64
	months            int
	start             money.Date
}

func (l loan) String() string {
	pct := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%d.%04d", l.millionths/10_000, l.millionths%10_000), "0"), ".")
	return fmt.Sprintf("%s at %s %% over %d months", money.New(l.cents, 2), pct, l.months)
}

func (l loan) terms() schedule.Terms {
	return schedule.Terms{Principal: money.New(l.cents, 2), AnnualRate: money.NewRate(l.millionths, 6),
		Periods: l.months, StartDate: l.start}
}

func (l loan) shopspring() (ss.Decimal, ss.Decimal) {
	return ss.New(l.cents, -2), ss.New(l.millionths, -6)
}

func (l loan) govalues() (gv.Decimal, gv.Decimal) {
	return gv.MustNew(l.cents, 2), gv.MustNew(l.millionths, 6)
}

func (l loan) float64s() (float64, float64) {
	return float64(l.cents) / 100, float64(l.millionths) / perMillion
}

// The two named loans: SPEC §7's budget case (the library's `mortgage` in
// schedule/bench_test.go) and a 12-month consumer loan.
var (
	mortgage = loan{cents: 1_000_000_00, millionths: 49_000, months: 360, start: money.MustParseDate("2024-01-15")}
	consumer = loan{cents: 12_000_00, millionths: 60_000, months: 12, start: money.MustParseDate("2024-01-15")}
)

// cents is one row in cents, the unit every implementation is compared in.
type cents struct {
	due                                          money.Date
	days                                         int
	opening, principal, interest, payment, close int64
}

// inCents turns a peer's schedule into cent rows; ok is false when a value
// is not a whole number of cents (then that column reads math.MinInt64 and
// can match nothing).
func inCents[T any](s Schedule[T], conv func(T) (int64, bool)) []cents {
	c := func(v T) int64 {
		if u, ok := conv(v); ok {
			return u
		}
		return math.MinInt64
	}
	out := make([]cents, len(s.Rows))
	for i, r := range s.Rows {
		out[i] = cents{r.Due, r.Days, c(r.Opening), c(r.Principal), c(r.Interest), c(r.Payment), c(r.Closing)}
	}
	return out
}

func shopCents(d ss.Decimal) (int64, bool) {
	s := d.Shift(2)
	return s.IntPart(), s.IsInteger()
}

func govCents(d gv.Decimal) (int64, bool) {
	whole, frac, ok := d.Int64(2)
	return whole*100 + frac, ok && d.Trim(2).Scale() <= 2
}

// floatCents reads a float64 amount as the cents it displays.
func floatCents(f float64) (int64, bool) {
	c := math.Round(f * 100)
	return int64(c), !math.IsNaN(f) && math.Abs(c) < 1<<62
}

func intCents(v int64) (int64, bool) { return v, true }

func libraryCents(s schedule.Schedule) []cents {
	c := func(a money.Amount) int64 {
		if u, ok := a.Units(2); ok {
			return u
		}
		return math.MinInt64
	}
	out := make([]cents, len(s.Rows))
	for i, r := range s.Rows {
		out[i] = cents{r.DueDate, r.Days, c(r.OpeningBalance), c(r.Principal), c(r.Interest), c(r.Payment), c(r.ClosingBalance)}
	}
	return out
}

// peer is one implementation under comparison, run on a loan and read in
// cents.
type peer struct {
	name string
	run  func(loan) ([]cents, error)
}

var peers = []peer{
	{"shopspring", func(l loan) ([]cents, error) {
		p, a := l.shopspring()
		return inCents(Shopspring(p, a, l.months, l.start), shopCents), nil
	}},
	{"govalues", func(l loan) ([]cents, error) {
		p, a := l.govalues()
		s, err := Govalues(p, a, l.months, l.start)
		return inCents(s, govCents), err
	}},
	{"float64", func(l loan) ([]cents, error) {
		p, a := l.float64s()
		return inCents(Float64(p, a, l.months, l.start), floatCents), nil
	}},
	{"int64", func(l loan) ([]cents, error) {
		s, err := Int64(l.cents, l.millionths, l.months, l.start)
		return inCents(s, intCents), err
	}},
}

func runLibrary(l loan) ([]cents, error) {
	s, err := schedule.Amortize(l.terms())
	if err != nil {
		return nil, err
	}
	return libraryCents(s), nil
}

// diff returns the index of the first row where got and want differ in
// payment, principal, interest, balances, due date or days (−1 if none),
// and how many rows differ.
func diff(got, want []cents) (first, rows int) {
	first = -1
	if len(got) != len(want) {
		return 0, max(len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			if first < 0 {
				first = i
			}
			rows++
		}
	}
	return first, rows
}

func (c cents) String() string {
	f := func(v int64) string { return money.New(v, 2).String() }
	return fmt.Sprintf("payment %s principal %s interest %s closing %s", f(c.payment), f(c.principal), f(c.interest), f(c.close))
}
