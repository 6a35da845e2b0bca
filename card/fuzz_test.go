package card_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/internal/vectors"
	"github.com/repayplan/repayplan/money"
)

// FuzzDecodeCardStatement feeds arbitrary bytes through the card_statement
// path: strict decoding, validation, the engine and both renderings. It
// must never panic, and every rejection must be a *money.Error.
func FuzzDecodeCardStatement(f *testing.F) {
	for _, in := range vectors.Inputs(f, "..", "card-statement-*.json") {
		f.Add(in)
	}
	f.Add([]byte(`{"open_date":"2025-01-05","as_of":"2125-01-05","cycle":{"statement_day":31,"due_after_days":27},"transactions":[],"policy":{"minimum":{},"grace_days":365}}`))
	f.Add([]byte(`{"open_date":"2025-01-05","as_of":"2025-03-01","cycle":{"statement_day":5,"due_after_days":20},"transactions":[{"date":"2025-01-06","kind":"purchase","amount":"1e999999999"}],"policy":{"minimum":{}}}`))
	f.Add([]byte(`{"statements":[{"number":1}],"explanation":{"segments":[{"statement":1,"unit":9}],"payments":[{"allocations":[{"unit":-1}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A statement decoded from anywhere (as plan's offers receive it)
		// renders without panicking, however inconsistent.
		var st card.Statement
		if json.Unmarshal(data, &st) == nil {
			_ = st.Chinese(0)
			_ = st.English(1)
		}
		var a card.Account
		if err := money.DecodeJSON(data, &a); err != nil {
			mustBeInvalid(t, err)
			return
		}
		s, err := card.Compute(a)
		if err != nil {
			mustBeInvalid(t, err)
			return
		}
		_ = s.Chinese(0)
		_ = s.English(len(s.Statements))
		if _, err := json.Marshal(s); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzCardEngine runs the engine on random histories drawn from the fuzzed
// seed and checks the ledger identity and that every statement's interest
// is the sum of its segments.
func FuzzCardEngine(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(42), uint64(7))
	f.Fuzz(func(t *testing.T, s1, s2 uint64) {
		rng := rand.New(rand.NewPCG(s1, s2))
		a := randomAccount(rng, history{cash: true, fees: true, payments: true})
		s, err := card.Compute(a)
		if err != nil {
			t.Fatalf("random account rejected: %v", err)
		}
		var posted, paid money.Amount
		for _, u := range s.Explanation.Units {
			posted = posted.Add(u.Amount)
		}
		for _, x := range a.Transactions {
			if x.Kind == card.Payment && !x.Date.After(a.AsOf) {
				paid = paid.Add(x.Amount)
			}
		}
		if !s.Balance.Total.Add(paid).Sub(s.Credit).Equal(posted) {
			t.Fatalf("ledger: balance %s + paid %s − credit %s ≠ posted %s", s.Balance.Total, paid, s.Credit, posted)
		}
		sums := make([]money.Amount, len(s.Statements)+1)
		for _, g := range s.Explanation.Segments {
			sums[g.Statement] = sums[g.Statement].Add(g.Amount)
		}
		for _, b := range s.Statements {
			if !b.Interest.Equal(sums[b.Number]) {
				t.Fatalf("statement %d interest %s ≠ segments %s", b.Number, b.Interest, sums[b.Number])
			}
		}
	})
}

func mustBeInvalid(t *testing.T, err error) {
	t.Helper()
	var me *money.Error
	if !errors.As(err, &me) || !errors.Is(err, money.ErrInvalid) {
		t.Fatalf("error %v (%T) is not a *money.Error", err, err)
	}
}
