// Quickstart prints what the schedule package does for a borrower: a
// mortgage repaid by equal installments (等额本息) beside the same loan
// repaid by equal principal (等额本金), and a credit-card installment (分期)
// whose nominal fee hides a much higher true annual rate.
//
// Usage:
//
//	go run ./examples/quickstart                 # 1,000,000 at 4.9 % over 30 years
//	go run ./examples/quickstart -principal 500000 -rate 0.0395 -years 20
//	go run ./examples/quickstart -json           # the schedules as JSON
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

type options struct {
	principal, rate, start string
	years, show            int
	cardPrincipal, cardFee string
	cardPeriods            int
	json                   bool
}

func main() {
	var o options
	flag.StringVar(&o.principal, "principal", "1000000", "loan principal")
	flag.StringVar(&o.rate, "rate", "0.049", "annual rate as a fraction (0.049 = 4.9 %)")
	flag.IntVar(&o.years, "years", 30, "term in years (monthly payments)")
	flag.StringVar(&o.start, "start", "2024-01-15", "disbursement date YYYY-MM-DD")
	flag.IntVar(&o.show, "rows", 3, "rows to show at each end of the schedules")
	flag.StringVar(&o.cardPrincipal, "card-principal", "12000", "card installment amount")
	flag.StringVar(&o.cardFee, "card-fee", "0.006", "card installment fee rate per month (0.006 = 0.6 %)")
	flag.IntVar(&o.cardPeriods, "card-periods", 12, "card installment months")
	flag.BoolVar(&o.json, "json", false, "print the results as JSON")
	flag.Parse()
	if err := run(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(2)
	}
}

type result struct {
	EqualInstallment schedule.Schedule `json:"equal_installment"`
	EqualPrincipal   schedule.Schedule `json:"equal_principal"`
	CardInstallment  schedule.Schedule `json:"card_installment"`
}

func run(w io.Writer, o options) error {
	loan, card, err := o.terms()
	if err != nil {
		return err
	}
	var res result
	if res.EqualInstallment, err = schedule.New(loan); err != nil {
		return err
	}
	loan.Method = schedule.EqualPrincipal
	if res.EqualPrincipal, err = schedule.New(loan); err != nil {
		return err
	}
	if res.CardInstallment, err = schedule.New(card); err != nil {
		return err
	}
	if o.json {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printLoans(w, loan, res, o.show)
	printCard(w, card, res.CardInstallment)
	return nil
}

// Flag bounds: a rate is a fraction, so "-rate 4.9" would mean 490 % a year
// and "-card-fee 0.6" 60 % a month — almost certainly a percent typed as a
// fraction, so both are refused with a hint rather than silently computed.
var (
	maxRate    = money.MustParseRate("1")   // 100 % a year
	maxCardFee = money.MustParseRate("0.1") // 10 % a month
)

func (o options) terms() (loan, card schedule.Terms, err error) {
	switch {
	case o.show < 1:
		return loan, card, fmt.Errorf("rows: must be at least 1, got %d", o.show)
	case o.years < 1 || o.years > 100:
		return loan, card, fmt.Errorf("years: must be 1 to 100, got %d", o.years)
	case o.cardPeriods < 1 || o.cardPeriods > 60:
		return loan, card, fmt.Errorf("card-periods: must be 1 to 60, got %d", o.cardPeriods)
	}
	p, err := money.Parse(o.principal)
	if err != nil {
		return loan, card, money.Within("principal", err)
	}
	r, err := money.ParseRate(o.rate)
	if err != nil {
		return loan, card, money.Within("rate", err)
	}
	start, err := money.ParseDate(o.start)
	if err != nil {
		return loan, card, money.Within("start", err)
	}
	cp, err := money.Parse(o.cardPrincipal)
	if err != nil {
		return loan, card, money.Within("card-principal", err)
	}
	fee, err := money.ParseRate(o.cardFee)
	if err != nil {
		return loan, card, money.Within("card-fee", err)
	}
	if r.Cmp(maxRate) > 0 {
		return loan, card, fmt.Errorf("rate: %s is %s a year; the rate is a fraction (0.049 = 4.9 %%), at most 1", o.rate, r.Percent())
	}
	if fee.Cmp(maxCardFee) > 0 {
		return loan, card, fmt.Errorf("card-fee: %s is %s a month; the fee rate is a fraction (0.006 = 0.6 %%), at most 0.1", o.cardFee, fee.Percent())
	}
	loan = schedule.Terms{Principal: p, AnnualRate: r, Periods: 12 * o.years, StartDate: start}
	card = schedule.Terms{Principal: cp, Periods: o.cardPeriods, Method: schedule.FlatFee, FeeRate: fee, StartDate: start}
	return loan, card, nil
}

func printLoans(w io.Writer, t schedule.Terms, res result, show int) {
	ei, ep := res.EqualInstallment, res.EqualPrincipal
	fmt.Fprintf(w, "Loan 贷款 %s at %s a year over %d months, from %s\n\n", t.Principal, t.AnnualRate.Percent(), t.Periods, t.StartDate)
	fmt.Fprintf(w, "%4s  %-10s | %s | %s\n", "", "", pad("等额本息 equal installment", 44), pad("等额本金 equal principal", 44))
	head := fmt.Sprintf("%10s %10s %10s %12s", "payment", "principal", "interest", "balance")
	fmt.Fprintf(w, "%4s  %-10s | %s | %s\n", "#", "due", head, head)
	fmt.Fprintln(w, strings.Repeat("-", 111))
	for i := 0; i < ei.RowCount; i++ {
		if i == show && ei.RowCount > 2*show {
			fmt.Fprintf(w, "%4s  %-10s | %44s | %44s\n", "…", "", "", "")
			i = ei.RowCount - show
		}
		a, b := ei.Rows[i], ep.Rows[i]
		fmt.Fprintf(w, "%4d  %-10s | %s | %s\n", a.Number, a.DueDate, cells(a), cells(b))
	}
	fmt.Fprintln(w, strings.Repeat("-", 111))
	fmt.Fprintf(w, "%4s  %s | %10s %10s %10s %12s | %10s %10s %10s %12s\n", "", pad("total 合计", 10),
		ei.Totals.Payment, ei.Totals.Principal, ei.Totals.Interest, "",
		ep.Totals.Payment, ep.Totals.Principal, ep.Totals.Interest, "")
	fmt.Fprintf(w, "\n等额本息 pays %s more interest than 等额本金; both have APR %s.\n\n",
		ei.Totals.Interest.Sub(ep.Totals.Interest), ei.Rates.APR.Percent())
}

func cells(r schedule.Row) string {
	return fmt.Sprintf("%10s %10s %10s %12s", r.Payment, r.Principal, r.Interest, r.ClosingBalance)
}

func printCard(w io.Writer, t schedule.Terms, s schedule.Schedule) {
	nominal := money.NewRatio(12, 1).Mul(t.FeeRate.Ratio())
	fmt.Fprintf(w, "Card installment 信用卡分期 %s over %d months at a %s monthly fee (手续费)\n", t.Principal, t.Periods, t.FeeRate.Percent())
	fmt.Fprintf(w, "  each month 每期还款   %s (principal %s + fee %s)\n", s.Rows[0].Payment, s.Rows[0].Principal, s.Rows[0].Fee)
	fmt.Fprintf(w, "  total fee 总手续费     %s\n", s.Totals.Fee)
	fmt.Fprintf(w, "  nominal rate 名义年费率 %s%% (fee rate × 12)\n", nominal.MulInt(100).FloatString(4))
	fmt.Fprintf(w, "  true APR 实际年化利率   %s (IRR %s a month × 12; effective %s)\n", s.Rates.APR.Percent(), s.Rates.IRR.Percent(), s.Rates.EffectiveAnnualRate.Percent())
}

// pad fills s with spaces to width terminal columns, counting CJK
// characters as two columns.
func pad(s string, width int) string {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x2E80 {
			w++
		}
	}
	if w >= width {
		return s
	}
	return s + strings.Repeat(" ", width-w)
}
