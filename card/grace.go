package card

// decide keeps or loses statement k's grace at the start of DD_k + g + 1.
func (e *engine) decide(k int) {
	b := &e.bills[k-1]
	need := b.NewBalance.Sub(e.tol)
	b.Grace = Lost
	if e.paid[k-1].Cmp(need) >= 0 {
		b.Grace = Kept
	}
	e.x.Graces = append(e.x.Graces, GraceDecision{
		Statement: k, Deadline: b.DueDate.AddDays(e.grace), NewBalance: b.NewBalance,
		Paid: e.paid[k-1], Tolerance: e.tol, Grace: b.Grace,
	})
	bk := e.books[k-1]
	for _, id := range e.ids[bk.start:bk.end] {
		u := &e.units[id]
		if u.comp != Purchases {
			continue
		}
		if b.Grace == Kept {
			// Its purchases never accrue: drop what they accrued tentatively.
			u.noAcc, u.open, u.pend = true, false, nil
			continue
		}
		// Lost: what they accrued since their dates is billed next.
		e.due = append(e.due, u.pend...)
		u.pend = nil
	}
}
