package penalty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// accrue decodes an accrual request as the JSON kind does and accrues it.
func accrue(t *testing.T, request string) penalty.Statement {
	t.Helper()
	var a penalty.Account
	require.NoError(t, money.DecodeJSON([]byte(request), &a))
	s, err := penalty.Accrue(a)
	require.NoError(t, err)
	return s
}

func amountEq(t *testing.T, want string, got money.Amount, msg ...any) {
	t.Helper()
	assert.True(t, money.MustParse(want).Equal(got), "want %s, got %s %v", want, got, msg)
}

func segAmounts(s penalty.Statement, inst int) []string {
	var out []string
	for _, g := range s.Explanation.Segments {
		if g.Installment == inst {
			out = append(out, g.From.String()+".."+g.To.String()+"="+g.Amount.String()+":"+g.Status.String())
		}
	}
	return out
}

// The seed vector, by hand. Daily 0.05 % on P+I 1050, grace 3 (forgive):
// [01-15, 01-19) 4 days: 1050 × 0.0005 × 4 = 2.10, payable at 01-19 (unpaid);
// late fee 01-19: 5 % × 1050 = 52.50 (min 10);
// [01-19, 02-01) 13 days: 1050 × 0.0005 × 13 = 6.825 → 6.83;
// 02-01 pays 300: penalty 8.93, late fee 52.50, interest 50, principal 188.57 → 811.43;
// [02-01, 03-01) 28 days: 811.43 × 0.0005 × 28 = 11.36002 → 11.36.
func TestSeedCardPartialPayment(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-01",
		"installments":[{"due_date":"2025-01-15","principal":"1000.00","interest":"50.00","fee":"0"}],
		"payments":[{"date":"2025-02-01","amount":"300.00"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"base":"principal_and_interest",
			"grace_days":3,"grace_mode":"forgive","late_fee":{"kind":"percent","rate":"0.05","min":"10"}}}`)
	b := s.Installments[0]
	amountEq(t, "811.43", b.Principal)
	amountEq(t, "0", b.Interest)
	amountEq(t, "11.36", b.Penalty)
	amountEq(t, "20.29", b.PenaltyAccrued)
	amountEq(t, "52.50", b.LateFeeAssessed)
	amountEq(t, "0", b.LateFee)
	amountEq(t, "822.79", s.Totals.Outstanding)
	assert.Equal(t, 45, s.DaysPastDue) // 2025-03-01 − 2025-01-15
	assert.Equal(t, "M2", s.Bucket)
	assert.Equal(t, []string{
		"2025-01-15..2025-01-19=2.10:payable",
		"2025-01-19..2025-02-01=6.83:payable",
		"2025-02-01..2025-03-01=11.36:payable",
	}, segAmounts(s, 1))
}

// Grace forgive, paid in full on the last grace day D+g: the contingent
// 3 days (2000 × 0.0005 × 3 = 3.00) are forgiven, no late fee.
func TestGraceForgivenWhenPaidOnLastGraceDay(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-31",
		"installments":[{"due_date":"2025-03-10","principal":"2000","interest":"80"}],
		"payments":[{"date":"2025-03-13","amount":"2080"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"grace_days":3,"late_fee":{"kind":"fixed","amount":"30"}}}`)
	b := s.Installments[0]
	amountEq(t, "0", b.PenaltyAccrued)
	amountEq(t, "0", b.LateFeeAssessed)
	amountEq(t, "0", s.Totals.Outstanding)
	assert.Equal(t, []string{"2025-03-10..2025-03-13=3.00:forgiven"}, segAmounts(s, 1))
	assert.Empty(t, s.Explanation.LateFees)
}

// Paid on D+g+1 instead: the grace was missed by a day. The contingent
// 3.00 becomes payable and the late fee (30) is assessed at the start of
// 03-14, before the payment, which then pays penalty 3 + late fee 30
// first, leaving 33 of the 2080 installment unpaid (principal).
// [03-10, 03-14) is 4 days: 2000 × 0.0005 × 4 = 4.00.
func TestGraceMissedByOneDay(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-31",
		"installments":[{"due_date":"2025-03-10","principal":"2000","interest":"80"}],
		"payments":[{"date":"2025-03-14","amount":"2080"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"grace_days":3,"late_fee":{"kind":"fixed","amount":"30"}}}`)
	b := s.Installments[0]
	amountEq(t, "4.29", b.PenaltyAccrued) // 4.00 + 0.29 below
	amountEq(t, "30", b.LateFeeAssessed)
	amountEq(t, "34.00", b.Principal) // 2080 − 4 − 30 − 80 = 1966 paid of 2000
	// [03-14, 03-31) 17 days on 34.00: 34 × 0.0005 × 17 = 0.289 → 0.29.
	amountEq(t, "0.29", b.Penalty)
	assert.Equal(t, []string{
		"2025-03-10..2025-03-14=4.00:payable",
		"2025-03-14..2025-03-31=0.29:payable",
	}, segAmounts(s, 1))
}

// As of a day inside the grace, what accrued is contingent: shown apart,
// not owed.
func TestContingentInsideGrace(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-12",
		"installments":[{"due_date":"2025-03-10","principal":"2000"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"grace_days":3}}`)
	b := s.Installments[0]
	amountEq(t, "0", b.Penalty)
	amountEq(t, "0", b.PenaltyAccrued)
	amountEq(t, "2.00", b.ContingentPenalty) // 2000 × 0.0005 × 2
	amountEq(t, "2000", s.Totals.Outstanding)
	assert.Equal(t, 2, b.DaysPastDue)
}

// Defer: accrual starts at D+g; the late fee is still at D+g+1.
// Annual 6 % × 1.5 / 360 = 0.025 % a day on 8000 from 04-20:
// [04-20, 05-20) 30 days: 8000 × 0.00025 × 30 = 60.00.
func TestDeferStartsAfterGrace(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-05-20",
		"installments":[{"due_date":"2025-04-15","principal":"8000"}],
		"policy":{"penalty_rate":{"rate":"0.06","markup":"0.5"},"grace_days":5,"grace_mode":"defer",
			"late_fee":{"kind":"fixed","amount":"25"}}}`)
	assert.Equal(t, []string{"2025-04-20..2025-05-20=60.00:payable"}, segAmounts(s, 1))
	require.Len(t, s.Explanation.LateFees, 1)
	assert.Equal(t, "2025-04-21", s.Explanation.LateFees[0].Date.String())
}

// Daily rounding rounds each day first: 1234.56 × 0.0005 = 0.61728 →
// 0.62 a day, × 26 = 16.12; segment rounding gives round(16.04928) = 16.05.
func TestDailyVersusSegmentRounding(t *testing.T) {
	req := func(mode string) string {
		return `{"as_of":"2025-02-05","installments":[{"due_date":"2025-01-10","principal":"1234.56"}],
			"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"accrual_rounding":"` + mode + `"}}`
	}
	amountEq(t, "16.12", accrue(t, req("daily")).Installments[0].Penalty)
	amountEq(t, "16.05", accrue(t, req("segment")).Installments[0].Penalty)
}

// stop_after_days 90: nothing accrues on or after D+90.
// 10000 × 0.0005 × 90 = 450.00, however late as_of is.
func TestStopAfterDays(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-12-31","installments":[{"due_date":"2025-01-01","principal":"10000"}],
		"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"stop_after_days":90}}`)
	amountEq(t, "450.00", s.Installments[0].PenaltyAccrued)
	assert.Equal(t, []string{"2025-01-01..2025-04-01=450.00:payable"}, segAmounts(s, 1))
	assert.Equal(t, "M7+", s.Bucket) // 364 days past due
}

// Cap 5 % of 1000 = 50. With no grace the late fee of 40 is assessed at
// D+1 while the first segment is still open, so it takes the cap first:
// the 30-day segment (1000 × 0.001 × 30 = 30) is cut to 10.
func TestCapLateFeeCountsFirst(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-01-31","installments":[{"due_date":"2025-01-01","principal":"1000"}],
		"policy":{"penalty_rate":{"rate":"0.001","unit":"daily"},"cap":"0.05","late_fee":{"kind":"fixed","amount":"40"}}}`)
	b := s.Installments[0]
	amountEq(t, "40", b.LateFeeAssessed)
	amountEq(t, "10", b.PenaltyAccrued)
	assert.True(t, b.Capped)
	g := s.Explanation.Segments[0]
	assert.True(t, g.Capped)
	amountEq(t, "30.00", g.Uncapped)
}

// A cap of 0 is a cap: nothing accrues. No cap at all is the default.
func TestCapZeroIsACap(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-01-31","installments":[{"due_date":"2025-01-01","principal":"1000"}],
		"policy":{"penalty_rate":{"rate":"0.001","unit":"daily"},"cap":"0"}}`)
	amountEq(t, "0", s.Installments[0].PenaltyAccrued)
	s = accrue(t, `{"as_of":"2025-01-31","installments":[{"due_date":"2025-01-01","principal":"1000"}],
		"policy":{"penalty_rate":{"rate":"0.001","unit":"daily"}}}`)
	amountEq(t, "30.00", s.Installments[0].PenaltyAccrued) // 1000 × 0.001 × 30
}

// act/act splits at 1 January: 2023 days over 365, 2024 days over 366.
// 100000 × 0.0435 × 1.5 × 17/365 = 303.904… → 303.90;
// 100000 × 0.0435 × 1.5 × 19/366 = 338.729… → 338.73.
func TestActActSplitsAtYearEnd(t *testing.T) {
	s := accrue(t, `{"as_of":"2024-01-20","installments":[{"due_date":"2023-12-15","principal":"100000"}],
		"policy":{"penalty_rate":{"rate":"0.0435","markup":"0.5","day_count":"act/act"}}}`)
	assert.Equal(t, []string{
		"2023-12-15..2024-01-01=303.90:payable",
		"2024-01-01..2024-01-20=338.73:payable",
	}, segAmounts(s, 1))
	assert.Equal(t, 365, s.Explanation.Segments[0].Basis)
	assert.Equal(t, 366, s.Explanation.Segments[1].Basis)
}

// Monthly 1.5 % under act/365: daily = 0.015 × 12 / 365. 5000 × 0.18 × 31/365 = 76.438… → 76.44.
func TestMonthlyUnit(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-02-01","installments":[{"due_date":"2025-01-01","principal":"5000"}],
		"policy":{"penalty_rate":{"rate":"0.015","unit":"monthly","day_count":"act/365"}}}`)
	amountEq(t, "76.44", s.Installments[0].PenaltyAccrued)
}

// Two overdue installments of 100 principal + 10 interest each, no penalty;
// a payment of 150. By installment: #1 gets 10 + 100, #2 gets 10 + 30.
// By component: interest 10 + 10 first, then principal 100 + 30.
func TestAllocationScopes(t *testing.T) {
	req := func(scope string) string {
		return `{"as_of":"2025-03-10","installments":[
			{"due_date":"2025-01-01","principal":"100","interest":"10"},
			{"due_date":"2025-02-01","principal":"100","interest":"10"}],
			"payments":[{"date":"2025-03-01","amount":"150"}],
			"policy":{"allocation_scope":"` + scope + `"}}`
	}
	s := accrue(t, req("installment"))
	amountEq(t, "0", s.Installments[0].Principal)
	amountEq(t, "70", s.Installments[1].Principal)
	amountEq(t, "0", s.Installments[1].Interest)
	s = accrue(t, req("component"))
	amountEq(t, "0", s.Installments[0].Principal)
	amountEq(t, "70", s.Installments[1].Principal)
	got := s.Explanation.Payments[0].Allocations
	require.Len(t, got, 4)
	assert.Equal(t, []penalty.Component{penalty.InterestComponent, penalty.InterestComponent, penalty.PrincipalComponent, penalty.PrincipalComponent},
		[]penalty.Component{got[0].Component, got[1].Component, got[2].Component, got[3].Component})
}

// A payment before a due date prepays that installment; what is left after
// everything is paid is unapplied.
func TestPrepaymentAndUnapplied(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-10","installments":[
		{"due_date":"2025-01-01","principal":"100"},{"due_date":"2025-04-01","principal":"100","interest":"5"}],
		"payments":[{"date":"2024-12-20","amount":"250"}],
		"policy":{"penalty_rate":{"rate":"0.001","unit":"daily"}}}`)
	amountEq(t, "0", s.Totals.Outstanding)
	amountEq(t, "45", s.Unapplied) // 250 − 100 − 105
	assert.Equal(t, 0, s.DaysPastDue)
	assert.Empty(t, s.Explanation.Segments)
}

// Same-day payments apply in input order: the first is fully allocated
// before the second.
func TestSameDayPaymentsInInputOrder(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-10","installments":[{"due_date":"2025-01-01","principal":"100"}],
		"payments":[{"date":"2025-02-01","amount":"60"},{"date":"2025-02-01","amount":"70"}]}`)
	p := s.Explanation.Payments
	require.Len(t, p, 2)
	amountEq(t, "0", p[0].Unapplied)
	amountEq(t, "30", p[1].Unapplied)
	amountEq(t, "60", p[0].Amount)
}

// Waivers apply at the start of their date, before that day's payments.
// Penalty 1000 × 0.001 × 31 = 31.00 by 02-01; 50 % waived = 15.50.
func TestWaiverBeforeSameDayPayment(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-02-01","installments":[{"due_date":"2025-01-01","principal":"1000"}],
		"payments":[{"date":"2025-02-01","amount":"15.50"}],
		"waivers":[{"date":"2025-02-01","component":"penalty","percent":"0.5"}],
		"policy":{"penalty_rate":{"rate":"0.001","unit":"daily"}}}`)
	b := s.Installments[0]
	amountEq(t, "31.00", b.PenaltyAccrued)
	amountEq(t, "0", b.Penalty)
	amountEq(t, "1000", b.Principal)
	amountEq(t, "15.50", s.Explanation.Waivers[0].Total)
}

// An amount waiver spreads oldest first and never exceeds what is owed.
func TestWaiverAmountOldestFirst(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-03-10","installments":[
		{"due_date":"2025-01-01","principal":"100","interest":"8"},{"due_date":"2025-02-01","principal":"100","interest":"8"},
		{"due_date":"2025-04-01","principal":"100","interest":"8"}],
		"waivers":[{"date":"2025-03-01","component":"interest","amount":"100"}]}`)
	amountEq(t, "0", s.Installments[0].Interest)
	amountEq(t, "0", s.Installments[1].Interest)
	amountEq(t, "8", s.Installments[2].Interest) // not yet due: not targeted
	amountEq(t, "16", s.Explanation.Waivers[0].Total)
}

func TestBuckets(t *testing.T) {
	for _, c := range []struct {
		days int
		want string
	}{{0, "current"}, {1, "M1"}, {30, "M1"}, {31, "M2"}, {90, "M3"}, {150, "M5"}, {151, "M6"}, {180, "M6"}, {181, "M7+"}} {
		due := money.MustParseDate("2025-01-01")
		s, err := penalty.Accrue(penalty.Account{AsOf: due.AddDays(c.days),
			Installments: []penalty.Installment{{DueDate: due, Principal: money.MustParse("1")}}})
		require.NoError(t, err)
		assert.Equal(t, c.want, s.Bucket, "%d days", c.days)
	}
}

// Principal-and-interest base: 复利 on the overdue interest too, never on the fee.
// (1000 + 100) × 0.001 × 10 = 11.00, with a fee of 500 ignored.
func TestPrincipalAndInterestBaseExcludesFee(t *testing.T) {
	s := accrue(t, `{"as_of":"2025-01-11","installments":[{"due_date":"2025-01-01","principal":"1000","interest":"100","fee":"500"}],
		"policy":{"penalty_rate":{"rate":"0.001","unit":"daily"},"base":"principal_and_interest"}}`)
	amountEq(t, "11.00", s.Installments[0].PenaltyAccrued)
}

// The statement shares no memory with the account: changing the caller's
// policy afterwards does not change it.
func TestStatementDoesNotAliasInput(t *testing.T) {
	c := money.MustParseRate("0.5")
	a := penalty.Account{AsOf: money.MustParseDate("2025-02-01"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-01-01"), Principal: money.MustParse("100")}},
		Policy: penalty.Policy{Cap: &c, Allocation: []penalty.Component{
			penalty.PrincipalComponent, penalty.InterestComponent, penalty.FeeComponent, penalty.LateFeeComponent, penalty.PenaltyComponent}}}
	s, err := penalty.Accrue(a)
	require.NoError(t, err)
	a.Policy.Allocation[0] = penalty.PenaltyComponent
	c = money.MustParseRate("0.9")
	assert.Equal(t, penalty.PrincipalComponent, s.Explanation.Policy.Allocation[0])
	assert.Equal(t, "0.5", s.Explanation.Policy.Cap.String())
}
