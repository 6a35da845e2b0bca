package card_test

import (
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

const (
	num   = `(-?\d[\d,]*\.\d+)`    // amounts as sentences write them, thousands separators allowed
	bound = `(\d[\d,]*(?:\.\d+)?)` // a late fee's bound, as the policy gives it
)

// cardGrammar is how one language's card sentences are taken apart.
type cardGrammar struct {
	bill, segment, sum, sumOne, lateFee, payment, payPart, position, posPart *regexp.Regexp
}

func cardGrammars() map[string]cardGrammar {
	return map[string]cardGrammar{
		"zh": {
			bill: regexp.MustCompile(`^第\d+期账单（.*?）：上期账单金额 ` + num + ` 元，本期还款 ` + num + ` 元，消费 ` + num + ` 元，取现 ` + num +
				` 元，手续费 ` + num + ` 元，循环利息 ` + num + ` 元，本期应还金额 ` + num + ` 元`),
			segment:  regexp.MustCompile(`^\s*(\S+) 至 (\S+) 共(\d+)天：\S+ ` + num + ` × 日利率 ([\d.]+)% × (\d+) = ` + num + `$`),
			sum:      regexp.MustCompile(`^\s*本期循环利息 ([\d., +]+) = ` + num + `$`),
			sumOne:   regexp.MustCompile(`^\s*本期循环利息 ` + num + ` 元$`),
			lateFee:  regexp.MustCompile(`计收违约金 ` + num + ` 元：最低还款额未还部分 ` + num + ` × ([\d.]+)%(?:（(?:最低 ` + bound + `)?(?:，)?(?:最高 ` + bound + `)?）)?$`),
			payment:  regexp.MustCompile(`^\S+ 还款 ` + num + ` 元：(.*?)(?:；其中 ` + num + ` 元计入最低还款额)?。$`),
			payPart:  regexp.MustCompile(`(?:第\d+期\S+|溢缴款) ` + num + ` 元`),
			position: regexp.MustCompile(`^截至 \S+：欠款 ` + num + ` 元(?:（(.*?)）)?(?:，未出账利息 ` + num + ` 元)?(?:，溢缴款 ` + num + ` 元)?，今日全部结清需还 ` + num + ` 元`),
			posPart:  regexp.MustCompile(`(?:消费|取现|循环利息|手续费|违约金) ` + num + ` 元`),
		},
		"en": {
			bill: regexp.MustCompile(`^Statement \d+ \(.*?\): previous balance ` + num + `, payments ` + num + `, purchases ` + num + `, cash advances ` + num +
				`, fees ` + num + `, interest ` + num + `, new balance ` + num),
			segment:  regexp.MustCompile(`^\s*(\S+) to (\S+), (\d+) days: .+? ` + num + ` × daily rate ([\d.]+)% × (\d+) = ` + num + `$`),
			sum:      regexp.MustCompile(`^\s*Interest this statement: ([\d., +]+) = ` + num + `$`),
			sumOne:   regexp.MustCompile(`^\s*Interest this statement: ` + num + `$`),
			lateFee:  regexp.MustCompile(`a late fee of ` + num + ` was charged: unpaid minimum ` + num + ` × ([\d.]+)%(?: \((?:at least ` + bound + `)?(?:, )?(?:at most ` + bound + `)?\))?$`),
			payment:  regexp.MustCompile(`^\S+ payment of ` + num + `: (.*?)(?:; ` + num + ` of it counts toward minimum payments)?\.$`),
			payPart:  regexp.MustCompile(`(?:statement \d+ [a-z ]+?|credit balance) ` + num),
			position: regexp.MustCompile(`^As of \S+: owed ` + num + `(?: \((.*?)\))?(?:, interest accrued not yet billed ` + num + `)?(?:, credit balance ` + num + `)?, payoff today ` + num),
			posPart:  regexp.MustCompile(`(?:purchases|cash advances|interest|fees|late fees) ` + num),
		},
	}
}

func spoken(s string) *big.Rat {
	q, ok := new(big.Rat).SetString(strings.ReplaceAll(s, ",", ""))
	if !ok {
		panic("not a number: " + s)
	}
	return q
}

func opt(s string) *big.Rat {
	if s == "" {
		return new(big.Rat)
	}
	return spoken(s)
}

func sumOf(re *regexp.Regexp, text string) *big.Rat {
	var s big.Rat
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		s.Add(&s, spoken(m[1]))
	}
	return &s
}

// roundCents rounds half up to the cent, the accounts' default rounding:
// the test's own, not the library's.
func roundCents(x *big.Rat) *big.Rat {
	return money.FromRat(x, money.NewRounding(2, money.HalfUp)).Rat()
}

// Random card histories, every statement in both languages: each bill
// line's new balance is previous − payments + purchases + cash advances +
// fees + interest; each interest segment's base × rate × days rounds to
// its amount over the dates' days; the interest sum adds up (or, for one
// segment, is said once); a percent 违约金 is the rate of the unpaid
// minimum within its bounds; a payment is the sum of where it went; the
// position's balance is its components and the payoff is balance +
// accrued − credit. Nothing is taken from the data but the sentences.
func TestPropertyCardSentencesAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 7))
	checked := map[string]int{}
	n := 600
	if testing.Short() {
		n = 150
	}
	for i := range n {
		a := randomAccount(rng, history{cash: true, fees: true, payments: true})
		s, err := card.Compute(a)
		require.NoError(t, err, "account %d", i)
		for k := 1; k <= max(1, len(s.Statements)); k++ {
			for lang, g := range cardGrammars() {
				lines := s.English(k)
				if lang == "zh" {
					lines = s.Chinese(k)
				}
				for _, line := range lines {
					if kind := checkCardLine(t, g, line); kind != "" {
						checked[lang+" "+kind]++
					}
				}
			}
		}
	}
	t.Logf("checked: %v", checked)
	for _, k := range []string{"bill", "segment", "sum", "one segment", "late fee", "payment", "position"} {
		require.Positive(t, checked["zh "+k], "no Chinese %s sentence checked", k)
		require.Positive(t, checked["en "+k], "no English %s sentence checked", k)
	}
}

func checkCardLine(t *testing.T, g cardGrammar, line string) string {
	t.Helper()
	eq := func(want, got *big.Rat, what string) {
		t.Helper()
		require.Zero(t, want.Cmp(got), "%s: %s is %s, the sentence says %s", line, what, want.FloatString(2), got.FloatString(2))
	}
	if m := g.bill.FindStringSubmatch(line); m != nil {
		want := new(big.Rat).Sub(spoken(m[1]), spoken(m[2]))
		for _, x := range m[3:7] {
			want.Add(want, spoken(x))
		}
		eq(want, spoken(m[7]), "the new balance")
		return "bill"
	}
	if m := g.segment.FindStringSubmatch(line); m != nil {
		from, to := money.MustParseDate(m[1]), money.MustParseDate(m[2])
		require.Equal(t, m[3], big.NewInt(int64(to.Sub(from))).String(), line)
		require.Equal(t, m[3], m[6], line)
		x := new(big.Rat).Mul(spoken(m[4]), spoken(m[5]))
		x.Mul(x, spoken(m[6]))
		x.Quo(x, big.NewRat(100, 1))
		eq(roundCents(x), spoken(m[7]), "base × rate × days")
		return "segment"
	}
	if m := g.sum.FindStringSubmatch(line); m != nil {
		var s big.Rat
		for _, p := range strings.Split(m[1], " + ") {
			s.Add(&s, spoken(p))
		}
		eq(&s, spoken(m[2]), "the segments' sum")
		return "sum"
	}
	if g.sumOne.MatchString(line) {
		return "one segment"
	}
	if m := g.lateFee.FindStringSubmatch(line); m != nil {
		x := new(big.Rat).Mul(spoken(m[2]), spoken(m[3]))
		fee := roundCents(x.Quo(x, big.NewRat(100, 1)))
		if m[4] != "" && fee.Cmp(spoken(m[4])) < 0 {
			fee = spoken(m[4])
		}
		if m[5] != "" && fee.Cmp(spoken(m[5])) > 0 {
			fee = spoken(m[5])
		}
		eq(fee, spoken(m[1]), "the rate of the unpaid minimum within its bounds")
		return "late fee"
	}
	if m := g.payment.FindStringSubmatch(line); m != nil {
		eq(sumOf(g.payPart, m[2]), spoken(m[1]), "the allocations")
		return "payment"
	}
	if m := g.position.FindStringSubmatch(line); m != nil {
		total := spoken(m[1])
		eq(sumOf(g.posPart, m[2]), total, "the components")
		payoff := new(big.Rat).Add(total, opt(m[3]))
		payoff.Sub(payoff, opt(m[4]))
		if payoff.Sign() < 0 {
			payoff.SetInt64(0)
		}
		eq(payoff, spoken(m[5]), "balance + accrued − credit")
		return "position"
	}
	return ""
}

// Explain fills the sentences: the last statement and the position, in
// the languages asked; an unknown one is an error naming its place.
func TestCardExplain(t *testing.T) {
	a := card.Account{OpenDate: d("2025-01-05"), AsOf: d("2025-03-02"), Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Transactions: []card.Transaction{{Date: d("2025-01-10"), Kind: card.Purchase, Amount: amt("800.00")}},
		Policy:       card.Policy{Minimum: tenPercent()}, Explain: []penalty.Language{penalty.EN, penalty.ZH}}
	s := compute(t, a)
	require.Equal(t, s.Chinese(0), s.Sentences.ZH)
	require.Equal(t, s.English(0), s.Sentences.EN)
	a.Explain = nil
	require.Nil(t, compute(t, a).Sentences)
	a.Explain = []penalty.Language{penalty.ZH, penalty.ZH}
	_, err := card.Compute(a)
	require.ErrorIs(t, err, money.ErrInvalid)
	var e *money.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, "explain[1]", e.Field)
}
