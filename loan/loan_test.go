package loan_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

var (
	m  = money.MustParse
	d  = money.MustParseDate
	rt = money.MustParseRate
)

// loan12 is 12000 at 6 % over 12 months from 2025-01-15: A = 1032.80,
// row 1 interest 12000 × 0.005 = 60.00, principal 972.80.
func loan12() loan.Account {
	return loan.Account{
		Terms:  schedule.Terms{Principal: m("12000"), AnnualRate: rt("0.06"), Periods: 12, StartDate: d("2025-01-15")},
		Policy: penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: rt("0.0005"), Unit: penalty.Daily}, GraceDays: 3},
	}
}

func pay(date, amount string) penalty.Payment {
	return penalty.Payment{Date: d(date), Amount: m(amount)}
}

func amountEq(t *testing.T, want string, got money.Amount, what string) {
	t.Helper()
	require.True(t, m(want).Equal(got), "%s: want %s, got %s", what, want, got)
}

// Before the first due date with nothing paid, the payoff is the
// principal and the interest of the days so far: 12000 × 0.06 × 20/360 =
// 40.00.
func TestPayoffBeforeFirstDue(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-02-04")
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	amountEq(t, "12000", s.Payoff.Principal, "principal")
	amountEq(t, "40.00", s.Payoff.AccruedInterest, "accrued")
	amountEq(t, "12040.00", s.Payoff.Total, "total")
	amountEq(t, "0", s.AmountDue.Total, "amount due")
	// Not yet due: the whole schedule, 12 × 1032.80 − 0.02 (the last row
	// is 1032.78) = 12393.58, of which 12000 principal.
	amountEq(t, "12000", s.NotYetDue.Principal, "not yet due principal")
	amountEq(t, "393.58", s.NotYetDue.Interest, "not yet due interest")
	require.Len(t, s.Explanation.Payoff.Pieces, 1)
	require.Equal(t, 20, s.Explanation.Payoff.Pieces[0].Days)
}

// The statement's totals count interest not yet earned; the payoff does
// not. Installments 1–2 paid, as of 10 days into period 3: B = 12000 −
// 972.80 − 977.66 = 10049.54, accrued = round(10049.54 × 0.06 × 10/360) =
// 16.75, payoff 10066.29; totals.outstanding is the whole rest of the
// schedule, 10 × 1032.80 − 0.02 = 10327.98.
func TestPayoffIsNotTotalsOutstanding(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-03-25")
	a.Payments = []penalty.Payment{pay("2025-02-15", "1032.80"), pay("2025-03-15", "1032.80")}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	amountEq(t, "10327.98", s.Totals.Outstanding, "totals")
	amountEq(t, "10049.54", s.Payoff.Principal, "principal")
	amountEq(t, "16.75", s.Payoff.Interest, "interest")
	amountEq(t, "10066.29", s.Payoff.Total, "payoff")
}

// Acceleration on a date: installments 1–2 paid, called in on 2025-05-25.
// Installments 3 (04-15) and 4 (05-15) stay; 5–12 become installment 5
// due 05-25 with principal 12000 − 972.80 − 977.66 − 982.55 − 987.47 =
// 8079.52 and interest round(8079.52 × 0.06 × 10/360) = 13.47.
func TestAccelerateOn(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-05-30")
	a.Payments = []penalty.Payment{pay("2025-02-15", "1032.80"), pay("2025-03-15", "1032.80")}
	a.Accelerate = &loan.Acceleration{On: d("2025-05-25")}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	require.Equal(t, d("2025-05-25"), s.AcceleratedOn)
	require.Len(t, s.Installments, 5)
	last := s.Installments[4]
	require.Equal(t, d("2025-05-25"), last.DueDate)
	amountEq(t, "8079.52", last.Principal, "accelerated principal")
	amountEq(t, "13.47", last.Interest, "accelerated interest")
	n := s.Explanation.Acceleration
	require.NotNil(t, n)
	require.Equal(t, 5, n.Number)
	require.Equal(t, 5, n.FirstReplaced)
	require.Equal(t, 12, n.LastReplaced)
	require.Equal(t, 10, n.Piece.Days)
	// Nothing is due after as_of, so nothing accrues interest: the payoff
	// is what the ledger owes.
	amountEq(t, "0", s.NotYetDue.Principal, "not yet due")
	require.True(t, s.Payoff.Total.Equal(s.Totals.Outstanding))
	require.True(t, s.Payoff.Total.Equal(s.AmountDue.Total))
}

// after_days: installment 3 (due 04-15) is unpaid 30 days later, so X =
// 05-15 — the due date of installment 4, which stays.
func TestAccelerateAfterDays(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-06-01")
	a.Payments = []penalty.Payment{pay("2025-02-15", "1032.80"), pay("2025-03-15", "1032.80")}
	n := 30
	a.Accelerate = &loan.Acceleration{AfterDays: &n}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	require.Equal(t, d("2025-05-15"), s.AcceleratedOn)
	x := s.Explanation.Acceleration
	require.Equal(t, 3, x.TriggerInstallment)
	amountEq(t, "1032.80", x.Unpaid, "unpaid")
	require.Equal(t, 5, x.Number)
	// Interest from 05-15 (row 4's due date) to X: 0 days.
	amountEq(t, "0", x.Interest, "interest")

	// Paying installment 3 in full on 05-10 — 1032.80 with its penalty
	// 982.55 × 0.0005 × 4 = 1.97 (the grace days) + 982.55 × 0.0005 × 21
	// = 10.32 — before 05-15 prevents it: installment 4 (due 05-15) is
	// then the first candidate, at 06-14, after as_of.
	a.Payments = append(a.Payments, pay("2025-05-10", "1045.09"))
	s, err = loan.Accrue(a)
	require.NoError(t, err)
	require.True(t, s.AcceleratedOn.IsZero())
	require.Nil(t, s.Explanation.Acceleration)
}

// Prepaying later principal cuts B(d): 3000 on 04-25 pays installments
// 4 and 5 in full and 898.96 of installment 6's principal.
func TestPrepaymentCutsBalance(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-05-05")
	a.Payments = []penalty.Payment{pay("2025-02-15", "1032.80"), pay("2025-03-15", "1032.80"),
		pay("2025-04-15", "1032.80"), pay("2025-04-25", "3000.00")}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	p := s.Explanation.Payoff.Pieces
	require.Len(t, p, 2)
	// B = 12000 − 972.80 − 977.66 − 982.55 = 9066.99 from 04-15, then
	// less 987.47 + 992.40 + 898.96 = 6188.16 from 04-25.
	amountEq(t, "9066.99", p[0].Balance, "first piece")
	amountEq(t, "6188.16", p[1].Balance, "second piece")
	// 0.06 × (9066.99 × 10 + 6188.16 × 10) / 360 = 25.4252… → 25.43,
	// while the rounded pieces 15.11 + 10.31 make 25.42.
	amountEq(t, "25.43", s.Payoff.AccruedInterest, "accrued")
	// Interest paid ahead: 45.33 + 40.40 + 35.44 = 121.17 > 25.43, so
	// interest is 0 and 95.74 is credit.
	amountEq(t, "0", s.Payoff.Interest, "interest")
	amountEq(t, "95.74", s.Payoff.Credit, "credit")
	amountEq(t, "6092.42", s.Payoff.Total, "total")
	zh := strings.Join(s.Chinese(), "\n")
	require.Contains(t, zh, "2025-04-15 至 2025-04-25 共10天：本金 9066.99 × 年利率 6% × 10 / 360 = 15.11")
	en := strings.Join(s.English(), "\n")
	require.Contains(t, en, "principal 6188.16 × 6% a year × 10 / 360 = 10.31")
}

// Fees: a 6-row card installment of 6000 with a 36.00 fee a row, 2 rows
// paid. charge adds the 4 later fees (144.00) to the payoff; waive does not.
func TestRemainingFees(t *testing.T) {
	a := loan.Account{
		Terms: schedule.Terms{Principal: m("6000"), Periods: 6, Method: schedule.FlatFee, FeeRate: rt("0.006"),
			StartDate: d("2025-03-01")},
		AsOf:     d("2025-05-10"),
		Payments: []penalty.Payment{pay("2025-04-01", "1036.00"), pay("2025-05-01", "1036.00")},
	}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	amountEq(t, "4000", s.Payoff.Total, "waive: principal only, no interest at 0 %")
	a.RemainingFees = loan.ChargeFees
	s, err = loan.Accrue(a)
	require.NoError(t, err)
	amountEq(t, "144.00", s.Payoff.Fee, "charge")
	amountEq(t, "4144.00", s.Payoff.Total, "charge total")
}

// Prepayment fee: percent of B(as_of) or a fixed amount; 0 when B = 0.
func TestPrepaymentFee(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-02-04")
	pct := rt("0.02")
	a.PrepaymentFee = &loan.PrepaymentFee{Percent: &pct}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	amountEq(t, "240.00", s.Payoff.PrepaymentFee, "2 % of 12000")
	amountEq(t, "12280.00", s.Payoff.Total, "12000 + 40 + 240")
	fixed := m("300")
	a.PrepaymentFee = &loan.PrepaymentFee{Amount: &fixed}
	a.AsOf = d("2026-01-15") // the last due date: nothing is due after it
	s, err = loan.Accrue(a)
	require.NoError(t, err)
	amountEq(t, "0", s.Payoff.PrepaymentFee, "no principal repaid early")
}

// The result's JSON carries the §3 keys at the top level, beside §8's.
func TestJSONKeys(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-03-25")
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &top))
	for _, k := range []string{"as_of", "installments", "days_past_due", "bucket", "totals", "unapplied",
		"explanation", "amount_due", "past_due", "not_yet_due", "payoff"} {
		require.Contains(t, top, k)
	}
	require.NotContains(t, top, "accelerated_on")
	var x map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(top["explanation"], &x))
	for _, k := range []string{"segments", "payments", "split", "payoff"} {
		require.Contains(t, x, k)
	}
	// And it reads back.
	var back loan.Statement
	require.NoError(t, money.DecodeJSON(b, &back))
	require.True(t, back.Payoff.Total.Equal(s.Payoff.Total))
}

func TestErrorsNameTheField(t *testing.T) {
	zero, big := 0, 40000
	pct, neg := rt("1.5"), m("-1")
	for field, edit := range map[string]func(*loan.Account){
		"accelerate.after_days":  func(a *loan.Account) { a.Accelerate = &loan.Acceleration{AfterDays: &zero} },
		"accelerate.after_days:": func(a *loan.Account) { a.Accelerate = &loan.Acceleration{AfterDays: &big} },
		"accelerate.on":          func(a *loan.Account) { a.Accelerate = &loan.Acceleration{On: d("2025-01-15")} },
		"accelerate":             func(a *loan.Account) { a.Accelerate = &loan.Acceleration{} },
		"prepayment_fee":         func(a *loan.Account) { a.PrepaymentFee = &loan.PrepaymentFee{} },
		"prepayment_fee.percent": func(a *loan.Account) { a.PrepaymentFee = &loan.PrepaymentFee{Percent: &pct} },
		"prepayment_fee.amount":  func(a *loan.Account) { a.PrepaymentFee = &loan.PrepaymentFee{Amount: &neg} },
		"remaining_fees":         func(a *loan.Account) { a.RemainingFees = 7 },
		"terms.periods":          func(a *loan.Account) { a.Terms.Periods = 0 },
		"as_of":                  func(a *loan.Account) { a.AsOf = d("2024-12-31") },
		"payments[0].amount":     func(a *loan.Account) { a.Payments = []penalty.Payment{pay("2025-02-01", "0")} },
		"waivers[0].installment": func(a *loan.Account) {
			a.Waivers = []penalty.Waiver{{Date: d("2025-02-01"), Component: penalty.PenaltyComponent, Percent: rt("1"), Installment: 13}}
		},
	} {
		a := loan12()
		a.AsOf = d("2025-06-01")
		edit(&a)
		_, err := loan.Accrue(a)
		require.Error(t, err, field)
		require.True(t, errors.Is(err, money.ErrInvalid), field)
		var e *money.Error
		require.True(t, errors.As(err, &e))
		require.Equal(t, strings.TrimSuffix(field, ":"), e.Field, err.Error())
	}
}

// Unknown enum values are listed by the decoder.
func TestUnknownEnumListed(t *testing.T) {
	var a loan.Account
	err := money.DecodeJSON([]byte(`{"terms":{"principal":"1","annual_rate":"0","periods":1,"start_date":"2025-01-01"},"as_of":"2025-01-02","payments":[],"policy":{},"remaining_fees":"keep"}`), &a)
	require.Error(t, err)
	require.Contains(t, err.Error(), "remaining_fees")
	require.Contains(t, err.Error(), "waive, charge")
}

// The rendered statement never calls the remaining schedule "owed": the
// §3 totals line is restated as what the contract has left.
func TestRenderDoesNotCallScheduleOwed(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-03-25")
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	zh, en := strings.Join(s.Chinese(), "\n"), strings.Join(s.English(), "\n")
	require.NotContains(t, zh, "合计应还")
	require.NotContains(t, en, "Total owed")
	require.NotContains(t, en, "total owed")
	require.Contains(t, zh, "今日（2025-03-25）提前结清应还 "+s.Payoff.Total.Grouped()+" 元")
	require.Contains(t, en, "Not yet due: installments 3–12, principal 10,049.54")
	require.Contains(t, en, "Past due: installments 1, 2, 2,088.98 in all")
}

// A waiver dated before D + A counts like a payment: installment 3's
// principal (982.55) is paid on its due date, principal first; its
// interest (50.25) is waived on 04-20, so nothing is unpaid at 05-15.
// Without the waiver the 50.25 triggers the acceleration on 05-15.
func TestAccelerateAfterDaysCountsWaivers(t *testing.T) {
	a := loan12()
	a.AsOf = d("2025-06-01")
	a.Policy.Allocation = []penalty.Component{penalty.PrincipalComponent, penalty.InterestComponent,
		penalty.FeeComponent, penalty.PenaltyComponent, penalty.LateFeeComponent}
	a.Payments = []penalty.Payment{pay("2025-02-15", "1032.80"), pay("2025-03-15", "1032.80"), pay("2025-04-15", "982.55")}
	n := 30
	a.Accelerate = &loan.Acceleration{AfterDays: &n}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	require.Equal(t, d("2025-05-15"), s.AcceleratedOn)
	amountEq(t, "50.25", s.Explanation.Acceleration.Unpaid, "interest left")

	a.Waivers = []penalty.Waiver{{Date: d("2025-04-20"), Component: penalty.InterestComponent, Percent: rt("1"), Installment: 3}}
	s, err = loan.Accrue(a)
	require.NoError(t, err)
	require.True(t, s.AcceleratedOn.IsZero(), "accelerated on %s", s.AcceleratedOn)
}

// Called in on the last due date: nothing is due after it, so nothing is
// replaced, and the statement still says when.
func TestAccelerateNothingLeft(t *testing.T) {
	a := loan12()
	a.AsOf = d("2026-01-20")
	a.Accelerate = &loan.Acceleration{On: d("2026-01-15")}
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	require.Equal(t, d("2026-01-15"), s.AcceleratedOn)
	require.Len(t, s.Installments, 12)
	require.Equal(t, 0, s.Explanation.Acceleration.Number)
	require.Contains(t, strings.Join(s.English(), "\n"), "no installment was due after that date, so nothing was combined")
	require.Contains(t, strings.Join(s.Chinese(), "\n"), "此后已无未到期分期，无需合并")
	// Everything is due: the payoff is the whole schedule's 12393.58 plus
	// its penalty, and no interest accrues.
	require.True(t, s.Payoff.Total.Equal(s.AmountDue.Total))
	amountEq(t, "0", s.Payoff.AccruedInterest, "accrued")
}
