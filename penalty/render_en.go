package penalty

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
)

// en is the English phrasebook.
type en struct{}

var enComponent = [...]string{"penalty", "late fee", "fee", "interest", "principal"}

func (en) header(s Statement) string {
	if s.DaysPastDue == 0 {
		return fmt.Sprintf("As of %s the account is not past due.", s.AsOf)
	}
	return fmt.Sprintf("As of %s the account is %d days past due (%s).", s.AsOf, s.DaysPastDue, s.Bucket)
}

func (en) policy(p Policy) string {
	var b strings.Builder
	if p.PenaltyRate.Rate.IsZero() {
		b.WriteString("No penalty interest is charged")
	} else {
		fmt.Fprintf(&b, "Penalty interest accrues daily on %s at %s", enBase(p.Base), policyRate(p.PenaltyRate, "daily rate", "365 or 366", enFormula))
		if p.AccrualRounding == PerDay {
			b.WriteString(", each day's amount rounded to the cent")
		}
	}
	if p.GraceDays > 0 && !p.PenaltyRate.Rate.IsZero() {
		if p.GraceMode == Forgive {
			fmt.Fprintf(&b, "; grace period %d days: paid in full within it, no penalty for those days", p.GraceDays)
		} else {
			fmt.Fprintf(&b, "; grace period %d days: penalty starts when it ends", p.GraceDays)
		}
	}
	if p.StopAfterDays > 0 && !p.PenaltyRate.Rate.IsZero() {
		fmt.Fprintf(&b, "; no penalty after %d days past due", p.StopAfterDays)
	}
	if p.Cap != nil {
		fmt.Fprintf(&b, "; penalty and late fees of an installment are capped at %s of its principal", p.Cap.Percent())
	}
	if rule, cal := calendarRule(p, enRules, enPresets, " and the lender's own days"); rule != "" {
		fmt.Fprintf(&b, "; a due date that is not a business day (%s) moves to %s", cal, rule)
	}
	switch p.LateFee.Kind {
	case FixedFee:
		fmt.Fprintf(&b, "; a late fee of %s is charged on each installment paid late", p.LateFee.Amount.Round(p.Rounding).Grouped())
	case PercentFee:
		fmt.Fprintf(&b, "; a late fee of %s of the unpaid principal, interest and fees%s is charged on each installment paid late", p.LateFee.Rate.Percent(), enMinMax(p.LateFee, p.Rounding))
	}
	return b.String() + "."
}

func enBase(b Base) string {
	if b == PrincipalAndInterest {
		return "overdue principal and interest"
	}
	return "overdue principal"
}

// enFormula writes the daily rate as its derivation; basis is the
// divisor to show.
func enFormula(r PenaltyRate, basis string) string {
	return formulaText(r, basis, rateWords{"daily rate", "monthly rate", "annual rate"})
}

func enMinMax(f LateFee, r money.Rounding) string {
	return minMaxText(f, r, boundWords{"at least ", "at most ", " (", ", ", ")"})
}

func (en) installment(b InstallmentBalance) string {
	return fmt.Sprintf("Installment %d (due %s):", b.Number, b.DueDate)
}

var (
	enRules = [4]string{"the next business day", "the next business day, or the one before if that is in the next month",
		"the business day before", ""}
	enPresets = [4]string{"no public holidays", "Saturdays and Sundays closed", "China's statutory holidays and make-up workdays",
		"Federal Reserve holidays and weekends"}
)

func (en) move(m DueDateMove) string {
	where := "the next business day"
	if m.EffectiveDueDate.Before(m.DueDate) {
		where = "the business day before"
	}
	return fmt.Sprintf("The due date %s falls on %s, so the installment is due on %s, %s; penalty and days past due count from then",
		m.DueDate, m.Closure.EN(), where, m.EffectiveDueDate)
}

func (en) segment(g Segment, p Policy) string {
	rate := rateText(p.PenaltyRate, g.Rate, g.Basis, "daily rate", enFormula)
	full := g.Amount
	if g.Capped {
		full = g.Uncapped
	}
	var calc string
	if p.AccrualRounding == PerDay {
		calc = fmt.Sprintf("%s %s × %s = %s a day × %d = %s", enBase(p.Base), g.Base, rate, perDay(g), g.Days, full)
	} else {
		calc = fmt.Sprintf("%s %s × %s × %d = %s", enBase(p.Base), g.Base, rate, g.Days, full)
	}
	if g.Capped {
		calc += fmt.Sprintf(", cut to %s by the cap", g.Amount)
	}
	switch g.Status {
	case Contingent:
		calc += " (in grace: waived if paid in full before it ends)"
	case Forgiven:
		calc += " (in grace, paid in time: waived)"
	}
	return fmt.Sprintf("%s to %s, %s: %s", g.From, g.To, days(g.Days), calc)
}

func (en) lateFee(a LateFeeAssessment, r money.Rounding) string {
	if a.Rule.Kind == FixedFee {
		line := fmt.Sprintf("%s a late fee of %s was charged (a fixed fee)", a.Date, a.Computed.Grouped())
		if a.Capped {
			line += fmt.Sprintf(", cut to %s by the cap", a.Amount.Grouped())
		}
		return line
	}
	calc := fmt.Sprintf("unpaid principal, interest and fees %s × %s%s = %s", a.Unpaid, a.Rule.Rate.Percent(), enMinMax(a.Rule, r), a.Computed)
	if a.Capped {
		calc += fmt.Sprintf(", cut to %s by the cap", a.Amount)
	}
	return fmt.Sprintf("%s a late fee was charged: %s", a.Date, calc)
}

func (en) penaltySum(b InstallmentBalance, parts []money.Amount, paid, waived money.Amount) string {
	if len(parts) == 1 {
		// One segment: its amount is the total, no "X = X".
		return fmt.Sprintf("Penalty accrued %s; paid %s, waived %s, unpaid %s", b.PenaltyAccrued, paid, waived, b.Penalty)
	}
	return fmt.Sprintf("Penalty accrued %s = %s; paid %s, waived %s, unpaid %s",
		b.PenaltyAccrued, sumText(parts), paid, waived, b.Penalty)
}

func (en) lateFeeSum(b InstallmentBalance, paid, waived money.Amount) string {
	return fmt.Sprintf("Late fees charged %s; paid %s, waived %s, unpaid %s", b.LateFeeAssessed, paid, waived, b.LateFee)
}

func (en) payment(p PaymentApplication) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s payment of %s:", p.Date, p.Amount.Grouped())
	last := 0
	for i, a := range p.Allocations {
		switch {
		case a.Installment != last:
			if i > 0 {
				b.WriteString(";")
			}
			fmt.Fprintf(&b, " installment %d ", a.Installment)
			last = a.Installment
		default:
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", enName(a.Component), a.Amount.Grouped())
	}
	if p.Unapplied.IsPositive() {
		if len(p.Allocations) > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, " %s overpaid, unapplied", p.Unapplied.Grouped())
	}
	return b.String()
}

func (en) waiver(w WaiverApplication, r money.Rounding) string {
	var b strings.Builder
	what := enName(w.Waiver.Component)
	scope := "every installment due"
	if w.Waiver.Installment > 0 {
		scope = fmt.Sprintf("installment %d", w.Waiver.Installment)
	}
	if !w.Waiver.Percent.IsZero() {
		fmt.Fprintf(&b, "%s waiver of %s of the %s of %s", w.Waiver.Date, w.Waiver.Percent.Percent(), what, scope)
	} else {
		fmt.Fprintf(&b, "%s waiver of %s of the %s of %s", w.Waiver.Date, w.Waiver.Amount.Round(r).Grouped(), what, scope)
	}
	fmt.Fprintf(&b, ": %s waived", w.Total.Grouped())
	for i, a := range w.Applied {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "installment %d %s", a.Installment, a.Amount.Grouped())
		if i == len(w.Applied)-1 {
			b.WriteString(")")
		}
	}
	return b.String()
}

func (en) totals(s Statement) string {
	t := s.Totals
	line := fmt.Sprintf("As of %s the total owed is %s%s", s.AsOf, t.Outstanding.Grouped(),
		enParts([]string{"principal", "interest", "fees", "penalty", "late fees"}, []money.Amount{t.Principal, t.Interest, t.Fee, t.Penalty, t.LateFee}))
	if s.Unapplied.IsPositive() {
		line += fmt.Sprintf("; %s overpaid, unapplied", s.Unapplied.Grouped())
	}
	return line + "."
}

// enParts writes the non-zero amounts of a total with their names, as a
// sentence reads them after the total: ": principal 811.43 and penalty
// 11.36"; "" when every amount is zero.
func enParts(names []string, amounts []money.Amount) string {
	var parts []string
	for i, a := range amounts {
		if !a.IsZero() && i < len(names) {
			parts = append(parts, names[i]+" "+a.Grouped())
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return ": " + parts[0]
	}
	return ": " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// enName is a component's name; a Go-built value out of range reads as
// its own name rather than panic.
func enName(c Component) string {
	if int(c) < len(enComponent) {
		return enComponent[c]
	}
	return c.String()
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
