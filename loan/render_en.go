package loan

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
)

// en is the English phrasebook.
type en struct{}

func (en) remaining(s Statement) string {
	t := s.Totals
	line := fmt.Sprintf("Left to pay under the contract as of %s: %s = principal %s + interest %s + fees %s + penalty %s + late fees %s, of which %s of interest and %s of fees are scheduled on installments not yet due and not owed now",
		s.AsOf, t.Outstanding, t.Principal, t.Interest, t.Fee, t.Penalty, t.LateFee, s.NotYetDue.Interest, s.NotYetDue.Fee)
	if s.Unapplied.IsPositive() {
		line += fmt.Sprintf("; %s overpaid, unapplied", s.Unapplied)
	}
	return line + "."
}

func (en) acceleration(n AccelerationNote) string {
	why := fmt.Sprintf("The loan was called in (accelerated) on %s", n.Date)
	if n.TriggerInstallment > 0 {
		why = fmt.Sprintf("Installment %d (due %s) still owed %s of principal, interest and fees %d days after its due date, so the loan was called in on %s",
			n.TriggerInstallment, n.TriggerDue, n.Unpaid, n.AfterDays, n.Date)
	}
	if n.Number == 0 {
		return why + "; no installment was due after that date, so nothing was combined."
	}
	return fmt.Sprintf("%s: the principal of installments %s, not yet due, %s in all, fell due that day as installment %d, with interest %s and no fee.",
		why, numbers(rangeOf(n.FirstReplaced, n.LastReplaced), ", "), n.Principal, n.Number, en{}.piece(n.Piece))
}

func (en) piece(p InterestPiece) string {
	return fmt.Sprintf("%s to %s, %s: principal %s × %s a year × %d / %d = %s",
		p.From, p.To, days(p.Days), p.Balance, p.AnnualRate.Percent(), p.Days, p.Basis, p.Amount)
}

func (en) group(kind int, nums []int, o Owed) string {
	what := "Past due"
	if kind == dueToday {
		what = "Due today"
	}
	return fmt.Sprintf("%s: installment%s %s, %s = principal %s + interest %s + fees %s + penalty %s + late fees %s.",
		what, plural(len(nums)), numbers(nums, ", "), o.Total, o.Principal, o.Interest, o.Fee, o.Penalty, o.LateFee)
}

func (en) amountDue(s Statement) string {
	return fmt.Sprintf("Amount due now: %s; paying it brings the account current.", s.AmountDue.Total)
}

func (en) notYetDue(nums []int, o Scheduled) string {
	return fmt.Sprintf("Not yet due: installment%s %s, principal %s, interest %s, fees %s — scheduled, not owed today; that interest is not yet earned and a payoff does not charge it.",
		plural(len(nums)), numbers(nums, ", "), o.Principal, o.Interest, o.Fee)
}

func (en) payoff(s Statement) string {
	p := s.Payoff
	return fmt.Sprintf("To pay the loan off today (%s): %s = principal %s + interest %s + fees %s + penalty %s + late fees %s + prepayment fee %s − credit %s.",
		s.AsOf, p.Total, p.Principal, p.Interest, p.Fee, p.Penalty, p.LateFee, p.PrepaymentFee, p.Credit)
}

func (en) interest(s Statement) string {
	n := s.Explanation.Payoff
	return fmt.Sprintf("Interest = %s due and unpaid + %s accrued this period − %s paid ahead on installments not yet due (any negative part is credited).",
		s.AmountDue.Interest, n.AccruedInterest, n.InterestCredited)
}

func (en) accruedSum(n PayoffNote, parts []money.Amount) string {
	if len(parts) == 1 && addsUp(parts, n.AccruedInterest) {
		return fmt.Sprintf("Interest accrued since %s: %s, day by day on the principal outstanding.", n.From, n.AccruedInterest)
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
	return fmt.Sprintf("No principal not yet due accrues interest from %s to %s: accrued interest 0.", n.From, n.To)
}

func (en) fees(s Statement) string {
	n := s.Explanation.Payoff
	if n.RemainingFees == ChargeFees {
		if n.FeesCharged.IsPositive() {
			return fmt.Sprintf("Fees include %s of the later installments' fees, charged on payoff as agreed.", n.FeesCharged)
		}
		return ""
	}
	if n.FeeCredited.IsPositive() {
		return fmt.Sprintf("Fees of %s paid ahead on installments not yet due are waived and credited back.", n.FeeCredited)
	}
	if s.NotYetDue.Fee.IsPositive() {
		return fmt.Sprintf("The later installments' fees of %s are waived.", s.NotYetDue.Fee)
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
	return fmt.Sprintf("Prepayment fee: %s, fixed by the contract.", s.Payoff.PrepaymentFee)
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
