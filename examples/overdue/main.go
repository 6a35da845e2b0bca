// Command overdue prints the statement of an overdue credit-card account —
// what is owed as of a date, per installment and in total — and the
// explanation of every penalty (罚息) and late fee (违约金) in Chinese and
// English, as a collections agent would read it to the customer. Then it
// does the same for an overdue loan held as its contract and payments
// (loan.Accrue): what is past due, what is not yet due, and what pays the
// loan off today.
//
//	go run ./examples/overdue            # statement and explanation
//	go run ./examples/overdue -json      # the card statement as JSON
//	go run ./examples/overdue -as-of 2025-04-30 -loan-as-of 2025-10-05
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

func main() {
	asJSON := flag.Bool("json", false, "print the statement as JSON")
	asOf := flag.String("as-of", "2025-03-31", "statement date, YYYY-MM-DD")
	loanAsOf := flag.String("loan-as-of", "2025-09-25", "the loan's statement date, YYYY-MM-DD")
	flag.Parse()

	a := defaultAccount()
	d, err := money.ParseDate(*asOf)
	if err != nil {
		fail(money.Within("as-of", err))
	}
	a.AsOf = d
	s, err := penalty.Accrue(a)
	if err != nil {
		fail(err)
	}
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			fail(err)
		}
		return
	}
	printStatement(s)
	fmt.Println("\n说明（中文）")
	for _, line := range s.Chinese() {
		fmt.Println(line)
	}
	fmt.Println("\nExplanation (English)")
	for _, line := range s.English() {
		fmt.Println(line)
	}

	ld, err := money.ParseDate(*loanAsOf)
	if err != nil {
		fail(money.Within("loan-as-of", err))
	}
	ls, err := loan.Accrue(defaultLoan(ld))
	if err != nil {
		fail(err)
	}
	fmt.Println()
	printLoan(os.Stdout, ls)
}

// defaultAccount is a card whose holder converted a 6 000 purchase into a
// 12-month installment plan (分期: 500 principal + 36 fee a month, due on
// the 25th) and stopped paying in full from December. The card charges
// 万分之五 a day on overdue principal and interest after a 3-day grace,
// and a 违约金 of 5 % of what is unpaid (at least 10).
func defaultAccount() penalty.Account {
	first := money.MustParseDate("2024-10-25")
	var ins []penalty.Installment
	for k := range 12 {
		ins = append(ins, penalty.Installment{DueDate: first.AddMonths(k),
			Principal: money.MustParse("500.00"), Fee: money.MustParse("36.00")})
	}
	// The January statement also billed 1 200 of revolving purchases and
	// 18.40 of interest on them.
	ins[3].Principal = ins[3].Principal.Add(money.MustParse("1200.00"))
	ins[3].Interest = money.MustParse("18.40")
	return penalty.Account{
		Installments: ins,
		Payments: []penalty.Payment{
			{Date: money.MustParseDate("2024-10-25"), Amount: money.MustParse("536.00")},
			{Date: money.MustParseDate("2024-11-24"), Amount: money.MustParse("536.00")},
			{Date: money.MustParseDate("2024-12-30"), Amount: money.MustParse("300.00")},
			{Date: money.MustParseDate("2025-02-10"), Amount: money.MustParse("800.00")},
		},
		Waivers: []penalty.Waiver{
			// A goodwill waiver of half the late fees, granted on a call.
			{Date: money.MustParseDate("2025-03-05"), Component: penalty.LateFeeComponent, Percent: money.MustParseRate("0.5")},
		},
		Policy: penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
			Base:        penalty.PrincipalAndInterest,
			GraceDays:   3,
			LateFee:     penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05"), Min: money.MustParse("10")},
		},
	}
}

func printStatement(s penalty.Statement) {
	fmt.Printf("Statement as of %s: %d days past due (%s)\n\n", s.AsOf, s.DaysPastDue, s.Bucket)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "#\tdue\tprincipal\tinterest\tfee\tpenalty\tlate fee\tpenalty accrued\tdays past due\t")
	for _, b := range s.Installments {
		if b.Principal.IsZero() && b.Interest.IsZero() && b.Fee.IsZero() && b.Penalty.IsZero() && b.LateFee.IsZero() && b.PenaltyAccrued.IsZero() {
			continue // settled long ago: nothing to say
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t\n", b.Number, b.DueDate, b.Principal, b.Interest, b.Fee,
			b.Penalty, b.LateFee, b.PenaltyAccrued, b.DaysPastDue)
	}
	t := s.Totals
	fmt.Fprintf(w, "total\t\t%s\t%s\t%s\t%s\t%s\t\t\t\n", t.Principal, t.Interest, t.Fee, t.Penalty, t.LateFee)
	w.Flush()
	var notDue money.Amount
	for _, b := range s.Installments {
		if b.DueDate.After(s.AsOf) {
			notDue = notDue.Add(b.Principal).Add(b.Interest).Add(b.Fee)
		}
	}
	fmt.Printf("\noutstanding %s = %s past due + %s not yet due (unapplied %s)\n",
		t.Outstanding, t.Outstanding.Sub(notDue), notDue, s.Unapplied)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "overdue:", err)
	os.Exit(1)
}
