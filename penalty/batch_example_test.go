package penalty_test

import (
	"context"
	"fmt"
	"slices"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// A book of accounts accrued on every core, results in the book's order.
// A book run that keeps only balances asks for them (Balances): the same
// figures, without the explanation's records.
func ExampleAccrueAll() {
	late := seedAccount()
	paid := seedAccount()
	paid.Payments = []penalty.Payment{{Date: money.MustParseDate("2025-01-15"), Amount: money.MustParse("1050.00")}}
	book := []penalty.Account{late, paid}

	err := penalty.AccrueAll(context.Background(), money.MustParseDate("2025-03-01"), slices.All(book),
		penalty.BatchOptions{Balances: true},
		func(r penalty.BatchResult[int]) error {
			if r.Err != nil {
				return r.Err
			}
			s := r.Statement
			fmt.Println(r.Key, s.Bucket, s.Totals.Outstanding, "penalty", s.Totals.Penalty, "records", len(s.Explanation.Segments))
			return nil
		})
	fmt.Println(err)
	// Output:
	// 0 M2 822.79 penalty 11.36 records 0
	// 1 current 0.00 penalty 0.00 records 0
	// <nil>
}
