package loan

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// accrue is penalty.Accrue(a), faster on a long loan seen early in its
// life. Installments after the first one not yet due (the tail) accrue
// nothing and are paid nothing unless a payment runs past everything
// before them, so the engine runs on the head only and the tail is
// listed as scheduled. Whenever that shortcut could differ — payments
// allocated across installments by component, a waiver naming a tail
// installment, a tail due date moved by the policy's calendar, amounts
// finer than the policy's rounding, or any money left unapplied after the
// head — it runs the engine on the whole ledger instead. A property test
// compares both on random loans.
func accrue(a penalty.Account, scale int) (penalty.Statement, tail, error) {
	n := len(a.Installments)
	if h := headLen(a, scale); h < n {
		head := a
		head.Installments = a.Installments[:h]
		st, err := penalty.Accrue(head)
		if err == nil && st.Unapplied.IsZero() {
			st, t := withTail(st, a.Installments[h:], a.Policy.Rounding)
			return st, t, nil
		}
	}
	st, err := penalty.Accrue(a)
	return st, tail{from: n}, err
}

// tail says where the untouched installments begin in a statement and
// what they are scheduled to collect, so that the statement's own pass
// need not walk them again.
type tail struct {
	from int
	sum  Scheduled
}

// headLen is how many installments the engine must see: those due by
// as_of, the next one, and any a waiver names; all of them when the tail
// could not be listed as scheduled.
func headLen(a penalty.Account, scale int) int {
	p, n := a.Policy, len(a.Installments)
	places := p.Rounding.Places()
	if p.AllocationScope != penalty.ByInstallment || scale > places {
		return n
	}
	h := 0
	for h < n && !a.Installments[h].DueDate.After(a.AsOf) {
		h++
	}
	h = min(h+1, n)
	for _, w := range a.Waivers {
		h = max(h, min(w.Installment, n))
	}
	for _, pay := range a.Payments {
		if !pay.Amount.FitsPlaces(places) {
			return n
		}
	}
	// Without a calendar nothing moves (checked once: the policy is large
	// to pass per installment).
	if p.Calendar.IsZero() || p.BusinessDay == money.Unadjusted {
		return h
	}
	for _, in := range a.Installments[h:] {
		if p.EffectiveDueDate(in.DueDate) != in.DueDate {
			return n
		}
	}
	return h
}

// withTail appends the untouched tail to st as the engine would list it:
// as scheduled, nothing accrued, not past due.
func withTail(st penalty.Statement, rest []penalty.Installment, r money.Rounding) (penalty.Statement, tail) {
	zero := money.Amount{}.Round(r)
	n := len(st.Installments)
	all := make([]penalty.InstallmentBalance, n, n+len(rest))
	copy(all, st.Installments)
	t := st.Totals
	var sum Scheduled
	for k, in := range rest {
		b := penalty.InstallmentBalance{
			Number: n + k + 1, DueDate: in.DueDate, EffectiveDueDate: in.DueDate,
			Principal: in.Principal.Round(r), Interest: in.Interest.Round(r), Fee: in.Fee.Round(r),
			Penalty: zero, LateFee: zero, PenaltyAccrued: zero, ContingentPenalty: zero, LateFeeAssessed: zero,
		}
		all = append(all, b)
		sum.Principal = sum.Principal.Add(b.Principal)
		sum.Interest = sum.Interest.Add(b.Interest)
		sum.Fee = sum.Fee.Add(b.Fee)
	}
	t.Principal, t.Interest, t.Fee = t.Principal.Add(sum.Principal), t.Interest.Add(sum.Interest), t.Fee.Add(sum.Fee)
	t.Outstanding = t.Principal.Add(t.Interest).Add(t.Fee).Add(t.Penalty).Add(t.LateFee)
	st.Installments, st.Totals = all, t
	return st, tail{from: n, sum: sum}
}
