package book_test

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Two lines of a book, decoded strictly and accrued into the bucket table.
// The first owes 1000.00 due 2025-05-10, unpaid: 32 days past due on
// 2025-06-11 (M2), penalty 1000.00 × 0.05 % × 32 = 16.00. The second's
// 500.00 is not due until 2025-06-30: current, owed but not overdue.
func ExampleBuckets() {
	lines := []string{
		`{"as_of":"2025-06-11","installments":[{"due_date":"2025-05-10","principal":"1000.00","interest":"0","fee":"0"}],"payments":[],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"}}}`,
		`{"as_of":"2025-06-11","installments":[{"due_date":"2025-06-30","principal":"500.00","interest":"0","fee":"0"}],"payments":[],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"}}}`,
	}
	var b book.Buckets
	for _, line := range lines {
		var a penalty.Account
		if err := book.DecodeAccount([]byte(line), &a); err != nil {
			panic(err)
		}
		s, err := penalty.Accrue(a)
		if err != nil {
			panic(err)
		}
		b.Add(s)
	}
	t := b.Total()
	fmt.Println(t.Accounts, "accounts, outstanding", book.FormatAmount(t.Outstanding))
	for _, i := range []int{0, 2} {
		fmt.Println(book.BucketName(i), b[i].Accounts, book.FormatAmount(b[i].Penalty), book.FormatAmount(b[i].Outstanding))
	}
	// Output:
	// 2 accounts, outstanding 1516.00
	// current 1 0.00 500.00
	// M2 1 16.00 1016.00
}

// One account that paid nothing, as of the day after its due date and a
// month later: it rolls from M1 (1 day, penalty 0.50) to M2 (32 days,
// penalty 16.00).
func ExampleRoll() {
	a := penalty.Account{
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-05-10"),
			Principal: money.MustParse("1000.00"), Interest: money.MustParse("0"), Fee: money.MustParse("0")}},
		Policy: penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily}},
	}
	r := book.Roll{From: money.MustParseDate("2025-05-11"), To: money.MustParseDate("2025-06-11")}
	a.AsOf = r.From
	from, _ := penalty.Accrue(a)
	a.AsOf = r.To
	to, _ := penalty.Accrue(a)
	r.Add(from, to)
	c := r.Cells[book.BucketIndex("M1")][book.BucketIndex("M2")]
	fmt.Println(c.Accounts, book.FormatAmount(c.FromBalance), book.FormatAmount(c.ToBalance))
	var csv strings.Builder
	_ = r.WriteCSV(&csv) // 64 rows, one per pair of buckets; the first 12
	fmt.Print(strings.Join(strings.SplitAfter(csv.String(), "\n")[:12], ""))
	// Output:
	// 1 1000.50 1016.00
	// from_date,to_date,from_bucket,to_bucket,accounts,from_balance,to_balance
	// 2025-05-11,2025-06-11,current,current,0,0.00,0.00
	// 2025-05-11,2025-06-11,current,M1,0,0.00,0.00
	// 2025-05-11,2025-06-11,current,M2,0,0.00,0.00
	// 2025-05-11,2025-06-11,current,M3,0,0.00,0.00
	// 2025-05-11,2025-06-11,current,M4,0,0.00,0.00
	// 2025-05-11,2025-06-11,current,M5,0,0.00,0.00
	// 2025-05-11,2025-06-11,current,M6,0,0.00,0.00
	// 2025-05-11,2025-06-11,current,M7+,0,0.00,0.00
	// 2025-05-11,2025-06-11,M1,current,0,0.00,0.00
	// 2025-05-11,2025-06-11,M1,M1,0,0.00,0.00
	// 2025-05-11,2025-06-11,M1,M2,1,1000.50,1016.00
}
