package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
)

// Agg is the accumulator of the per-bucket CombinePerKey: a count and
// four exact decimal sums. The sums travel between workers as decimal
// strings (Amount.String), never as float64, so a combine on a cluster
// adds to the cent exactly what a sequential pass adds.
type Agg struct {
	Accounts    int64
	Principal   string
	Penalty     string
	LateFee     string
	Outstanding string
}

func aggOf(t book.BucketTotals) Agg {
	return Agg{Accounts: t.Accounts, Principal: t.Principal.String(), Penalty: t.Penalty.String(),
		LateFee: t.LateFee.String(), Outstanding: t.Outstanding.String()}
}

// totals parses the sums back; field names the Agg field a bad string was
// in (there is none unless an accumulator was corrupted on the wire).
func (a Agg) totals() (book.BucketTotals, error) {
	t := book.BucketTotals{Accounts: a.Accounts}
	for _, f := range []struct {
		name string
		s    string
		dst  *money.Amount
	}{
		{"principal", a.Principal, &t.Principal}, {"penalty", a.Penalty, &t.Penalty},
		{"late_fee", a.LateFee, &t.LateFee}, {"outstanding", a.Outstanding, &t.Outstanding},
	} {
		v, err := money.Parse(f.s)
		if err != nil {
			return t, money.Within("aggregate."+f.name, err)
		}
		*f.dst = v
	}
	return t, nil
}

// mergeAgg is the combiner: exact addition, so associative and commutative
// as Beam requires of a CombineFn, in any grouping the runner picks.
func mergeAgg(a, b Agg) (Agg, error) {
	x, err := a.totals()
	if err != nil {
		return Agg{}, err
	}
	y, err := b.totals()
	if err != nil {
		return Agg{}, err
	}
	return aggOf(x.Plus(y)), nil
}

// zeroBuckets pairs a bucket name with an empty total, so that every
// bucket has a row in buckets.csv.
func zeroBuckets(name string) (string, Agg) {
	return name, Agg{Principal: "0", Penalty: "0", LateFee: "0", Outstanding: "0"}
}

// Row is one row of buckets.csv.
type Row struct {
	Bucket string
	Agg    Agg
}

func bucketRow(name string, a Agg) Row { return Row{Bucket: name, Agg: a} }

// writeBucketsFn writes buckets.csv from every row at once (they are nine:
// one worker writes them, in bucket order).
type writeBucketsFn struct {
	Path string `json:"path"`
}

func (w *writeBucketsFn) ProcessElement(ctx context.Context, _ int, rows func(*Row) bool) error {
	var t BucketTable
	var r Row
	for rows(&r) {
		tot, err := r.Agg.totals()
		if err != nil {
			return err
		}
		if r.Bucket == "failed" {
			t.Failed += tot.Accounts
			continue
		}
		i := book.BucketIndex(r.Bucket)
		if i < 0 {
			return fmt.Errorf("bucket %q: not one of current, M1 … M7+", r.Bucket)
		}
		t.Buckets[i] = t.Buckets[i].Plus(tot)
	}
	var buf bytes.Buffer
	if err := t.WriteCSV(&buf); err != nil {
		return err
	}
	fs, err := filesystem.New(ctx, w.Path)
	if err != nil {
		return err
	}
	defer fs.Close()
	return filesystem.Write(ctx, fs, w.Path, buf.Bytes())
}

// BucketTable is the content of buckets.csv: the book by bucket, and how
// many lines went to the dead letters.
type BucketTable struct {
	Buckets book.Buckets
	Failed  int64
}

// csvHeader is buckets.csv's first row.
func csvHeader() []string {
	return []string{"bucket", "accounts", "principal", "penalty", "late_fee", "outstanding"}
}

// WriteCSV writes the eight buckets, then "total" (their sum) and "failed"
// (the dead letters, no amounts), amounts exact.
func (t *BucketTable) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	row := func(name string, b book.BucketTotals) []string {
		return []string{name, strconv.FormatInt(b.Accounts, 10), book.FormatAmount(b.Principal),
			book.FormatAmount(b.Penalty), book.FormatAmount(b.LateFee), book.FormatAmount(b.Outstanding)}
	}
	recs := [][]string{csvHeader()}
	for i, b := range t.Buckets {
		recs = append(recs, row(book.BucketName(i), b))
	}
	recs = append(recs, row("total", t.Buckets.Total()), []string{"failed", strconv.FormatInt(t.Failed, 10), "", "", "", ""})
	return cw.WriteAll(recs)
}

// ReadBucketTable reads what WriteCSV wrote; it checks that the total row
// is the sum of the buckets.
func ReadBucketTable(r io.Reader) (*BucketTable, error) {
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) != book.NumBuckets+3 {
		return nil, fmt.Errorf("%s: %d rows, want %d", BucketsFile, len(recs), book.NumBuckets+3)
	}
	var t BucketTable
	var total book.BucketTotals
	for k, rec := range recs[1:] {
		want := "failed"
		switch {
		case k < book.NumBuckets:
			want = book.BucketName(k)
		case k == book.NumBuckets:
			want = "total"
		}
		if len(rec) != len(csvHeader()) || rec[0] != want {
			return nil, fmt.Errorf("%s row %d: want the %s row of %d fields", BucketsFile, k+2, want, len(csvHeader()))
		}
		n, err := strconv.ParseInt(rec[1], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s row %d: accounts: %w", BucketsFile, k+2, err)
		}
		switch {
		case k < book.NumBuckets || k == book.NumBuckets:
			b := book.BucketTotals{Accounts: n}
			for j, dst := range []*money.Amount{&b.Principal, &b.Penalty, &b.LateFee, &b.Outstanding} {
				if *dst, err = money.Parse(rec[2+j]); err != nil {
					return nil, fmt.Errorf("%s row %d: %s: %w", BucketsFile, k+2, csvHeader()[2+j], err)
				}
			}
			if k < book.NumBuckets {
				t.Buckets[k] = b
			} else {
				total = b
			}
		default:
			t.Failed = n
		}
	}
	if !total.Equal(t.Buckets.Total()) {
		return nil, fmt.Errorf("%s: the total row is not the sum of the buckets", BucketsFile)
	}
	return &t, nil
}
