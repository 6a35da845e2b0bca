package repayplan_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/money"
)

// explained is the part of a result the explanation test reads.
type explained struct {
	Sentences *struct {
		ZH []string `json:"zh"`
		EN []string `json:"en"`
	} `json:"sentences"`
	Totals struct {
		Outstanding string `json:"outstanding"`
	} `json:"totals"`
	Payoff json.RawMessage `json:"payoff"` // loan: {"total"}; card: an amount
	Offers []struct {
		Rank      int    `json:"rank"`
		Fits      bool   `json:"fits"`
		TotalPaid string `json:"total_paid"`
	} `json:"offers"`
}

// figure is the amount that pattern's one group captures in the first
// line matching it, its thousands separators removed.
func figure(t *testing.T, lines []string, pattern string) money.Amount {
	t.Helper()
	re := regexp.MustCompile(pattern)
	for _, l := range lines {
		if m := re.FindStringSubmatch(l); m != nil {
			return money.MustParse(strings.ReplaceAll(m[1], ",", ""))
		}
	}
	t.Fatalf("no line matches %q in\n%s", pattern, strings.Join(lines, "\n"))
	return money.Amount{}
}

const num = `(-?[0-9][0-9,]*(?:\.[0-9]+)?)`

// The four kinds with an explanation, through Do, over every conformance
// vector of the kind that is not an error: with "explain": ["zh", "en"]
// the result carries both languages' sentences and their total line says
// the result's own figure (totals.outstanding, payoff.total, payoff, each
// fitting offer's total_paid); without it the result is byte for byte what
// it was, with no "sentences" key.
func TestDoExplainEveryKind(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.json"))
	require.NoError(t, err)
	seen := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var v vector
		require.NoError(t, json.Unmarshal(data, &v))
		switch v.Kind {
		case "accrual", "loan_statement", "card_statement", "offers":
		default:
			continue
		}
		var exp map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(v.Expect, &exp))
		if _, bad := exp["error"]; bad {
			continue
		}
		seen[v.Kind]++
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			checkExplained(t, v.Kind, v.Input)
		})
	}
	for _, k := range []string{"accrual", "loan_statement", "card_statement", "offers"} {
		require.Positive(t, seen[k], "no vector of kind %s", k)
	}
}

func checkExplained(t *testing.T, kind string, input json.RawMessage) {
	plain, err := repayplan.Do(kind, input)
	require.NoError(t, err)
	plainJSON, err := json.Marshal(plain)
	require.NoError(t, err)
	require.NotContains(t, string(plainJSON), `"sentences"`)

	var req map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(input, &req))
	req["explain"] = json.RawMessage(`["zh","en"]`)
	asked, err := json.Marshal(req)
	require.NoError(t, err)
	res, err := repayplan.Do(kind, asked)
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var withSentences map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &withSentences))
	delete(withSentences, "sentences")
	var without map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(plainJSON, &without))
	require.Equal(t, without, withSentences, "explain changes nothing but the sentences")

	var x explained
	require.NoError(t, json.Unmarshal(b, &x))
	require.NotNil(t, x.Sentences)
	zh, en := x.Sentences.ZH, x.Sentences.EN
	require.NotEmpty(t, zh)
	require.NotEmpty(t, en)
	same := func(want string, got money.Amount) {
		t.Helper()
		require.True(t, money.MustParse(want).Equal(got), "want %s, the sentences say %s", want, got)
	}
	switch kind {
	case "accrual":
		same(x.Totals.Outstanding, figure(t, zh, `合计应还 `+num))
		same(x.Totals.Outstanding, figure(t, en, `^As of \S+ the total owed is `+num))
	case "loan_statement":
		var p struct {
			Total string `json:"total"`
		}
		require.NoError(t, json.Unmarshal(x.Payoff, &p))
		same(p.Total, figure(t, zh, `提前结清应还 `+num))
		same(p.Total, figure(t, en, `To pay the loan off today \(\S+\): `+num))
	case "card_statement":
		var p string
		require.NoError(t, json.Unmarshal(x.Payoff, &p))
		same(p, figure(t, zh, `今日全部结清需还 `+num))
		same(p, figure(t, en, `payoff today `+num))
	case "offers":
		for _, o := range x.Offers {
			if !o.Fits {
				continue
			}
			same(o.TotalPaid, figure(t, zh, `^第`+strconv.Itoa(o.Rank)+`名：.*总还款 `+num))
			same(o.TotalPaid, figure(t, en, `^`+strconv.Itoa(o.Rank)+`\. .* — `+num+` in all`))
		}
		if len(x.Offers) > 0 && x.Offers[0].Fits {
			same(x.Offers[0].TotalPaid, figure(t, zh, `^建议：.*总还款 `+num))
			same(x.Offers[0].TotalPaid, figure(t, en, `^Advice: .*, `+num+` in all:`))
		}
	}
}

// An unknown or repeated language is an error naming its place in the
// list, for every kind with an explanation; an empty list asks for none.
func TestDoExplainBadLanguage(t *testing.T) {
	inputs := map[string]string{}
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.json"))
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var v vector
		require.NoError(t, json.Unmarshal(data, &v))
		if _, ok := inputs[v.Kind]; ok || strings.Contains(string(v.Expect), `"error"`) {
			continue
		}
		inputs[v.Kind] = string(v.Input)
	}
	for _, kind := range []string{"accrual", "loan_statement", "card_statement", "offers"} {
		in := inputs[kind]
		require.NotEmpty(t, in, kind)
		with := func(list string) []byte {
			var req map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(in), &req))
			req["explain"] = json.RawMessage(list)
			b, err := json.Marshal(req)
			require.NoError(t, err)
			return b
		}
		for list, field := range map[string]string{`["fr"]`: "explain[0]", `["en","EN"]`: "explain[1]", `["zh","zh"]`: "explain[1]"} {
			_, err := repayplan.Do(kind, with(list))
			require.Error(t, err, "%s %s", kind, list)
			require.True(t, errors.Is(err, money.ErrInvalid), "%v", err)
			require.Contains(t, err.Error(), field, "%s %s", kind, list)
		}
		res, err := repayplan.Do(kind, with(`[]`))
		require.NoError(t, err)
		b, err := json.Marshal(res)
		require.NoError(t, err)
		require.NotContains(t, string(b), `"sentences"`)
		res, err = repayplan.Do(kind, with(`["en"]`))
		require.NoError(t, err)
		b, err = json.Marshal(res)
		require.NoError(t, err)
		require.Contains(t, string(b), `"sentences":{"en":[`)
	}
}
