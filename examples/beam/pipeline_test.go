package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
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

// TestMain parses Beam's flags and runs the tests' pipelines on prism,
// in process (ptest's default runner).
func TestMain(m *testing.M) { ptest.Main(m) }

// want is what penalty.AccrueAll says of a book: the statements.jsonl line
// of every good line, the error of every bad one, and the buckets.
type want struct {
	statements map[int64]string
	dead       map[int64]string
	text       map[int64]string
	buckets    book.Buckets
}

type lineRef struct {
	number    int64
	decodeErr error
}

// accrueAll numbers the lines of content as the pipeline does (from 1,
// blank lines counted, \r\n or \n), decodes them with the portfolio's
// decoder and accrues them with penalty.AccrueAll, the one-machine path.
func accrueAll(t *testing.T, path, content string, asOf money.Date) want {
	w := want{statements: map[int64]string{}, dead: map[int64]string{}, text: map[int64]string{}}
	seq := func(yield func(lineRef, penalty.Account) bool) {
		for i, line := range strings.Split(content, "\n") {
			line = strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			n := int64(i + 1)
			w.text[n] = line
			var a penalty.Account
			err := book.DecodeAccount([]byte(line), &a)
			if !yield(lineRef{n, err}, a) {
				return
			}
		}
	}
	err := penalty.AccrueAll(context.Background(), asOf, seq, penalty.BatchOptions{},
		func(r penalty.BatchResult[lineRef]) error {
			err := r.Key.decodeErr
			if err == nil {
				err = r.Err
			}
			if err != nil {
				w.dead[r.Key.number] = err.Error()
				return nil
			}
			b, err := json.Marshal(StatementRecord{File: path, Line: r.Key.number, Kind: "accrual", Statement: r.Statement})
			if err != nil {
				return err
			}
			w.statements[r.Key.number] = string(b)
			require.True(t, w.buckets.Add(r.Statement))
			return nil
		})
	require.NoError(t, err)
	return w
}

// runPipeline writes content to a file, runs the pipeline on it on prism
// and returns the file's path and the output directory.
func runPipeline(t *testing.T, content string, asOf money.Date) (path, out string) {
	dir := t.TempDir()
	path = filepath.Join(dir, "book.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	out = filepath.Join(dir, "out")
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{In: path, Out: out, AsOf: asOf})
	require.NoError(t, ptest.Run(p))
	return path, out
}

// readJSONLines reads the JSON lines output files of a glob into a map by
// line number, failing on a line number seen twice.
func readJSONLines[T any](t *testing.T, glob string, line func(T) int64) (map[int64]T, map[int64]string) {
	files, err := filepath.Glob(glob)
	require.NoError(t, err)
	require.NotEmpty(t, files, glob)
	recs, raw := map[int64]T{}, map[int64]string{}
	for _, file := range files {
		f, err := os.Open(file)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r T
			require.NoError(t, json.Unmarshal(sc.Bytes(), &r), "%s", sc.Text())
			n := line(r)
			_, dup := raw[n]
			require.False(t, dup, "line %d twice in %s", n, glob)
			recs[n], raw[n] = r, sc.Text()
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	return recs, raw
}

// requireNoParts checks that no part file is left in out.
func requireNoParts(t *testing.T, out string) {
	left, err := filepath.Glob(filepath.Join(out, partPrefix+"*"))
	require.NoError(t, err)
	require.Empty(t, left)
}

// requireSameAsAccrueAll checks the pipeline's three outputs against
// AccrueAll's results, line for line and to the cent.
func requireSameAsAccrueAll(t *testing.T, w want, path, out string) {
	type ref struct {
		File string `json:"file"`
		Line int64  `json:"line"`
	}
	requireNoParts(t, out)
	recs, raw := readJSONLines(t, filepath.Join(out, "statements*.jsonl"), func(r ref) int64 { return r.Line })
	require.Equal(t, len(w.statements), len(raw), "statements")
	for n, s := range w.statements {
		require.Equal(t, path, recs[n].File)
		require.Equal(t, s, raw[n], "statement of line %d", n) // byte for byte: every amount, every segment
	}

	dead, _ := readJSONLines(t, filepath.Join(out, DeadLetterFile), func(d DeadLetter) int64 { return d.Line })
	if len(dead) != len(w.dead) {
		for n, d := range dead {
			if _, ok := w.dead[n]; !ok {
				t.Logf("unexpected dead letter: line %d: %s", n, d.Error)
			}
		}
	}
	require.Equal(t, len(w.dead), len(dead), "dead letters")
	for n, e := range w.dead {
		d, ok := dead[n]
		require.True(t, ok, "line %d is not a dead letter", n)
		require.Equal(t, e, d.Error, "line %d", n)
		require.Equal(t, path, d.File)
		text := w.text[n]
		require.Equal(t, text[:min(len(text), maxDeadInput)], d.Input)
	}

	f, err := os.Open(filepath.Join(out, BucketsFile))
	require.NoError(t, err)
	defer f.Close()
	table, err := ReadBucketTable(f)
	require.NoError(t, err)
	require.True(t, w.buckets.Equal(&table.Buckets), "beam %+v\naccrueall %+v", table.Buckets, w.buckets)
	require.EqualValues(t, len(w.dead), table.Failed)
	require.EqualValues(t, len(w.statements), table.Buckets.Total().Accounts)
}

// The acceptance test of issue 12: a generated book of 10 000 accounts
// with 40 bad lines (and a blank line, a \r\n line and no final newline),
// accrued as of a date other than the lines' own. The pipeline's
// statements and buckets are AccrueAll's exactly, line for line, and the
// dead letters are exactly the bad lines, each with AccrueAll's error.
func TestPipelineEqualsAccrueAll(t *testing.T) {
	const n, bad = 10_000, 40
	var buf bytes.Buffer
	badAt, err := writeDemoBook(context.Background(), &buf, n, bad, 3, demoAsOf)
	require.NoError(t, err)
	require.Len(t, badAt, bad)
	g := book.NewGenerator(99, demoAsOf)
	buf.WriteString("   \n")
	buf.Write(book.AppendAccount(nil, g.Account()))
	buf.WriteString("\r\n")
	buf.Write(book.AppendAccount(nil, g.Account())) // no final newline
	content := buf.String()

	asOf := money.MustParseDate("2025-07-31")
	w := accrueAll(t, "", content, asOf)
	require.Len(t, w.statements, n+2)
	require.Len(t, w.dead, bad)
	for k, line := range badAt {
		_, field := badLine(k, "")
		require.Contains(t, w.dead[line], field, "bad line %d (%d)", k, line)
	}
	require.Positive(t, w.buckets[book.NumBuckets-1].Penalty.Sign())

	path, out := runPipeline(t, content, asOf)
	w = accrueAll(t, path, content, asOf) // the records name the file
	requireSameAsAccrueAll(t, w, path, out)
}

// With no -as-of, each line is accrued as of its own as_of.
func TestPipelineKeepsEachLinesAsOf(t *testing.T) {
	g := book.NewGenerator(7, demoAsOf)
	var buf bytes.Buffer
	for i := range 60 {
		a := g.Account()
		if i%2 == 1 {
			a.AsOf = money.MustParseDate("2025-04-30")
		}
		buf.Write(book.AppendAccount(nil, a))
		buf.WriteByte('\n')
	}
	content := buf.String()
	path, out := runPipeline(t, content, money.Date{})
	w := accrueAll(t, path, content, money.Date{})
	require.Len(t, w.statements, 60)
	requireSameAsAccrueAll(t, w, path, out)
	require.Contains(t, w.statements[2], `"as_of":"2025-04-30"`)
	require.Contains(t, w.statements[1], `"as_of":"2025-06-30"`)
}

// A glob of several files: line numbers are per file, and every file is
// read.
func TestPipelineReadsEveryFileOfAGlob(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for k := range 3 {
		var buf bytes.Buffer
		_, err := writeDemoBook(context.Background(), &buf, 30, 1, uint64(k+1), demoAsOf)
		require.NoError(t, err)
		p := filepath.Join(dir, "book-"+string(rune('a'+k))+".jsonl")
		require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
		paths = append(paths, p)
	}
	out := filepath.Join(dir, "out")
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{In: filepath.Join(dir, "book-*.jsonl"), Out: out})
	require.NoError(t, ptest.Run(p))

	type ref struct {
		File string `json:"file"`
		Line int64  `json:"line"`
	}
	requireNoParts(t, out)
	files, err := filepath.Glob(filepath.Join(out, "statements*.jsonl"))
	require.NoError(t, err)
	seen := map[ref]bool{}
	for _, file := range files {
		f, err := os.Open(file)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r ref
			require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
			require.False(t, seen[r])
			seen[r] = true
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	require.Len(t, seen, 3*30)
	for _, p := range paths {
		n := 0
		for line := int64(1); line <= 31; line++ { // 30 accounts and a bad line
			if seen[ref{p, line}] {
				n++
			}
		}
		require.Equal(t, 30, n, p)
	}
	tf, err := os.Open(filepath.Join(out, BucketsFile))
	require.NoError(t, err)
	defer tf.Close()
	table, err := ReadBucketTable(tf)
	require.NoError(t, err)
	require.EqualValues(t, 90, table.Buckets.Total().Accounts)
	require.EqualValues(t, 3, table.Failed)
}

// No file matches: the pipeline fails rather than reporting an empty book.
func TestPipelineNoInput(t *testing.T) {
	dir := t.TempDir()
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{In: filepath.Join(dir, "none-*.jsonl"), Out: filepath.Join(dir, "out")})
	require.Error(t, ptest.Run(p))
}
