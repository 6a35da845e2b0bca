package penalty_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// A worker's reused working memory must leave no trace of one account in
// the next: accounts of every size, long after short and short after
// long (the ledgers, owed bits and payment lists shrink and grow), give
// exactly what Accrue gives each alone, explained or balances-only.
func TestWorkspaceReuseLeavesNoTrace(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	var accounts []penalty.Account
	for range 300 {
		a := randomAccount(rng)
		if rng.IntN(10) == 0 {
			// A long ledger between short ones; past maxKept now and then,
			// so that one is not kept.
			n := []int{70, 200, penalty.MaxKept + 1}[rng.IntN(3)]
			a.Installments = monthlyDues(money.MustParseDate("1950-01-10"), n)
		}
		accounts = append(accounts, a)
	}
	for _, explain := range []bool{true, false} {
		got, gotErr := penalty.AccrueReusing(accounts, explain)
		ok := 0
		for i, a := range accounts {
			want, wantErr := penalty.Accrue(a)
			if !explain {
				want, wantErr = penalty.AccrueBrief(a)
			}
			require.Equal(t, wantErr, gotErr[i], "account %d", i)
			require.Equal(t, want, got[i], "account %d, explain %v", i, explain)
			if wantErr == nil {
				ok++
			}
		}
		require.Greater(t, ok, len(accounts)/2, "most accounts accrue")
	}
}
