package book

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// vector is a conformance vector of the library (SPEC §6), whose expected
// figures come from an independent reference.
type vector struct {
	Name   string          `json:"name"`
	Kind   string          `json:"kind"`
	Input  json.RawMessage `json:"input"`
	Expect map[string]any  `json:"expect"`
}

// kindVectors are the vectors of kind with no expected error.
func kindVectors(t testing.TB, kind string) []vector {
	files, err := filepath.Glob("../../../testdata/vectors/*.json")
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

func envelopeLine(kind string, account []byte) []byte {
	return []byte(`{"kind":"` + kind + `","account":` + string(account) + `}`)
}

// A bare accrual line and the same request in an envelope decode to the
// same account; both agree with DecodeAccount.
func TestDecodeLineAccrual(t *testing.T) {
	for _, raw := range bookLines(t, 50, 13) {
		var want penalty.Account
		require.NoError(t, DecodeAccount([]byte(raw), &want))
		for _, data := range [][]byte{[]byte(raw), envelopeLine("accrual", []byte(raw)), []byte(`{"account":` + raw + `,"kind":"accrual"}`)} {
			var l Line
			require.NoError(t, DecodeLine(data, &l))
			require.Equal(t, Accrual, l.Kind)
			require.Equal(t, want, l.Accrual)
		}
	}
}

func amountAt(t *testing.T, m map[string]any, key string) money.Amount {
	s, ok := m[key].(string)
	require.True(t, ok, "%s in %v", key, m)
	return money.MustParse(s)
}

// Every loan_statement and card_statement vector, as a line of a book:
// its bucket and payoff are the vector's (from the independent reference),
// and the line's figures are the payoff's (loans) or the balance's
// (cards), as the package doc says.
func TestDecodeLineLoanAndCardVectors(t *testing.T) {
	for _, v := range kindVectors(t, "loan_statement") {
		var l Line
		require.NoError(t, DecodeLine(envelopeLine(v.Kind, v.Input), &l), v.Name)
		require.Equal(t, LoanStatement, l.Kind)
		r, err := l.Accrue(money.Date{})
		require.NoError(t, err, v.Name)
		require.Equal(t, v.Expect["bucket"], r.Bucket, v.Name)
		p := v.Expect["payoff"].(map[string]any)
		require.True(t, amountAt(t, p, "total").Equal(r.Totals.Outstanding), v.Name)
		require.True(t, amountAt(t, p, "principal").Equal(r.Totals.Principal), v.Name)
		require.True(t, amountAt(t, p, "penalty").Equal(r.Totals.Penalty), v.Name)
		require.True(t, amountAt(t, p, "late_fee").Equal(r.Totals.LateFee), v.Name)
		require.EqualValues(t, 1, r.Totals.Accounts)
	}
	for _, v := range kindVectors(t, "card_statement") {
		var l Line
		require.NoError(t, DecodeLine(envelopeLine(v.Kind, v.Input), &l), v.Name)
		require.Equal(t, CardStatement, l.Kind)
		r, err := l.Accrue(money.Date{})
		require.NoError(t, err, v.Name)
		require.Equal(t, v.Expect["bucket"], r.Bucket, v.Name)
		require.True(t, money.MustParse(v.Expect["payoff"].(string)).Equal(r.Totals.Outstanding), v.Name)
		b := v.Expect["balance"].(map[string]any)
		require.True(t, amountAt(t, b, "purchases").Add(amountAt(t, b, "cash_advances")).Equal(r.Totals.Principal), v.Name)
		require.True(t, r.Totals.Penalty.IsZero())
		if _, ok := b["late_fees"]; ok {
			require.True(t, amountAt(t, b, "late_fees").Equal(r.Totals.LateFee), v.Name)
		}
	}
}

// An as-of date given to Accrue replaces the line's own, for every kind.
func TestLineAccrueAsOf(t *testing.T) {
	lv, cv := kindVectors(t, "loan_statement")[0], kindVectors(t, "card_statement")[0]
	for _, data := range [][]byte{envelopeLine(lv.Kind, lv.Input), envelopeLine(cv.Kind, cv.Input), []byte(bookLines(t, 1, 2)[0])} {
		var l Line
		require.NoError(t, DecodeLine(data, &l))
		own, err := l.Accrue(money.Date{})
		require.NoError(t, err)
		later := money.MustParseDate("2027-01-31")
		r, err := l.Accrue(later)
		require.NoError(t, err)
		b, err := json.Marshal(r.Statement)
		require.NoError(t, err)
		require.Contains(t, string(b), `"as_of":"2027-01-31"`, l.Kind)
		ob, _ := json.Marshal(own.Statement)
		require.NotContains(t, string(ob), `"as_of":"2027-01-31"`)
	}
}

func TestDecodeLineErrors(t *testing.T) {
	base := bookLines(t, 1, 4)[0]
	lv := kindVectors(t, "loan_statement")[0]
	for _, c := range []struct{ line, err string }{
		{`{"kind":"mortgage","account":{}}`, `kind: must be accrual, loan_statement or card_statement, got "mortgage"`},
		{`{"kind":"loan_statement"}`, "account"},
		{`{"kind":"loan_statement","account":{},"extra":1}`, "extra"},
		{`{"kind":"loan_statement","account":{"as_of":"2025-01-01"}}`, "account.terms"},
		{string(envelopeLine("loan_statement", []byte(strings.Replace(string(lv.Input), `"as_of"`, `"asof"`, 1)))), "account.asof"},
		{string(envelopeLine("card_statement", []byte(`{"open_date":"2025-01-01"}`))), "account."},
		{string(envelopeLine("accrual", []byte(strings.Replace(base, `"as_of"`, `"asof"`, 1)))), "account.asof"},
		{`{"kind":1,"account":{}}`, "kind"},
	} {
		var l Line
		err := DecodeLine([]byte(c.line), &l)
		require.ErrorIs(t, err, money.ErrInvalid, c.line)
		require.ErrorContains(t, err, c.err, c.line)
		require.Equal(t, Line{}, l)
	}
	// A bare line keeps DecodeAccount's error, word for word.
	for _, bad := range []string{strings.Replace(base, `"as_of"`, `"asof"`, 1), base[:len(base)/2], "[]", ""} {
		var l Line
		var a penalty.Account
		require.EqualError(t, DecodeLine([]byte(bad), &l), DecodeAccount([]byte(bad), &a).Error())
	}
}

// FuzzDecodeLine: any bytes decode to a line or an error matching
// money.ErrInvalid; a decoded line accrues or fails the same way; never a
// panic.
func FuzzDecodeLine(f *testing.F) {
	for _, l := range bookLines(f, 5, 3) {
		f.Add([]byte(l))
		f.Add(envelopeLine("accrual", []byte(l)))
	}
	f.Add(envelopeLine("loan_statement", kindVectors(f, "loan_statement")[0].Input))
	f.Add(envelopeLine("card_statement", kindVectors(f, "card_statement")[0].Input))
	f.Fuzz(func(t *testing.T, data []byte) {
		var l Line
		if err := DecodeLine(data, &l); err != nil {
			require.ErrorIs(t, err, money.ErrInvalid)
			return
		}
		r, err := l.Accrue(money.Date{})
		if err != nil {
			require.ErrorIs(t, err, money.ErrInvalid)
			return
		}
		require.GreaterOrEqual(t, BucketIndex(r.Bucket), 0)
	})
}
