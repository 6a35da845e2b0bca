package loan

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// accrue is penalty.Accrue of a on the ledger's installments, faster on
// a long loan seen early in its life. Installments after the first one
// not yet due (the tail) accrue nothing and are paid nothing unless a
// payment runs past everything before them, so the engine runs on the
// head only and the tail is listed as scheduled, straight from the
// schedule's rows: the tail's installments are never made. Whenever that
// shortcut could differ — payments allocated across installments by
// component, a waiver naming a tail installment, a tail due date moved by
// the policy's calendar, amounts finer than the policy's rounding, or any
// money left unapplied after the head — it runs the engine on the whole
// ledger instead. Property tests compare both on random loans.
func (l *ledger) accrue(a penalty.Account, scale int) (penalty.Statement, tail, error) {
	if h, from, ok := l.head(a, scale); ok {
		head := a
		head.Installments = l.inst[:h:h]
		st, err := penalty.Accrue(head)
		if err == nil && st.Unapplied.IsZero() {
			st, t := l.withTail(st, from, a.Policy.Rounding)
			return st, t, nil
		}
	}
	return l.accrueAll(a)
}

// accrueAll is penalty.Accrue of a on every installment of the ledger:
// the general path, which accrue's shortcut must agree with.
func (l *ledger) accrueAll(a penalty.Account) (penalty.Statement, tail, error) {
	a.Installments = l.all()
	st, err := penalty.Accrue(a)
	return st, tail{from: len(a.Installments)}, err
}

// tail says where the untouched installments begin in a statement and
// what they are scheduled to collect, so that the statement's own pass
// need not walk them again.
type tail struct {
	from int
	sum  Scheduled
}

// head is how many installments the engine must see — those due by
// as_of, the next one, and any a waiver names — and the index of the row
// of the first installment after them. ok is false when there is no such
// installment or the tail could not be listed as scheduled (or the
// ledger asks for the general path); an accelerated ledger has no tail,
// its rows no longer being its installments.
func (l *ledger) head(a penalty.Account, scale int) (h, from int, ok bool) {
	p := a.Policy
	places := p.Rounding.Places()
	if l.general || l.accelerated || p.AllocationScope != penalty.ByInstallment || scale > places {
		return 0, 0, false
	}
	for _, pay := range a.Payments {
		if !pay.Amount.FitsPlaces(places) {
			return 0, 0, false
		}
	}
	for l.extend(h+1) && !l.inst[h].DueDate.After(a.AsOf) {
		h++
	}
	h++
	for _, w := range a.Waivers {
		h = max(h, w.Installment)
	}
	if !l.extend(h) {
		return 0, 0, false
	}
	from = l.rowOf(h)
	if from == len(l.rows) {
		return 0, 0, false
	}
	// Without a calendar nothing moves (checked once: the policy is large
	// to pass per installment).
	if p.Calendar.IsZero() || p.BusinessDay == money.Unadjusted {
		return h, from, true
	}
	for i := from; i < len(l.rows); i++ {
		if r := &l.rows[i]; !r.Payment.IsZero() && p.EffectiveDueDate(r.DueDate) != r.DueDate {
			return 0, 0, false
		}
	}
	return h, from, true
}

// rowOf is the index of the row installment k (counted from 0) comes
// from, or len(rows) when there are not that many.
func (l *ledger) rowOf(k int) int {
	for i := range l.rows {
		if l.rows[i].Payment.IsZero() {
			continue
		}
		if k == 0 {
			return i
		}
		k--
	}
	return len(l.rows)
}

// withTail appends the installments of the rows from index from on to st
// as the engine would list them: as scheduled, nothing accrued, not past
// due. It writes them in place in the statement's one array of balances.
func (l *ledger) withTail(st penalty.Statement, from int, r money.Rounding) (penalty.Statement, tail) {
	rows := l.rows[from:]
	n := len(st.Installments)
	all := make([]penalty.InstallmentBalance, n+len(rows))
	copy(all, st.Installments)
	k := n + listTail(all[n:], n, rows, r)
	sum := l.tailSum(from, k-n < len(rows), r)
	t := st.Totals
	t.Principal, t.Interest, t.Fee = t.Principal.Add(sum.Principal), t.Interest.Add(sum.Interest), t.Fee.Add(sum.Fee)
	t.Outstanding = t.Principal.Add(t.Interest).Add(t.Fee).Add(t.Penalty).Add(t.LateFee)
	st.Installments, st.Totals = all[:k], t
	return st, tail{from: n, sum: sum}
}

// listTail writes into dst, which is zero, the balance of each row of
// rows that asks for something, numbered on from n, and returns how many
// it wrote. The tail's sums are tailSum's, not kept in this loop, whose
// registers they would crowd.
func listTail(dst []penalty.InstallmentBalance, n int, rows []schedule.Row, r money.Rounding) int {
	zero := money.Amount{}.Round(r)
	k := 0
	for j := range rows {
		row := &rows[j]
		if row.Payment.IsZero() {
			continue
		}
		// Only the fields that are not zero need writing.
		b := &dst[k]
		k++
		b.Number, b.DueDate, b.EffectiveDueDate = n+k, row.DueDate, row.DueDate
		// Most often at the policy's places already, where Round returns
		// at once (inlined).
		b.Principal, b.Interest, b.Fee = row.Principal.Round(r), row.Interest.Round(r), row.Fee.Round(r)
		b.Penalty, b.LateFee, b.PenaltyAccrued, b.ContingentPenalty, b.LateFeeAssessed = zero, zero, zero, zero, zero
	}
	return k
}

// tailSum is what the installments of the rows from index from on are
// scheduled to collect, rounded by r: the schedule's column totals less
// the rows before them and, when skipped says there are any, the rows
// among them that ask for nothing — a few subtractions instead of three
// additions per installment. A schedule's amounts and totals are written
// with the terms' places, which r's are no fewer than (head checked), so
// the totals are the rows' exact sums and rounding by r changes no
// value: the sum of the rounded amounts is their sum, rounded.
func (l *ledger) tailSum(from int, skipped bool, r money.Rounding) Scheduled {
	p, i, f := l.totals.Principal, l.totals.Interest, l.totals.Fee
	for j := range l.rows {
		row := &l.rows[j]
		if j < from || skipped && row.Payment.IsZero() {
			p, i, f = p.Sub(row.Principal), i.Sub(row.Interest), f.Sub(row.Fee)
		} else if !skipped {
			break
		}
	}
	return Scheduled{Principal: p.Round(r), Interest: i.Round(r), Fee: f.Round(r)}
}
