package plan_test

import (
	"fmt"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/plan"
	"github.com/repayplan/repayplan/schedule"
)

// Offers for a loan are priced on what settles it today, not on the
// interest its schedule has yet to earn: 12000 at 6 % over 12 months, as
// of 20 days after disbursement, owes 12000 + 12000 × 6 % × 20/360 =
// 12040.00, while the remaining schedule totals 12393.58.
func ExampleOutstandingOfLoan() {
	s, err := loan.Accrue(loan.Account{
		Terms: schedule.Terms{Principal: money.MustParse("12000"), AnnualRate: money.MustParseRate("0.06"),
			Periods: 12, StartDate: money.MustParseDate("2025-01-15")},
		AsOf:   money.MustParseDate("2025-02-04"),
		Policy: penalty.Policy{},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(plan.OutstandingOfLoan(s).Sum(), "to settle; schedule left", s.Totals.Outstanding)
	// Output: 12040.00 to settle; schedule left 12393.58
}
