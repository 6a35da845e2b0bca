package penalty_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/repayplan/repayplan/penalty"
)

// FuzzAccrueContext accrues random ledgers under a context cancelled
// after a fuzzer-chosen number of checks' worth of work (or never): the
// result is either the context's error or exactly Accrue's statement,
// never a panic or a partial statement.
func FuzzAccrueContext(f *testing.F) {
	f.Add(uint64(1), uint64(2), false)
	f.Add(uint64(3), uint64(4), true)
	f.Fuzz(func(t *testing.T, s1, s2 uint64, cancelled bool) {
		a := randomAccount(rand.New(rand.NewPCG(s1, s2)))
		want, werr := penalty.Accrue(a)
		ctx, cancel := context.WithCancel(context.Background())
		if cancelled {
			cancel()
		}
		defer cancel()
		got, err := penalty.AccrueContext(ctx, a)
		switch {
		case cancelled && werr == nil:
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled: got %v", err)
			}
		case werr != nil:
			mustBeInvalid(t, err)
		case err != nil:
			t.Fatalf("AccrueContext failed where Accrue did not: %v", err)
		default:
			requireSameStatement(t, want, got)
		}
	})
}

func requireSameStatement(t *testing.T, want, got penalty.Statement) {
	t.Helper()
	if !want.Totals.Outstanding.Equal(got.Totals.Outstanding) || len(want.Explanation.Segments) != len(got.Explanation.Segments) {
		t.Fatalf("statements differ: %v vs %v", want.Totals, got.Totals)
	}
}
