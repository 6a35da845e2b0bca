package card

import (
	"github.com/repayplan/repayplan/money"
)

// Minimums (最低还款额) as obligations: each statement adds what its
// minimum asks beyond the earlier ones still unpaid; payments settle them
// oldest first; 违约金 and days past due are measured against them.

// unpaidObligations sums what remains of the first n obligations.
func (e *engine) unpaidObligations(n int) money.Amount {
	var s money.Amount
	for i := e.oblHead; i < n; i++ {
		s = s.Add(e.obl[i].remain)
	}
	return s
}

// writeOff clears the first n obligations (what remains counts as paid).
func (e *engine) writeOff(n int) {
	for i := e.oblHead; i < n; i++ {
		e.obl[i].remain = money.Amount{}
	}
	e.skipPaidObligations()
}

// lateFee charges 违约金 at the start of DD_k + g + 1 on what remains of
// every obligation due by DD_k, when that is above the tolerance.
func (e *engine) lateFee(k int, day money.Date) {
	due := e.bills[k-1].DueDate
	n := e.oblHead
	for n < len(e.obl) && !e.obl[n].due.After(due) {
		n++
	}
	unpaid := e.unpaidObligations(n)
	if !unpaid.IsPositive() || unpaid.Cmp(e.tol) <= 0 {
		e.writeOff(n)
		return
	}
	rule := e.a.Policy.LateFee
	fee := rule.Charge(unpaid, e.rnd)
	if !fee.IsPositive() {
		return
	}
	e.cyc.fees = e.cyc.fees.Add(fee)
	id := e.post(Fees, day, fee, LateFeeUnit)
	e.x.LateFees = append(e.x.LateFees, LateFeeCharge{Statement: k, Date: day, Unpaid: unpaid, Rule: rule, Amount: fee, Unit: id + 1})
}
