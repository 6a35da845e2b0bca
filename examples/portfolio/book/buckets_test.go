package book

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

func stmt(bucket, principal, pen, lateFee, outstanding string) penalty.Statement {
	return penalty.Statement{Bucket: bucket, Totals: penalty.Totals{
		Principal: money.MustParse(principal), Penalty: money.MustParse(pen),
		LateFee: money.MustParse(lateFee), Outstanding: money.MustParse(outstanding)}}
}

func TestBucketNames(t *testing.T) {
	for i := range NumBuckets {
		require.Equal(t, i, BucketIndex(BucketName(i)))
	}
	require.Equal(t, "current", BucketName(0))
	require.Equal(t, "M7+", BucketName(7))
	require.Equal(t, "", BucketName(-1))
	require.Equal(t, "", BucketName(NumBuckets))
	require.Equal(t, -1, BucketIndex("M8"))
	require.Equal(t, -1, BucketIndex(""))
}

// Two M1 accounts and a current one, added up by hand:
// M1 principal 100.00 + 250.50 = 350.50, penalty 1.25 + 0.75 = 2.00,
// late fee 10.00 + 0 = 10.00, outstanding 111.25 + 251.25 = 362.50.
func TestBucketsByHand(t *testing.T) {
	var b Buckets
	require.True(t, b.Add(stmt("M1", "100.00", "1.25", "10.00", "111.25")))
	require.True(t, b.Add(stmt("current", "500.00", "0", "0", "520.00")))
	require.True(t, b.Add(stmt("M1", "250.50", "0.75", "0", "251.25")))
	require.False(t, b.Add(stmt("M9", "1", "0", "0", "1")))
	m1 := BucketTotals{Accounts: 2, Principal: money.MustParse("350.50"), Penalty: money.MustParse("2.00"),
		LateFee: money.MustParse("10.00"), Outstanding: money.MustParse("362.50")}
	require.True(t, m1.Equal(b[1]), "%+v", b[1])
	require.EqualValues(t, 1, b[0].Accounts)
	require.Zero(t, b[7].Accounts)
	total := b.Total()
	require.EqualValues(t, 3, total.Accounts)
	require.Equal(t, "882.50", total.Outstanding.StringFixed(2)) // 362.50 + 520.00

	var buf bytes.Buffer
	require.NoError(t, b.WriteTable(&buf))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, 1+NumBuckets+1)
	require.Equal(t, strings.Fields("M1 2 66.7 % 350.50 2.00 10.00 362.50"), strings.Fields(lines[2]))
	require.Equal(t, strings.Fields("current 1 33.3 % 500.00 0.00 0.00 520.00"), strings.Fields(lines[1]))
	require.Equal(t, strings.Fields("M7+ 0 0.0 % 0.00 0.00 0.00 0.00"), strings.Fields(lines[8]))
	require.Equal(t, strings.Fields("total 3 100.0 % 850.50 2.00 10.00 882.50"), strings.Fields(lines[9]))
}

func TestPercentAndFormat(t *testing.T) {
	for _, c := range []struct {
		part, whole int64
		want        string
	}{{1, 3, "33.3 %"}, {2, 3, "66.7 %"}, {1, 8, "12.5 %"}, {1, 16, "6.3 %"}, {0, 5, "0.0 %"}, {5, 5, "100.0 %"}, {1, 0, "-"}} {
		require.Equal(t, c.want, Percent(c.part, c.whole), "%d/%d", c.part, c.whole)
	}
	// 0.005 / 0.01 is exactly a half; 1 / 0.03 is 3333.33… %.
	require.Equal(t, "50.0 %", AmountPercent(money.MustParse("0.005"), money.MustParse("0.01")))
	require.Equal(t, "3333.3 %", AmountPercent(money.MustParse("1"), money.MustParse("0.03")))
	require.Equal(t, "-", AmountPercent(money.MustParse("1"), money.MustParse("0.00")))
	require.Equal(t, "12.50", FormatAmount(money.MustParse("12.5")))
	require.Equal(t, "0.00", FormatAmount(money.MustParse("0")))
	require.Equal(t, "1.125", FormatAmount(money.MustParse("1.125")))
	require.Equal(t, "-3.10", FormatAmount(money.MustParse("-3.1")))
}

// bookStatements accrues n accounts of a generated book as of asOf.
func bookStatements(t testing.TB, n int, seed uint64, asOf money.Date) []penalty.Statement {
	g := NewGenerator(seed, asOf)
	out := make([]penalty.Statement, n)
	for i := range out {
		s, err := penalty.Accrue(g.Account())
		require.NoError(t, err)
		out[i] = s
	}
	return out
}

// Property: however the statements are split into groups and in whatever
// order the groups are merged (as a distributed combiner may), the buckets
// are those of one pass in order, to the cent.
func TestBucketsMergeAnyGrouping(t *testing.T) {
	ss := bookStatements(t, 3000, 8, testAsOf)
	var want Buckets
	for _, s := range ss {
		require.True(t, want.Add(s))
	}
	require.EqualValues(t, len(ss), want.Total().Accounts)
	require.Positive(t, want[7].Penalty.Sign())
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		parts := make([]Buckets, 1+rng.IntN(12))
		for _, k := range rng.Perm(len(ss)) {
			parts[rng.IntN(len(parts))].Add(ss[k])
		}
		var got Buckets
		for _, k := range rng.Perm(len(parts)) {
			got.Merge(&parts[k])
		}
		require.True(t, want.Equal(&got))
	}
}

// Roll of three accounts by hand: two current → M1 (100.00 → 104.00 and
// 50.00 → 51.00), one M1 → M2 (30.00 → 30.90).
func TestRollByHand(t *testing.T) {
	r := Roll{From: money.MustParseDate("2025-05-31"), To: money.MustParseDate("2025-06-30")}
	require.True(t, r.Add(stmt("current", "100", "0", "0", "100.00"), stmt("M1", "100", "0", "0", "104.00")))
	require.True(t, r.Add(stmt("current", "50", "0", "0", "50.00"), stmt("M1", "50", "0", "0", "51.00")))
	require.True(t, r.Add(stmt("M1", "30", "0", "0", "30.00"), stmt("M2", "30", "0", "0", "30.90")))
	require.False(t, r.Add(stmt("M1", "1", "0", "0", "1"), stmt("late", "1", "0", "0", "1")))
	c := r.Cells[0][1]
	require.EqualValues(t, 2, c.Accounts)
	require.Equal(t, "150.00", c.FromBalance.StringFixed(2))
	require.Equal(t, "155.00", c.ToBalance.StringFixed(2))
	require.EqualValues(t, 2, r.Row(0).Accounts)
	require.EqualValues(t, 1, r.Row(1).Accounts)
	require.Zero(t, r.Row(2).Accounts)

	var buf bytes.Buffer
	require.NoError(t, r.WriteCSV(&buf))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 1+NumBuckets*NumBuckets)
	require.Equal(t, []string{"from_date", "to_date", "from_bucket", "to_bucket", "accounts", "from_balance", "to_balance"}, recs[0])
	require.Equal(t, []string{"2025-05-31", "2025-06-30", "current", "M1", "2", "150.00", "155.00"}, recs[1+0*NumBuckets+1])
	require.Equal(t, []string{"2025-05-31", "2025-06-30", "M1", "M2", "1", "30.00", "30.90"}, recs[1+1*NumBuckets+2])
	require.Equal(t, []string{"2025-05-31", "2025-06-30", "M7+", "M7+", "0", "0.00", "0.00"}, recs[len(recs)-1])

	buf.Reset()
	require.NoError(t, r.WriteTable(&buf))
	table := buf.String()
	// current row: 0 stayed, 2 of 2 (100 %) rolled to M1; by balance 150 of 150.
	require.Contains(t, table, "2 100.0 %")
	require.Contains(t, table, "150 100.0 %")
	require.Equal(t, 2+2*NumBuckets+2, strings.Count(table, "\n"))
}

// Property: on a generated book accrued at two dates, row i of the matrix
// is bucket i as of From and column j is bucket j as of To, accounts and
// balances.
func TestRollMarginsAreTheBuckets(t *testing.T) {
	from, to := money.MustParseDate("2025-03-31"), money.MustParseDate("2025-06-30")
	g := NewGenerator(12, to)
	r := Roll{From: from, To: to}
	var atFrom, atTo Buckets
	for range 2000 {
		a := g.Account()
		a.AsOf = from
		sf, err := penalty.Accrue(a)
		require.NoError(t, err)
		a.AsOf = to
		st, err := penalty.Accrue(a)
		require.NoError(t, err)
		require.True(t, r.Add(sf, st))
		atFrom.Add(sf)
		atTo.Add(st)
	}
	moved := 0
	for i := range NumBuckets {
		row := r.Row(i)
		require.Equal(t, atFrom[i].Accounts, row.Accounts)
		require.True(t, atFrom[i].Outstanding.Equal(row.FromBalance))
		var col RollCell
		for k := range NumBuckets {
			c := r.Cells[k][i]
			col.Accounts += c.Accounts
			col.ToBalance = col.ToBalance.Add(c.ToBalance)
			if k != i {
				moved += int(c.Accounts)
			}
		}
		require.Equal(t, atTo[i].Accounts, col.Accounts)
		require.True(t, atTo[i].Outstanding.Equal(col.ToBalance))
	}
	require.Positive(t, moved) // three months apart, accounts do roll
}

// FuzzBucketTotalsPlus: exact addition commutes and associates, and
// Percent never panics, for any amounts the money package parses.
func FuzzBucketTotalsPlus(f *testing.F) {
	f.Add("1.25", "-0.005", "999999999999999.999999999999", int64(3), int64(7))
	f.Add("0", "1e3", "0.1", int64(0), int64(0))
	f.Fuzz(func(t *testing.T, a, b, c string, n, m int64) {
		x, err1 := money.Parse(a)
		y, err2 := money.Parse(b)
		z, err3 := money.Parse(c)
		if err1 != nil || err2 != nil || err3 != nil || n < 0 || m < 0 || n > 1<<40 || m > 1<<40 {
			return
		}
		p := BucketTotals{Accounts: n, Principal: x, Penalty: y, LateFee: z, Outstanding: x.Add(y)}
		q := BucketTotals{Accounts: m, Principal: z, Penalty: x, LateFee: y, Outstanding: y.Add(z)}
		r := BucketTotals{Accounts: 1, Principal: y, Penalty: z, LateFee: x, Outstanding: z}
		require.True(t, p.Plus(q).Equal(q.Plus(p)))
		require.True(t, p.Plus(q).Plus(r).Equal(p.Plus(q.Plus(r))))
		_ = Percent(n, m)
		_ = AmountPercent(x, y)
		_ = FormatAmount(x)
	})
}

// BenchmarkBucketsAdd adds one statement's totals to the buckets; the
// float64 baseline does the same four additions on float64 sums.
func BenchmarkBucketsAdd(b *testing.B) {
	ss := bookStatements(b, 4096, 1, testAsOf)
	b.Run("exact", func(b *testing.B) {
		var bk Buckets
		i := 0
		for b.Loop() {
			bk.Add(ss[i%len(ss)])
			i++
		}
	})
	b.Run("float64", func(b *testing.B) {
		type f4 struct {
			n                 int64
			p, pen, lf, total float64
		}
		fs := make([]struct {
			k                 int
			p, pen, lf, total float64
		}, len(ss))
		for i, s := range ss {
			fs[i].k = BucketIndex(s.Bucket)
			fs[i].p, _ = s.Totals.Principal.Decimal().Float64()
			fs[i].pen, _ = s.Totals.Penalty.Decimal().Float64()
			fs[i].lf, _ = s.Totals.LateFee.Decimal().Float64()
			fs[i].total, _ = s.Totals.Outstanding.Decimal().Float64()
		}
		var bk [NumBuckets]f4
		i := 0
		for b.Loop() {
			s := &fs[i%len(fs)]
			t := &bk[s.k]
			t.n++
			t.p += s.p
			t.pen += s.pen
			t.lf += s.lf
			t.total += s.total
			i++
		}
	})
}
