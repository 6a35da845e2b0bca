package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
)

// vector is a conformance vector of the library (SPEC §6): its expected
// figures come from an independent reference.
type vector struct {
	Name   string          `json:"name"`
	Kind   string          `json:"kind"`
	Input  json.RawMessage `json:"input"`
	Expect map[string]any  `json:"expect"`
}

func kindVectors(t *testing.T, kind string) []vector {
	files, err := filepath.Glob("../../testdata/vectors/*.json")
	require.NoError(t, err)
	var out []vector
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var v vector
		require.NoError(t, json.Unmarshal(b, &v), f)
		if _, bad := v.Expect["error"]; v.Kind == kind && !bad {
			out = append(out, v)
		}
	}
	require.NotEmpty(t, out, kind)
	return out
}

func expectAmount(t *testing.T, m map[string]any, key string) money.Amount {
	s, ok := m[key].(string)
	require.True(t, ok, "%s in %v", key, m)
	return money.MustParse(s)
}

// A book mixing the three kinds of line: generated ledgers, every loan
// and card vector in its envelope, and two bad envelopes. Each loan and
// card statement is the engine's own (loan.Accrue, card.Compute on the
// vector's request), and the bucket table adds, for them, the vector's
// expected bucket and payoff (loans: payoff principal, penalty, late fee
// and total; cards: purchases + cash advances, the late fees, the payoff),
// so the table is checked against the independent reference.
func TestPipelineMixedKinds(t *testing.T) {
	var buf bytes.Buffer
	_, err := writeDemoBook(context.Background(), &buf, 300, 0, 8, demoAsOf)
	require.NoError(t, err)
	content := buf.String()
	w := accrueAll(t, "", content, money.Date{}) // the ledgers, lines 1–300
	next := int64(301)
	type extra struct {
		line int64
		text string
		stmt any
		kind string
	}
	var extras []extra
	add := func(kind string, input []byte, stmt any) {
		var one bytes.Buffer // a line of the book is one line
		require.NoError(t, json.Compact(&one, input))
		text := `{"kind":"` + kind + `","account":` + one.String() + `}`
		extras = append(extras, extra{next, text, stmt, kind})
		buf.WriteString(text + "\n")
		next++
	}
	for _, v := range kindVectors(t, "loan_statement") {
		var a loan.Account
		require.NoError(t, money.DecodeJSON(v.Input, &a), v.Name)
		s, err := loan.Accrue(a)
		require.NoError(t, err, v.Name)
		add(v.Kind, v.Input, s)
		p := v.Expect["payoff"].(map[string]any)
		i := book.BucketIndex(v.Expect["bucket"].(string))
		require.GreaterOrEqual(t, i, 0, v.Name)
		w.buckets[i] = w.buckets[i].Plus(book.BucketTotals{Accounts: 1, Principal: expectAmount(t, p, "principal"),
			Penalty: expectAmount(t, p, "penalty"), LateFee: expectAmount(t, p, "late_fee"), Outstanding: expectAmount(t, p, "total")})
	}
	for _, v := range kindVectors(t, "card_statement") {
		var a card.Account
		require.NoError(t, money.DecodeJSON(v.Input, &a), v.Name)
		s, err := card.Compute(a)
		require.NoError(t, err, v.Name)
		add(v.Kind, v.Input, s)
		b := v.Expect["balance"].(map[string]any)
		i := book.BucketIndex(v.Expect["bucket"].(string))
		require.GreaterOrEqual(t, i, 0, v.Name)
		lateFees := s.Balance.LateFees // vectors written before late_fees was split out do not say
		if _, ok := b["late_fees"]; ok {
			lateFees = expectAmount(t, b, "late_fees")
		}
		w.buckets[i] = w.buckets[i].Plus(book.BucketTotals{Accounts: 1,
			Principal: expectAmount(t, b, "purchases").Add(expectAmount(t, b, "cash_advances")),
			LateFee:   lateFees, Outstanding: money.MustParse(v.Expect["payoff"].(string))})
	}
	badLoan := `{"kind":"loan_statement","account":{"as_of":"2025-06-30"}}`
	badKind := `{"kind":"mortgage","account":{}}`
	buf.WriteString(badLoan + "\n" + badKind + "\n")
	content = buf.String()

	path, out := runPipeline(t, content, money.Date{})
	w = rebase(t, w, path, content)
	for _, e := range extras {
		b, err := json.Marshal(StatementRecord{File: path, Line: e.line, Kind: e.kind, Statement: e.stmt})
		require.NoError(t, err)
		w.statements[e.line], w.text[e.line] = string(b), e.text
	}
	w.dead[next] = "account.terms: is required"
	w.dead[next+1] = `kind: must be accrual, loan_statement or card_statement, got "mortgage"`
	w.text[next], w.text[next+1] = badLoan, badKind
	requireSameAsAccrueAll(t, w, path, out)
	require.Len(t, w.statements, 300+len(extras))
}

// rebase is w with its statement records naming path, the file the
// pipeline read: accrueAll was run before the file existed.
func rebase(t *testing.T, w want, path, content string) want {
	r := accrueAll(t, path, content, money.Date{})
	// accrueAll saw every line; keep its ledger statements and the
	// buckets built above.
	out := want{statements: map[int64]string{}, dead: map[int64]string{}, text: map[int64]string{}, buckets: w.buckets}
	for n := range w.statements {
		out.statements[n] = r.statements[n]
		out.text[n] = r.text[n]
	}
	return out
}
