package penalty

import "github.com/repayplan/repayplan/money"

// Statement is what an account owes as of a date, per installment and in
// total, with the explanation of every amount that was accrued or paid.
type Statement struct {
	AsOf         money.Date           `json:"as_of"`
	Installments []InstallmentBalance `json:"installments"`
	DaysPastDue  int                  `json:"days_past_due"` // the largest of the installments'
	Bucket       string               `json:"bucket"`        // current, M1 … M6, M7+
	Totals       Totals               `json:"totals"`
	Unapplied    money.Amount         `json:"unapplied"` // paid beyond everything owed, due or not
	Explanation  Explanation          `json:"explanation"`
	// Sentences is the explanation rendered in the languages the
	// account's Explain asked for; nil when it asked for none.
	Sentences *Sentences `json:"sentences,omitempty"`
}

// InstallmentBalance is one installment's position. Principal, Interest,
// Fee, Penalty and LateFee are outstanding (unpaid, not waived); Penalty
// is payable penalty only. PenaltyAccrued is every payable penalty ever
// accrued, paid or not; ContingentPenalty is what accrued during a
// forgiving grace that has not ended yet (owed only if the grace is
// missed). LateFeeAssessed is the late fee charged, paid or not.
type InstallmentBalance struct {
	Number            int          `json:"number"`
	DueDate           money.Date   `json:"due_date"`
	EffectiveDueDate  money.Date   `json:"effective_due_date"` // DueDate moved by the policy's calendar; = DueDate when unmoved
	Principal         money.Amount `json:"principal"`
	Interest          money.Amount `json:"interest"`
	Fee               money.Amount `json:"fee"`
	Penalty           money.Amount `json:"penalty"`
	LateFee           money.Amount `json:"late_fee"`
	PenaltyAccrued    money.Amount `json:"penalty_accrued"`
	DaysPastDue       int          `json:"days_past_due"`
	ContingentPenalty money.Amount `json:"contingent_penalty"`
	LateFeeAssessed   money.Amount `json:"late_fee_assessed"`
	Capped            bool         `json:"capped"` // the cap cut a segment or the late fee
}

// Totals sums the installments' outstanding components; Outstanding is
// their sum: everything the listed installments still ask for, those not
// yet due included. It is not what settles the account today — for a
// loan it counts the scheduled interest of installments not yet due,
// which is not yet earned; a loan's payoff today is loan.Statement.Payoff.
type Totals struct {
	Principal   money.Amount `json:"principal"`
	Interest    money.Amount `json:"interest"`
	Fee         money.Amount `json:"fee"`
	Penalty     money.Amount `json:"penalty"`
	LateFee     money.Amount `json:"late_fee"`
	Outstanding money.Amount `json:"outstanding"`
}

// Bucket names the delinquency bucket of days past due: 0 is current,
// 1–30 is M1, 31–60 M2, …, 151–180 M6, beyond M7+. Card accounts are
// bucketed the same way.
func Bucket(dpd int) string {
	switch {
	case dpd <= 0:
		return "current"
	case dpd > 180:
		return "M7+"
	}
	// Cut from a constant, so that no string is built.
	const names = "M1M2M3M4M5M6"
	i := 2 * ((dpd - 1) / 30)
	return names[i : i+2]
}

// statement turns the engine's final state into the result, rounding every
// amount it outputs.
func (e *engine) statement() Statement {
	r := e.pol.Rounding
	s := Statement{AsOf: e.asOf, Installments: make([]InstallmentBalance, len(e.ls))}
	var t Totals
	if len(e.ls) > 0 {
		// Sums from a zero at the rounded figures' places: every Add then
		// takes money's same-places path, and the sums are the same.
		z := money.New(0, r.Places())
		t = Totals{Principal: z, Interest: z, Fee: z, Penalty: z, LateFee: z}
	}
	for k := range e.ls {
		l := &e.ls[k]
		dpd := 0
		if e.asOf.After(l.due) && l.owesAny() {
			dpd = e.asOf.Sub(l.due)
		}
		s.DaysPastDue = max(s.DaysPastDue, dpd)
		// Written in place, field by field: no InstallmentBalance is
		// built to be copied.
		b := &s.Installments[k]
		b.Number = k + 1
		b.DueDate, b.EffectiveDueDate = l.contract, l.due
		b.Principal = l.owed[PrincipalComponent].Round(r)
		b.Interest = l.owed[InterestComponent].Round(r)
		b.Fee = l.owed[FeeComponent].Round(r)
		b.Penalty = l.owed[PenaltyComponent].Round(r)
		b.LateFee = l.owed[LateFeeComponent].Round(r)
		b.PenaltyAccrued = l.accrued.Round(r)
		b.DaysPastDue = dpd
		b.ContingentPenalty = l.contingent.Round(r)
		b.LateFeeAssessed = l.assessed.Round(r)
		b.Capped = l.capped
		// Totals add the rounded figures shown, so the statement adds up
		// on paper even when inputs carry more places than the rounding.
		t.Principal = t.Principal.Add(b.Principal)
		t.Interest = t.Interest.Add(b.Interest)
		t.Fee = t.Fee.Add(b.Fee)
		t.Penalty = t.Penalty.Add(b.Penalty)
		t.LateFee = t.LateFee.Add(b.LateFee)
	}
	t.Outstanding = t.Principal.Add(t.Interest).Add(t.Fee).Add(t.Penalty).Add(t.LateFee)
	s.Totals = t
	s.Bucket = Bucket(s.DaysPastDue)
	s.Unapplied = e.unapplied.Round(r)
	s.Explanation = e.explain
	if !e.brief {
		s.Explanation.Segments = e.explain.Segments[:e.segments:e.segments] // the records made
	}
	return s
}
