package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/plan"
)

// The card scenario is built from the card's transactions and priced on
// its payoff: the fees are the one cash-advance fee, 1 % × 3000.00 =
// 30.00, plus the 违约金; 停息挂账 waives the 违约金, so its 12 payments
// total the payoff less the 违约金 outstanding.
func TestCardScenario(t *testing.T) {
	st, err := card.Compute(cardCustomer(money.MustParseDate("2025-06-20")))
	require.NoError(t, err)
	require.True(t, st.Balance.Fees.Sub(st.Balance.LateFees).Equal(money.MustParse("30.00")))
	require.Positive(t, st.DaysPastDue, "the customer stopped paying after February")
	require.NotEmpty(t, st.Explanation.LateFees)

	o := defaults()
	o.account, o.json = "card", true
	var out bytes.Buffer
	require.NoError(t, run(&out, o))
	var set plan.OfferSet
	require.NoError(t, json.Unmarshal(out.Bytes(), &set))
	require.True(t, set.TotalOutstanding.Equal(st.Payoff))
	require.True(t, st.Payoff.Equal(st.Balance.Total.Add(st.AccruedInterest)))
	var frozen bool
	for _, of := range set.Offers {
		if of.Option == plan.InterestFrozen && of.Term == 12 {
			frozen = true
			require.True(t, of.TotalPaid.Equal(st.Payoff.Sub(st.Balance.LateFees)), "%s", of.TotalPaid)
		}
	}
	require.True(t, frozen)

	o.json = false
	out.Reset()
	require.NoError(t, run(&out, o))
	require.Contains(t, out.String(), "计收违约金")
	require.Contains(t, out.String(), "late fee")
	require.Contains(t, out.String(), "建议：停息挂账 12 期")

	o.account = "mortgage"
	require.Error(t, run(&out, o))
}
