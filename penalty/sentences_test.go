package penalty_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Random ledgers with whole-unit inputs reconcile to the cent, in data
// and in every sentence read out (issue 13 item 6): each segment's
// "base × rate × days = amount" (or "= d a day × days = amount") is
// recomputed here from the numbers in the sentence, exactly, with the
// policy's rounding; each sum line ("Penalty accrued T = a + b; paid P,
// waived W, unpaid U"), payment ("payment X: … a, b; u unapplied"),
// waiver and total line must add up. Nothing is taken from the
// statement's data but the rounding.
func TestSentencesAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(77, 78))
	n := 3000
	if testing.Short() {
		n = 400
	}
	checked := map[string]int{}
	for i := range n {
		a := randomAccount(rng)
		s, err := penalty.Accrue(a)
		require.NoError(t, err, "ledger %d", i)
		require.NoError(t, invariants(a, s), "ledger %d", i)
		r := a.Policy.Rounding
		for _, line := range s.English() {
			kind, err := checkSentence(line, r, enPatterns)
			require.NoError(t, err, "ledger %d: %q", i, line)
			checked["en "+kind]++
		}
		for _, line := range s.Chinese() {
			kind, err := checkSentence(line, r, zhPatterns)
			require.NoError(t, err, "ledger %d: %q", i, line)
			checked["zh "+kind]++
		}
	}
	t.Logf("sentences checked: %v", checked)
	for _, k := range []string{"segment", "daily segment", "penalty sum", "late fee sum", "payment", "waiver", "totals", "percent late fee"} {
		require.Positive(t, checked["en "+k], "no English %s sentence was checked", k)
		require.Positive(t, checked["zh "+k], "no Chinese %s sentence was checked", k)
	}
}

// sentencePatterns are one language's forms of the sentences that carry
// arithmetic.
type sentencePatterns struct {
	segment, daily, penaltySum, lateFeeSum, payment, waiver, totals, percentFee *regexp.Regexp
	// payment parts: a component and its amount; overpaid: the unapplied rest.
	part, overpaid, applied *regexp.Regexp
}

const num = `(\d[\d,]*(?:\.\d+)?)` // read-aloud amounts have thousands separators

var enPatterns = sentencePatterns{
	segment:    regexp.MustCompile(`^\s*(\S+) to (\S+), (\d+) days?: overdue principal(?: and interest)? ` + num + ` × (.+?) × (\d+) = ` + num),
	daily:      regexp.MustCompile(`^\s*(\S+) to (\S+), (\d+) days?: overdue principal(?: and interest)? ` + num + ` × (.+?) = ` + num + ` a day × (\d+) = ` + num),
	penaltySum: regexp.MustCompile(`^\s*Penalty accrued ` + num + `(?: = ([\d. +]+))?; paid ` + num + `, waived ` + num + `, unpaid ` + num + `$`),
	lateFeeSum: regexp.MustCompile(`^\s*Late fees charged ` + num + `; paid ` + num + `, waived ` + num + `, unpaid ` + num + `$`),
	payment:    regexp.MustCompile(`^\S+ payment of ` + num + `:(.*)$`),
	waiver:     regexp.MustCompile(`^\S+ waiver of .*: ` + num + ` waived(.*)$`),
	totals:     regexp.MustCompile(`^As of \S+ the total owed is ` + num + `(.*)$`),
	percentFee: regexp.MustCompile(`a late fee was charged: unpaid principal, interest and fees ` + num + ` × ([\d.]+)%(?: \((?:at least ` + num + `)?(?:, )?(?:at most ` + num + `)?\))? = ` + num),
	part:       regexp.MustCompile(`(?:penalty|late fees?|fees?|interest|principal) ` + num),
	overpaid:   regexp.MustCompile(num + ` overpaid`),
	applied:    regexp.MustCompile(`installment \d+ ` + num),
}

var zhPatterns = sentencePatterns{
	segment:    regexp.MustCompile(`^\s*(\S+) 至 (\S+) 共(\d+)天：逾期本[金息] ` + num + ` × (.+?) × (\d+) = ` + num),
	daily:      regexp.MustCompile(`^\s*(\S+) 至 (\S+) 共(\d+)天：逾期本[金息] ` + num + ` × (.+?) = ` + num + `/天 × (\d+) = ` + num),
	penaltySum: regexp.MustCompile(`^\s*罚息合计 ` + num + `(?: = ([\d. +]+))?；已还 ` + num + `，减免 ` + num + `，未还 ` + num + `$`),
	lateFeeSum: regexp.MustCompile(`^\s*(?:滞纳金|违约金)合计 ` + num + `；已还 ` + num + `，减免 ` + num + `，未还 ` + num + `$`),
	payment:    regexp.MustCompile(`^\S+ 还款 ` + num + `：(.*)$`),
	waiver:     regexp.MustCompile(`^\S+ 减免.*：实减 ` + num + `(.*)$`),
	totals:     regexp.MustCompile(`^截至 \S+，合计应还 ` + num + `(.*)$`),
	percentFee: regexp.MustCompile(`计收(?:滞纳金|违约金)：未还本息费 ` + num + ` × ([\d.]+)%(?:（(?:最低 ` + num + `)?(?:，)?(?:最高 ` + num + `)?）)? = ` + num),
	part:       regexp.MustCompile(`(?:罚息|滞纳金|违约金|手续费|费用|利息|本金) ` + num),
	overpaid:   regexp.MustCompile(`多付 ` + num),
	applied:    regexp.MustCompile(`第\d+期 ` + num),
}

// grouping matches a thousands separator between digits ("1,422").
var grouping = regexp.MustCompile(`(\d),(\d{3})`)

// normalize reads a sentence's amounts as plain decimals: thousands
// separators and the unit 元 are how they are read out, not part of the
// number.
func normalize(line string) string {
	for grouping.MatchString(line) {
		line = grouping.ReplaceAllString(line, "$1$2")
	}
	return strings.ReplaceAll(line, " 元", "")
}

// checkSentence checks the arithmetic of one sentence and says which kind
// it was ("" for a sentence with none: headers, rules, moves, fixed fees).
func checkSentence(line string, r money.Rounding, p sentencePatterns) (string, error) {
	line = normalize(line)
	if m := p.daily.FindStringSubmatch(line); m != nil {
		if err := checkDays(m[1], m[2], m[3]); err != nil {
			return "", err
		}
		base, perDay, days, total := rat(m[4]), rat(m[6]), rat(m[7]), rat(m[8])
		rate, err := rateOf(m[5])
		if err != nil {
			return "", err
		}
		if want := round(new(big.Rat).Mul(base, rate), r); want.Cmp(perDay) != 0 {
			return "", fmt.Errorf("a day: %s × %s rounds to %s, the sentence says %s", m[4], m[5], want.FloatString(r.Places()), m[6])
		}
		if want := new(big.Rat).Mul(perDay, days); want.Cmp(total) != 0 {
			return "", fmt.Errorf("%s × %s = %s, the sentence says %s", m[6], m[7], want.FloatString(r.Places()), m[8])
		}
		return "daily segment", nil
	}
	if m := p.segment.FindStringSubmatch(line); m != nil {
		if err := checkDays(m[1], m[2], m[3]); err != nil {
			return "", err
		}
		base, days, total := rat(m[4]), rat(m[6]), rat(m[7])
		rate, err := rateOf(m[5])
		if err != nil {
			return "", err
		}
		if want := round(new(big.Rat).Mul(new(big.Rat).Mul(base, rate), days), r); want.Cmp(total) != 0 {
			return "", fmt.Errorf("%s × %s × %s rounds to %s, the sentence says %s", m[4], m[5], m[6], want.FloatString(r.Places()), m[7])
		}
		return "segment", nil
	}
	if m := p.penaltySum.FindStringSubmatch(line); m != nil {
		sum := *rat(m[1]) // one segment: the total is said once
		if m[2] != "" {
			sum = big.Rat{}
			for _, part := range strings.Split(m[2], " + ") {
				sum.Add(&sum, rat(part))
			}
		}
		if err := equal(m[1], &sum, "the segments"); err != nil {
			return "", err
		}
		return "penalty sum", equal(m[1], sumOf(m[3], m[4], m[5]), "paid + waived + unpaid")
	}
	if m := p.lateFeeSum.FindStringSubmatch(line); m != nil {
		return "late fee sum", equal(m[1], sumOf(m[2], m[3], m[4]), "paid + waived + unpaid")
	}
	if m := p.payment.FindStringSubmatch(line); m != nil {
		var parts []string
		for _, x := range p.part.FindAllStringSubmatch(m[2], -1) {
			parts = append(parts, x[1])
		}
		for _, x := range p.overpaid.FindAllStringSubmatch(m[2], -1) {
			parts = append(parts, x[1])
		}
		return "payment", equal(m[1], sumOf(parts...), "the allocations and the unapplied rest")
	}
	if m := p.waiver.FindStringSubmatch(line); m != nil {
		var parts []string
		for _, x := range p.applied.FindAllStringSubmatch(m[2], -1) {
			parts = append(parts, x[1])
		}
		return "waiver", equal(m[1], sumOf(parts...), "the installments' shares")
	}
	if m := p.totals.FindStringSubmatch(line); m != nil {
		// The components said are the non-zero ones, up to the overpaid
		// rest (after "; " or "；"), which is not part of the total.
		rest := m[2]
		if i := strings.IndexAny(rest, ";；"); i >= 0 {
			rest = rest[:i]
		}
		var parts []string
		for _, x := range p.part.FindAllStringSubmatch(rest, -1) {
			parts = append(parts, x[1])
		}
		return "totals", equal(m[1], sumOf(parts...), "the components")
	}
	if m := p.percentFee.FindStringSubmatch(line); m != nil {
		fee := round(new(big.Rat).Mul(rat(m[1]), new(big.Rat).Quo(rat(m[2]), big.NewRat(100, 1))), r)
		if m[3] != "" && fee.Cmp(rat(m[3])) < 0 {
			fee = rat(m[3])
		}
		if m[4] != "" && fee.Cmp(rat(m[4])) > 0 {
			fee = rat(m[4])
		}
		return "percent late fee", equal(m[5], fee, "rate × unpaid within min and max")
	}
	if p.looksLikeSegment(line) {
		return "", fmt.Errorf("a segment sentence no pattern reads")
	}
	return "", nil
}

// looksLikeSegment spots a segment sentence ("… to …, 3 days: …", "… 至 …
// 共3天：…"), so none escapes the check unread.
func (p sentencePatterns) looksLikeSegment(line string) bool {
	return regexp.MustCompile(`^\s*\d{4}-\d{2}-\d{2} (to|至) \d{4}-\d{2}-\d{2}`).MatchString(line)
}

func rat(s string) *big.Rat {
	q, ok := new(big.Rat).SetString(strings.ReplaceAll(s, ",", ""))
	if !ok {
		panic("not a number: " + s)
	}
	return q
}

func sumOf(parts ...string) *big.Rat {
	var s big.Rat
	for _, p := range parts {
		s.Add(&s, rat(p))
	}
	return &s
}

func equal(shown string, want *big.Rat, what string) error {
	if rat(shown).Cmp(want) != 0 {
		return fmt.Errorf("%s is shown, but %s add up to %s", shown, what, want.FloatString(6))
	}
	return nil
}

// checkDays checks that a segment's day count is the days between its
// dates.
func checkDays(from, to, days string) error {
	f, t := money.MustParseDate(from), money.MustParseDate(to)
	if fmt.Sprint(t.Sub(f)) != days {
		return fmt.Errorf("%s to %s is %d days, the sentence says %s", from, to, t.Sub(f), days)
	}
	return nil
}

// percent reads "12.5%" as 0.125.
var percent = regexp.MustCompile(`([\d.]+)%`)

// rateOf evaluates a daily rate as the sentences write it: "daily rate
// 0.05%" or "日利率 0.05%", or a formula "(annual rate 18.25% × (1 + 50%)
// ÷ 360)", "(monthly rate 2% × 12 ÷ 365)", in either language.
func rateOf(text string) (*big.Rat, error) {
	ps := percent.FindAllStringSubmatch(text, -1)
	if len(ps) == 0 {
		return nil, fmt.Errorf("no rate in %q", text)
	}
	q := new(big.Rat).Quo(rat(ps[0][1]), big.NewRat(100, 1))
	if strings.Contains(text, "× 12") {
		q.Mul(q, big.NewRat(12, 1))
	}
	if strings.Contains(text, "(1 + ") {
		if len(ps) < 2 {
			return nil, fmt.Errorf("no markup in %q", text)
		}
		up := new(big.Rat).Quo(rat(ps[1][1]), big.NewRat(100, 1))
		q.Mul(q, up.Add(up, big.NewRat(1, 1)))
	}
	if i := strings.Index(text, "÷ "); i >= 0 {
		basis := strings.TrimRight(text[i+len("÷ "):], ")")
		q.Quo(q, rat(basis))
	}
	return q, nil
}

// round rounds x to r's places by r's mode, on big.Rat: the test's own
// rounding, not the library's.
func round(x *big.Rat, r money.Rounding) *big.Rat {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(r.Places())), nil)
	y := new(big.Rat).Mul(x, new(big.Rat).SetInt(scale))
	q, m := new(big.Int).QuoRem(y.Num(), y.Denom(), new(big.Int)) // truncated toward zero
	neg := y.Sign() < 0
	twice := new(big.Int).Mul(new(big.Int).Abs(m), big.NewInt(2))
	cmpHalf := twice.Cmp(y.Denom()) // −1 below half, 0 half, +1 above
	away := false
	if m.Sign() != 0 {
		switch r.Mode() {
		case money.HalfUp:
			away = cmpHalf >= 0
		case money.HalfEven:
			away = cmpHalf > 0 || (cmpHalf == 0 && q.Bit(0) == 1)
		case money.Down:
		case money.Up:
			away = true
		case money.Ceiling:
			away = !neg
		case money.Floor:
			away = neg
		}
	}
	if away {
		if neg {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return new(big.Rat).SetFrac(q, scale)
}
