package penalty

import (
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/repayplan/repayplan/money"
)

// Chinese renders the statement and its explanation as sentences a
// customer-service agent can read out, in Chinese.
func (s Statement) Chinese() []string { return render(s, newZH(s.Explanation.Policy.Wording)) }

// English renders the statement and its explanation as sentences, in
// English.
func (s Statement) English() []string { return render(s, en{}) }

// phrasebook is one language's sentences; render decides what is said and
// in which order, the phrasebook only how.
type phrasebook interface {
	header(s Statement) string
	policy(p Policy) string
	installment(b InstallmentBalance) string
	move(m DueDateMove) string
	segment(g Segment, p Policy) string
	lateFee(a LateFeeAssessment, r money.Rounding) string
	penaltySum(b InstallmentBalance, parts []money.Amount, paid, waived money.Amount) string
	lateFeeSum(b InstallmentBalance, paid, waived money.Amount) string
	payment(p PaymentApplication) string
	waiver(w WaiverApplication, r money.Rounding) string
	totals(s Statement) string
}

// render lays out: the headline, the rules, then per installment its
// segments and late fee in date order with the sums that tie them to the
// statement, then payments and waivers in date order, then the totals.
func render(s Statement, ph phrasebook) []string {
	x := s.Explanation
	lines := []string{ph.header(s), ph.policy(x.Policy)}
	// At a zero rate every segment is 0: the rules line says 不计罚息 and
	// the zero segments are not read out.
	noPenalty := x.Policy.PenaltyRate.Rate.IsZero()
	paid, waived := settled(x)
	segs := byInstallment(x.Segments, func(g Segment) int { return g.Installment })
	fees := byInstallment(x.LateFees, func(a LateFeeAssessment) int { return a.Installment })
	moves := byInstallment(x.Moves, func(m DueDateMove) int { return m.Installment })
	for _, b := range s.Installments {
		gs, fs, ms := segs[b.Number], fees[b.Number], moves[b.Number]
		if (noPenalty || len(gs) == 0) && len(fs) == 0 && len(ms) == 0 {
			continue
		}
		lines = append(lines, ph.installment(b))
		// The move comes first: everything after counts from it.
		for _, m := range ms {
			lines = append(lines, "  "+ph.move(m))
		}
		var parts []money.Amount
		for len(gs) > 0 || len(fs) > 0 {
			// Items read in the order they start; a late fee assessed at
			// the start of a day comes before the segment from that day.
			if len(gs) > 0 && (len(fs) == 0 || gs[0].From.Before(fs[0].Date)) {
				if noPenalty {
					gs = gs[1:]
					continue
				}
				lines = append(lines, "  "+ph.segment(gs[0], x.Policy))
				if gs[0].Status == Payable {
					parts = append(parts, gs[0].Amount)
				}
				gs = gs[1:]
				continue
			}
			lines = append(lines, "  "+ph.lateFee(fs[0], x.Policy.Rounding))
			fs = fs[1:]
		}
		k, r := b.Number-1, x.Policy.Rounding
		if len(parts) > 0 && !noPenalty {
			lines = append(lines, "  "+ph.penaltySum(b, parts, paid[k][PenaltyComponent].Round(r), waived[k][PenaltyComponent].Round(r)))
		}
		if len(fees[b.Number]) > 0 {
			lines = append(lines, "  "+ph.lateFeeSum(b, paid[k][LateFeeComponent].Round(r), waived[k][LateFeeComponent].Round(r)))
		}
	}
	lines = append(lines, events(x, ph)...)
	return append(lines, ph.totals(s))
}

// events renders payments and waivers in date order; on one date waivers
// come first, as they were applied.
func events(x Explanation, ph phrasebook) []string {
	var out []string
	ps, ws := x.Payments, x.Waivers
	for len(ps) > 0 || len(ws) > 0 {
		if len(ws) > 0 && (len(ps) == 0 || !ws[0].Waiver.Date.After(ps[0].Date)) {
			out = append(out, ph.waiver(ws[0], x.Policy.Rounding))
			ws = ws[1:]
			continue
		}
		out = append(out, ph.payment(ps[0]))
		ps = ps[1:]
	}
	return out
}

// settled sums, per installment and component, what payments paid and
// waivers took off.
func settled(x Explanation) (paid, waived map[int][5]money.Amount) {
	paid, waived = map[int][5]money.Amount{}, map[int][5]money.Amount{}
	add := func(m map[int][5]money.Amount, a Allocation) {
		v := m[a.Installment-1]
		v[a.Component] = v[a.Component].Add(a.Amount)
		m[a.Installment-1] = v
	}
	for _, p := range x.Payments {
		for _, a := range p.Allocations {
			add(paid, a)
		}
	}
	for _, w := range x.Waivers {
		for _, a := range w.Applied {
			add(waived, a)
		}
	}
	return paid, waived
}

func byInstallment[T any](items []T, number func(T) int) map[int][]T {
	m := map[int][]T{}
	for _, it := range items {
		m[number(it)] = append(m[number(it)], it)
	}
	return m
}

// shortPercent writes q as a percentage if that is a short exact decimal
// (at most 6 places, such as "0.05%"); a rate like 4.9 %/360 is not, and
// is shown as its formula instead of a misleading rounded figure.
func shortPercent(q money.Ratio) (string, bool) {
	s, ok := exactDecimal(new(big.Rat).Mul(q.Rat(), big.NewRat(100, 1)), 6)
	if !ok {
		return "", false
	}
	return s + "%", true
}

// perDay is the daily amount of a segment under daily rounding.
func perDay(g Segment) money.Amount {
	total := g.Amount
	if g.Capped {
		total = g.Uncapped
	}
	if g.Days == 0 {
		return total
	}
	return total.MulRatio(money.NewRatio(1, int64(g.Days)), money.NewRounding(total.Places(), money.HalfUp))
}

// yuan writes an amount as a sentence reads it aloud: with thousands
// separators and 元 ("1,050.00 元"). Formulas keep bare numbers.
func yuan(a money.Amount) string { return a.Grouped() + " 元" }

// sumText writes parts as "a + b + c".
func sumText(parts []money.Amount) string {
	ss := make([]string, len(parts))
	for i, p := range parts {
		ss[i] = p.String()
	}
	return strings.Join(ss, " + ")
}

func amt(a money.Amount, r money.Rounding) string { return a.Round(r).String() }

// rateText shows a segment's daily rate: as a short percentage after the
// word for "daily rate" when it is one, else as its formula.
func rateText(r PenaltyRate, q money.Ratio, basis int, daily string, formula func(PenaltyRate, string) string) string {
	if s, ok := shortPercent(q); ok {
		return daily + " " + s
	}
	return formula(r, strconv.Itoa(basis))
}

// policyRate shows the policy's daily rate; under act/act it depends on the
// year, so it is always the formula with yearDays as the divisor.
func policyRate(r PenaltyRate, daily, yearDays string, formula func(PenaltyRate, string) string) string {
	d := newDailyRates(r)
	if d.byYear() {
		return formula(r, yearDays)
	}
	q, basis := d.at(money.NewDate(2001, time.January, 1))
	if r.Unit == Daily && r.Markup.IsZero() {
		return rateText(r, q, basis, daily, formula)
	}
	// Show how a converted or marked-up rate was derived, then its value
	// when that is short enough to read out.
	f := formula(r, strconv.Itoa(basis))
	if s, ok := shortPercent(q); ok {
		f += " = " + daily + " " + s
	}
	return f
}

// rateWords name the units of a rate in one language.
type rateWords struct{ daily, monthly, annual string }

// formulaText writes a daily rate as its derivation, such as
// "(annual rate 4.9% ÷ 360)" or "(年利率 4.9% × (1 + 50%) ÷ 360)".
func formulaText(r PenaltyRate, basis string, w rateWords) string {
	var b strings.Builder
	b.WriteString("(")
	switch r.Unit {
	case Daily:
		b.WriteString(w.daily + " " + r.Rate.Percent())
	case Monthly:
		b.WriteString(w.monthly + " " + r.Rate.Percent() + " × 12")
	default:
		b.WriteString(w.annual + " " + r.Rate.Percent())
	}
	if !r.Markup.IsZero() {
		b.WriteString(" × (1 + " + r.Markup.Percent() + ")")
	}
	if r.Unit != Daily {
		b.WriteString(" ÷ " + basis)
	}
	b.WriteString(")")
	return b.String()
}

// calendarRule names the policy's business-day rule and calendar in one
// language, for the rules line; "" when the calendar moves nothing.
func calendarRule(p Policy, rules [4]string, presets [4]string, own string) (rule, cal string) {
	// A Go-built statement may carry values no decoder would accept;
	// render must still not index out of range.
	if !p.moves() || int(p.Calendar.Preset) >= len(presets) || int(p.BusinessDay) >= len(rules) {
		return "", ""
	}
	cal = presets[p.Calendar.Preset]
	if len(p.Calendar.Holidays)+len(p.Calendar.Workdays) > 0 {
		cal += own
	}
	return rules[p.BusinessDay], cal
}

// boundWords phrase a late fee's minimum and maximum in one language.
type boundWords struct{ atLeast, atMost, open, sep, close string }

func minMaxText(f LateFee, r money.Rounding, w boundWords) string {
	var parts []string
	if f.Min.IsPositive() {
		parts = append(parts, w.atLeast+amt(f.Min, r))
	}
	if f.Max.IsPositive() {
		parts = append(parts, w.atMost+amt(f.Max, r))
	}
	if len(parts) == 0 {
		return ""
	}
	return w.open + strings.Join(parts, w.sep) + w.close
}
