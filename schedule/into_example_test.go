package schedule_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// Bulk work amortizes loan after loan into one row buffer, passing back
// the rows of the schedule it is done with: no allocation per schedule.
func ExampleAmortizeInto() {
	book := []schedule.Terms{
		// 1200 at 12 % over 12 months: A = 1200·0.01·1.01^12/(1.01^12 − 1) = 106.619…
		{Principal: money.New(1200, 0), AnnualRate: money.MustParseRate("0.12"), Periods: 12, StartDate: money.MustParseDate("2024-01-15")},
		// 12 000 at 0 % over 12 months: 1000 a month.
		{Principal: money.New(12_000, 0), AnnualRate: money.MustParseRate("0"), Periods: 12, StartDate: money.MustParseDate("2024-01-31")},
	}
	var rows []schedule.Row
	for _, t := range book {
		s, err := schedule.AmortizeInto(rows, t)
		if err != nil {
			panic(err)
		}
		fmt.Println(s.Rows[0].Payment, s.Rows[0].Interest, s.Rows[1].DueDate)
		rows = s.Rows // reused by the next loan: copy out what must outlive it
	}
	// Output:
	// 106.62 12.00 2024-03-15
	// 1000.00 0.00 2024-03-31
}

// A schedule from Amortize carries no rates; New prices it. Reading the
// rates of an unpriced schedule gives zeros, never a nil dereference.
func ExampleSchedule_Priced() {
	// 12 000 at 0 % over 12 months: nothing is charged, so every rate is 0.
	t := schedule.Terms{Principal: money.New(12_000, 0), AnnualRate: money.MustParseRate("0"), Periods: 12, StartDate: money.MustParseDate("2024-01-31")}
	rows, _ := schedule.Amortize(t)
	priced, _ := schedule.New(t)
	fmt.Println(rows.Priced(), rows.Rates.APR.IsZero())
	fmt.Println(priced.Priced(), priced.Rates.IRR, priced.Rates.APR)
	// Output:
	// false true
	// true 0.000000 0.000000
}
