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
	return fmt.Sprintf("Statement %d (statement date %s, payment due %s): previous balance %s, payments %s, purchases %s, cash advances %s, fees %s, interest %s, new balance %s, minimum payment %s (of which past due %s).",
		b.Number, b.StatementDate, b.DueDate, b.PreviousBalance, b.Payments, b.Purchases, b.CashAdvances,
		b.Fees, b.Interest, b.NewBalance, b.MinimumPayment, b.PastDueMinimum)
}

func enDay(d money.Date) string { return fmt.Sprintf("%s %d", d.Month().String()[:3], d.Day()) }

func (en) grace(g GraceDecision, b Bill) string {
	switch g.Grace {
	case Kept:
		return fmt.Sprintf("Statement %d: paid in full by %s (%s paid of %s), so the interest-free period applies and its purchases bear no interest.", g.Statement, enDay(g.Deadline), g.Paid, g.NewBalance)
	case Lost:
		s := fmt.Sprintf("Statement %d: not paid in full by %s: %s was due, only %s paid, so the interest-free period does not apply and its purchases bear interest from their dates", g.Statement, enDay(g.Deadline), g.NewBalance, g.Paid)
		if minimumPaid(g, b) {
			s += fmt.Sprintf(" (the minimum payment of %s was paid, so this statement is not overdue, but paying the minimum does not waive interest)", b.MinimumPayment)
		}
		return s + "."
	}
	return fmt.Sprintf("Statement %d: interest-free period pending: pay %s by %s inclusive and its purchases bear no interest; %s paid so far.", g.Statement, money.Max(g.NewBalance.Sub(g.Tolerance), money.Amount{}), enDay(g.Deadline), g.Paid)
}

func (en) segment(g Segment, u Unit) string {
	return fmt.Sprintf("%s to %s, %d days: %s %s × daily rate %s × %d = %s", g.From, g.To, g.Days, kindName(enKind[:], u.Kind), g.Base, g.Rate.Percent(), g.Days, g.Amount)
}

func (en) interestSum(parts []money.Amount, total money.Amount) string {
	return fmt.Sprintf("Interest this statement: %s = %s", joinAmounts(parts), total)
}

func (en) lateFee(f LateFeeCharge) string {
	r := f.Rule
	if r.Kind != penalty.PercentFee {
		return fmt.Sprintf("%s late fee %s: minimum payment left unpaid %s, a fixed fee", f.Date, f.Amount, f.Unpaid)
	}
	s := fmt.Sprintf("%s late fee %s: unpaid minimum %s × %s", f.Date, f.Amount, f.Unpaid, r.Rate.Percent())
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
		parts = append(parts, fmt.Sprintf("statement %d %s %s", a.Statement, kindName(enKind[:], Explanation{Units: units}.unit(a.Unit).Kind), a.Amount))
	}
	if p.Credit.IsPositive() {
		parts = append(parts, "credit balance "+p.Credit.String())
	}
	s := fmt.Sprintf("%s payment %s: %s", p.Date, p.Amount, strings.Join(parts, ", "))
	var mins money.Amount
	for _, m := range p.Minimums {
		mins = mins.Add(m.Amount)
	}
	if mins.IsPositive() {
		s += fmt.Sprintf("; %s of it counts toward minimum payments", mins)
	}
	return s + "."
}

func (en) position(s Statement) string {
	b := s.Balance
	out := fmt.Sprintf("As of %s: owed %s (purchases %s, cash advances %s, interest %s, fees and late fees %s), interest accrued not yet billed %s, payoff today %s",
		s.AsOf, b.Total, b.Purchases, b.CashAdvances, b.Interest, b.Fees, s.AccruedInterest, s.Payoff)
	if s.Credit.IsPositive() {
		out += fmt.Sprintf(", credit balance %s", s.Credit)
	}
	if s.DaysPastDue > 0 {
		return out + fmt.Sprintf("; %d days past due (%s).", s.DaysPastDue, s.Bucket)
	}
	return out + "; current."
}

func (en) since(b Bill, asOf money.Date) string {
	return fmt.Sprintf("Since the %s statement, to %s (not yet billed):", b.StatementDate, asOf)
}
