package plan

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
)

// offerEN is the English wording of offers.
type offerEN struct{}

var enOption = [...]string{"Settle in full", "Interest frozen", "Installments", "Deferral", "Minimum payments"}

func enOptionName(o Option) string {
	if int(o) < len(enOption) {
		return enOption[o]
	}
	return o.String()
}

func (offerEN) summary(s OfferSet, fits int) string {
	limit := "any APR"
	if !s.Limits.APRCap.IsZero() {
		limit = "an APR of at most " + s.Limits.APRCap.Percent()
	}
	head := fmt.Sprintf("The customer can pay %s a month and owes %s in all; a plan may have %s and at most %d payments.",
		s.AffordablePayment.Grouped(), s.TotalOutstanding.Grouped(), limit, s.Limits.MaxPeriods)
	if fits == 0 {
		return head + fmt.Sprintf(" None of the %d plans fits.", len(s.Offers))
	}
	if fits == len(s.Offers) {
		return head + fmt.Sprintf(" All %d plans fit, cheapest first.", fits)
	}
	verb := "fit"
	if fits == 1 {
		verb = "fits"
	}
	return head + fmt.Sprintf(" %d of the %d plans %s, cheapest first.", fits, len(s.Offers), verb)
}

func (offerEN) note(s OfferSet) string {
	return fmt.Sprintf("Total cost is the total paid less the %s of principal owed; the monthly figure is the largest payment; the APR is the annualized rate of the actual payments (IRR × 12).",
		s.Outstanding.Principal.Grouped())
}

// pays says what the customer pays under o.
func (offerEN) pays(o Offer, s OfferSet) string {
	each := func(a string) string {
		if level(o) {
			return a + " a month"
		}
		return "at most " + a + " a month"
	}
	switch {
	case o.Option == SettlementOption:
		return fmt.Sprintf("pay %s once, today (%s)", o.LargestPayment.Grouped(), s.StartDate)
	case o.Option == DeferralOption:
		return fmt.Sprintf("nothing for %s, then %s, over %s", months(o.DeferredPeriods), each(o.LargestPayment.Grouped()), months(o.Term))
	case o.Option == MinimumOption:
		return fmt.Sprintf("only the minimum each month, %s the first month and less after, over %s", o.FirstPayment.Grouped(), months(o.Term))
	case o.DownPayment.IsPositive():
		return fmt.Sprintf("%s down, then %s, over %s", o.DownPayment.Grouped(), each(largestInstallment(o).Grouped()), months(o.Term))
	}
	return fmt.Sprintf("%s over %s", each(o.LargestPayment.Grouped()), months(o.Term))
}

func (offerEN) figures(o Offer) string {
	out := o.TotalPaid.Grouped() + " in all"
	if w := waived(o); w.IsPositive() {
		out += ", " + w.Grouped() + " waived"
	}
	out += "; total cost " + o.TotalCost.Grouped()
	if o.APR != nil {
		out += ", APR " + enAPR(*o.APR)
	}
	return out
}

// enAPR is an APR: "18%", or "about 13.17%" when rounded.
func enAPR(r money.Rate) string {
	t, approx := aprText(r)
	if approx {
		return "about " + t
	}
	return t
}

func (e offerEN) offer(o Offer, s OfferSet) string {
	return fmt.Sprintf("%d. %s: %s — %s.", o.Rank, e.name(o), e.pays(o, s), e.figures(o))
}

func (offerEN) name(o Offer) string {
	if o.Option == DeferralOption {
		return fmt.Sprintf("Defer %s", months(o.DeferredPeriods))
	}
	return enOptionName(o.Option)
}

func (e offerEN) rejected(o Offer, s OfferSet) string {
	if o.Note != "" {
		return fmt.Sprintf("Does not fit: %s cannot be built (%s).", e.option(o), o.Note)
	}
	return fmt.Sprintf("Does not fit: %s, %s: %s.", e.option(o), e.pays(o, s), strings.Join(e.reasons(o, s), "; "))
}

func (offerEN) reasons(o Offer, s OfferSet) []string {
	var why []string
	for _, r := range o.Reasons {
		switch r {
		case OverAffordable:
			why = append(why, fmt.Sprintf("more than the customer can pay (%s > %s)", o.LargestPayment.Grouped(), s.AffordablePayment.Grouped()))
		case OverAPRCap:
			why = append(why, fmt.Sprintf("APR over the cap (%s > %s)", enAPR(*o.APR), s.Limits.APRCap.Percent()))
		case OverTermLimit:
			why = append(why, fmt.Sprintf("too long (%d > %d payments)", o.Term, s.Limits.MaxPeriods))
		case Infeasible:
			why = append(why, "cannot be built: "+o.Note)
		}
	}
	return why
}

func (e offerEN) advice(s OfferSet) string {
	b, ok := best(s)
	if !ok {
		return "Advice: no plan is both within what the customer can pay and within the limits; check the monthly amount, or ask for a larger waiver."
	}
	diff, more := delta(b, s)
	cmp := fmt.Sprintf("%s less than the %s owed today", diff.Grouped(), s.TotalOutstanding.Grouped())
	switch {
	case more:
		cmp = fmt.Sprintf("%s more than the %s owed today", diff.Grouped(), s.TotalOutstanding.Grouped())
	case diff.IsZero():
		cmp = fmt.Sprintf("the same as the %s owed today", s.TotalOutstanding.Grouped())
	}
	return fmt.Sprintf("Advice: %s — %s, %s in all: %s.", e.option(b), e.pays(b, s), b.TotalPaid.Grouped(), cmp)
}

func (offerEN) header() []string {
	return []string{"Rank", "Option", "Monthly", "Term", "Total cost", "APR", "Verdict"}
}

func (offerEN) fits() string { return "✓ fits" }

func (offerEN) option(o Offer) string {
	switch o.Option {
	case DeferralOption:
		return fmt.Sprintf("%s %d mo", enOptionName(o.Option), o.DeferredPeriods)
	case InterestFrozen, InstallmentOption:
		return fmt.Sprintf("%s ×%d", enOptionName(o.Option), o.Term)
	}
	return enOptionName(o.Option)
}

func (offerEN) monthly(o Offer) string {
	switch {
	case o.Option == SettlementOption:
		return o.LargestPayment.Grouped() + " once"
	case o.Option == DeferralOption:
		return fmt.Sprintf("0 ×%d, then %s", o.DeferredPeriods, o.LargestPayment.Grouped())
	case o.Option == MinimumOption:
		return o.FirstPayment.Grouped() + ", then less"
	case o.DownPayment.IsPositive():
		return o.DownPayment.Grouped() + " down, then " + largestInstallment(o).Grouped()
	}
	return o.LargestPayment.Grouped()
}

func (e offerEN) whyNot(o Offer, s OfferSet) string {
	return "✗ " + strings.Join(e.reasons(o, s), "; ")
}

func months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}
