package book

import (
	"fmt"
	"io"
	"math/big"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// NumBuckets is the number of delinquency buckets: current, M1 … M6, M7+.
const NumBuckets = 8

// bucketNames are the names penalty.Statement.Bucket takes, in order of
// delinquency.
var bucketNames = [NumBuckets]string{"current", "M1", "M2", "M3", "M4", "M5", "M6", "M7+"}

// BucketName is the name of bucket i (0 current … 7 M7+), as
// penalty.Statement.Bucket spells it, or "" outside 0 … NumBuckets-1.
func BucketName(i int) string {
	if i < 0 || i >= NumBuckets {
		return ""
	}
	return bucketNames[i]
}

// BucketIndex is the index of the bucket named name, or -1 for a name
// that is not a bucket's.
func BucketIndex(name string) int {
	for i, n := range bucketNames {
		if n == name {
			return i
		}
	}
	return -1
}

// BucketTotals adds up the statements of one bucket: how many accounts,
// and their outstanding principal, penalty, late fees and total, exactly.
type BucketTotals struct {
	Accounts    int64        `json:"accounts"`
	Principal   money.Amount `json:"principal"`
	Penalty     money.Amount `json:"penalty"`
	LateFee     money.Amount `json:"late_fee"`
	Outstanding money.Amount `json:"outstanding"`
}

// Of is the totals of one statement: one account and its figures.
func Of(t penalty.Totals) BucketTotals {
	return BucketTotals{Accounts: 1, Principal: t.Principal, Penalty: t.Penalty, LateFee: t.LateFee, Outstanding: t.Outstanding}
}

// Plus is the sum of t and u. Addition is exact, so sums come out the
// same in any grouping and order: that is what lets a distributed
// combiner agree with a sequential pass to the cent.
func (t BucketTotals) Plus(u BucketTotals) BucketTotals {
	return BucketTotals{
		Accounts:    t.Accounts + u.Accounts,
		Principal:   t.Principal.Add(u.Principal),
		Penalty:     t.Penalty.Add(u.Penalty),
		LateFee:     t.LateFee.Add(u.LateFee),
		Outstanding: t.Outstanding.Add(u.Outstanding),
	}
}

// Equal reports whether t and u have the same count and amounts (by
// value: 1.50 equals 1.5).
func (t BucketTotals) Equal(u BucketTotals) bool {
	return t.Accounts == u.Accounts && t.Principal.Equal(u.Principal) && t.Penalty.Equal(u.Penalty) &&
		t.LateFee.Equal(u.LateFee) && t.Outstanding.Equal(u.Outstanding)
}

// Buckets is the book by delinquency bucket, the table a collections
// manager reads every morning. The zero value is an empty book.
type Buckets [NumBuckets]BucketTotals

// Add counts a statement in its bucket. A statement whose bucket is not
// one of the eight (never from penalty.Accrue) is not counted and Add
// reports false.
func (b *Buckets) Add(s penalty.Statement) bool {
	return b.Add1(s.Bucket, Of(s.Totals))
}

// Add1 counts one account of bucket with totals t (a book.Result's); it
// reports false, counting nothing, for a name that is not a bucket's.
func (b *Buckets) Add1(bucket string, t BucketTotals) bool {
	i := BucketIndex(bucket)
	if i < 0 {
		return false
	}
	b[i] = b[i].Plus(t)
	return true
}

// Merge adds the buckets of o to b.
func (b *Buckets) Merge(o *Buckets) {
	for i := range b {
		b[i] = b[i].Plus(o[i])
	}
}

// Total is the whole book: every bucket added up.
func (b *Buckets) Total() BucketTotals {
	var t BucketTotals
	for _, u := range b {
		t = t.Plus(u)
	}
	return t
}

// Equal reports whether b and o have equal totals in every bucket.
func (b *Buckets) Equal(o *Buckets) bool {
	for i := range b {
		if !b[i].Equal(o[i]) {
			return false
		}
	}
	return true
}

// WriteTable prints the bucket table: per bucket the accounts, their share
// of the book, and the principal, penalty, late fees and total outstanding,
// to the cent; then the book's total.
func (b *Buckets) WriteTable(w io.Writer) error {
	total := b.Total()
	ew := &errWriter{w: w}
	ew.printf("%-8s %9s %7s %20s %16s %16s %20s\n", "bucket", "accounts", "share", "principal", "penalty", "late_fee", "outstanding")
	row := func(name string, t BucketTotals) {
		ew.printf("%-8s %9d %7s %20s %16s %16s %20s\n", name, t.Accounts, Percent(t.Accounts, total.Accounts),
			FormatAmount(t.Principal), FormatAmount(t.Penalty), FormatAmount(t.LateFee), FormatAmount(t.Outstanding))
	}
	for i, t := range b {
		row(bucketNames[i], t)
	}
	row("total", total)
	return ew.err
}

// FormatAmount writes a with at least two decimal places and never fewer
// than it has, so a table of sums is aligned and exact ("12.50", "0.00",
// "1.125").
func FormatAmount(a money.Amount) string {
	return a.StringFixed(max(2, a.Places()))
}

// Percent is 100 × part / whole to one place, half up, with a percent
// sign ("12.5 %"), computed exactly; "-" when whole is 0.
func Percent(part, whole int64) string {
	return ratioPercent(big.NewRat(part, 1), big.NewRat(whole, 1))
}

// AmountPercent is Percent of two amounts.
func AmountPercent(part, whole money.Amount) string {
	return ratioPercent(part.Rat(), whole.Rat())
}

func ratioPercent(part, whole *big.Rat) string {
	if whole.Sign() == 0 {
		return "-"
	}
	q := new(big.Rat).Quo(part, whole)
	q.Mul(q, big.NewRat(100, 1))
	return money.FromRat(q, money.NewRounding(1, money.HalfUp)).StringFixed(1) + " %"
}

// errWriter keeps the first write error, so a table is printed without an
// error check on every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
