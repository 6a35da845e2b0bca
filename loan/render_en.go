package loan

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
)

// en is the English phrasebook.
type en struct{}

// enList writes the non-zero amounts with their names: "principal
// 811.43, fees 20.00 and penalty 11.36"; "" when all are zero.
func enList(names []string, amounts []money.Amount) string {
	var parts []string
	for i, a := range amounts {
		if !a.IsZero() {
			parts = append(parts, names[i]+" "+a.Grouped())
		}
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// of writes a total's non-zero components after it: ": principal 811.43
// and penalty 11.36".
func of(list string) string {
	if list == "" {
		return ""
	}
	return ": " + list
}

// dash is of after a figure that already follows a colon: " — principal
// 811.43 and penalty 11.36".
func dash(list string) string {
	if list == "" {
		return ""
	}
	return " — " + list
}

func owedEN(o Owed) string {
	return enList([]string{"principal", "interest", "fees", "penalty", "late fees"},
		[]money.Amount{o.Principal, o.Interest, o.Fee, o.Penalty, o.LateFee})
}

func (en) remaining(s Statement) string {
	t := s.Totals
	line := fmt.Sprintf("Left to pay under the contract as of %s: %s in all%s", s.AsOf, t.Outstanding.Grouped(),
		of(owedEN(Owed{Principal: t.Principal, Interest: t.Interest, Fee: t.Fee, Penalty: t.Penalty, LateFee: t.LateFee})))
	if later := enList([]string{"interest", "fees"}, []money.Amount{s.NotYetDue.Interest, s.NotYetDue.Fee}); later != "" {
		line += fmt.Sprintf("; of this, %s scheduled on installments not yet due is not owed now", later)
	}
	if s.Unapplied.IsPositive() {
		line += fmt.Sprintf("; %s overpaid, unapplied", s.Unapplied.Grouped())
	}
	return line + "."
}

func (en) acceleration(n AccelerationNote) string {
	why := fmt.Sprintf("The loan was called in (accelerated) on %s", n.Date)
	if n.TriggerInstallment > 0 {
		why = fmt.Sprintf("Installment %d (due %s) still owed %s of principal, interest and fees %d days after its due date, so the loan was called in on %s",
			n.TriggerInstallment, n.TriggerDue, n.Unpaid.Grouped(), n.AfterDays, n.Date)
	}
	if n.Number == 0 {
		return why + "; no installment was due after that date, so nothing was combined."
	}
	interest := "with interest " + en{}.piece(n.Piece) + " and no fee"
	if n.Piece.AnnualRate.IsZero() {
		interest = "with no interest and no fee"
	}
	return fmt.Sprintf("%s: the principal of installments %s, not yet due, %s in all, fell due that day as installment %d, %s.",
		why, numbers(rangeOf(n.FirstReplaced, n.LastReplaced), ", "), n.Principal.Grouped(), n.Number, interest)
}

func (en) piece(p InterestPiece) string {
	return fmt.Sprintf("%s to %s, %s: principal %s × %s a year %s = %s",
		p.From, p.To, days(p.Days), p.Balance, p.AnnualRate.Percent(), yearFraction(p), p.Amount)
}

func (en) group(kind int, nums []int, o Owed) string {
	what := "Past due"
	if kind == dueToday {
		what = "Due today"
	}
	return fmt.Sprintf("%s: installment%s %s, %s in all%s.",
		what, plural(len(nums)), numbers(nums, ", "), o.Total.Grouped(), of(owedEN(o)))
}

func (en) amountDue(s Statement) string {
	return fmt.Sprintf("Amount due now: %s; paying it brings the account current.", s.AmountDue.Total.Grouped())
}

func (en) notYetDue(nums []int, o Scheduled) string {
	list := enList([]string{"principal", "interest", "fees"}, []money.Amount{o.Principal, o.Interest, o.Fee})
	if list == "" {
		list = "nothing left"
	}
	line := fmt.Sprintf("Not yet due: installment%s %s, %s — scheduled, not owed today", plural(len(nums)), numbers(nums, ", "), list)
	if o.Interest.IsPositive() {
		line += "; that interest is not yet earned and a payoff does not charge it"
	}
	return line + "."
}

func (en) payoff(s Statement) string {
	p := s.Payoff
	line := fmt.Sprintf("To pay the loan off today (%s): %s%s", s.AsOf, p.Total.Grouped(),
		dash(enList([]string{"principal", "interest", "fees", "penalty", "late fees", "prepayment fee"},
			[]money.Amount{p.Principal, p.Interest, p.Fee, p.Penalty, p.LateFee, p.PrepaymentFee})))
	if p.Credit.IsPositive() {
		line += fmt.Sprintf(", less a credit of %s", p.Credit.Grouped())
	}
	return line + "."
}

func (en) interest(s Statement) string {
	n := s.Explanation.Payoff
	return fmt.Sprintf("Interest = %s due and unpaid + %s accrued this period − %s paid ahead on installments not yet due (any negative part is credited).",
		s.AmountDue.Interest, n.AccruedInterest, n.InterestCredited)
}

func (en) accruedSum(n PayoffNote, parts []money.Amount) string {
	if len(parts) == 1 && addsUp(parts, n.AccruedInterest) {
		return fmt.Sprintf("Interest accrued since %s: %s, day by day on the principal outstanding.", n.From, n.AccruedInterest.Grouped())
	}
	if addsUp(parts, n.AccruedInterest) {
		return fmt.Sprintf("Interest accrued = %s = %s (the principal fell on the dates it was prepaid).", sumText(parts), n.AccruedInterest)
	}
	return fmt.Sprintf("Interest accrued = the exact sum of the pieces, rounded once = %s (each piece rounded: %s).", n.AccruedInterest, sumText(parts))
}

func (en) noAccrual(s Statement) string {
	n := s.Explanation.Payoff
	if !s.AcceleratedOn.IsZero() {
		return fmt.Sprintf("The loan was called in on %s: all its principal is due and accrues penalty, not interest.", s.AcceleratedOn)
	}
	return fmt.Sprintf("No principal not yet due accrues interest from %s to %s, so no interest has accrued.", n.From, n.To)
}

func (en) fees(s Statement) string {
	n := s.Explanation.Payoff
	if n.RemainingFees == ChargeFees {
		if n.FeesCharged.IsPositive() {
			return fmt.Sprintf("Fees include %s of the later installments' fees, charged on payoff as agreed.", n.FeesCharged.Grouped())
		}
		return ""
	}
	if n.FeeCredited.IsPositive() {
		return fmt.Sprintf("Fees of %s paid ahead on installments not yet due are waived and credited back.", n.FeeCredited.Grouped())
	}
	if s.NotYetDue.Fee.IsPositive() {
		return fmt.Sprintf("The later installments' fees of %s are waived.", s.NotYetDue.Fee.Grouped())
	}
	return ""
}

func (en) prepaymentFee(s Statement) string {
	n := s.Explanation.Payoff
	switch f := n.PrepaymentFee; {
	case f == nil:
		return ""
	case !n.Balance.IsPositive():
		return "No principal is repaid early, so there is no prepayment fee."
	case f.Percent != nil:
		return fmt.Sprintf("Prepayment fee = principal repaid early %s × %s = %s.", n.Balance, f.Percent.Percent(), s.Payoff.PrepaymentFee)
	}
	return fmt.Sprintf("A prepayment fee of %s is charged, fixed by the contract.", s.Payoff.PrepaymentFee.Grouped())
}

func (en) credit(s Statement) string {
	if !s.Payoff.Credit.IsPositive() {
		return ""
	}
	return fmt.Sprintf("Credit %s = %s overpaid and unapplied + interest and fees paid ahead that the payoff does not need.", s.Payoff.Credit, s.Unapplied)
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
