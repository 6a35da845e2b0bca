package card_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

func TestValidation(t *testing.T) {
	ok := func() card.Account { return textbook("2025-05-05") }
	rate := func(s string) *money.Rate { r := money.MustParseRate(s); return &r }
	cases := []struct {
		field  string
		mutate func(*card.Account)
	}{
		{"open_date", func(a *card.Account) { a.OpenDate = money.Date{} }},
		{"as_of", func(a *card.Account) { a.AsOf = d("2025-03-01") }},
		{"as_of", func(a *card.Account) { a.AsOf = a.OpenDate.AddMonths(1201) }},
		{"cycle.statement_day", func(a *card.Account) { a.Cycle.StatementDay = 0 }},
		{"cycle.due_after_days", func(a *card.Account) { a.Cycle.DueAfterDays = 28 }},
		{"transactions[1].date", func(a *card.Account) { a.Transactions[1].Date = d("2025-03-09") }},
		{"transactions[0].date", func(a *card.Account) { a.Transactions[0].Date = d("2025-03-04") }},
		{"transactions[0].amount", func(a *card.Account) { a.Transactions[0].Amount = amt("-1") }},
		{"transactions[0].amount", func(a *card.Account) { a.Transactions[0].Amount = amt("0.001") }},
		{"transactions[0].kind", func(a *card.Account) { a.Transactions[0].Kind = 9 }},
		{"transactions", func(a *card.Account) {
			a.Transactions = make([]card.Transaction, card.MaxTransactions+1)
		}},
		{"policy.daily_rate", func(a *card.Account) { a.Policy.DailyRate = rate("0.03") }},
		{"policy.cash_advance_daily_rate", func(a *card.Account) { a.Policy.CashAdvanceDailyRate = rate("-0.0001") }},
		{"policy.cash_advance_fee.max", func(a *card.Account) {
			a.Policy.CashAdvanceFee = card.CashAdvanceFee{Min: amt("10"), Max: amt("5")}
		}},
		{"policy.minimum", func(a *card.Account) { a.Policy.Minimum = nil }},
		{"policy.minimum.percent.purchase", func(a *card.Account) {
			a.Policy.Minimum = &minimum.Policy{Percent: map[string]money.Rate{"purchase": money.MustParseRate("0.1")}}
		}},
		{"policy.minimum.percent.purchases", func(a *card.Account) {
			a.Policy.Minimum = &minimum.Policy{Percent: map[string]money.Rate{"purchases": money.MustParseRate("1.1")}}
		}},
		{"policy.late_fee.rate", func(a *card.Account) {
			a.Policy.LateFee = penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("2")}
		}},
		{"policy.late_fee.amount", func(a *card.Account) {
			a.Policy.LateFee = penalty.LateFee{Kind: penalty.FixedFee, Amount: amt("0.001")}
		}},
		{"policy.grace_days", func(a *card.Account) { a.Policy.GraceDays = 366 }},
		{"policy.tolerance", func(a *card.Account) { a.Policy.Tolerance = amt("-1") }},
		{"rounding.places", func(a *card.Account) { a.Rounding = money.NewRounding(20, money.HalfUp) }},
	}
	for _, c := range cases {
		a := ok()
		c.mutate(&a)
		_, err := card.Compute(a)
		require.ErrorIs(t, err, money.ErrInvalid, c.field)
		var me *money.Error
		require.ErrorAs(t, err, &me)
		require.Equal(t, c.field, me.Field, err.Error())
	}
}

// Decoding is strict and names unknown keys and kinds.
func TestDecodeStrict(t *testing.T) {
	var a card.Account
	err := money.DecodeJSON([]byte(`{"open_date":"2025-01-05","as_of":"2025-02-05","cycle":{"statement_day":5,"due_after_days":20,"grace":1},"transactions":[],"policy":{"minimum":{}}}`), &a)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.Contains(t, err.Error(), "cycle.grace")
	err = money.DecodeJSON([]byte(`{"open_date":"2025-01-05","as_of":"2025-02-05","cycle":{"statement_day":5,"due_after_days":20},"transactions":[{"date":"2025-01-06","kind":"refund","amount":"1"}],"policy":{"minimum":{}}}`), &a)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.Contains(t, err.Error(), "purchase, cash_advance, fee, payment")
	// Required fields are named when left out.
	err = money.DecodeJSON([]byte(`{"open_date":"2025-01-05","as_of":"2025-02-05","cycle":{"statement_day":5},"policy":{"minimum":{}}}`), &a)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.Contains(t, err.Error(), "cycle.due_after_days: is required")
	err = money.DecodeJSON([]byte(`{"open_date":"2025-01-05","as_of":"2025-02-05","cycle":{"statement_day":5,"due_after_days":20},"policy":{}}`), &a)
	require.Contains(t, err.Error(), "policy.minimum: is required")
}

// A preceding business-day rule that would move a due date onto or before
// its statement date is an error: the 2025-04-05 statement (a Saturday),
// due after 1 day on Sunday 04-06 (also a lender's holiday), would move
// back to Friday 04-04, before the statement.
func TestDueDateMovedBeforeStatement(t *testing.T) {
	a := textbook("2025-05-05")
	a.Cycle = card.Cycle{StatementDay: 5, DueAfterDays: 1}
	a.Policy.Calendar = money.NewCalendar(money.PresetWeekends, []money.Date{d("2025-04-06")}, nil)
	a.Policy.BusinessDay = money.Preceding
	_, err := card.Compute(a)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.Contains(t, err.Error(), "policy.business_day")
	a.Policy.BusinessDay = money.Following
	s := compute(t, a)
	require.Equal(t, d("2025-04-07"), s.Statements[0].DueDate, "following moves Sunday 04-06 to Monday 04-07")
}
