package service

import (
	"encoding/json"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// POST /v1/{kind} with "explain" answers with the sentences, for each kind
// that has an explanation, and their total line says the result's figure:
// accrual's totals.outstanding, a loan's payoff.total, a card's payoff,
// the best offer's total_paid. An unknown language is a 400 naming
// explain[0].
func TestExplainOverHTTP(t *testing.T) {
	ts := newTestServer(t, Options{})
	done := map[string]bool{}
	for _, f := range vectorFiles(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var v vector
		require.NoError(t, json.Unmarshal(data, &v))
		marker := map[string]string{"accrual": "合计应还 ", "loan_statement": "提前结清应还 ", "card_statement": "今日全部结清需还 ", "offers": "建议："}[v.Kind]
		if marker == "" || done[v.Kind] || strings.Contains(string(v.Expect), `"error"`) {
			continue
		}
		var req map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(v.Input, &req))
		req["explain"] = json.RawMessage(`["zh","en"]`)
		body, err := json.Marshal(req)
		require.NoError(t, err)
		got := postJSON(t, ts, v.Kind, body)
		require.Equal(t, http.StatusOK, got.Status, "%s: %s", v.Kind, got.Body)
		var res struct {
			Sentences struct{ ZH, EN []string }
			Totals    struct{ Outstanding string }
			Payoff    json.RawMessage
			Offers    []struct {
				Fits      bool
				TotalPaid string `json:"total_paid"`
			}
		}
		require.NoError(t, json.Unmarshal(got.Body, &res))
		require.NotEmpty(t, res.Sentences.ZH, v.Kind)
		require.NotEmpty(t, res.Sentences.EN, v.Kind)
		var want string
		switch v.Kind {
		case "accrual":
			want = res.Totals.Outstanding
		case "loan_statement":
			var p struct{ Total string }
			require.NoError(t, json.Unmarshal(res.Payoff, &p))
			want = p.Total
		case "card_statement":
			require.NoError(t, json.Unmarshal(res.Payoff, &want))
		case "offers":
			if len(res.Offers) == 0 || !res.Offers[0].Fits {
				continue
			}
			want, marker = res.Offers[0].TotalPaid, "总还款 "
		}
		found := false
		for _, l := range res.Sentences.ZH {
			if _, rest, ok := strings.Cut(l, marker); ok {
				if v.Kind == "offers" && !strings.HasPrefix(l, "建议：") {
					continue
				}
				fig := leadingNumber.FindString(rest)
				require.True(t, money.MustParse(strings.ReplaceAll(fig, ",", "")).Equal(money.MustParse(want)), "%s: %q, want %s", v.Kind, l, want)
				found = true
				break
			}
		}
		require.True(t, found, "%s: no line with %q in %q", v.Kind, marker, res.Sentences.ZH)
		done[v.Kind] = true

		req["explain"] = json.RawMessage(`["fr"]`)
		body, err = json.Marshal(req)
		require.NoError(t, err)
		e := decodeError(t, postJSON(t, ts, v.Kind, body), http.StatusBadRequest)
		require.Equal(t, "explain[0]", e.Field)
	}
	require.Len(t, done, 4, "one vector of each kind answered: %v", done)
}

// leadingNumber is an amount at the start of a text, thousands separators
// allowed.
var leadingNumber = regexp.MustCompile(`^-?[0-9][0-9,]*(\.[0-9]+)?`)
