package card

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

// minimumNamesKnown lets validation skip CheckNames, so it must accept
// exactly the policies CheckNames(MinimumNames()) accepts.
func TestMinimumNamesKnownMatchesCheckNames(t *testing.T) {
	names := append(MinimumNames(), "balance", "Purchases", "", "principal")
	for i := range names {
		for j := range names {
			p := &minimum.Policy{Percent: map[string]money.Rate{names[i]: money.NewRate(1, 1), names[j]: money.NewRate(5, 2)}}
			want := p.CheckNames(MinimumNames()) == nil
			require.Equal(t, want, minimumNamesKnown(p), "%q, %q", names[i], names[j])
		}
	}
	require.True(t, minimumNamesKnown(&minimum.Policy{}))
}
