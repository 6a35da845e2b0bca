package card

import (
	"github.com/repayplan/repayplan/money"
)

// Chinese explains statement k (1-based; 0 or out of range: the last one)
// in sentences a collections agent reads out, in Chinese: the statement's
// figures, why each grace that priced it was kept or lost, every interest
// segment it bills with their sum, every 违约金 with its rule, every
// payment's allocation, then the position as of as_of.
func (s Statement) Chinese(k int) []string { return render(s, k, zh{}) }

// English is Chinese in English.
func (s Statement) English(k int) []string { return render(s, k, en{}) }

// phrasebook is one language's sentences; render decides what is said and
// in which order, the phrasebook only how.
type phrasebook interface {
	bill(b Bill) string
	grace(g GraceDecision, b Bill) string
	segment(g Segment, u Unit) string
	interestSum(parts []money.Amount, total money.Amount) string
	lateFee(f LateFeeCharge) string
	payment(p PaymentApplication, units []Unit) string
	since(b Bill, asOf money.Date) string
	position(s Statement) string
}

func render(s Statement, k int, ph phrasebook) []string {
	if len(s.Statements) == 0 {
		return []string{ph.position(s)}
	}
	if k < 1 || k > len(s.Statements) {
		k = len(s.Statements)
	}
	x := s.Explanation
	b := s.Statements[k-1]
	lines := []string{ph.bill(b)}
	graces := make(map[int]GraceDecision, len(x.Graces))
	for _, g := range x.Graces {
		graces[g.Statement] = g
	}
	// The graces that priced this statement's interest: those of the
	// statements whose purchases it bills interest on.
	seen := map[int]bool{}
	var segs []Segment
	for _, g := range x.Segments {
		if g.Statement != k {
			continue
		}
		segs = append(segs, g)
		if u := x.unit(g.Unit); u.Component == Purchases && !seen[u.Statement] {
			seen[u.Statement] = true
			if d, ok := graces[u.Statement]; ok && u.Statement != k && u.Statement >= 1 && u.Statement <= len(s.Statements) {
				lines = append(lines, ph.grace(d, s.Statements[u.Statement-1]))
			}
		}
	}
	if len(segs) > 0 {
		parts := make([]money.Amount, len(segs))
		for i, g := range segs {
			lines = append(lines, "  "+ph.segment(g, x.unit(g.Unit)))
			parts[i] = g.Amount
		}
		lines = append(lines, "  "+ph.interestSum(parts, b.Interest))
	}
	from := money.Date{}
	if k > 1 {
		from = s.Statements[k-2].StatementDate
	}
	inCycle := func(d money.Date) bool { return !d.Before(from) && d.Before(b.StatementDate) }
	for _, f := range x.LateFees {
		if inCycle(f.Date) {
			lines = append(lines, ph.lateFee(f))
		}
	}
	for _, p := range x.Payments {
		if inCycle(p.Date) {
			lines = append(lines, ph.payment(p, x.Units))
		}
	}
	if d, ok := graces[k]; ok {
		lines = append(lines, ph.grace(d, b))
	}
	if k == len(s.Statements) {
		// The last statement: also what has happened since, not yet
		// billed, so the agent can answer "what about my payment today?".
		var since []string
		after := func(d money.Date) bool { return !d.Before(b.StatementDate) }
		for _, f := range x.LateFees {
			if after(f.Date) {
				since = append(since, ph.lateFee(f))
			}
		}
		for _, p := range x.Payments {
			if after(p.Date) {
				since = append(since, ph.payment(p, x.Units))
			}
		}
		if len(since) > 0 {
			lines = append(lines, ph.since(b, s.AsOf))
			lines = append(lines, since...)
		}
	}
	return append(lines, ph.position(s))
}

// unit returns the unit numbered id, or the zero Unit for a number the
// explanation does not hold (a Statement built by hand), so rendering
// never fails.
func (x Explanation) unit(id int) Unit {
	if id < 1 || id > len(x.Units) {
		return Unit{}
	}
	return x.Units[id-1]
}

// kindName names k from names (indexed by UnitKind), or k's own name.
func kindName(names []string, k UnitKind) string {
	if int(k) < len(names) {
		return names[k]
	}
	return k.String()
}

// minimumPaid reports whether what was paid in statement b's grace window
// covered its minimum payment (the cardholder who "paid the minimum").
func minimumPaid(g GraceDecision, b Bill) bool {
	return b.MinimumPayment.IsPositive() && g.Paid.Cmp(b.MinimumPayment) >= 0
}
