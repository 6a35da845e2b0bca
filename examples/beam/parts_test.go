package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

func TestShardName(t *testing.T) {
	require.Equal(t, "out/statements.jsonl", ShardName("out/statements.jsonl", 0, 1))
	require.Equal(t, "out/statements-00002-of-00008.jsonl", ShardName("out/statements.jsonl", 2, 8))
	require.Equal(t, "gs://b/x.y/statements-00000-of-00002", ShardName("gs://b/x.y/statements", 0, 2))
	require.True(t, isOutput("/tmp/out/statements-00001-of-00002.jsonl"))
	require.True(t, isOutput("/tmp/out/"+partPrefix+"ab12.jsonl"))
	require.False(t, isOutput("/tmp/out/my-statements.jsonl"))
}

// A rerun into the same directory replaces the statements of the earlier
// run, and leaves no part behind; files that are not the pipeline's stay.
func TestRerunReplacesStatements(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	require.NoError(t, os.MkdirAll(out, 0o755))
	for _, name := range []string{"statements-00000-of-00003.jsonl", "statements-00002-of-00003.jsonl", partPrefix + "dead.jsonl", "mine-statements.jsonl"} {
		require.NoError(t, os.WriteFile(filepath.Join(out, name), []byte(`{"line":1}`+"\n"), 0o644))
	}
	var buf bytes.Buffer
	_, err := writeDemoBook(context.Background(), &buf, 20, 0, 4, demoAsOf)
	require.NoError(t, err)
	in := filepath.Join(dir, "book.jsonl")
	require.NoError(t, os.WriteFile(in, buf.Bytes(), 0o644))
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{In: in, Out: out})
	require.NoError(t, ptest.Run(p))
	requireNoParts(t, out)
	left, err := filepath.Glob(filepath.Join(out, "*statements*.jsonl"))
	require.NoError(t, err)
	var names []string
	lines := 0
	for _, f := range left {
		names = append(names, filepath.Base(f))
		if strings.HasPrefix(filepath.Base(f), "statements") {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			lines += bytes.Count(b, []byte("\n"))
		}
	}
	require.Contains(t, names, "mine-statements.jsonl")
	require.NotContains(t, names, "statements-00002-of-00003.jsonl")
	require.Equal(t, 20, lines)
}

// With NoStatements the pipeline writes the dead letters and the bucket
// table only, the same table.
func TestNoStatements(t *testing.T) {
	var buf bytes.Buffer
	_, err := writeDemoBook(context.Background(), &buf, 200, 2, 6, demoAsOf)
	require.NoError(t, err)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "book.jsonl"), filepath.Join(dir, "out")
	require.NoError(t, os.WriteFile(in, buf.Bytes(), 0o644))
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{In: in, Out: out, NoStatements: true})
	require.NoError(t, ptest.Run(p))
	files, err := filepath.Glob(filepath.Join(out, "*statements*"))
	require.NoError(t, err)
	require.Empty(t, files)
	w := accrueAll(t, in, buf.String(), money.Date{})
	f, err := os.Open(filepath.Join(out, BucketsFile))
	require.NoError(t, err)
	defer f.Close()
	table, err := ReadBucketTable(f)
	require.NoError(t, err)
	require.True(t, w.buckets.Equal(&table.Buckets))
	require.EqualValues(t, 2, table.Failed)
	dead, _ := readJSONLines(t, filepath.Join(out, DeadLetterFile), func(d DeadLetter) int64 { return d.Line })
	require.Len(t, dead, 2)
}

func TestNumberLines(t *testing.T) {
	input := "a\r\n\n  \nbb\n" + strings.Repeat("x", 100) + "\nccc" // no final newline
	var got []Line
	require.NoError(t, numberLines(strings.NewReader(input), "f", 50, func(l Line) { got = append(got, l) }))
	require.Equal(t, []Line{
		{File: "f", Number: 1, Text: "a"},
		{File: "f", Number: 4, Text: "bb"},
		{File: "f", Number: 5, Text: strings.Repeat("x", 100), Error: "line: longer than 50 bytes"},
		{File: "f", Number: 6, Text: "ccc"},
	}, got)

	// A line longer than the reader's buffer is read whole.
	long := strings.Repeat("y", 3<<20)
	got = nil
	require.NoError(t, numberLines(strings.NewReader(long+"\nz\n"), "f", maxLine, func(l Line) { got = append(got, l) }))
	require.Len(t, got, 2)
	require.Equal(t, long, got[0].Text)
	require.Equal(t, Line{File: "f", Number: 2, Text: "z"}, got[1])

	// A line over the limit and over the buffer keeps only its first bytes.
	got = nil
	require.NoError(t, numberLines(strings.NewReader(long+"\nz"), "f", 1<<20, func(l Line) { got = append(got, l) }))
	require.Len(t, got, 2)
	require.Len(t, got[0].Text, maxDeadInput)
	require.NotEmpty(t, got[0].Error)

	require.NoError(t, numberLines(strings.NewReader(""), "f", 10, func(Line) { t.Fatal("no line in empty input") }))
	errRead := errors.New("disk on fire")
	err := numberLines(&failingReader{s: "ok\nnext", err: errRead}, "f", 10, func(Line) {})
	require.ErrorIs(t, err, errRead)
	require.ErrorContains(t, err, "f line 2")
}

type failingReader struct {
	s   string
	err error
}

func (r *failingReader) Read(b []byte) (int, error) {
	if r.s == "" {
		return 0, r.err
	}
	n := copy(b, r.s)
	r.s = r.s[n:]
	return n, nil
}

// Property: however a book's totals are split into accumulators and
// merged, in any order and grouping (as runners combine), the result is
// the sequential bucket table to the cent.
func TestMergeAggAnyGrouping(t *testing.T) {
	g := book.NewGenerator(31, demoAsOf)
	var want book.Buckets
	var items []struct {
		bucket int
		agg    Agg
	}
	for range 1500 {
		s, err := penalty.Accrue(g.Account())
		require.NoError(t, err)
		want.Add(s)
		items = append(items, struct {
			bucket int
			agg    Agg
		}{book.BucketIndex(s.Bucket), aggOf(book.Of(s.Totals))})
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 10 {
		rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		var accs [book.NumBuckets][]Agg
		_, zero := zeroBuckets("")
		for _, it := range items {
			accs[it.bucket] = append(accs[it.bucket], it.agg)
		}
		var got book.Buckets
		for b, list := range accs {
			list = append(list, zero)
			for len(list) > 1 { // merge random pairs until one is left
				i, j := rng.IntN(len(list)), rng.IntN(len(list)-1)
				if j >= i {
					j++
				}
				m, err := mergeAgg(list[i], list[j])
				require.NoError(t, err)
				list[i] = m
				list = append(list[:j], list[j+1:]...)
			}
			tot, err := list[0].totals()
			require.NoError(t, err)
			got[b] = tot
		}
		require.True(t, want.Equal(&got))
	}
}

func TestMergeAggRejectsCorruptSums(t *testing.T) {
	_, zero := zeroBuckets("M1")
	bad := zero
	bad.LateFee = "12,50"
	_, err := mergeAgg(zero, bad)
	require.ErrorIs(t, err, money.ErrInvalid)
	require.ErrorContains(t, err, "aggregate.late_fee")
	_, err = mergeAgg(Agg{Principal: "1e999999999", Penalty: "0", LateFee: "0", Outstanding: "0"}, zero)
	require.ErrorContains(t, err, "aggregate.principal")
}

func TestBucketTableCSV(t *testing.T) {
	var tb BucketTable
	tb.Buckets[0] = book.BucketTotals{Accounts: 2, Principal: money.MustParse("10.5"), Penalty: money.MustParse("0"),
		LateFee: money.MustParse("0"), Outstanding: money.MustParse("11.125")}
	tb.Buckets[7] = book.BucketTotals{Accounts: 1, Principal: money.MustParse("100.00"), Penalty: money.MustParse("3.20"),
		LateFee: money.MustParse("5"), Outstanding: money.MustParse("108.20")}
	tb.Failed = 4
	var buf bytes.Buffer
	require.NoError(t, tb.WriteCSV(&buf))
	// total: 2 + 1 accounts; 10.50 + 100.00; 0 + 3.20; 0 + 5.00; 11.125 + 108.20 = 119.325
	require.Equal(t, strings.Join([]string{
		"bucket,accounts,principal,penalty,late_fee,outstanding",
		"current,2,10.50,0.00,0.00,11.125",
		"M1,0,0.00,0.00,0.00,0.00", "M2,0,0.00,0.00,0.00,0.00", "M3,0,0.00,0.00,0.00,0.00",
		"M4,0,0.00,0.00,0.00,0.00", "M5,0,0.00,0.00,0.00,0.00", "M6,0,0.00,0.00,0.00,0.00",
		"M7+,1,100.00,3.20,5.00,108.20",
		"total,3,110.50,3.20,5.00,119.325",
		"failed,4,,,,", ""}, "\n"), buf.String())
	got, err := ReadBucketTable(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.True(t, tb.Buckets.Equal(&got.Buckets))
	require.EqualValues(t, 4, got.Failed)

	for _, c := range []struct{ old, new, err string }{
		{"total,3,110.50", "total,3,110.51", "not the sum"},
		{"M2,0", "M9,0", "want the M2 row"},
		{"M3,0,0.00", "M3,x,0.00", "accounts"},
		{"M4,0,0.00", "M4,0,abc", "principal"},
		{"failed,4,,,,\n", "", "rows"},
	} {
		_, err := ReadBucketTable(strings.NewReader(strings.Replace(buf.String(), c.old, c.new, 1)))
		require.ErrorContains(t, err, c.err, c.old)
	}
}

// FuzzAccrueLine: any line either becomes a statement in one of the eight
// buckets or an error matching money.ErrInvalid that names what is wrong;
// never a panic.
func FuzzAccrueLine(f *testing.F) {
	var buf bytes.Buffer
	_, err := writeDemoBook(context.Background(), &buf, 8, 4, 2, demoAsOf)
	require.NoError(f, err)
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		f.Add([]byte(l))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"as_of":"2025-06-30","installments":[{"due_date":"2025-01-01","principal":"1","interest":"0","fee":"0"}],"payments":[],"policy":{}}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		s, err := accrueLine(line, money.Date{})
		if err != nil {
			require.ErrorIs(t, err, money.ErrInvalid)
			require.NotEmpty(t, err.Error())
			return
		}
		require.GreaterOrEqual(t, book.BucketIndex(s.Bucket), 0)
		// Its totals go through the combiner's strings and come back equal.
		tot, err := aggOf(s.Totals).totals()
		require.NoError(t, err)
		require.True(t, tot.Equal(s.Totals))
	})
}

// FuzzNumberLines: the reader emits exactly the non-blank lines, numbered
// as strings.Split numbers them, longer ones cut and flagged.
func FuzzNumberLines(f *testing.F) {
	f.Add([]byte("a\r\n\nb\n"), 4)
	f.Add([]byte("\n\n\n"), 1)
	f.Add([]byte("xxxxxxxxxx\nyy"), 3)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		limit = 1 + abs(limit)%64
		var got []Line
		require.NoError(t, numberLines(bytes.NewReader(data), "f", limit, func(l Line) { got = append(got, l) }))
		k := 0
		split := strings.Split(string(data), "\n")
		for i, line := range split {
			if i == len(split)-1 && line == "" {
				break // after the final newline, or no input at all
			}
			if len(line) > limit {
				require.Less(t, k, len(got), "line %d", i+1)
				require.Equal(t, int64(i+1), got[k].Number)
				require.Equal(t, fmt.Sprintf("line: longer than %d bytes", limit), got[k].Error)
				require.Equal(t, strings.TrimSuffix(line[:min(len(line), maxDeadInput)], "\r"), got[k].Text)
				k++
				continue
			}
			full := strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(full) == "" {
				continue
			}
			require.Less(t, k, len(got), "line %d", i+1)
			require.Equal(t, Line{File: "f", Number: int64(i + 1), Text: full}, got[k])
			k++
		}
		require.Equal(t, k, len(got))
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// FuzzReadBucketTable: any bytes either fail to read or read to a table
// that writes back to bytes that read to the same table.
func FuzzReadBucketTable(f *testing.F) {
	var tb BucketTable
	tb.Buckets[2] = book.BucketTotals{Accounts: 1, Principal: money.MustParse("1.00"), Penalty: money.MustParse("0.10"),
		LateFee: money.MustParse("0"), Outstanding: money.MustParse("1.10")}
	var buf bytes.Buffer
	require.NoError(f, tb.WriteCSV(&buf))
	f.Add(buf.Bytes())
	f.Add([]byte("bucket\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadBucketTable(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		require.NoError(t, got.WriteCSV(&out))
		again, err := ReadBucketTable(&out)
		require.NoError(t, err)
		require.True(t, got.Buckets.Equal(&again.Buckets))
		require.Equal(t, got.Failed, again.Failed)
	})
}
