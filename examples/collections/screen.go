package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/plan"
)

// printScreen shows the statement, then the offers, in each language asked
// for. Every sentence and table cell is the library's (loan.Statement's
// and plan.OfferSet's wording); the screen only lays them out.
func printScreen(w io.Writer, statement func(penalty.Language) []string, set plan.OfferSet, langs []phrases) {
	for i, ph := range langs {
		if i > 0 {
			fmt.Fprintln(w, strings.Repeat("═", 100))
		}
		fmt.Fprintln(w, ph.statementTitle)
		for _, l := range statement(ph.lang) {
			fmt.Fprintln(w, "  "+l)
		}
		fmt.Fprintln(w)
		wd := set.Wording(ph.lang)
		fmt.Fprintln(w, ph.offersTitle)
		fmt.Fprintln(w, "  "+wd.Summary)
		printTable(w, wd.Table)
		fmt.Fprintln(w, "  "+wd.Note)
		fmt.Fprintln(w, "  "+wd.Advice)
	}
}

// printTable lays rows (a header, then one row per offer) out in aligned
// columns, the numbers right-aligned.
func printTable(w io.Writer, rows [][]string) {
	if len(rows) == 0 {
		return
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
