package penalty_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// AccrueContext is Accrue under a deadline: a service gives each request
// a compute budget and gets the context's error back once it is spent.
// Within the budget the statement is Accrue's (ExampleAccrue): the 300.00
// paid on 2025-02-01 took penalty 2.10 + 6.83, the late fee 52.50, the
// interest 50.00 and 188.57 of principal, leaving 811.43 + penalty 11.36
// = 822.79.
func ExampleAccrueContext() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s, err := penalty.AccrueContext(ctx, seedAccount())
	fmt.Println(s.Totals.Outstanding, err)

	done, stop := context.WithCancel(context.Background())
	stop()
	_, err = penalty.AccrueContext(done, seedAccount())
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// 822.79 <nil>
	// true
}

// An explanation that would exceed MaxExplanationRecords is an error
// naming the field whose records pushed it over, found at the limit's
// cost: here 1 200 overdue installments and 200 percent waivers with no
// installment number, each reaching every installment.
func ExampleMaxExplanationRecords() {
	a := penalty.Account{AsOf: money.MustParseDate("2030-01-01"),
		Policy: penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily}}}
	for k := range 1200 {
		a.Installments = append(a.Installments, penalty.Installment{
			DueDate: money.MustParseDate("1925-01-05").AddMonths(k), Principal: money.New(1000, 0)})
	}
	for k := range 200 {
		a.Waivers = append(a.Waivers, penalty.Waiver{Date: money.MustParseDate("2029-01-01").AddDays(k),
			Component: penalty.PenaltyComponent, Percent: money.MustParseRate("0.5")})
	}
	_, err := penalty.Accrue(a)
	var e *money.Error
	fmt.Println(errors.As(err, &e), e.Field)
	// Output:
	// true waivers
}
