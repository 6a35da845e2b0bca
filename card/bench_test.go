package card_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// benchAccount is the card benchmark: 24 monthly cycles and 200
// transactions — purchases through each cycle, a service fee, a cash
// advance every other month, a payment each month (one month missed) —
// with full-balance interest, compounding, a 10 % minimum with a floor
// and a fixed 违约金.
func benchAccount() card.Account {
	open := money.MustParseDate("2024-01-01")
	a := card.Account{
		OpenDate: open, AsOf: money.MustParseDate("2025-12-31"),
		Cycle: card.Cycle{StatementDay: 5, DueAfterDays: 20},
		Policy: card.Policy{
			Minimum: &minimum.Policy{Percent: map[string]money.Rate{"purchases": money.NewRate(1, 1)}, Floor: money.New(10, 0)},
			LateFee: penalty.LateFee{Kind: penalty.FixedFee, Amount: money.New(20, 0)},
		},
	}
	add := func(d money.Date, k card.Kind, cents int64) {
		if len(a.Transactions) < 200 {
			a.Transactions = append(a.Transactions, card.Transaction{Date: d, Kind: k, Amount: money.New(cents, 2)})
		}
	}
	for c := range 24 {
		s := money.MustParseDate("2024-01-05").AddMonths(c)
		add(s.AddDays(1), card.Purchase, 10_000+int64(3_700*c))
		add(s.AddDays(2), card.Fee, 500)
		if c%2 == 0 {
			add(s.AddDays(3), card.CashAdvance, 50_000)
		}
		for j := range 5 {
			add(s.AddDays(4+4*j), card.Purchase, 2_000+int64(1_300*j+700*c))
		}
		if c != 10 {
			add(s.AddDays(18), card.Payment, 60_000+int64(1_000*c))
		}
	}
	a.Transactions = card.Sorted(a.Transactions)
	for len(a.Transactions) < 200 {
		add(a.AsOf, card.Purchase, 1_00)
	}
	return a
}

func BenchmarkCardStatement(b *testing.B) {
	a := benchAccount()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := card.Compute(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCardStatementFloat64(b *testing.B) {
	a := toFloat(benchAccount())
	b.ReportAllocs()
	for b.Loop() {
		a.run()
	}
}

// The float64 baseline must compute the same figures on the benchmark
// account, or it would not be a fair baseline.
func TestFloat64BaselineAgrees(t *testing.T) {
	a := benchAccount()
	require.Len(t, a.Transactions, 200)
	s, err := card.Compute(a)
	require.NoError(t, err)
	require.Len(t, s.Statements, 24)
	f := toFloat(a).run()
	require.Len(t, f.interest, len(s.Statements))
	cent := func(x float64) money.Amount { return money.New(int64(math.Round(x*100)), 2) }
	for k, b := range s.Statements {
		require.True(t, cent(f.interest[k]).Equal(b.Interest), "statement %d interest: float %v, exact %s", k+1, f.interest[k], b.Interest)
		require.True(t, cent(f.minimum[k]).Equal(b.MinimumPayment), "statement %d minimum: float %v, exact %s", k+1, f.minimum[k], b.MinimumPayment)
	}
	require.True(t, cent(f.total).Equal(s.Balance.Total), "total: float %v, exact %s", f.total, s.Balance.Total)
	require.Equal(t, f.segments, len(s.Explanation.Segments))
	require.NotZero(t, s.DaysPastDue+len(s.Explanation.LateFees), "the benchmark should exercise 违约金")
}

// The float64 implementation of the same arithmetic, for the baseline
// only: it covers what benchAccount uses (purchases, fees, cash advances
// without a fee, payments, grace, 全额计息, compounding, a percent-of-
// purchases minimum with a floor, a fixed late fee, no tolerance, no grace
// days, no calendar) with the same units, books and segments.

type floatTx struct {
	day  int
	kind card.Kind
	amt  float64
}

type floatAccount struct {
	asOf, sday  int
	stmts, dues []int // day numbers of S_k and DD_k up to as_of
	txs         []floatTx
	rate, pct   float64
	rateNum     float64 // the daily rate as rateNum / rateDen
	rateDen     float64
	floor, late float64
}

type floatUnit struct {
	comp, stmt int
	out, rate  float64
	from       int
	open, no   bool
	pend       []float64
}

type floatResult struct {
	interest, minimum []float64
	total             float64
	segments          int
}

func toFloat(a card.Account) *floatAccount {
	day := func(d money.Date) int { return d.Sub(a.OpenDate) }
	f := &floatAccount{asOf: day(a.AsOf), rate: 0.0005, rateNum: 5, rateDen: 10_000, pct: 0.1, floor: 10, late: 20}
	s1 := money.MustParseDate("2024-01-05")
	for k := 0; ; k++ {
		s := s1.AddMonths(k)
		if s.After(a.AsOf) {
			break
		}
		f.stmts = append(f.stmts, day(s))
		f.dues = append(f.dues, day(s.AddDays(a.Cycle.DueAfterDays)))
	}
	for _, t := range a.Transactions {
		x, _ := t.Amount.Decimal().Float64()
		f.txs = append(f.txs, floatTx{day: day(t.Date), kind: t.Kind, amt: x})
	}
	return f
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func (a *floatAccount) run() floatResult {
	var (
		units   []floatUnit
		books   = [][4][]int{{}}
		heads   = [][4]int{{}}
		out     [4]float64
		credit  float64
		paid    []float64
		grace   []int // 0 pending, 1 kept, 2 lost
		nbs     []float64
		obl     []float64
		oblDue  []int
		decided int
		cyc     float64 // running balance for new_balance
		res     floatResult
	)
	seg := func(u *floatUnit, to int) {
		if to > u.from {
			// In cents, with the rate as 5/10000, so a product that is
			// exactly half a cent is exactly representable and rounds up
			// as the exact engine does.
			c := math.Round(u.out * 100)
			u.pend = append(u.pend, math.Round(c*a.rateNum*float64(to-u.from)/a.rateDen)/100)
		}
		u.from = to
	}
	reduce := func(id int, x float64, d int) {
		u := &units[id]
		if u.open {
			seg(u, d)
		}
		u.out = round2(u.out - x)
		out[u.comp] = round2(out[u.comp] - x)
		u.open = u.open && u.out > 0
	}
	post := func(c int, d int, amt float64) {
		stmt := len(nbs) + 1
		if c == 1 {
			stmt = len(nbs)
		}
		units = append(units, floatUnit{comp: c, stmt: stmt, out: amt, rate: a.rate, from: d, open: c != 0, no: c == 0})
		books[stmt-1][c] = append(books[stmt-1][c], len(units)-1)
		out[c] += amt
		if credit > 0 {
			x := math.Min(credit, amt)
			credit = round2(credit - x)
			reduce(len(units)-1, x, d)
		}
	}
	billable := func(u *floatUnit) bool {
		return !u.no && (u.comp != 3 || (u.stmt <= len(grace) && grace[u.stmt-1] == 2))
	}
	ti, si := 0, 0
	for d := 0; d <= a.asOf; d++ {
		lo := decided
		for decided < len(nbs) && a.dues[decided]+1 == d {
			grace = append(grace, 2)
			if paid[decided] >= nbs[decided] {
				grace[decided] = 1
				for _, id := range books[decided][3] {
					units[id].no, units[id].open, units[id].pend = true, false, nil
				}
			}
			decided++
		}
		if si < len(a.stmts) && a.stmts[si] == d {
			var interest float64
			for i := range units {
				u := &units[i]
				if !billable(u) {
					continue
				}
				if u.open {
					seg(u, d)
				}
				for _, x := range u.pend {
					interest += x
				}
				res.segments += len(u.pend)
				u.pend = u.pend[:0]
			}
			interest = round2(interest)
			books, heads = append(books, [4][]int{}), append(heads, [4]int{})
			nbs = append(nbs, 0)
			paid = append(paid, 0)
			if interest > 0 {
				post(1, d, interest)
			}
			cyc += interest
			nbs[si] = round2(cyc)
			var pdm float64
			for _, o := range obl {
				pdm += o
			}
			pdm = round2(pdm)
			m := round2(out[3]*a.pct + out[2] + out[1] + out[0] + pdm)
			m = math.Min(math.Max(m, a.floor), round2(out[0]+out[1]+out[2]+out[3]+pdm))
			m = math.Max(0, math.Min(m, nbs[si]))
			res.interest, res.minimum = append(res.interest, interest), append(res.minimum, m)
			if m-pdm > 0 {
				obl, oblDue = append(obl, round2(m-pdm)), append(oblDue, a.dues[si])
			}
			si++
		}
		for k := lo; k < decided; k++ {
			var unpaid float64
			for i, o := range obl {
				if oblDue[i] <= a.dues[k] {
					unpaid += o
				}
			}
			if unpaid > 0 {
				cyc += a.late
				post(0, d, a.late)
			}
		}
		for ti < len(a.txs) && a.txs[ti].day == d {
			t := a.txs[ti]
			ti++
			switch t.kind {
			case card.Purchase:
				cyc += t.amt
				post(3, d, t.amt)
			case card.CashAdvance:
				cyc += t.amt
				post(2, d, t.amt)
			case card.Fee:
				cyc += t.amt
				post(0, d, t.amt)
			case card.Payment:
				cyc -= t.amt
				for k := decided; k < len(nbs); k++ {
					paid[k] += t.amt
				}
				left := t.amt
				for i := range obl {
					x := math.Min(left, obl[i])
					obl[i], left = round2(obl[i]-x), round2(left-x)
				}
				left = t.amt
				for bi := range books {
					for c := range 4 {
						for heads[bi][c] < len(books[bi][c]) && left > 0 {
							id := books[bi][c][heads[bi][c]]
							x := math.Min(left, units[id].out)
							reduce(id, x, d)
							left = round2(left - x)
							if units[id].out > 0 {
								break
							}
							heads[bi][c]++
						}
					}
				}
				credit += left
			}
		}
	}
	res.total = round2(out[0] + out[1] + out[2] + out[3])
	return res
}
