package book

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// RollCell is what moved from one bucket to another between the two dates
// of a [Roll]: how many accounts, their outstanding as of the first date
// (the balance that rolled) and as of the second (what it has become).
type RollCell struct {
	Accounts    int64        `json:"accounts"`
	FromBalance money.Amount `json:"from_balance"`
	ToBalance   money.Amount `json:"to_balance"`
}

// Roll is the roll-rate matrix of a book between two as-of dates: Cells[i][j]
// holds the accounts in bucket i as of From that are in bucket j as of To.
// Row i adds up to bucket i as of From; column j to bucket j as of To.
type Roll struct {
	From, To money.Date
	Cells    [NumBuckets][NumBuckets]RollCell
}

// Add counts one account by its statements as of From and as of To. It
// reports false, counting nothing, when either bucket is not one of the
// eight.
func (r *Roll) Add(from, to penalty.Statement) bool {
	return r.Add1(from.Bucket, Of(from.Totals), to.Bucket, Of(to.Totals))
}

// Add1 is Add for any kind of line: its bucket and totals (a
// book.Result's) as of From and as of To.
func (r *Roll) Add1(fromBucket string, from BucketTotals, toBucket string, to BucketTotals) bool {
	i, j := BucketIndex(fromBucket), BucketIndex(toBucket)
	if i < 0 || j < 0 {
		return false
	}
	c := &r.Cells[i][j]
	c.Accounts++
	c.FromBalance = c.FromBalance.Add(from.Outstanding)
	c.ToBalance = c.ToBalance.Add(to.Outstanding)
	return true
}

// Row is the total of row i: the accounts in bucket i as of From.
func (r *Roll) Row(i int) RollCell {
	var t RollCell
	for _, c := range r.Cells[i] {
		t.Accounts += c.Accounts
		t.FromBalance = t.FromBalance.Add(c.FromBalance)
		t.ToBalance = t.ToBalance.Add(c.ToBalance)
	}
	return t
}

// WriteTable prints the matrix twice, by accounts and by balance: each
// cell with its share of its row (the roll rate), so "M1 → M2 30.0 %"
// reads "three in ten accounts that were 1–30 days past due on From are
// 31–60 on To". The balance table weighs accounts by their outstanding as
// of From.
func (r *Roll) WriteTable(w io.Writer) error {
	ew := &errWriter{w: w}
	header := func(title string) {
		ew.printf("%s, %s → %s (rows: bucket as of %s; columns: as of %s; %% of the row)\n", title, r.From, r.To, r.From, r.To)
		ew.printf("%-8s", "from\\to")
		for _, n := range bucketNames {
			ew.printf(" %18s", n)
		}
		ew.printf(" %18s\n", "total")
	}
	header("roll rate by accounts")
	for i, name := range bucketNames {
		row := r.Row(i)
		ew.printf("%-8s", name)
		for _, c := range r.Cells[i] {
			ew.printf(" %18s", strconv.FormatInt(c.Accounts, 10)+" "+pad(Percent(c.Accounts, row.Accounts)))
		}
		ew.printf(" %18d\n", row.Accounts)
	}
	header("roll rate by balance")
	for i, name := range bucketNames {
		row := r.Row(i)
		ew.printf("%-8s", name)
		for _, c := range r.Cells[i] {
			ew.printf(" %18s", compact(c.FromBalance)+" "+pad(AmountPercent(c.FromBalance, row.FromBalance)))
		}
		ew.printf(" %18s\n", compact(row.FromBalance))
	}
	return ew.err
}

// pad right-aligns a percentage to the width of "100.0 %".
func pad(s string) string {
	for len(s) < len("100.0 %") {
		s = " " + s
	}
	return s
}

// compact writes a balance in whole units (thousands separated by
// nothing, rounded half up) to keep the balance table narrow; the CSV has
// the exact figures.
func compact(a money.Amount) string {
	return a.Round(money.NewRounding(0, money.HalfUp)).StringFixed(0)
}

// WriteCSV writes the matrix as CSV, one row per pair of buckets (all 64,
// empty ones included, so a spreadsheet's pivot needs no gaps filled):
// from_date, to_date, from_bucket, to_bucket, accounts, from_balance,
// to_balance, with exact balances to the cent.
func (r *Roll) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"from_date", "to_date", "from_bucket", "to_bucket", "accounts", "from_balance", "to_balance"}); err != nil {
		return err
	}
	for i, from := range bucketNames {
		for j, to := range bucketNames {
			c := r.Cells[i][j]
			rec := []string{r.From.String(), r.To.String(), from, to, strconv.FormatInt(c.Accounts, 10),
				FormatAmount(c.FromBalance), FormatAmount(c.ToBalance)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
