package schedule_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// A 30-year mortgage of 1,000,000 at 4.9 %: 等额本息.
func ExampleNew() {
	s, err := schedule.New(schedule.Terms{
		Principal:  money.New(1_000_000, 0),
		AnnualRate: money.MustParseRate("0.049"),
		Periods:    360,
		StartDate:  money.MustParseDate("2024-01-15"),
	})
	if err != nil {
		panic(err)
	}
	first, last := s.Rows[0], s.Rows[s.RowCount-1]
	fmt.Println("monthly payment:", first.Payment)
	fmt.Println("row 1:", first.DueDate, "interest", first.Interest, "principal", first.Principal)
	fmt.Println("row 360:", last.DueDate, "payment", last.Payment)
	fmt.Println("total interest:", s.Totals.Interest)
	fmt.Println("APR:", s.Rates.APR)
	// Output:
	// monthly payment: 5307.27
	// row 1: 2024-02-15 interest 4083.33 principal 1223.94
	// row 360: 2054-01-15 payment 5305.19
	// total interest: 910615.12
	// APR: 0.049000
}

// A card installment (分期) of 12,000 over 12 months at a 0.6 % monthly fee:
// nominally 7.2 % a year, really about 13 %.
func ExampleNew_cardInstallment() {
	s, err := schedule.New(schedule.Terms{
		Principal: money.New(12_000, 0),
		Periods:   12,
		Method:    schedule.FlatFee,
		FeeRate:   money.MustParseRate("0.006"),
		StartDate: money.MustParseDate("2024-01-31"),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("each month:", s.Rows[0].Payment, "of which fee", s.Rows[0].Fee)
	fmt.Println("due dates:", s.Rows[0].DueDate, s.Rows[1].DueDate, s.Rows[2].DueDate)
	fmt.Println("total fee:", s.Totals.Fee, "APR:", s.Rates.APR.Percent())
	// Output:
	// each month: 1072.00 of which fee 72.00
	// due dates: 2024-02-29 2024-03-31 2024-04-30
	// total fee: 864.00 APR: 13.0342%
}

// Equal principal (等额本金): payments fall each month.
func ExampleNew_equalPrincipal() {
	s, _ := schedule.New(schedule.Terms{
		Principal:  money.New(1_000_000, 0),
		AnnualRate: money.MustParseRate("0.049"),
		Periods:    360,
		Method:     schedule.EqualPrincipal,
		StartDate:  money.MustParseDate("2024-01-15"),
	})
	fmt.Println(s.Rows[0].Payment, s.Rows[1].Payment, s.Rows[2].Payment)
	// Output: 6861.11 6849.77 6838.43
}

// Paying 100,000 off a mortgage after 12 months, keeping the payment and
// shortening the term.
func ExamplePrepay() {
	r, err := schedule.Prepay(schedule.Prepayment{
		Terms: schedule.Terms{
			Principal:  money.New(1_000_000, 0),
			AnnualRate: money.MustParseRate("0.049"),
			Periods:    360,
			StartDate:  money.MustParseDate("2024-01-15"),
		},
		AfterPeriod: 12,
		Amount:      money.New(100_000, 0),
		Mode:        schedule.ReduceTerm,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println("rows left:", r.RowCount, "first:", r.Rows[0].Number, r.Rows[0].Payment)
	fmt.Println("interest saved:", r.InterestSaved)
	// Output:
	// rows left: 281 first: 13 5307.27
	// interest saved: 259312.79
}

// The true cost of a list of payments.
func ExampleAPR() {
	payments := make([]money.Amount, 12)
	for i := range payments {
		payments[i] = money.MustParse("1072.00")
	}
	r, _ := schedule.APR(schedule.APRRequest{Principal: money.New(12_000, 0), Payments: payments})
	fmt.Println(r.IRR, r.APR, r.EffectiveAnnualRate)
	// Output: 0.010862 0.130342 0.138418
}

// A rate with a clear error when terms break a rule.
func ExampleTerms_Validate() {
	err := schedule.Terms{Principal: money.New(1000, 0), Periods: 0}.Validate()
	fmt.Println(err)
	// Output: periods: must be at least 1, got 0
}

func ExampleXIRR() {
	x, _ := schedule.XIRR([]schedule.DatedFlow{
		{Date: money.MustParseDate("2024-01-01"), Amount: money.New(-1000, 0)},
		{Date: money.MustParseDate("2024-07-01"), Amount: money.New(500, 0)},
		{Date: money.MustParseDate("2025-01-01"), Amount: money.New(600, 0)},
	})
	fmt.Println(x.Percent())
	// Output: 13.1822%
}

// LPR repricing: from row 13 the rate drops from 4.9 % to 3.95 %. The
// 984,978.39 left after a year is re-amortized over the 348 remaining
// months: 984978.39·r(1+r)^348/((1+r)^348 − 1) with r = 0.0395/12.
func ExampleReprice() {
	r, err := schedule.Reprice(schedule.Terms{
		Principal:  money.New(1_000_000, 0),
		AnnualRate: money.MustParseRate("0.049"),
		Periods:    360,
		StartDate:  money.MustParseDate("2024-01-15"),
	}, 13, money.MustParseRate("0.0395"))
	if err != nil {
		panic(err)
	}
	fmt.Println("rows:", r.RowCount, "new payment:", r.Rows[0].Payment, "from", r.Rows[0].DueDate)
	// Output: rows: 348 new payment: 4758.62 from 2025-02-15
}

// A 12-month loan of 1200 at 12 %, its first 2 installments deferred: the
// head (2 rows that pay nothing) and the tail that repays the balance over
// the 12 periods after them, in one array.
func ExampleTerms_AppendReamortized() {
	t := schedule.Terms{Principal: money.New(1200, 0), AnnualRate: money.MustParseRate("0.12"), Periods: 12, StartDate: money.MustParseDate("2024-01-15")}
	rows := make([]schedule.Row, 2, 14) // room for head and tail
	for i := range rows {
		rows[i] = schedule.Row{Number: i + 1, DueDate: t.DueDate(i + 1)}
	}
	rows = t.AppendReamortized(rows, t.Principal, 3, 12)
	last := rows[len(rows)-1]
	fmt.Println(len(rows), cap(rows), rows[2].Number, rows[2].DueDate, rows[2].Payment)
	fmt.Println(last.Number, last.DueDate, last.ClosingBalance)
	// Output:
	// 14 14 3 2024-04-15 106.62
	// 14 2025-03-15 0.00
}
