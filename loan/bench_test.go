package loan_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// benchLoan is the benchmark account: a 360-month 等额本息
// mortgage of 1,000,000 at 4.9 % from 2024-01-20, installments 1–12 paid
// on their due dates, 13–18 missed, as of 5 days after the 18th; 罚息 at
// the contract rate + 50 % on principal and interest after a 3-day grace,
// and a 5 % late fee (at least 10).
func benchLoan() loan.Account {
	t := schedule.Terms{Principal: money.MustParse("1000000"), AnnualRate: money.MustParseRate("0.049"), Periods: 360,
		StartDate: money.MustParseDate("2024-01-20")}
	s, err := schedule.Amortize(t)
	if err != nil {
		panic(err)
	}
	a := loan.Account{Terms: t, AsOf: money.MustParseDate("2025-07-25"),
		Policy: penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.049"), Markup: money.MustParseRate("0.5")},
			Base:        penalty.PrincipalAndInterest,
			GraceDays:   3,
			LateFee:     penalty.LateFee{Kind: penalty.PercentFee, Rate: money.MustParseRate("0.05"), Min: money.MustParse("10")},
		}}
	for _, r := range s.Rows[:12] {
		a.Payments = append(a.Payments, penalty.Payment{Date: r.DueDate, Amount: r.Payment})
	}
	return a
}

func BenchmarkLoanStatement(b *testing.B) {
	a := benchLoan()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loan.Accrue(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoanStatementFloat64(b *testing.B) {
	a := benchLoan()
	f := floatLoan{principal: 1_000_000, rate: 0.049, n: 360, start: a.Terms.StartDate, asOf: a.AsOf, paid: 12}
	b.ReportAllocs()
	for b.Loop() {
		f.statement()
	}
}

// The float64 baseline computes the same figures on the benchmark loan,
// so that it is a fair baseline.
func TestFloat64BaselineAgrees(t *testing.T) {
	a := benchLoan()
	s, err := loan.Accrue(a)
	require.NoError(t, err)
	f := floatLoan{principal: 1_000_000, rate: 0.049, n: 360, start: a.Terms.StartDate, asOf: a.AsOf, paid: 12}
	got := f.statement()
	require.InDelta(t, s.AmountDue.Total.Decimal().InexactFloat64(), got.amountDue, 0.005)
	require.InDelta(t, s.Payoff.Total.Decimal().InexactFloat64(), got.payoff, 0.005)
	require.InDelta(t, s.Payoff.AccruedInterest.Decimal().InexactFloat64(), got.accrued, 0.005)
	require.InDelta(t, s.NotYetDue.Interest.Decimal().InexactFloat64(), got.notYetDueInterest, 0.005)
}

// floatLoan is the same arithmetic in float64, the baseline of SPEC §7:
// all 360 rows of the schedule, kept as the statement keeps every
// installment, the missed installments' penalty segments (the grace days,
// then to as_of) and late fees, the scheduled interest not yet due, and
// the payoff's accrued interest. It is not the product: float64 misrounds
// ties.
type floatLoan struct {
	principal, rate float64
	n, paid         int
	start, asOf     money.Date
}

type floatResult struct{ amountDue, payoff, accrued, notYetDueInterest float64 }

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// floatRow is one installment of the float64 ledger, listed as the exact
// statement lists every installment.
type floatRow struct {
	due                          money.Date
	principal, interest, penalty float64
}

func (f floatLoan) statement() floatResult {
	r := f.rate / 12
	q := math.Pow(1+r, float64(f.n))
	pay := round2(f.principal * r * q / (q - 1))
	due := f.start.Months()
	rows := make([]floatRow, f.n)
	bal := f.principal
	daily := f.rate * 1.5 / 360
	var res floatResult
	last, open := f.start, 0.0
	for i := 1; i <= f.n; i++ {
		d := due.At(i)
		interest := round2(bal * r)
		principal := pay - interest
		if i == f.n {
			principal = bal
		}
		rows[i-1] = floatRow{due: d, principal: principal, interest: interest}
		switch {
		case d.After(f.asOf):
			if open == 0 {
				open = bal
			}
			res.notYetDueInterest += interest
		case i > f.paid:
			base := principal + interest
			days := f.asOf.Sub(d)
			pen := round2(base*daily*4) + round2(base*daily*float64(days-4))
			fee := math.Max(round2(base*0.05), 10)
			rows[i-1].penalty = pen
			res.amountDue += base + pen + fee
			last = d
		default:
			last = d
		}
		bal = round2(bal - principal)
	}
	// The payoff: B × rate × days / 360 from the last due date.
	res.accrued = round2(open * f.rate * float64(f.asOf.Sub(last)) / 360)
	res.payoff = round2(res.amountDue + open + res.accrued)
	res.amountDue = round2(res.amountDue)
	res.notYetDueInterest = round2(res.notYetDueInterest)
	return res
}
