package card

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// en is the English phrasebook.
type en struct{}

// enKind names each UnitKind.
var enKind = [...]string{"purchase", "cash advance", "cash advance fee", "fee", "late fee", "interest"}

func (en) bill(b Bill) string {
	past := ""
	if b.PastDueMinimum.IsPositive() {
		past = fmt.Sprintf(" (of which past due %s)", b.PastDueMinimum.Grouped())
	}
	return fmt.Sprintf("Statement %d (statement date %s, payment due %s): previous balance %s, payments %s, purchases %s, cash advances %s, fees %s, interest %s, new balance %s, minimum payment %s%s.",
		b.Number, b.StatementDate, b.DueDate, b.PreviousBalance.Grouped(), b.Payments.Grouped(), b.Purchases.Grouped(), b.CashAdvances.Grouped(),
		b.Fees.Grouped(), b.Interest.Grouped(), b.NewBalance.Grouped(), b.MinimumPayment.Grouped(), past)
}

func enDay(d money.Date) string { return fmt.Sprintf("%s %d", d.Month().String()[:3], d.Day()) }

func (en) grace(g GraceDecision, b Bill) string {
	switch g.Grace {
	case Kept:
		return fmt.Sprintf("Statement %d: paid in full by %s (%s paid of %s), so the interest-free period applies and its purchases bear no interest.", g.Statement, enDay(g.Deadline), g.Paid.Grouped(), g.NewBalance.Grouped())
	case Lost:
		s := fmt.Sprintf("Statement %d: not paid in full by %s: %s was due, only %s paid, so the interest-free period does not apply and its purchases bear interest from their dates", g.Statement, enDay(g.Deadline), g.NewBalance.Grouped(), g.Paid.Grouped())
		if minimumPaid(g, b) {
			s += fmt.Sprintf(" (the minimum payment of %s was paid, so this statement is not overdue, but paying the minimum does not waive interest)", b.MinimumPayment.Grouped())
		}
		return s + "."
	}
	return fmt.Sprintf("Statement %d: interest-free period pending: pay %s by %s inclusive and its purchases bear no interest; %s paid so far.", g.Statement, money.Max(g.NewBalance.Sub(g.Tolerance), money.Amount{}).Grouped(), enDay(g.Deadline), g.Paid.Grouped())
}

func (en) segment(g Segment, u Unit) string {
	return fmt.Sprintf("%s to %s, %d days: %s %s × daily rate %s × %d = %s", g.From, g.To, g.Days, kindName(enKind[:], u.Kind), g.Base, g.Rate.Percent(), g.Days, g.Amount)
}

func (en) interestSum(parts []money.Amount, total money.Amount) string {
	if len(parts) == 1 {
		// One segment: its amount is the total, no "X = X".
		return fmt.Sprintf("Interest this statement: %s", total.Grouped())
	}
	return fmt.Sprintf("Interest this statement: %s = %s", joinAmounts(parts), total)
}

func (en) lateFee(f LateFeeCharge) string {
	r := f.Rule
	if r.Kind != penalty.PercentFee {
		return fmt.Sprintf("%s a late fee of %s was charged, a fixed fee: %s of the minimum payment was left unpaid", f.Date, f.Amount.Grouped(), f.Unpaid.Grouped())
	}
	s := fmt.Sprintf("%s a late fee of %s was charged: unpaid minimum %s × %s", f.Date, f.Amount.Grouped(), f.Unpaid, r.Rate.Percent())
	var lim []string
	if r.Min.IsPositive() {
		lim = append(lim, "at least "+r.Min.String())
	}
	if r.Max.IsPositive() {
		lim = append(lim, "at most "+r.Max.String())
	}
	if len(lim) > 0 {
		s += " (" + strings.Join(lim, ", ") + ")"
	}
	return s
}

func (en) payment(p PaymentApplication, units []Unit) string {
	var parts []string
	for _, a := range p.Allocations {
		parts = append(parts, fmt.Sprintf("statement %d %s %s", a.Statement, kindName(enKind[:], Explanation{Units: units}.unit(a.Unit).Kind), a.Amount.Grouped()))
	}
	if p.Credit.IsPositive() {
		parts = append(parts, "credit balance "+p.Credit.Grouped())
	}
	s := fmt.Sprintf("%s payment of %s: %s", p.Date, p.Amount.Grouped(), strings.Join(parts, ", "))
	var mins money.Amount
	for _, m := range p.Minimums {
		mins = mins.Add(m.Amount)
	}
	if mins.IsPositive() {
		s += fmt.Sprintf("; %s of it counts toward minimum payments", mins.Grouped())
	}
	return s + "."
}

func (en) position(s Statement) string {
	b := s.Balance
	out := fmt.Sprintf("As of %s: owed %s", s.AsOf, b.Total.Grouped())
	var parts []string
	for i, a := range []money.Amount{b.Purchases, b.CashAdvances, b.Interest, b.Fees.Sub(b.LateFees), b.LateFees} {
		if !a.IsZero() {
			parts = append(parts, []string{"purchases", "cash advances", "interest", "fees", "late fees"}[i]+" "+a.Grouped())
		}
	}
	if len(parts) > 0 {
		out += " (" + strings.Join(parts, ", ") + ")"
	}
	if s.AccruedInterest.IsPositive() {
		out += fmt.Sprintf(", interest accrued not yet billed %s", s.AccruedInterest.Grouped())
	}
	if s.Credit.IsPositive() {
		out += fmt.Sprintf(", credit balance %s", s.Credit.Grouped())
	}
	out += fmt.Sprintf(", payoff today %s", s.Payoff.Grouped())
	if s.DaysPastDue > 0 {
		return out + fmt.Sprintf("; %d days past due (%s).", s.DaysPastDue, s.Bucket)
	}
	return out + "; current."
}

func (en) since(b Bill, asOf money.Date) string {
	return fmt.Sprintf("Since the %s statement, to %s (not yet billed):", b.StatementDate, asOf)
}
