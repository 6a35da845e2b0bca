// Command collections is the screen a collections agent (催收坐席) sees for
// an overdue credit-card customer: what the account owes and why, line by
// line (from penalty.Accrue), then every way out the bank can offer —
// settlement, interest-frozen and priced installments, deferral, paying the
// minimum — with its monthly payment, term, total cost and APR (年化利率),
// and whether it fits what the customer says they can pay each month.
//
//	go run ./examples/collections                       # built-in customer, ¥1,200 a month, APR cap 24 %
//	go run ./examples/collections -afford 800 -apr-cap 0.12   # 4 × LPR (LPR 1y 3.00 % since 2025-05-20)
//	go run ./examples/collections -json                 # the offers as JSON
//	go run ./examples/collections -account card         # a card account, from its transactions
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/plan"
)

func main() {
	var o options
	flag.StringVar(&o.afford, "afford", "1200", "what the customer can pay each month (元)")
	flag.StringVar(&o.asOf, "as-of", "2025-06-20", "statement date and plan start, YYYY-MM-DD")
	flag.StringVar(&o.aprCap, "apr-cap", "0.24", `highest APR allowed: 0.24, 0.36, or 4 × LPR = 0.12; "0" for none`)
	flag.IntVar(&o.maxPeriods, "max-periods", 60, "longest plan, in months")
	flag.StringVar(&o.lang, "lang", "both", "screen language: zh, en or both")
	flag.BoolVar(&o.json, "json", false, "print the offers as JSON instead of the screen")
	flag.StringVar(&o.account, "account", "loan", "the customer: loan (an installment plan called in) or card (a card's own transactions)")
	flag.Parse()
	if err := run(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "collections:", err)
		os.Exit(1)
	}
}

// options are the command line.
type options struct {
	afford, asOf, aprCap, lang, account string
	maxPeriods                          int
	json                                bool
}

func run(w io.Writer, o options) error {
	req, err := o.request()
	if err != nil {
		return err
	}
	langs, err := languages(o.lang)
	if err != nil {
		return err
	}
	switch o.account {
	case "card":
		return runCard(w, o, req, langs)
	case "loan", "":
	default:
		return fmt.Errorf("-account: want loan or card, got %q", o.account)
	}
	st, err := loan.Accrue(customer(req.StartDate))
	if err != nil {
		return err
	}
	// Offers from a loan statement are priced on its payoff today.
	req.LoanStatement = &st
	return offerScreen(w, o, req, langs, func(l penalty.Language) []string {
		if l == penalty.ZH {
			return st.Chinese()
		}
		return st.English()
	})
}

// offerScreen prices the offers of req, whose statement the caller has
// set, and writes them: as JSON with -json, else as the agent's screen,
// the account's explanation (explain, per language) first.
func offerScreen(w io.Writer, o options, req plan.OfferRequest, langs []phrases, explain func(penalty.Language) []string) error {
	set, err := plan.Offers(req)
	if err != nil {
		return err
	}
	if o.json {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(set)
	}
	printScreen(w, explain, set, langs)
	return nil
}

// request turns the flags into an offers request, the policy left to the
// library's example card policy (plan.CNCardPolicy).
func (o options) request() (plan.OfferRequest, error) {
	afford, err := money.Parse(o.afford)
	if err != nil {
		return plan.OfferRequest{}, fmt.Errorf("-afford: %w", err)
	}
	asOf, err := money.ParseDate(o.asOf)
	if err != nil {
		return plan.OfferRequest{}, fmt.Errorf("-as-of: %w", err)
	}
	aprCap, err := money.ParseRate(o.aprCap)
	if err != nil {
		return plan.OfferRequest{}, fmt.Errorf("-apr-cap: %w", err)
	}
	return plan.OfferRequest{
		StartDate:         asOf,
		AffordablePayment: afford,
		Limits:            plan.Limits{MaxPeriods: o.maxPeriods, APRCap: aprCap},
	}, nil
}
