package loan

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Chinese renders the statement as sentences an agent can read out: the
// penalty explanation (penalty's own wording), what acceleration made due and
// why, the split between past due and not yet due, and the payoff today
// with its accrued interest line by line.
func (s Statement) Chinese() []string {
	return render(s, newZH(s.Explanation.Policy.Wording), penalty.Statement.Chinese)
}

// English renders the statement as sentences, in English.
func (s Statement) English() []string { return render(s, en{}, penalty.Statement.English) }

// phrasebook is one language's sentences for what a loan statement adds; render
// decides what is said and in which order.
type phrasebook interface {
	remaining(s Statement) string
	acceleration(n AccelerationNote) string
	piece(p InterestPiece) string
	group(kind int, nums []int, o Owed) string // kind: pastDue, dueToday
	amountDue(s Statement) string
	notYetDue(nums []int, o Scheduled) string
	payoff(s Statement) string
	interest(s Statement) string
	accruedSum(n PayoffNote, parts []money.Amount) string
	noAccrual(s Statement) string
	fees(s Statement) string
	prepaymentFee(s Statement) string
	credit(s Statement) string
}

const (
	pastDue = iota
	dueToday
)

// render lays out: penalty's header and rules, the acceleration, then the
// rest of the penalty explanation, then the split by due date and the payoff.
func render(s Statement, ph phrasebook, base func(penalty.Statement) []string) []string {
	ps := s.Statement
	ps.Explanation = s.Explanation.Explanation
	lines := base(ps)
	// The penalty statement's totals line (its last) sums the whole remaining schedule,
	// interest not yet earned included; a loan's reader would take it for
	// what is owed, so it is restated as what the contract has left.
	if len(lines) > 0 {
		lines[len(lines)-1] = ph.remaining(s)
	}
	x := s.Explanation
	if x.Acceleration != nil && len(lines) >= 2 {
		lines = append(lines[:2], append([]string{ph.acceleration(*x.Acceleration)}, lines[2:]...)...)
	}
	if len(x.Split.PastDue) > 0 {
		lines = append(lines, ph.group(pastDue, x.Split.PastDue, s.PastDue))
	}
	if len(x.Split.DueToday) > 0 {
		lines = append(lines, ph.group(dueToday, x.Split.DueToday, s.AmountDue.minus(s.PastDue)))
	}
	lines = append(lines, ph.amountDue(s))
	if len(x.Split.NotYetDue) > 0 {
		lines = append(lines, ph.notYetDue(x.Split.NotYetDue, s.NotYetDue))
	}
	lines = append(lines, ph.payoff(s), "  "+ph.interest(s))
	var parts []money.Amount
	for _, p := range x.Payoff.Pieces {
		lines = append(lines, "    "+ph.piece(p))
		parts = append(parts, p.Amount)
	}
	if len(parts) > 0 {
		lines = append(lines, "    "+ph.accruedSum(x.Payoff, parts))
	} else {
		lines = append(lines, "    "+ph.noAccrual(s))
	}
	for _, l := range []string{ph.fees(s), ph.prepaymentFee(s), ph.credit(s)} {
		if l != "" {
			lines = append(lines, "  "+l)
		}
	}
	return lines
}

func (o Owed) minus(p Owed) Owed {
	return Owed{
		Principal: o.Principal.Sub(p.Principal), Interest: o.Interest.Sub(p.Interest), Fee: o.Fee.Sub(p.Fee),
		Penalty: o.Penalty.Sub(p.Penalty), LateFee: o.LateFee.Sub(p.LateFee), Total: o.Total.Sub(p.Total),
	}
}

// numbers writes installment numbers with runs of three or more as
// ranges: "3, 4, 6–12".
func numbers(ns []int, sep string) string {
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, strconv.Itoa(ns[i])+"–"+strconv.Itoa(ns[j]))
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(ns[k]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, sep)
}

// sumText writes parts as "a + b + c".
func sumText(parts []money.Amount) string {
	ss := make([]string, len(parts))
	for i, p := range parts {
		ss[i] = p.String()
	}
	return strings.Join(ss, " + ")
}

// addsUp reports whether the rounded pieces add up to the rounded total;
// when they do not (rounding each piece loses a cent), the sentence says
// the total is the exact sum rounded once.
func addsUp(parts []money.Amount, total money.Amount) bool {
	var s money.Amount
	for _, p := range parts {
		s = s.Add(p)
	}
	return s.Equal(total)
}

// yearFraction writes a piece's time as its sentence shows it: "× 81 /
// 360", the days over the piece's basis, when that reproduces its amount;
// else — an act/act piece across 1 January, whose days count over 366 in
// a leap year and 365 in the next — each calendar year's days over that
// year's length, "× (37/366 + 44/365)", as the amount was computed.
func yearFraction(p InterestPiece) string {
	single := fmt.Sprintf("× %d / %d", p.Days, p.Basis)
	if p.Basis <= 0 || !p.To.After(p.From) {
		return single
	}
	exact := new(big.Rat).Mul(p.Balance.Rat(), p.AnnualRate.Ratio().Rat())
	if rounds(new(big.Rat).Mul(exact, big.NewRat(int64(p.Days), p.Basis)), p.Amount) {
		return single
	}
	var parts []string
	frac := new(big.Rat)
	for from := p.From; from.Before(p.To); {
		next := money.NewDate(from.Year()+1, time.January, 1)
		if p.To.Before(next) {
			next = p.To
		}
		n, basis := next.Sub(from), 365
		if isLeap(from.Year()) {
			basis = 366
		}
		parts = append(parts, fmt.Sprintf("%d/%d", n, basis))
		frac.Add(frac, big.NewRat(int64(n), int64(basis)))
		from = next
	}
	if len(parts) < 2 || !rounds(exact.Mul(exact, frac), p.Amount) {
		return single
	}
	return "× (" + strings.Join(parts, " + ") + ")"
}

// rounds reports whether a is x rounded to a's places in some direction.
func rounds(x *big.Rat, a money.Amount) bool {
	unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(a.Places())), nil))
	d := new(big.Rat).Sub(x, a.Rat())
	return d.Abs(d).Cmp(unit) < 0
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
