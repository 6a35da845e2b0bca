package schedule_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// Regulation Z Appendix J (c)(1)(ii): 6,000 advanced on 1978-02-10, repaid
// by 36 monthly payments of 200.00 from 1978-04-01. The first payment lies
// 1 month and 19 odd days after the advance; the APR Appendix J publishes
// is 11.82 %.
func ExampleAPR_appendixJ() {
	payments := make([]money.Amount, 36)
	for i := range payments {
		payments[i] = money.MustParse("200.00")
	}
	r, err := schedule.APR(schedule.APRRequest{
		Principal:    money.New(6000, 0),
		Payments:     payments,
		StartDate:    money.MustParseDate("1978-02-10"),
		FirstDueDate: money.MustParseDate("1978-04-01"),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("apr:", r.APR, "xirr:", *r.XIRR)
	// Output: apr: 0.118165 xirr: 0.124527
}

// An 8 % loan whose first period is 45 days: its rates count the odd days
// instead of treating the payments as equally spaced (the figures of
// testdata/vectors/schedule-timing-8pct-45-day-first-period.json, from the
// independent reference testdata/reference/timing.py).
func ExampleTerms_Price() {
	t := schedule.Terms{
		Principal:     money.New(10_000, 0),
		AnnualRate:    money.MustParseRate("0.08"),
		Periods:       12,
		InterestBasis: schedule.Daily,
		StartDate:     money.MustParseDate("2024-01-01"),
		FirstDueDate:  money.MustParseDate("2024-02-15"),
	}
	rows, err := schedule.Amortize(t)
	if err != nil {
		panic(err)
	}
	s, err := t.Price(rows)
	if err != nil {
		panic(err)
	}
	fmt.Println("apr:", s.Rates.APR, "effective:", s.Rates.EffectiveAnnualRate, "xirr:", *s.Rates.XIRR)
	// Output: apr: 0.081046 effective: 0.084126 xirr: 0.084168
}

// A bullet loan's unit period is its term: 12 months at 12 % discloses 12 %.
func ExampleNew_bullet() {
	s, _ := schedule.New(schedule.Terms{
		Principal:  money.New(10_000, 0),
		AnnualRate: money.MustParseRate("0.12"),
		Periods:    12,
		Method:     schedule.Bullet,
		StartDate:  money.MustParseDate("2024-01-15"),
	})
	fmt.Println(s.Rows[0].Payment, s.Rates.IRR, s.Rates.APR, s.Rates.EffectiveAnnualRate)
	// Output: 11200.00 0.120000 0.120000 0.120000
}
