package card_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/money"
)

const trials = 300

func compute(t *testing.T, a card.Account) card.Statement {
	t.Helper()
	s, err := card.Compute(a)
	require.NoError(t, err)
	return s
}

// insert adds x to ts after every transaction dated on or before x.Date.
func insert(ts []card.Transaction, x card.Transaction) []card.Transaction {
	i := 0
	for i < len(ts) && !ts[i].Date.After(x.Date) {
		i++
	}
	return slices.Insert(slices.Clone(ts), i, x)
}

// payEach adds, statement by statement, a payment of what amount says on a
// random day from the statement date through its due date + grace days.
func payEach(t *testing.T, rng *rand.Rand, a card.Account, amount func(card.Bill) money.Amount) card.Account {
	for k := 1; ; k++ {
		s := compute(t, a)
		if k > len(s.Statements) {
			return a
		}
		b := s.Statements[k-1]
		amt := amount(b)
		if !amt.IsPositive() {
			continue
		}
		last := b.DueDate.AddDays(a.Policy.GraceDays)
		d := b.StatementDate.AddDays(rng.IntN(last.Sub(b.StatementDate) + 1))
		if d.After(a.AsOf) {
			continue
		}
		a.Transactions = insert(a.Transactions, card.Transaction{Date: d, Kind: card.Payment, Amount: amt})
	}
}

// Paying each statement's new balance in full by its due date means no
// interest is ever billed or accrued (purchases and fees only: a cash
// advance accrues from its date whatever is paid).
func TestPropertyPayingInFullCostsNoInterest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 10))
	for range trials {
		a := randomAccount(rng, history{fees: true})
		a = payEach(t, rng, a, func(b card.Bill) money.Amount { return b.NewBalance })
		s := compute(t, a)
		for _, b := range s.Statements {
			require.True(t, b.Interest.IsZero(), "statement %d bills %s of interest", b.Number, b.Interest)
			require.NotEqual(t, card.Lost, b.Grace, "statement %d", b.Number)
		}
		require.True(t, s.AccruedInterest.IsZero(), "accrued %s", s.AccruedInterest)
		require.Empty(t, s.Explanation.Segments)
		require.Zero(t, s.DaysPastDue)
	}
}

// A cardholder who pays each minimum by its due date (+ grace days) is
// current and is never charged 违约金, whatever else happens on the card.
func TestPropertyPayingEachMinimumStaysCurrent(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 20))
	for range trials {
		a := randomAccount(rng, history{cash: true, fees: true})
		a = payEach(t, rng, a, func(b card.Bill) money.Amount { return b.MinimumPayment })
		s := compute(t, a)
		require.Zero(t, s.DaysPastDue)
		require.Equal(t, "current", s.Bucket)
		require.Empty(t, s.Explanation.LateFees)
	}
}

// The ledger balances: what is outstanding plus what was paid, less the
// credit left over, is every unit ever posted (purchases, cash advances,
// fees, 违约金 and billed interest); the statements chain; and the units
// are exactly the transactions plus what the engine charged.
func TestPropertyLedgerBalances(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 30))
	for range trials {
		a := randomAccount(rng, history{cash: true, fees: true, payments: true})
		s := compute(t, a)
		var posted, paid, purchases money.Amount
		for _, u := range s.Explanation.Units {
			posted = posted.Add(u.Amount)
			if u.Kind == card.PurchaseUnit {
				purchases = purchases.Add(u.Amount)
			}
		}
		var want money.Amount
		for _, x := range a.Transactions {
			if x.Date.After(a.AsOf) {
				continue
			}
			switch x.Kind {
			case card.Payment:
				paid = paid.Add(x.Amount)
			case card.Purchase:
				want = want.Add(x.Amount)
			}
		}
		require.True(t, purchases.Equal(want), "purchases posted %s, transacted %s", purchases, want)
		lhs := s.Balance.Total.Add(paid).Sub(s.Credit)
		require.True(t, lhs.Equal(posted), "balance %s + payments %s − credit %s ≠ charges %s", s.Balance.Total, paid, s.Credit, posted)
		b := s.Balance
		require.True(t, b.Total.Equal(b.Purchases.Add(b.CashAdvances).Add(b.Interest).Add(b.Fees)))
		require.False(t, s.Credit.IsPositive() && b.Total.IsPositive(), "a credit with a balance owed")
		require.False(t, b.LateFees.IsNegative() || b.LateFees.Cmp(b.Fees) > 0, "late fees %s of fees %s", b.LateFees, b.Fees)
		prev := money.Amount{}
		for _, bill := range s.Statements {
			require.True(t, bill.PreviousBalance.Equal(prev))
			nb := prev.Sub(bill.Payments).Add(bill.Purchases).Add(bill.CashAdvances).Add(bill.Fees).Add(bill.Interest)
			require.True(t, bill.NewBalance.Equal(nb), "statement %d", bill.Number)
			require.False(t, bill.MinimumPayment.IsNegative())
			require.True(t, bill.MinimumPayment.Cmp(money.Max(bill.NewBalance, money.Amount{})) <= 0)
			prev = bill.NewBalance
		}
		require.True(t, s.Payoff.Equal(money.Max(b.Total.Add(s.AccruedInterest).Sub(s.Credit), money.Amount{})))
	}
}

// Every statement's interest is the sum of the segments it bills, each
// segment is round(base × rate × days) with days = to − from, and the
// accrued interest is the sum of the accrued segments.
func TestPropertyInterestIsItsSegments(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 40))
	rnd := money.Rounding{}
	for range trials {
		a := randomAccount(rng, history{cash: true, fees: true, payments: true})
		s := compute(t, a)
		sums := make([]money.Amount, len(s.Statements)+1)
		check := func(g card.Segment) {
			require.Equal(t, g.To.Sub(g.From), g.Days)
			require.Positive(t, g.Days)
			want := g.Base.MulRatio(g.Rate.Ratio().MulInt(int64(g.Days)), rnd)
			require.True(t, g.Amount.Equal(want), "%+v", g)
		}
		for _, g := range s.Explanation.Segments {
			check(g)
			sums[g.Statement] = sums[g.Statement].Add(g.Amount)
		}
		for _, b := range s.Statements {
			require.True(t, b.Interest.Equal(sums[b.Number]), "statement %d: %s vs segments %s", b.Number, b.Interest, sums[b.Number])
		}
		var acc money.Amount
		for _, g := range s.Explanation.Accrued {
			check(g)
			acc = acc.Add(g.Amount)
		}
		require.True(t, s.AccruedInterest.Equal(acc))
	}
}

// Results do not depend on how transactions on different dates are
// listed: a listing out of date order is rejected naming the first
// offender, and Sorted of any listing that keeps same-date order gives the
// same statement as the original.
func TestPropertyListingOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 50))
	for range trials {
		a := randomAccount(rng, history{cash: true, fees: true, payments: true})
		want := compute(t, a)
		var groups [][]card.Transaction
		for i, x := range a.Transactions {
			if i == 0 || x.Date != a.Transactions[i-1].Date {
				groups = append(groups, nil)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], x)
		}
		rng.Shuffle(len(groups), func(i, j int) { groups[i], groups[j] = groups[j], groups[i] })
		b := a
		b.Transactions = slices.Concat(groups...)
		if len(groups) > 1 && b.Transactions[0].Date != a.Transactions[0].Date {
			_, err := card.Compute(b)
			require.ErrorIs(t, err, money.ErrInvalid)
			require.Contains(t, err.Error(), "transactions[")
		}
		b.Transactions = card.Sorted(b.Transactions)
		require.Equal(t, want, compute(t, b))
	}
}
