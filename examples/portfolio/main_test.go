package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

var testAsOf = money.MustParseDate("2025-06-30")

func bookLines(t testing.TB, n int, seed uint64) []string {
	var buf bytes.Buffer
	require.NoError(t, book.Write(context.Background(), &buf, n, seed, testAsOf))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, n)
	return lines
}

func collect(t *testing.T, r io.Reader) (keys []lineKey, accts []penalty.Account, err error) {
	seq, readErr := decodeLines(readerSource(r), 3)
	for k, a := range seq {
		keys = append(keys, k)
		accts = append(accts, a)
	}
	return keys, accts, readErr()
}

func TestDecodeLines(t *testing.T) {
	lines := bookLines(t, 600, 9)
	input := strings.Join(lines[:300], "\n") + "\r\n\n  \n" + `{"as_of":1}` + "\n" + strings.Join(lines[300:], "\n") // no final newline
	keys, accts, err := collect(t, strings.NewReader(input))
	require.NoError(t, err)
	require.Len(t, keys, 601)
	for i, k := range keys {
		switch {
		case i < 300:
			require.Equal(t, i+1, k.line)
		case i == 300:
			require.Equal(t, 303, k.line)
			require.ErrorIs(t, k.err, money.ErrInvalid)
			require.ErrorContains(t, k.err, "as_of")
			continue
		default:
			require.Equal(t, i+3, k.line)
		}
		require.NoError(t, k.err)
		j := i
		if i > 300 {
			j = i - 1
		}
		var want penalty.Account
		require.NoError(t, money.DecodeJSON([]byte(lines[j]), &want))
		require.Equal(t, want, accts[i])
	}
}

type failingReader struct {
	r     io.Reader
	after int
}

var errDisk = errors.New("disk on fire")

func (f *failingReader) Read(b []byte) (int, error) {
	if f.after <= 0 {
		return 0, errDisk
	}
	b = b[:min(len(b), f.after)]
	n, err := f.r.Read(b)
	f.after -= n
	return n, err
}

func TestDecodeLinesReadErrorAndEarlyStop(t *testing.T) {
	before := runtime.NumGoroutine()
	input := strings.Join(bookLines(t, 2000, 10), "\n")
	_, accts, err := collect(t, &failingReader{r: strings.NewReader(input), after: len(input) / 2})
	require.ErrorIs(t, err, errDisk)
	require.NotEmpty(t, accts)

	seq, _ := decodeLines(readerSource(strings.NewReader(input)), 2)
	n := 0
	for range seq {
		if n++; n == 10 {
			break
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	require.LessOrEqual(t, runtime.NumGoroutine(), before)
}

// The pipeline's totals are the sums of accruing each account on its own.
func TestAccrueBookMatchesSequential(t *testing.T) {
	const n = 2000
	var want summary
	b := book.NewGenerator(21, testAsOf)
	for i := range n {
		s, err := penalty.Accrue(b.Account())
		want.add(&penalty.BatchResult[lineKey]{Index: i, Key: lineKey{line: i + 1}, Statement: s, Err: err})
	}
	require.Zero(t, want.failed)
	var buf bytes.Buffer
	require.NoError(t, book.Write(context.Background(), &buf, n, 21, testAsOf))
	var done atomic.Int64
	got, err := accrueBook(context.Background(), readerSource(&buf), testAsOf, 2, &done)
	require.NoError(t, err)
	require.Equal(t, want, *got)
	require.EqualValues(t, n, done.Load())
	require.Positive(t, got.totals.Penalty.Sign())
	require.Positive(t, got.buckets[0].Accounts)
	require.Positive(t, got.buckets[book.NumBuckets-1].Accounts)
}

// Generating straight into the pipeline and writing the book to a file,
// then reading it back, give the same report.
func TestRunOutThenIn(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "book.jsonl")
	cfg := config{n: 1500, seed: 4, asOf: testAsOf, workers: 2}
	var direct, stderr bytes.Buffer
	require.NoError(t, run(context.Background(), cfg, &direct, &stderr))
	require.Contains(t, direct.String(), "portfolio of 1500 accounts")
	require.Contains(t, direct.String(), "failed       0")

	out := cfg
	out.out = file
	require.NoError(t, run(context.Background(), out, io.Discard, &stderr))
	info, err := os.Stat(file)
	require.NoError(t, err)
	require.Positive(t, info.Size())

	in := cfg
	in.in, in.progress = file, true
	var fromFile bytes.Buffer
	stderr.Reset()
	require.NoError(t, run(context.Background(), in, &fromFile, &stderr))
	require.Contains(t, stderr.String(), "100%")
	totals := func(s string) string { return s[strings.Index(s, "outstanding"):] }
	require.Equal(t, totals(direct.String()), totals(fromFile.String()))
}

// Writing the book on several goroutines writes book.Write's bytes, in
// order, for any length; a cancelled context stops it.
func TestWriteBookMatchesWrite(t *testing.T) {
	for _, n := range []int{0, 1, chunkLines, chunkLines + 1, 2000} {
		var want, got bytes.Buffer
		require.NoError(t, book.Write(context.Background(), &want, n, 12, testAsOf))
		require.NoError(t, writeBook(context.Background(), &got, n, 12, testAsOf, 3))
		require.Equal(t, want.Len(), got.Len(), "n %d", n)
		require.True(t, bytes.Equal(want.Bytes(), got.Bytes()), "n %d", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, writeBook(ctx, io.Discard, 10_000, 12, testAsOf, 2), context.Canceled)
	require.ErrorIs(t, writeBook(context.Background(), &failingWriter{after: 100_000}, 10_000, 12, testAsOf, 2), errDisk)
}

type failingWriter struct{ after int }

func (f *failingWriter) Write(b []byte) (int, error) {
	if f.after -= len(b); f.after < 0 {
		return 0, errDisk
	}
	return len(b), nil
}

// The generated source yields the book's accounts, numbered from 1, as
// book.Write's lines decode.
func TestGeneratedSourceIsTheBook(t *testing.T) {
	const n = 700
	lines := bookLines(t, n, 14)
	seq, readErr := decodeLines(generatedSource(context.Background(), n, 14, testAsOf), 2)
	i := 0
	for k, a := range seq {
		require.Equal(t, i+1, k.line)
		require.NoError(t, k.err)
		var want penalty.Account
		require.NoError(t, money.DecodeJSON([]byte(lines[i]), &want))
		require.Equal(t, want, a)
		i++
	}
	require.NoError(t, readErr())
	require.Equal(t, n, i)
}

// Cancelling the run stops the generator, the decoders and the workers.
func TestRunCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err := run(ctx, config{n: 10_000_000, seed: 1, asOf: testAsOf}, io.Discard, io.Discard)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	require.LessOrEqual(t, runtime.NumGoroutine(), before)
}

// BenchmarkStages times each stage of the pipeline per account of the
// book, on one core: generating a line (drawing the account and writing
// it, with one book.LineWriter as a chunk has), decoding it (the fast path
// with one book.Decoder as a chunk has, and money.DecodeJSON), and
// accruing it.
//
//	go test -run '^$' -bench Stages -benchmem ./examples/portfolio
func BenchmarkStages(b *testing.B) {
	const n = 1024
	lines := make([][]byte, n)
	for i, l := range bookLines(b, n, 1) {
		lines[i] = []byte(l)
	}
	accts := make([]penalty.Account, n)
	g := book.NewGenerator(1, testAsOf)
	for i := range accts {
		accts[i] = g.Account() // what each line decodes to (TestDecodeLines)
	}
	b.Run("generate", func(b *testing.B) {
		b.ReportAllocs()
		bk := book.NewGenerator(1, testAsOf)
		var w book.LineWriter
		var line []byte
		for b.Loop() {
			a := bk.Account()
			line = w.Append(line[:0], &a)
		}
	})
	b.Run("decode-fast", func(b *testing.B) {
		b.ReportAllocs()
		var d book.Decoder
		var l book.Line
		i := 0
		for b.Loop() {
			if err := d.DecodeLine(lines[i%n], &l); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("decode-encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			var a penalty.Account
			if err := money.DecodeJSON(lines[i%n], &a); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("accrue", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := penalty.Accrue(accts[i%n]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// The roll-rate run pairs each account's two accruals: its matrix is the
// one built by accruing each account twice on its own, and its margins are
// the bucket tables as of the two dates.
func TestRollBookMatchesSequential(t *testing.T) {
	const n = 1500
	from, to := money.MustParseDate("2025-04-30"), testAsOf
	want := book.Roll{From: from, To: to}
	var atFrom book.Buckets
	b := book.NewGenerator(22, to)
	for range n {
		a := b.Account()
		a.AsOf = from
		sf, err := penalty.Accrue(a)
		require.NoError(t, err)
		a.AsOf = to
		st, err := penalty.Accrue(a)
		require.NoError(t, err)
		require.True(t, want.Add(sf, st))
		atFrom.Add(sf)
	}
	var buf bytes.Buffer
	require.NoError(t, book.Write(context.Background(), &buf, n, 22, to))
	buf.WriteString(`{"as_of":"2025-06-30","installments":[]}` + "\n") // fails both accruals
	var done atomic.Int64
	got, err := rollBook(context.Background(), readerSource(&buf), from, to, 2, &done)
	require.NoError(t, err)
	require.Equal(t, n+1, got.accounts)
	require.Equal(t, 1, got.failed)
	require.Len(t, got.errors, 1)
	require.Contains(t, got.errors[0], fmt.Sprintf("line %d: installments", n+1))
	require.Equal(t, want, got.roll)
	for i := range book.NumBuckets {
		require.Equal(t, atFrom[i].Accounts, got.roll.Row(i).Accounts)
	}
}

func TestRunRoll(t *testing.T) {
	file := filepath.Join(t.TempDir(), "roll.csv")
	cfg := config{n: 800, seed: 5, workers: 2, rollCSV: file}
	require.NoError(t, cfg.parseDates("2025-06-30", false, "2025-05-31", "2025-06-30"))
	require.Equal(t, cfg.rollTo, cfg.asOf)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), cfg, &out, io.Discard))
	require.Contains(t, out.String(), "roll rates of 800 accounts")
	require.Contains(t, out.String(), "roll rate by accounts, 2025-05-31 → 2025-06-30")
	require.Contains(t, out.String(), "roll rate by balance")
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 1+book.NumBuckets*book.NumBuckets)
	var accounts int64
	for _, r := range recs[1:] {
		n, err := strconv.ParseInt(r[4], 10, 64)
		require.NoError(t, err)
		accounts += n
	}
	require.EqualValues(t, 800, accounts)
}

func TestParseDates(t *testing.T) {
	for _, c := range []struct {
		asOf          string
		asOfSet       bool
		from, to, csv string
		err           string
	}{
		{"2025-13-01", false, "", "", "", "as-of"},
		{"2025-06-30", false, "", "", "x.csv", "-roll-csv: needs -roll-from"},
		{"2025-06-30", true, "2025-05-31", "2025-06-30", "", "-as-of: not used"},
		{"2025-06-30", false, "2025-05-31", "", "", "-roll-to: required"},
		{"2025-06-30", false, "", "2025-05-31", "", "-roll-from: required"},
		{"2025-06-30", false, "2025-05-32", "2025-06-30", "", "roll-from"},
		{"2025-06-30", false, "2025-06-30", "2025-06-30", "", "-roll-from: must be before -roll-to (2025-06-30), got 2025-06-30"},
		{"2025-06-30", false, "2025-07-01", "2025-06-30", "", "must be before"},
	} {
		cfg := config{rollCSV: c.csv}
		err := cfg.parseDates(c.asOf, c.asOfSet, c.from, c.to)
		require.ErrorContains(t, err, c.err, "%+v", c)
	}
	var cfg config
	require.NoError(t, cfg.parseDates("2025-06-30", true, "", ""))
	require.Equal(t, testAsOf, cfg.asOf)
	require.True(t, cfg.rollFrom.IsZero())
}

// compactVectorLines are the loan_statement and card_statement vectors
// (SPEC §6, expected figures from an independent reference) as lines of
// a book, with the bucket and figures each vector expects.
func compactVectorLines(t *testing.T) (lines []string, buckets book.Buckets) {
	files, err := filepath.Glob("../../testdata/vectors/*.json")
	require.NoError(t, err)
	amount := func(m map[string]any, k string) money.Amount { return money.MustParse(m[k].(string)) }
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var v struct {
			Kind   string          `json:"kind"`
			Input  json.RawMessage `json:"input"`
			Expect map[string]any  `json:"expect"`
		}
		require.NoError(t, json.Unmarshal(b, &v))
		if _, bad := v.Expect["error"]; bad || v.Kind != "loan_statement" && v.Kind != "card_statement" {
			continue
		}
		var in bytes.Buffer
		require.NoError(t, json.Compact(&in, v.Input))
		lines = append(lines, `{"kind":"`+v.Kind+`","account":`+in.String()+`}`)
		var want book.BucketTotals
		if v.Kind == "loan_statement" {
			p := v.Expect["payoff"].(map[string]any)
			want = book.BucketTotals{Accounts: 1, Principal: amount(p, "principal"), Penalty: amount(p, "penalty"),
				LateFee: amount(p, "late_fee"), Outstanding: amount(p, "total")}
		} else {
			bal := v.Expect["balance"].(map[string]any)
			want = book.BucketTotals{Accounts: 1, Principal: amount(bal, "purchases").Add(amount(bal, "cash_advances")),
				Outstanding: money.MustParse(v.Expect["payoff"].(string))}
			if _, ok := bal["late_fees"]; ok {
				want.LateFee = amount(bal, "late_fees")
			} else { // older vectors do not split the late fees out of fees; take the engine's
				var l book.Line
				require.NoError(t, book.DecodeLine([]byte(lines[len(lines)-1]), &l))
				r, err := l.Accrue(money.Date{})
				require.NoError(t, err)
				want.LateFee = r.Totals.LateFee
			}
		}
		require.True(t, buckets.Add1(v.Expect["bucket"].(string), want), f)
	}
	require.Greater(t, len(lines), 40)
	return lines, buckets
}

// A book mixing accrual ledgers with loan and card lines: the bucket
// table adds the ledgers' statements and the vectors' expected figures;
// the ledger totals are the ledgers' alone.
func TestAccrueBookMixedKinds(t *testing.T) {
	const n = 400
	extra, want := compactVectorLines(t)
	var ledgers summary
	b := book.NewGenerator(23, testAsOf)
	for i := range n {
		s, err := penalty.Accrue(b.Account())
		ledgers.add(&penalty.BatchResult[lineKey]{Index: i, Key: lineKey{line: i + 1}, Statement: s, Err: err})
	}
	want.Merge(&ledgers.buckets)
	var buf bytes.Buffer
	require.NoError(t, book.Write(context.Background(), &buf, n, 23, testAsOf))
	buf.WriteString(strings.Join(extra, "\n") + "\n")
	var done atomic.Int64
	// The vectors carry their own as_of: accrue every line as of its own.
	got, err := accrueBook(context.Background(), readerSource(&buf), money.Date{}, 2, &done)
	require.NoError(t, err)
	require.Zero(t, got.failed, got.errors)
	require.Equal(t, n+len(extra), got.accounts)
	require.True(t, want.Equal(&got.buckets))
	require.Equal(t, ledgers.totals, got.totals)
	require.Equal(t, len(extra), got.others[book.LoanStatement]+got.others[book.CardStatement])
	require.Positive(t, got.others[book.LoanStatement])
	require.Positive(t, got.others[book.CardStatement])
}

// Loan and card lines roll too: each is in one cell, or failed (a date
// before a card was opened, say), never both or neither.
func TestRollBookMixedKinds(t *testing.T) {
	extra, _ := compactVectorLines(t)
	var done atomic.Int64
	got, err := rollBook(context.Background(), readerSource(strings.NewReader(strings.Join(extra, "\n"))),
		money.MustParseDate("2025-06-30"), money.MustParseDate("2025-09-30"), 2, &done)
	require.NoError(t, err)
	require.Equal(t, len(extra), got.accounts)
	var placed int64
	for i := range book.NumBuckets {
		placed += got.roll.Row(i).Accounts
	}
	require.EqualValues(t, got.accounts-got.failed, placed)
	require.Positive(t, placed)
}
