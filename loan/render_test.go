package loan_test

import (
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

const num = `(-?\d[\d,]*\.\d+)` // amounts as sentences write them, thousands separators allowed

// loanGrammar is how one language's loan sentences are taken apart.
type loanGrammar struct {
	group, amountDue, remaining, payoff, piece, accrued, part *regexp.Regexp
	pastDue                                                   string // the group word for past due
}

func loanGrammars() map[string]loanGrammar {
	return map[string]loanGrammar{
		"zh": {
			group:     regexp.MustCompile(`^(已逾期|今日到期)：第\S+期，合计 ` + num + ` 元(?:，其中(.*))?。$`),
			amountDue: regexp.MustCompile(`^当前应还 ` + num + ` 元`),
			remaining: regexp.MustCompile(`^截至 \S+，按合同尚未偿还合计 ` + num + ` 元(?:，其中([^；。]*))?`),
			payoff:    regexp.MustCompile(`^今日（\S+）提前结清应还 ` + num + ` 元(?:，其中(.*?))?(?:，已扣除抵扣款 ` + num + ` 元)?。$`),
			piece:     regexp.MustCompile(`本金 ` + num + ` × 年利率 ([\d.]+)% × (\d+ / \d+|\([\d/ +]+\)) = ` + num),
			accrued:   regexp.MustCompile(`^\s*本期应计利息 = ([\d., +]+) = ` + num),
			part:      regexp.MustCompile(`(?:提前还款违约金|本金|利息|手续费|罚息|滞纳金|违约金) ` + num + ` 元`),
			pastDue:   "已逾期",
		},
		"en": {
			group:     regexp.MustCompile(`^(Past due|Due today): installments? .*?, ` + num + ` in all(?:: (.*))?\.$`),
			amountDue: regexp.MustCompile(`^Amount due now: ` + num + `;`),
			remaining: regexp.MustCompile(`^Left to pay under the contract as of \S+: ` + num + ` in all(?:: ([^;]*))?`),
			payoff:    regexp.MustCompile(`^To pay the loan off today \(\S+\): ` + num + `(?: — (.*?))?(?:, less a credit of ` + num + `)?\.$`),
			piece:     regexp.MustCompile(`principal ` + num + ` × ([\d.]+)% a year × (\d+ / \d+|\([\d/ +]+\)) = ` + num),
			accrued:   regexp.MustCompile(`^\s*Interest accrued = ([\d., +]+) = ` + num),
			part:      regexp.MustCompile(`(?:prepayment fee|principal|interest|fees|penalty|late fees) ` + num),
			pastDue:   "Past due",
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

func sumParts(re *regexp.Regexp, text string) *big.Rat {
	var s big.Rat
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		s.Add(&s, spoken(m[1]))
	}
	return &s
}

func same(t *testing.T, want money.Amount, got *big.Rat, line string) {
	t.Helper()
	require.Zero(t, want.Rat().Cmp(got), "%s: the data says %s", line, want)
}

// Random loans, some called in and some with a prepayment fee: in both
// languages every total read out is the sum of the components it names
// (zero ones left out), the payoff is that sum less the credit, each
// interest piece's "balance × rate × days / basis = amount" holds at the
// terms' rounding, an accrued-interest sum adds up, and each figure is
// the statement's own.
func TestPropertyLoanSentencesAddUp(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 11))
	checked := map[string]int{}
	for i := range cases(3000) {
		a, _ := randomAccount(r)
		if r.IntN(3) == 0 {
			days := 30 + r.IntN(60)
			a.Accelerate = &loan.Acceleration{AfterDays: &days}
		}
		if r.IntN(3) == 0 {
			p := money.NewRate(int64(r.IntN(30)), 3)
			a.PrepaymentFee = &loan.PrepaymentFee{Percent: &p}
		}
		if r.IntN(4) == 0 {
			a.Policy.Wording = penalty.CardWording
		}
		s, err := loan.Accrue(a)
		if err != nil {
			continue // an acceleration the ledger cannot take; validation is tested elsewhere
		}
		for lang, g := range loanGrammars() {
			lines := s.English()
			if lang == "zh" {
				lines = s.Chinese()
			}
			for _, line := range lines {
				kind := checkLoanLine(t, s, g, line)
				if kind != "" {
					checked[lang+" "+kind]++
				}
			}
			if lang == "zh" && a.Policy.Wording == penalty.CardWording {
				require.NotContains(t, strings.Join(lines, "\n"), "滞纳金", "ledger %d", i)
			}
		}
	}
	t.Logf("checked: %v", checked)
	for _, k := range []string{"group", "amount due", "remaining", "payoff", "piece", "accrued"} {
		require.Positive(t, checked["zh "+k], "no Chinese %s sentence checked", k)
		require.Positive(t, checked["en "+k], "no English %s sentence checked", k)
	}
}

func checkLoanLine(t *testing.T, s loan.Statement, g loanGrammar, line string) string {
	t.Helper()
	if m := g.group.FindStringSubmatch(line); m != nil {
		total := spoken(m[2])
		require.Zero(t, total.Cmp(sumParts(g.part, m[3])), "%s: the parts do not add up", line)
		if m[1] == g.pastDue {
			same(t, s.PastDue.Total, total, line)
		} else {
			same(t, s.AmountDue.Total.Sub(s.PastDue.Total), total, line)
		}
		return "group"
	}
	if m := g.amountDue.FindStringSubmatch(line); m != nil {
		same(t, s.AmountDue.Total, spoken(m[1]), line)
		return "amount due"
	}
	if m := g.remaining.FindStringSubmatch(line); m != nil {
		total := spoken(m[1])
		require.Zero(t, total.Cmp(sumParts(g.part, m[2])), "%s: the parts do not add up", line)
		same(t, s.Totals.Outstanding, total, line)
		return "remaining"
	}
	if m := g.payoff.FindStringSubmatch(line); m != nil {
		total, want := spoken(m[1]), sumParts(g.part, m[2])
		if m[3] != "" {
			want.Sub(want, spoken(m[3]))
		}
		if want.Sign() < 0 {
			want.SetInt64(0) // the payoff never goes below 0
		}
		require.Zero(t, total.Cmp(want), "%s: the parts less the credit are %s", line, want.FloatString(2))
		same(t, s.Payoff.Total, total, line)
		return "payoff"
	}
	if m := g.accrued.FindStringSubmatch(line); m != nil {
		var sum big.Rat
		for _, p := range strings.Split(m[1], " + ") {
			sum.Add(&sum, spoken(p))
		}
		require.Zero(t, sum.Cmp(spoken(m[2])), "%s", line)
		same(t, s.Explanation.Payoff.AccruedInterest, &sum, line)
		return "accrued"
	}
	if m := g.piece.FindStringSubmatch(line); m != nil {
		// The time is "days / basis" or, across 1 January under act/act,
		// "(d1/b1 + d2/b2)": a sum of fractions either way.
		frac := new(big.Rat)
		for _, f := range strings.Split(strings.Trim(m[3], "()"), " + ") {
			nd := strings.Split(strings.ReplaceAll(f, " ", ""), "/")
			require.Len(t, nd, 2, line)
			frac.Add(frac, new(big.Rat).Quo(spoken(nd[0]), spoken(nd[1])))
		}
		x := new(big.Rat).Mul(spoken(m[1]), spoken(m[2]))
		x.Mul(x, frac)
		x.Quo(x, big.NewRat(100, 1))
		// Half up to the cent: the terms' default rounding.
		want := money.FromRat(x, money.NewRounding(2, money.HalfUp))
		require.Zero(t, want.Rat().Cmp(spoken(m[4])), "%s: %s × %s%% × %s rounds to %s", line, m[1], m[2], m[3], want)
		if strings.HasPrefix(m[3], "(") {
			return "piece across years"
		}
		return "piece"
	}
	return ""
}

// The loan statement's own wording choices: 手续费 for installment fees,
// 计收 not 收取, amounts read aloud in 元, and the card wording's 违约金.
func TestLoanWording(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-03-25")
	a.Policy.LateFee = penalty.LateFee{Kind: penalty.FixedFee, Amount: money.MustParse("1000")}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	zh := strings.Join(s.Chinese(), "\n")
	require.NotContains(t, zh, "收取")
	require.NotContains(t, zh, "费用")
	require.Contains(t, zh, "计收滞纳金 1,000.00 元（固定金额）")
	a.Policy.Wording = penalty.CardWording
	s, err = loan.Accrue(a)
	require.NoError(t, err)
	zh = strings.Join(s.Chinese(), "\n")
	require.Contains(t, zh, "计收违约金 1,000.00 元（固定金额）")
	require.NotContains(t, zh, "滞纳金")
}

// Explain fills the statement's sentences, in the languages asked; an
// unknown one is an error naming its place.
func TestLoanExplain(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-03-25")
	a.Explain = []penalty.Language{penalty.ZH}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	require.Equal(t, s.Chinese(), s.Sentences.ZH)
	require.Nil(t, s.Sentences.EN)
	a.Explain = []penalty.Language{"ja"}
	_, err = loan.Accrue(a)
	require.ErrorIs(t, err, money.ErrInvalid)
	var e *money.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, "explain[0]", e.Field)
}
