package schedule_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// Due dates on the 28th with the cn calendar: 2025-01-28 (除夕) moves past
// 春节 to Wed 02-05 and daily interest runs to the moved date; February's
// due date is still the 28th, because each date moves from its own anchor.
// Interest: 12000 × 0.06 × 39/360 = 78.00; 8037.93 × 0.06 × 23/360 = 30.81;
// 4028.67 × 0.06 × 28/360 = 18.80 (as testdata/reference computes them).
func ExampleTerms_calendar() {
	terms := schedule.Terms{
		Principal:     money.New(12000, 0),
		AnnualRate:    money.MustParseRate("0.06"),
		Periods:       3,
		StartDate:     money.MustParseDate("2024-12-28"),
		InterestBasis: schedule.Daily,
		Calendar:      money.Calendar{Preset: money.PresetCN},
	}
	s, err := schedule.Amortize(terms)
	if err != nil {
		panic(err)
	}
	for _, r := range s.Rows {
		fmt.Println(r.Number, terms.AnchorDate(r.Number), "→", r.DueDate, r.Days, "days, interest", r.Interest)
	}
	// Output:
	// 1 2025-01-28 → 2025-02-05 39 days, interest 78.00
	// 2 2025-02-28 → 2025-02-28 23 days, interest 30.81
	// 3 2025-03-28 → 2025-03-28 28 days, interest 18.80
}
