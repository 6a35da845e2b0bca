package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/plan"
)

// printScreen shows the statement, then the offers, in each language asked
// for.
func printScreen(w io.Writer, st loan.Statement, set plan.OfferSet, langs []phrases) {
	for i, ph := range langs {
		if i > 0 {
			fmt.Fprintln(w, strings.Repeat("═", 100))
		}
		fmt.Fprintln(w, ph.statementTitle)
		for _, l := range ph.statement(st) {
			fmt.Fprintln(w, "  "+l)
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, ph.offersTitle(set))
		printTable(w, ph, set)
		fmt.Fprintln(w, ph.footnote)
		fmt.Fprintln(w, ph.advice(set))
	}
}

// printTable lays the offers out in aligned columns.
func printTable(w io.Writer, ph phrases, set plan.OfferSet) {
	rows := [][]string{ph.header}
	for _, o := range set.Offers {
		rank := "-"
		if o.Rank > 0 {
			rank = strconv.Itoa(o.Rank)
		}
		verdict := ph.fits
		if !o.Fits {
			verdict = ph.whyNot(o, set)
		}
		rows = append(rows, []string{rank, ph.option(o), ph.monthly(o), strconv.Itoa(o.Term), commas(o.TotalCost), apr(o.APR), verdict})
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], width(c))
		}
	}
	for k, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-width(c))
			if i == 2 || i == 4 || i == 5 { // numbers align right
				b.WriteString(pad + c)
			} else if i < len(r)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		fmt.Fprintln(w, "  "+strings.TrimRight(b.String(), " "))
		if k == 0 {
			fmt.Fprintln(w, "  "+strings.Repeat("─", sum(widths[:len(widths)-1])+2*(len(widths)-1)+width(r[len(r)-1])))
		}
	}
}

// commas writes an amount with thousands separators: 27,496.01.
func commas(a money.Amount) string {
	s := a.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// apr writes an annualized rate as a percentage with two decimals.
func apr(r *money.Rate) string {
	if r == nil {
		return "—"
	}
	return percent(*r)
}

func percent(r money.Rate) string {
	return r.Ratio().MulInt(100).FloatString(2) + "%"
}

// width is the columns s takes in a terminal: CJK characters and
// full-width punctuation take two.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf, r >= 0xac00 && r <= 0xd7a3,
			r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60,
			r >= 0xffe0 && r <= 0xffe6:
			n += 2
		default:
			n++
		}
	}
	return n
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
