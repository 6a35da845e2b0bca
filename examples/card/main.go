// Command card prints a credit card's last six statements the way a
// cardholder receives them — figures, then every posting — and then what a
// collections agent reads out about the last one: why there is interest
// although the minimum was paid (全额计息), how the 违约金 was computed,
// and what settles the card today.
//
// The history: purchases, one cash advance, the minimum paid exactly each
// month for four months, then the fifth statement's minimum missed.
//
//	go run ./examples/card            # Chinese
//	go run ./examples/card -lang en   # English
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

func main() {
	lang := flag.String("lang", "zh", "zh or en")
	flag.Parse()
	if err := run(os.Stdout, *lang); err != nil {
		fmt.Fprintln(os.Stderr, "card:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, lang string) error {
	if lang != "zh" && lang != "en" {
		return fmt.Errorf("-lang: must be zh or en, got %q", lang)
	}
	a, err := history()
	if err != nil {
		return err
	}
	s, err := card.Compute(a)
	if err != nil {
		return err
	}
	l := labelsFor(lang)
	for _, b := range s.Statements {
		printBill(w, l, s, a, b)
	}
	fmt.Fprintf(w, "\n%s\n", l.agent)
	lines := s.Chinese(0)
	if lang == "en" {
		lines = s.English(0)
	}
	for _, line := range lines {
		fmt.Fprintln(w, line)
	}
	return nil
}

// policy is a typical Chinese card's terms (an example, not any bank's):
// 日息万分之五, 10 % of purchases plus everything else in the minimum (at
// least ¥10), cash-advance fee 1 % (at least ¥10), 违约金 5 % of the
// unpaid minimum.
func policy() card.Policy {
	return card.Policy{
		Minimum:        &minimum.Policy{Percent: map[string]money.Rate{"purchases": money.MustParseRate("0.1")}, Floor: money.MustParse("10")},
		CashAdvanceFee: card.CashAdvanceFee{Rate: money.MustParseRate("0.01"), Min: money.MustParse("10")},
		LateFee:        penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05")},
	}
}

// history is the six months of the card. The cardholder pays exactly the
// minimum two days before each of the first four due dates — the amounts
// are read off each statement as it is issued, as the cardholder would —
// and misses the fifth.
func history() (card.Account, error) {
	d := money.MustParseDate
	buy := func(date, amount string) card.Transaction {
		return card.Transaction{Date: d(date), Kind: card.Purchase, Amount: money.MustParse(amount)}
	}
	a := card.Account{
		OpenDate: d("2025-01-06"), AsOf: d("2025-07-05"),
		Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{
			buy("2025-01-08", "1200.00"), buy("2025-01-20", "350.00"),
			buy("2025-02-14", "520.00"),
			{Date: d("2025-03-02"), Kind: card.CashAdvance, Amount: money.MustParse("500.00")},
			buy("2025-03-18", "86.50"),
			buy("2025-04-22", "199.00"),
			buy("2025-05-30", "45.80"),
			buy("2025-06-12", "128.00"),
		},
		Policy: policy(),
	}
	for k := 1; k <= 4; k++ {
		s, err := card.Compute(a)
		if err != nil {
			return a, err
		}
		b := s.Statements[k-1]
		pay := card.Transaction{Date: b.DueDate.AddDays(-2), Kind: card.Payment, Amount: b.MinimumPayment}
		a.Transactions = card.Sorted(append(a.Transactions, pay))
	}
	return a, nil
}

type label struct {
	bill, statementDate, dueDate, previous, payments, purchases, cash, fees, interest, newBalance string
	minimum, pastDue, grace, postings, agent                                                      string
	grace3                                                                                        [3]string
	kinds                                                                                         map[string]string
}

// labelsFor returns the statement's labels in lang (zh or en).
func labelsFor(lang string) label {
	if lang == "en" {
		return enLabels()
	}
	return label{
		bill: "第%d期账单", statementDate: "账单日", dueDate: "到期还款日", previous: "上期账单金额", payments: "- 本期还款",
		purchases: "+ 消费", cash: "+ 取现", fees: "+ 手续费", interest: "+ 循环利息", newBalance: "= 本期应还金额",
		minimum: "最低还款额", pastDue: "其中上期未还最低还款额", grace: "免息还款期", postings: "交易明细",
		agent: "坐席解释（最近一期账单）：", grace3: [3]string{"待定", "已享受", "未享受（全额计息）"},
		kinds: map[string]string{"purchase": "消费", "cash_advance": "取现", "cash_advance_fee": "取现手续费", "fee": "手续费",
			"late_fee": "违约金", "interest": "循环利息", "payment": "还款"},
	}
}

func enLabels() label {
	return label{
		bill: "Statement %d", statementDate: "Statement date", dueDate: "Payment due", previous: "Previous balance", payments: "- Payments",
		purchases: "+ Purchases", cash: "+ Cash advances", fees: "+ Fees", interest: "+ Interest", newBalance: "= New balance",
		minimum: "Minimum payment", pastDue: "of which past due", grace: "Interest-free period", postings: "Postings",
		agent: "The agent's explanation (latest statement):", grace3: [3]string{"pending", "kept", "lost (interest from each purchase date)"},
		kinds: map[string]string{"purchase": "purchase", "cash_advance": "cash advance", "cash_advance_fee": "cash advance fee", "fee": "fee",
			"late_fee": "late fee", "interest": "interest", "payment": "payment"},
	}
}

// printBill prints statement b as the cardholder's paper statement: the
// summary box, then every posting billed on it.
func printBill(w io.Writer, l label, s card.Statement, a card.Account, b card.Bill) {
	title := fmt.Sprintf(l.bill, b.Number)
	fmt.Fprintf(w, "\n==== %s ====\n", title)
	fmt.Fprintf(w, "%s %s    %s %s\n", l.statementDate, b.StatementDate, l.dueDate, b.DueDate)
	for _, row := range []struct {
		name string
		v    money.Amount
	}{{l.previous, b.PreviousBalance}, {l.payments, b.Payments}, {l.purchases, b.Purchases}, {l.cash, b.CashAdvances},
		{l.fees, b.Fees}, {l.interest, b.Interest}, {l.newBalance, b.NewBalance}} {
		fmt.Fprintf(w, "  %s%12s\n", pad(row.name, 16), row.v)
	}
	fmt.Fprintf(w, "  %s%12s  (%s %s)\n", pad(l.minimum, 16), b.MinimumPayment, l.pastDue, b.PastDueMinimum)
	fmt.Fprintf(w, "  %s: %s\n", l.grace, l.grace3[b.Grace])
	fmt.Fprintf(w, "  %s:\n", l.postings)
	from := a.OpenDate
	if b.Number > 1 {
		from = s.Statements[b.Number-2].StatementDate
	}
	type posting struct {
		date   money.Date
		kind   string
		amount money.Amount
	}
	var ps []posting
	for _, u := range s.Explanation.Units {
		if u.Statement == b.Number {
			ps = append(ps, posting{u.Date, u.Kind.String(), u.Amount})
		}
	}
	for _, p := range s.Explanation.Payments {
		if !p.Date.Before(from) && p.Date.Before(b.StatementDate) {
			ps = append(ps, posting{p.Date, "payment", p.Amount.Neg()})
		}
	}
	slices.SortStableFunc(ps, func(x, y posting) int { return x.date.Compare(y.date) })
	for _, p := range ps {
		fmt.Fprintf(w, "    %s  %s%12s\n", p.date, pad(l.kinds[p.kind], 12), p.amount)
	}
}

// pad right-pads s to n display columns, counting a CJK character as two.
func pad(s string, n int) string {
	width := 0
	for _, r := range s {
		width++
		if r >= 0x2E80 {
			width++
		}
	}
	return s + strings.Repeat(" ", max(n-width, 1))
}
