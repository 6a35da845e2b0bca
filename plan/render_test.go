package plan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

const num = `(-?[0-9][0-9,]*(?:\.[0-9]+)?)`

// spoken reads an amount as the sentences write it, with thousands
// separators.
func spoken(t testing.TB, s string) money.Amount {
	t.Helper()
	a, err := money.Parse(strings.ReplaceAll(s, ",", ""))
	require.NoError(t, err, s)
	return a
}

// offerGrammar is how one language's sentences can be taken apart.
type offerGrammar struct {
	lang                     penalty.Language
	summary, fitCount, noFit *regexp.Regexp
	note, rejected           *regexp.Regexp
	paid, cost, waived, apr  *regexp.Regexp
	overBudget               *regexp.Regexp
	rankPrefix               func(k int) string
	advice                   *regexp.Regexp // groups: paid, total, word, diff (in that order, by name)
	adviceLess, adviceSame   string
	approx                   string
}

func grammars() []offerGrammar {
	return []offerGrammar{{
		lang:       penalty.ZH,
		summary:    regexp.MustCompile(`^客户每月可还 ` + num + ` 元，目前共欠 ` + num + ` 元`),
		fitCount:   regexp.MustCompile(`符合条件的有 (\d+) 个`),
		noFit:      regexp.MustCompile(`没有一个符合条件`),
		note:       regexp.MustCompile(`欠款本金 ` + num + ` 元`),
		rejected:   regexp.MustCompile(`^不可行：`),
		paid:       regexp.MustCompile(`总还款 ` + num + ` 元`),
		cost:       regexp.MustCompile(`总成本 ` + num + ` 元`),
		waived:     regexp.MustCompile(`减免 ` + num + ` 元`),
		apr:        regexp.MustCompile(`年化利率(约)? ([0-9.]+)%`),
		overBudget: regexp.MustCompile(`超出客户的还款能力（` + num + ` 元 > ` + num + ` 元）`),
		rankPrefix: func(k int) string { return "第" + strconv.Itoa(k) + "名：" },
		advice:     regexp.MustCompile(`^建议：.*总还款 (?P<paid>` + num[1:len(num)-1] + `) 元，比目前全部欠款 (?P<total>` + num[1:len(num)-1] + `) 元(?P<word>少付|多付|相同)(?: (?P<diff>` + num[1:len(num)-1] + `) 元)?`),
		adviceLess: "少付", adviceSame: "相同", approx: "约",
	}, {
		lang:       penalty.EN,
		summary:    regexp.MustCompile(`^The customer can pay ` + num + ` a month and owes ` + num + ` in all`),
		fitCount:   regexp.MustCompile(`(?:All )?(\d+) (?:of the \d+ )?plans? fits?, cheapest first`),
		noFit:      regexp.MustCompile(`None of the \d+ plans fits`),
		note:       regexp.MustCompile(`less the ` + num + ` of principal owed`),
		rejected:   regexp.MustCompile(`^Does not fit: `),
		paid:       regexp.MustCompile(`— ` + num + ` in all`),
		cost:       regexp.MustCompile(`total cost ` + num),
		waived:     regexp.MustCompile(num + ` waived`),
		apr:        regexp.MustCompile(`APR (about )?([0-9.]+)%`),
		overBudget: regexp.MustCompile(`more than the customer can pay \(` + num + ` > ` + num + `\)`),
		rankPrefix: func(k int) string { return strconv.Itoa(k) + ". " },
		advice:     regexp.MustCompile(`^Advice: .*, (?P<paid>` + num[1:len(num)-1] + `) in all: (?:(?P<diff>` + num[1:len(num)-1] + `) )?(?P<word>less|more|the same as) (?:than )?the (?P<total>` + num[1:len(num)-1] + `) owed today`),
		adviceLess: "less", adviceSame: "the same as", approx: "about ",
	}}
}

// checkWording takes every sentence of set's wording apart and checks
// each figure is the data's and each relation holds in the figures the
// sentence itself says: total paid − principal = total cost, the advice's
// difference is what is owed less what is paid, an over-budget payment is
// above the affordable one.
func checkWording(t testing.TB, set OfferSet) {
	t.Helper()
	for _, g := range grammars() {
		w := set.Wording(g.lang)
		lines := w.Lines()
		require.Equal(t, 2+len(set.Offers)+1, len(lines))
		require.Equal(t, 1+len(set.Offers), len(w.Table))
		m := g.summary.FindStringSubmatch(w.Summary)
		require.NotNil(t, m, w.Summary)
		require.True(t, spoken(t, m[1]).Equal(set.AffordablePayment), w.Summary)
		require.True(t, spoken(t, m[2]).Equal(set.TotalOutstanding), w.Summary)
		fits := 0
		for _, o := range set.Offers {
			if o.Fits {
				fits++
			}
		}
		if fits == 0 {
			require.Regexp(t, g.noFit, w.Summary)
		} else {
			m := g.fitCount.FindStringSubmatch(w.Summary)
			require.NotNil(t, m, w.Summary)
			require.Equal(t, strconv.Itoa(fits), m[1], w.Summary)
		}
		m = g.note.FindStringSubmatch(w.Note)
		require.NotNil(t, m, w.Note)
		principal := spoken(t, m[1])
		require.True(t, principal.Equal(set.Outstanding.Principal.Round(money.NewRounding(principal.Places(), money.HalfUp))), w.Note)

		for i, o := range set.Offers {
			line := w.Offers[i]
			if !o.Fits {
				require.Regexp(t, g.rejected, line)
				if contains(o.Reasons, OverAffordable) {
					m := g.overBudget.FindStringSubmatch(line)
					require.NotNil(t, m, line)
					require.True(t, spoken(t, m[1]).Cmp(spoken(t, m[2])) > 0, line)
					require.True(t, spoken(t, m[2]).Equal(set.AffordablePayment), line)
				}
				continue
			}
			require.True(t, strings.HasPrefix(line, g.rankPrefix(o.Rank)), "%q is not rank %d", line, o.Rank)
			paid := spoken(t, g.paid.FindStringSubmatch(line)[1])
			cost := spoken(t, g.cost.FindStringSubmatch(line)[1])
			require.True(t, paid.Equal(o.TotalPaid), line)
			require.True(t, cost.Equal(o.TotalCost), line)
			require.True(t, paid.Sub(principal).Equal(cost), "%s: %s − %s ≠ %s", line, paid, principal, cost)
			if m := g.waived.FindStringSubmatch(line); m != nil {
				require.True(t, spoken(t, m[1]).Equal(o.Waived.Total), line)
			} else {
				require.False(t, waived(o).IsPositive(), line)
			}
			m := g.apr.FindStringSubmatch(line)
			require.Equal(t, o.APR != nil, m != nil, line)
			if m != nil {
				shown := money.MustParse(m[2])
				pct := o.APR.Ratio().MulInt(100)
				if m[1] == "" {
					require.Equal(t, 0, shown.Rat().Cmp(pct.Rat()), line)
				} else {
					require.True(t, shown.Equal(money.RoundRatio(pct, money.NewRounding(2, money.HalfUp))), line)
					require.NotEqual(t, 0, shown.Rat().Cmp(pct.Rat()), "%s: says about but is exact", line)
				}
			}
		}

		if fits == 0 {
			require.NotRegexp(t, g.advice, w.Advice)
			continue
		}
		m = g.advice.FindStringSubmatch(w.Advice)
		require.NotNil(t, m, w.Advice)
		get := func(name string) string { return m[g.advice.SubexpIndex(name)] }
		paid, total := spoken(t, get("paid")), spoken(t, get("total"))
		require.True(t, paid.Equal(set.Offers[0].TotalPaid), w.Advice)
		require.True(t, total.Equal(set.TotalOutstanding), w.Advice)
		switch get("word") {
		case g.adviceSame:
			require.True(t, paid.Equal(total), w.Advice)
		case g.adviceLess:
			require.True(t, total.Sub(paid).Equal(spoken(t, get("diff"))), w.Advice)
		default:
			require.True(t, paid.Sub(total).Equal(spoken(t, get("diff"))), w.Advice)
		}
	}
}

// Property: over random offer sets, every sentence of both languages says
// the data's figures and adds up.
func TestPropertyOfferWording(t *testing.T) {
	g := newGen(11)
	n := 0
	for range 400 {
		set, err := Offers(randomOffers(g))
		if err != nil {
			continue
		}
		n++
		checkWording(t, set)
	}
	require.Greater(t, n, 100)
}

// The negotiated account (22800 owed, 20000 principal; penalty 800 and
// late fee 200), 1500 a month, APR cap 24 %. 停息挂账 over 24 months waives
// penalty and late fee: 22800 − 800 − 200 = 21800 at 0 %, round(21800/24)
// = 908.33 a month, the last 21800 − 23 × 908.33 = 908.41; it costs 21800 −
// 20000 = 1800 and pays 22800 − 21800 = 1000 less than is owed.
func TestOfferWordingNegotiated(t *testing.T) {
	set, err := Offers(account())
	require.NoError(t, err)
	checkWording(t, set)
	zh, en := set.Chinese(), set.English()
	require.Equal(t, "客户每月可还 1,500.00 元，目前共欠 22,800.00 元；方案年化利率不超过 24%，最长 60 期。共 15 个方案，符合条件的有 6 个，按总成本从低到高排列。", zh[0])
	require.Contains(t, zh, "第1名：停息挂账，每月最多还 908.41 元，共 24 期，总还款 21,800.00 元，减免 1,000.00 元，总成本 1,800.00 元，年化利率 0%。")
	require.Equal(t, "建议：停息挂账 24 期，每月最多还 908.41 元，共 24 期，总还款 21,800.00 元，比目前全部欠款 22,800.00 元少付 1,000.00 元。", zh[len(zh)-1])
	require.Contains(t, en, "1. Interest frozen: at most 908.41 a month over 24 months — 21,800.00 in all, 1,000.00 waived; total cost 1,800.00, APR 0%.")
	require.Equal(t, "Advice: Interest frozen ×24 — at most 908.41 a month over 24 months, 21,800.00 in all: 1,000.00 less than the 22,800.00 owed today.", en[len(en)-1])
	// The settlement forgives all penalty and late fee and half the
	// interest: 800 + 200 + 750 = 1750 off 22800, so 21050.00 today, above
	// 1500.
	require.Contains(t, zh, "不可行：一次性结清，今天（2025-06-15）一次还清 21,050.00 元，超出客户的还款能力（21,050.00 元 > 1,500.00 元）。")
	require.Equal(t, []string{"排名", "方案", "月供", "期数", "总成本", "年化利率", "结论"}, set.Wording(penalty.ZH).Table[0])
	require.Equal(t, []string{"1", "停息挂账 24 期", "908.41", "24", "1,800.00", "0.00%", "✓ 可行"}, set.Wording(penalty.ZH).Table[1])
}

// When nothing fits the advice says so, in both languages, and the
// summary says none fits.
func TestOfferWordingNothingFits(t *testing.T) {
	r := account()
	r.AffordablePayment = amt("1")
	set, err := Offers(r)
	require.NoError(t, err)
	checkWording(t, set)
	require.Contains(t, set.Chinese()[0], "没有一个符合条件")
	require.True(t, strings.HasPrefix(set.English()[len(set.English())-1], "Advice: no plan"))
}

// Offers fills Sentences only when asked, in the languages asked.
func TestOffersExplain(t *testing.T) {
	r := account()
	set, err := Offers(r)
	require.NoError(t, err)
	require.Nil(t, set.Sentences)
	r.Explain = []penalty.Language{penalty.EN}
	set, err = Offers(r)
	require.NoError(t, err)
	require.Equal(t, set.English(), set.Sentences.EN)
	require.Nil(t, set.Sentences.ZH)
	r.Explain = []penalty.Language{"de"}
	_, err = Offers(r)
	requireFieldError(t, err, "explain[0]")
}

// FuzzOfferWording decodes arbitrary offers requests: whatever set Offers
// returns, its wording in both languages must never panic and must say
// the data's figures (checkWording).
func FuzzOfferWording(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "vectors", "offers-*.json"))
	require.NoError(f, err)
	for _, file := range files {
		b, err := os.ReadFile(file)
		require.NoError(f, err)
		var v struct {
			Input json.RawMessage `json:"input"`
		}
		require.NoError(f, json.Unmarshal(b, &v))
		f.Add([]byte(v.Input))
	}
	f.Add([]byte(`{"outstanding":{"principal":"1000","penalty":"30"},"affordable_payment":"1","explain":["zh","en"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r OfferRequest
		if money.DecodeJSON(data, &r) != nil {
			return
		}
		set, err := Offers(r)
		if err != nil {
			requireInvalid(t, err)
			return
		}
		checkWording(t, set)
	})
}

// BenchmarkOfferWording renders the negotiated account's 15 offers in
// both languages.
func BenchmarkOfferWording(b *testing.B) {
	set, err := Offers(account())
	require.NoError(b, err)
	for b.Loop() {
		_ = set.Chinese()
		_ = set.English()
	}
}

// BenchmarkOfferWordingFloat64 is the float64 baseline: the same figures
// of the same 15 offers, held as float64, written into sentences of the
// same shape with strconv and thousands separators.
func BenchmarkOfferWordingFloat64(b *testing.B) {
	set, err := Offers(account())
	require.NoError(b, err)
	type row struct{ paid, cost, largest, apr float64 }
	rows := make([]row, len(set.Offers))
	for i, o := range set.Offers {
		f := func(a money.Amount) float64 { x, _ := a.Rat().Float64(); return x }
		rows[i] = row{f(o.TotalPaid), f(o.TotalCost), f(o.LargestPayment), 0}
		if o.APR != nil {
			rows[i].apr, _ = o.APR.Ratio().Rat().Float64()
		}
	}
	group := func(x float64) string {
		s := strconv.FormatFloat(x, 'f', 2, 64)
		whole, frac, _ := strings.Cut(s, ".")
		var sb strings.Builder
		for i := range len(whole) {
			if i > 0 && (len(whole)-i)%3 == 0 {
				sb.WriteByte(',')
			}
			sb.WriteByte(whole[i])
		}
		return sb.String() + "." + frac
	}
	for b.Loop() {
		for _, lang := range []string{"zh", "en"} {
			out := make([]string, 0, len(rows))
			for k, r := range rows {
				out = append(out, lang+strconv.Itoa(k)+"：每月最多还 "+group(r.largest)+" 元，总还款 "+group(r.paid)+" 元，总成本 "+
					group(r.cost)+" 元，年化利率 "+strconv.FormatFloat(r.apr*100, 'f', 2, 64)+"%。")
			}
			_ = out
		}
	}
}
