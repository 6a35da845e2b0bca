package loan

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// statement adds the figures to the penalty statement st of the ledger;
// rest is its untouched tail, all not yet due and outstanding as
// scheduled.
func (l *ledger) statement(a Account, st penalty.Statement, rest tail, note *AccelerationNote) Statement {
	r := l.terms.Rounding
	out := Statement{Statement: st}
	// The three lists share one array, each capped at the installments
	// its dates allow, so that none grows past another.
	past, dueBy := l.dueBefore(a.AsOf), l.dueBy(a.AsOf)
	lists := make([]int, len(st.Installments))
	out.Explanation = Explanation{Explanation: st.Explanation, Acceleration: note,
		Split: Split{PastDue: lists[:0:past], DueToday: lists[past:past:dueBy], NotYetDue: lists[dueBy:dueBy]}}
	if note != nil {
		out.AcceleratedOn = note.Date
	}
	var due, pastDue Owed
	later := rest.sum
	for k := range st.Installments[:rest.from] {
		b := &st.Installments[k]
		d := l.inst[k].DueDate // contractual, whatever a policy calendar moves
		// Components are never negative: anything outstanding is a non-zero one.
		open := !b.Principal.IsZero() || !b.Interest.IsZero() || !b.Fee.IsZero() || !b.Penalty.IsZero() || !b.LateFee.IsZero()
		switch {
		case d.After(a.AsOf):
			later.Principal = later.Principal.Add(b.Principal)
			later.Interest = later.Interest.Add(b.Interest)
			later.Fee = later.Fee.Add(b.Fee)
			if open {
				out.Explanation.Split.NotYetDue = append(out.Explanation.Split.NotYetDue, k+1)
			}
		case d.Before(a.AsOf):
			pastDue.add(b)
			due.add(b)
			if open {
				out.Explanation.Split.PastDue = append(out.Explanation.Split.PastDue, k+1)
			}
		default:
			due.add(b)
			if open {
				out.Explanation.Split.DueToday = append(out.Explanation.Split.DueToday, k+1)
			}
		}
	}
	untouched := out.Explanation.Split.NotYetDue
	for k := rest.from; k < len(st.Installments); k++ {
		untouched = append(untouched, k+1)
	}
	out.Explanation.Split.NotYetDue = untouched
	out.AmountDue, out.PastDue = due.rounded(r), pastDue.rounded(r)
	out.NotYetDue = Scheduled{Principal: later.Principal.Round(r), Interest: later.Interest.Round(r), Fee: later.Fee.Round(r)}
	out.Payoff, out.Explanation.Payoff = l.payoff(a, st, due, later)
	return out
}

func (o *Owed) add(b *penalty.InstallmentBalance) {
	o.Principal = o.Principal.Add(b.Principal)
	o.Interest = o.Interest.Add(b.Interest)
	o.Fee = o.Fee.Add(b.Fee)
	o.Penalty = o.Penalty.Add(b.Penalty)
	o.LateFee = o.LateFee.Add(b.LateFee)
}

func (o Owed) rounded(r money.Rounding) Owed {
	o = Owed{Principal: o.Principal.Round(r), Interest: o.Interest.Round(r), Fee: o.Fee.Round(r),
		Penalty: o.Penalty.Round(r), LateFee: o.LateFee.Round(r)}
	o.Total = o.Principal.Add(o.Interest).Add(o.Fee).Add(o.Penalty).Add(o.LateFee)
	return o
}

// paidAhead is what payments put into installments not yet due at as_of:
// principal by date (it cuts the payoff's balance), interest and fee in
// total.
type paidAhead struct {
	principal []settledBy // in date order, as the payments are
	interest  money.Amount
	fee       money.Amount
}

func (l *ledger) paidAhead(st penalty.Statement, firstLater int) paidAhead {
	var p paidAhead
	for _, pay := range st.Explanation.Payments {
		for _, al := range pay.Allocations {
			if al.Installment-1 < firstLater {
				continue
			}
			switch al.Component {
			case penalty.PrincipalComponent:
				p.principal = append(p.principal, settledBy{pay.Date, al.Amount})
			case penalty.InterestComponent:
				p.interest = p.interest.Add(al.Amount)
			case penalty.FeeComponent:
				p.fee = p.fee.Add(al.Amount)
			}
		}
	}
	return p
}

// payoff is the payoff today. due and later are the unrounded sums
// over installments due on or before as_of and after it.
func (l *ledger) payoff(a Account, st penalty.Statement, due Owed, later Scheduled) (Payoff, PayoffNote) {
	t := l.terms
	r := t.Rounding
	asOf := a.AsOf
	from := l.lastDueOnOrBefore(asOf)
	firstLater := l.dueBy(asOf)
	ahead := l.paidAhead(st, firstLater)
	note := PayoffNote{From: from, To: asOf, Pieces: []InterestPiece{}, RemainingFees: a.RemainingFees,
		PrepaymentFee: a.PrepaymentFee.clone()}

	// B(d): the opening balance of the first row due after as_of, less
	// the later installments' principal paid on or before d.
	var opening money.Amount
	if !l.accelerated {
		for i := range l.rows {
			if l.rows[i].DueDate.After(asOf) {
				opening = l.rows[i].OpeningBalance
				break
			}
		}
	}
	// One pass over the later principal payments, in date order (as the
	// engine lists payments): cum is what was paid on or before the
	// current cut.
	ap := ahead.principal
	var cum money.Amount
	i := 0
	for i < len(ap) && !ap[i].date.After(from) {
		cum, i = cum.Add(ap[i].amount), i+1
	}
	var exact money.Ratio // Σ B(d_k) × yearfrac(d_k, d_{k+1})
	for cur := from; cur.Before(asOf); {
		next := asOf
		if i < len(ap) && ap[i].date.Before(asOf) {
			next = ap[i].date
		}
		if b := opening.Sub(cum); b.IsPositive() {
			exact = exact.Add(b.Ratio().Mul(t.DayCount.YearFrac(cur, next)))
			note.Pieces = l.appendPieces(note.Pieces, b, cur, next)
		}
		for i < len(ap) && ap[i].date == next {
			cum, i = cum.Add(ap[i].amount), i+1
		}
		cur = next
	}
	for ; i < len(ap); i++ { // dated as_of: they count for B(as_of)
		cum = cum.Add(ap[i].amount)
	}
	accrued := money.RoundRatio(exact.Mul(t.AnnualRate.Ratio()), r)
	bNow := money.Max(opening.Sub(cum), money.Amount{})
	note.Balance, note.AccruedInterest = bNow.Round(r), accrued
	note.InterestCredited = ahead.interest.Round(r)
	if over := cum.Sub(opening); over.IsPositive() {
		note.PrincipalOverpaid = over.Round(r)
	}

	p := Payoff{
		Principal:       due.Principal.Add(bNow).Round(r),
		Interest:        due.Interest.Add(accrued).Sub(ahead.interest).Round(r),
		AccruedInterest: accrued,
		Fee:             due.Fee.Round(r),
		Penalty:         st.Totals.Penalty.Round(r),
		LateFee:         st.Totals.LateFee.Round(r),
		Credit:          st.Unapplied.Add(note.PrincipalOverpaid).Round(r),
	}
	if a.RemainingFees == ChargeFees {
		note.FeesCharged = later.Fee.Round(r)
		p.Fee = p.Fee.Add(note.FeesCharged)
	} else {
		note.FeeCredited = ahead.fee.Round(r)
		p.Fee = p.Fee.Sub(note.FeeCredited)
	}
	if f := a.PrepaymentFee; f != nil && bNow.IsPositive() {
		if f.Percent != nil {
			p.PrepaymentFee = bNow.MulRatio(f.Percent.Ratio(), r)
		} else {
			p.PrepaymentFee = f.Amount.Round(r)
		}
	} else {
		p.PrepaymentFee = money.Amount{}.Round(r)
	}
	// What came out negative is owed back: a credit, not a negative charge.
	for _, c := range []*money.Amount{&p.Interest, &p.Fee} {
		if c.IsNegative() {
			p.Credit = p.Credit.Sub(*c)
			*c = money.Amount{}.Round(r)
		}
	}
	sum := p.Principal.Add(p.Interest).Add(p.Fee).Add(p.Penalty).Add(p.LateFee).Add(p.PrepaymentFee)
	p.Total = money.Max(sum.Sub(p.Credit), money.Amount{}).Round(r)
	return p, note
}

// appendPieces appends one payoff piece to out, split at 1 January under
// act/act so that each sentence has one basis.
func (l *ledger) appendPieces(out []InterestPiece, b money.Amount, from, to money.Date) []InterestPiece {
	if l.terms.DayCount == money.ActAct {
		for y := from.Year() + 1; y <= to.Year(); y++ {
			jan1 := money.NewDate(y, 1, 1)
			if jan1.After(from) && jan1.Before(to) {
				out = append(out, l.interestPiece(b, from, jan1))
				from = jan1
			}
		}
	}
	return append(out, l.interestPiece(b, from, to))
}

// clone copies f so that a statement shares no memory with its request.
func (f *PrepaymentFee) clone() *PrepaymentFee {
	if f == nil {
		return nil
	}
	c := PrepaymentFee{}
	if f.Percent != nil {
		p := *f.Percent
		c.Percent = &p
	}
	if f.Amount != nil {
		a := *f.Amount
		c.Amount = &a
	}
	return &c
}
