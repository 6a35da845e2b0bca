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
	held := 0
	for _, id := range e.ids[Purchases][bk.start[Purchases]:bk.end[Purchases]] {
		u := &e.units[id]
		held += int(u.npend)
		u.npend = 0
		if b.Grace == Kept {
			// Its purchases never accrue: drop what they accrued tentatively.
			u.noAcc, u.open = true, false
		}
	}
	if held == 0 {
		return
	}
	// Take statement k's segments out of pend, keeping the rest in order.
	// Lost: what its purchases accrued since their dates is billed next.
	// Its segments go to due in the order they closed, not unit by unit:
	// issue and result order due by unit, stably, so each unit's segments
	// come out in date order all the same.
	keep := e.pend[:0]
	for _, g := range e.pend {
		switch {
		case e.units[g.Unit-1].stmt != int32(k):
			keep = append(keep, g)
		case b.Grace == Lost:
			e.due = append(e.due, g)
		}
	}
	e.pend = keep
}
