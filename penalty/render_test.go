package penalty_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/internal/vectors"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// The tone SPEC §3 gives, for 1000 overdue from 2025-01-16 at 万分之五 a day
// until a payment on 2025-02-01: 1000 × 0.0005 × 16 = 8.00.
func TestChineseSegmentSentence(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-02-01","installments":[{"due_date":"2025-01-16","principal":"1000.00"}],
		"payments":[{"date":"2025-02-01","amount":"1008.00"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"}}}`)
	zh := s.Chinese()
	assert.Contains(t, zh, "  2025-01-16 至 2025-02-01 共16天：逾期本金 1000.00 × 日利率 0.05% × 16 = 8.00")
	// One segment: its total is said once, not "8.00 = 8.00".
	assert.Contains(t, zh, "  罚息合计 8.00；已还 8.00，减免 0.00，未还 0.00")
	// Read aloud: thousands separators and 元.
	assert.Contains(t, zh, "2025-02-01 还款 1,008.00 元：第1期 罚息 8.00 元、本金 1,000.00 元")
	assert.Contains(t, zh, "截至 2025-02-01，合计应还 0.00 元。")
	en := s.English()
	assert.Contains(t, en, "  2025-01-16 to 2025-02-01, 16 days: overdue principal 1000.00 × daily rate 0.05% × 16 = 8.00")
}

// 4.9 %/360 is 0.013611…% a day: not a short decimal, so the sentence
// shows the formula. 1000 × 0.049 × 16 / 360 = 2.1777… → 2.18.
func TestRateShownAsFormulaWhenNotShort(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-02-01","installments":[{"due_date":"2025-01-16","principal":"1000.00"}],
		"policy":{"penalty_rate":{"rate":"0.049"}}}`)
	assert.Contains(t, s.Chinese(), "  2025-01-16 至 2025-02-01 共16天：逾期本金 1000.00 × (年利率 4.9% ÷ 360) × 16 = 2.18")
	assert.Contains(t, s.English(), "  2025-01-16 to 2025-02-01, 16 days: overdue principal 1000.00 × (annual rate 4.9% ÷ 360) × 16 = 2.18")
	// In JSON the rate is a decimal rounded to 16 places: 0.049/360 = 0.000136111…
	b, err := json.Marshal(s.Explanation.Segments[0])
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rate":"0.0001361111111111"`)
}

// Every installment's sentence "罚息合计 X = a + b + …" must add up: the
// parts are the payable segments, X the statement's penalty_accrued.
func TestRenderedSumsAddUp(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-06-30","installments":[
		{"due_date":"2025-01-15","principal":"1000","interest":"50"},
		{"due_date":"2025-02-15","principal":"1000","interest":"45"}],
		"payments":[{"date":"2025-02-01","amount":"300"},{"date":"2025-03-20","amount":"500"}],
		"waivers":[{"date":"2025-04-01","component":"penalty","percent":"0.5"}],
		"policy":{"penalty_rate":{"rate":"0.049","markup":"0.5"},"base":"principal_and_interest","grace_days":3,
			"late_fee":{"kind":"percent","rate":"0.05","min":"10"}}}`)
	n := 0
	for _, line := range s.Chinese() {
		if !strings.HasPrefix(line, "  罚息合计 ") {
			continue
		}
		n++
		total, rest, _ := strings.Cut(strings.TrimPrefix(line, "  罚息合计 "), " = ")
		parts, _, _ := strings.Cut(rest, "；")
		sum := money.Amount{}
		for _, p := range strings.Split(parts, " + ") {
			sum = sum.Add(money.MustParse(p))
		}
		assert.True(t, sum.Equal(money.MustParse(total)), "%s", line)
	}
	assert.Equal(t, 2, n)
	zh := strings.Join(s.Chinese(), "\n")
	assert.Contains(t, zh, "(年利率 4.9% × (1 + 50%) ÷ 360)")
	assert.Contains(t, zh, "截至 2025-06-30，合计应还 "+s.Totals.Outstanding.Grouped()+" 元")
}

func TestContingentAndCappedWording(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-12","installments":[{"due_date":"2025-03-10","principal":"2000"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"grace_days":3,"cap":"0.0005"}}`)
	// 2000 × 0.0005 × 2 = 2.00, cut to the cap round(0.0005 × 2000) = 1.00.
	assert.Contains(t, s.Chinese(), "  2025-03-10 至 2025-03-12 共2天：逾期本金 2000.00 × 日利率 0.05% × 2 = 2.00，已达上限，计 1.00（宽限期内，期满前结清则免收）")
	assert.Contains(t, s.English(), "  2025-03-10 to 2025-03-12, 2 days: overdue principal 2000.00 × daily rate 0.05% × 2 = 2.00, cut to 1.00 by the cap (in grace: waived if paid in full before it ends)")
}

// The statement's JSON keys are SPEC §3's, in snake_case, and enums are
// names; it decodes back to an equal statement.
func TestStatementJSON(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-01",
		"installments":[{"due_date":"2025-01-15","principal":"1000.00","interest":"50.00"}],
		"payments":[{"date":"2025-02-01","amount":"300.00"}],
		"waivers":[{"date":"2025-02-20","component":"penalty","amount":"1"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"grace_days":3,"late_fee":{"kind":"percent","rate":"0.05","min":"10"}}}`)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"as_of", "installments", "days_past_due", "bucket", "totals", "unapplied", "explanation"} {
		assert.Contains(t, m, k)
	}
	inst := m["installments"].([]any)[0].(map[string]any)
	for _, k := range []string{"number", "due_date", "principal", "interest", "fee", "penalty", "late_fee", "penalty_accrued", "days_past_due"} {
		assert.Contains(t, inst, k)
	}
	x := m["explanation"].(map[string]any)
	seg := x["segments"].([]any)[0].(map[string]any)
	for _, k := range []string{"installment", "from", "to", "days", "base", "rate", "amount", "capped", "status"} {
		assert.Contains(t, seg, k)
	}
	assert.Equal(t, "payable", seg["status"])
	assert.Equal(t, "percent", x["late_fees"].([]any)[0].(map[string]any)["rule"].(map[string]any)["kind"])
	alloc := x["payments"].([]any)[0].(map[string]any)["allocations"].([]any)[0].(map[string]any)
	assert.Equal(t, "penalty", alloc["component"])

	var back penalty.Statement
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	// Decoding drops trailing zeros ("0.00" is read as 0), so compare
	// decimals by value.
	var v1, v2 any
	require.NoError(t, json.Unmarshal(b, &v1))
	require.NoError(t, json.Unmarshal(b2, &v2))
	assert.True(t, sameJSON(v1, v2), "%s\n%s", b, b2)
}

func sameJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !sameJSON(x[k], y[k]) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case string:
		y, ok := b.(string)
		if !ok {
			return false
		}
		dx, ex := money.Parse(x)
		dy, ey := money.Parse(y)
		if ex == nil && ey == nil {
			return dx.Equal(dy)
		}
		return x == y
	}
	return a == b
}

// The zero values of the enums are the SPEC defaults, and an Account
// round-trips through its JSON.
func TestAccountJSONDefaults(t *testing.T) {
	var a penalty.Account
	require.NoError(t, money.DecodeJSON([]byte(`{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-15","principal":"1"}],"policy":{}}`), &a))
	p := a.Policy
	assert.Equal(t, penalty.Annual, p.PenaltyRate.Unit)
	assert.Equal(t, money.Act360, p.PenaltyRate.DayCount)
	assert.Equal(t, penalty.Principal, p.Base)
	assert.Equal(t, penalty.Forgive, p.GraceMode)
	assert.Equal(t, penalty.NoLateFee, p.LateFee.Kind)
	assert.Equal(t, penalty.PerSegment, p.AccrualRounding)
	assert.Equal(t, penalty.ByInstallment, p.AllocationScope)
	assert.Nil(t, p.Cap)
	assert.Equal(t, 2, p.Rounding.Places())
	assert.Equal(t, money.HalfUp, p.Rounding.Mode())

	b, err := json.Marshal(a)
	require.NoError(t, err)
	var back penalty.Account
	require.NoError(t, money.DecodeJSON(b, &back), string(b))
	assert.Equal(t, a.AsOf, back.AsOf)
	assert.Equal(t, mustJSON(t, a), mustJSON(t, back))
}

// Card wording says 违约金 for the late fee; loan wording (the default)
// 滞纳金. A fixed fee is read aloud in 元, and "计收", not "收取".
func TestWordingLateFee(t *testing.T) {
	const acct = `{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-15","principal":"1000"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"late_fee":{"kind":"fixed","amount":"1050"}%s}}`
	loanS := accrue(t, strings.Replace(acct, "%s", "", 1))
	cardS := accrue(t, strings.Replace(acct, "%s", `,"wording":"card"`, 1))
	loanZH, cardZH := strings.Join(loanS.Chinese(), "\n"), strings.Join(cardS.Chinese(), "\n")
	assert.Contains(t, loanZH, "逾期计收滞纳金 1,050.00 元")
	assert.Contains(t, loanZH, "2025-01-16 计收滞纳金 1,050.00 元（固定金额）")
	assert.Contains(t, loanZH, "滞纳金合计 1050.00")
	assert.Contains(t, cardZH, "2025-01-16 计收违约金 1,050.00 元（固定金额）")
	assert.Contains(t, cardZH, "违约金 1,050.00 元。")
	assert.NotContains(t, cardZH, "滞纳金")
	for _, s := range []string{loanZH, cardZH} {
		assert.NotContains(t, s, "收取")
	}
	assert.Contains(t, loanS.English(), "  2025-01-16 a late fee of 1,050.00 was charged (a fixed fee)")
	// The totals read aloud: 1000 principal + 1000 × 0.0005 × 45 = 22.50
	// penalty + 1050 late fee = 2072.50, zero components left out.
	assert.Contains(t, loanS.Chinese(), "截至 2025-03-01，合计应还 2,072.50 元，其中本金 1,000.00 元、罚息 22.50 元、滞纳金 1,050.00 元。")
	assert.Contains(t, loanS.English(), "As of 2025-03-01 the total owed is 2,072.50: principal 1,000.00, penalty 22.50 and late fees 1,050.00.")
	_, err := penalty.Accrue(penalty.Account{AsOf: loanS.AsOf, Installments: []penalty.Installment{{DueDate: loanS.AsOf, Principal: money.MustParse("1")}},
		Policy: penalty.Policy{Wording: 7}})
	requireField(t, err, "policy.wording")
}

// A zero penalty rate says 不计罚息 and reads out no zero segments.
func TestWordingZeroRate(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-15","principal":"1000"}],
		"policy":{"late_fee":{"kind":"fixed","amount":"20"}}}`)
	zh := s.Chinese()
	assert.Equal(t, "不计罚息；逾期计收滞纳金 20.00 元。", zh[1])
	assert.NotContains(t, strings.Join(zh, "\n"), "罚息合计")
	assert.NotContains(t, strings.Join(zh, "\n"), "× 日利率")
	assert.Equal(t, "No penalty interest is charged; a late fee of 20.00 is charged on each installment paid late.", s.English()[1])
}

// Explain asks for the sentences; an unknown language is an error naming
// its place.
func TestAccrueExplain(t *testing.T) {
	a := penalty.Account{AsOf: money.MustParseDate("2025-02-01"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-01-16"), Principal: money.MustParse("1000")}}}
	s, err := penalty.Accrue(a)
	require.NoError(t, err)
	assert.Nil(t, s.Sentences)
	a.Explain = []penalty.Language{penalty.ZH, penalty.EN}
	s, err = penalty.Accrue(a)
	require.NoError(t, err)
	assert.Equal(t, s.Chinese(), s.Sentences.ZH)
	assert.Equal(t, s.English(), s.Sentences.EN)
	a.Explain = []penalty.Language{penalty.EN, "zh-CN"}
	_, err = penalty.Accrue(a)
	requireField(t, err, "explain[1]")
}

func requireField(t *testing.T, err error, field string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, money.ErrInvalid)
	var e *money.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, field, e.Field, "%v", err)
}

// FuzzExplainSentences decodes arbitrary accrual requests with every
// language asked for: the sentences must never panic, must be the ones
// Chinese and English render, and each must add up (checkSentence).
func FuzzExplainSentences(f *testing.F) {
	for _, in := range vectors.Inputs(f, "..", "accrual-*.json") {
		f.Add(in, true)
	}
	f.Add([]byte(`{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-15","principal":"1000"}],"policy":{"wording":"card","late_fee":{"kind":"fixed","amount":"20"}}}`), false)
	f.Fuzz(func(t *testing.T, data []byte, card bool) {
		var a penalty.Account
		if money.DecodeJSON(data, &a) != nil {
			return
		}
		a.Explain = []penalty.Language{penalty.ZH, penalty.EN}
		if card {
			a.Policy.Wording = penalty.CardWording
		}
		s, err := penalty.Accrue(a)
		if err != nil {
			require.ErrorIs(t, err, money.ErrInvalid)
			return
		}
		require.Equal(t, s.Chinese(), s.Sentences.ZH)
		require.Equal(t, s.English(), s.Sentences.EN)
		r := a.Policy.Rounding
		for _, line := range s.Sentences.ZH {
			_, err := checkSentence(line, r, zhPatterns)
			require.NoError(t, err, line)
		}
		for _, line := range s.Sentences.EN {
			_, err := checkSentence(line, r, enPatterns)
			require.NoError(t, err, line)
		}
	})
}

func FuzzCheckLanguages(f *testing.F) {
	f.Add("zh", "en")
	f.Add("zh", "zh")
	f.Add("", "EN")
	f.Fuzz(func(t *testing.T, x, y string) {
		err := penalty.CheckLanguages("explain", []penalty.Language{penalty.Language(x), penalty.Language(y)})
		ok := (x == "zh" || x == "en") && (y == "zh" || y == "en") && x != y
		require.Equal(t, ok, err == nil, "%q %q: %v", x, y, err)
		if err != nil {
			require.ErrorIs(t, err, money.ErrInvalid)
		}
	})
}
