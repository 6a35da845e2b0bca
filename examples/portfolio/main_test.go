package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

var testAsOf = money.MustParseDate("2025-06-30")

func bookLines(t testing.TB, n int, seed uint64) []string {
	var buf bytes.Buffer
	require.NoError(t, writeBook(context.Background(), &buf, n, seed, testAsOf))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, n)
	return lines
}

// Every line of a generated book decodes strictly to the account it was
// written from, on the fast path, to exactly what money.DecodeJSON gives.
func TestBookRoundTrips(t *testing.T) {
	b := newBook(3, testAsOf)
	var line []byte
	for i := range 3000 {
		a := b.account()
		line = appendAccount(line[:0], a)
		var slow, fast, viaStd penalty.Account
		require.NoError(t, money.DecodeJSON(line, &slow), "line %d: %s", i, line)
		require.True(t, decodeFast(line, &fast), "fast path declined line %d: %s", i, line)
		require.Equal(t, slow, fast, "line %d", i)
		// appendAccount says what json.Marshal says.
		std, err := json.Marshal(a)
		require.NoError(t, err)
		require.NoError(t, money.DecodeJSON(std, &viaStd))
		if viaStd.Payments == nil { // json.Marshal writes null, the book []
			viaStd.Payments = []penalty.Payment{}
		}
		require.Equal(t, viaStd, slow, "line %d", i)
	}
}

// requireSameDecoding checks the fast path against money.DecodeJSON on
// one input: whatever it accepts DecodeJSON accepts, with the same
// Account; and decodeAccount always agrees with DecodeJSON, errors
// included.
func requireSameDecoding(t testing.TB, data []byte) (fastOK bool) {
	var slow, fast, via penalty.Account
	slowErr := money.DecodeJSON(data, &slow)
	fastOK = decodeFast(data, &fast)
	if fastOK {
		require.NoError(t, slowErr, "fast path accepted what DecodeJSON rejects: %s", data)
		require.Equal(t, slow, fast, "%s", data)
	}
	viaErr := decodeAccount(data, &via)
	if slowErr != nil {
		require.EqualError(t, viaErr, slowErr.Error(), "%s", data)
		return fastOK
	}
	require.NoError(t, viaErr)
	require.Equal(t, slow, via, "%s", data)
	return fastOK
}

var fastPathCases = []struct {
	old, new string
	fast     bool // whether decodeFast should take it (its own reading or the value's UnmarshalJSON)
}{
	{"", "", true},
	{`"as_of"`, `"asof"`, false},                         // unknown key
	{`"as_of"`, `"AS_OF"`, false},                        // encoding/json folds case; the slow path decides
	{`{"as_of"`, `{"as_of":"2020-01-01","as_of"`, false}, // repeated key
	{`"principal":"`, `"principal":1`, false},
	{`"2025-06-30"`, `"2025\u002d06-30"`, false},
	{`"2025-06-30"`, `"2025-02-29"`, false},
	{`"2025-06-30"`, `"2024-02-29"`, true},
	{`"2025-06-30"`, `"1899-12-31"`, false},
	{`"2025-06-30"`, `"2025-6-30"`, false},
	{`"2025-06-30"`, `"2025-06-31"`, false},
	{`"cap":"0.24"`, `"cap":null`, false},
	{`"cap":"0.24"`, `"cap":"0.240"`, true},
	{`"cap":"0.24"`, `"cap":"1e-1"`, true}, // rates are Rate.UnmarshalJSON's to read
	{`"cap":"0.24"`, `"cap":"abc"`, false},
	{`"grace_days":2`, `"grace_days":2.0`, false},
	{`"grace_days":2`, `"grace_days":02`, false},
	{`"grace_days":2`, `"grace_days":-1`, true},
	{`"grace_days":2`, `"grace_days":-0`, true},
	{`"grace_days":2`, `"grace_days":1e1`, false},
	{`"grace_days":2`, `"grace_days":"2"`, false},
	{`"grace_days":2`, `"grace_days":12345678901`, false},
	{`"grace_days":2`, `"grace_days":123456789`, true},
	{`"fee":"0.00"`, `"fee":"0"`, true},
	{`"fee":"0.00"`, `"fee":"000.000"`, true},
	{`"fee":"0.00"`, `"fee":"007.50"`, true},
	{`"fee":"0.00"`, `"fee":"1e3"`, true},
	{`"fee":"0.00"`, `"fee":".5"`, true},
	{`"fee":"0.00"`, `"fee":"5."`, true},
	{`"fee":"0.00"`, `"fee":"+5"`, true},
	{`"fee":"0.00"`, `"fee":"-1.00"`, true},
	{`"fee":"0.00"`, `"fee":"1.000000000000"`, true},
	{`"fee":"0.00"`, `"fee":"1.0000000000000"`, true},
	{`"fee":"0.00"`, `"fee":"999999999999999.999"`, true},
	{`"fee":"0.00"`, `"fee":"1000000000000000"`, true},
	{`"fee":"0.00"`, `"fee":"99999999999999999.9"`, false},
	{`"fee":"0.00"`, `"fee":"1０"`, false},
	{`"fee":"0.00"`, `"fee":"1	2"`, false},
	{`"unit":"annual"`, `"unit":"ANNUAL"`, false},
	{`"unit":"annual"`, `"unit":"daily"`, true},
	{`"unit":"annual"`, `"unit":"annual "`, false},
	{`"payments":[`, `"waivers":[],"payments":[`, false},
	{`"policy":{`, `"policy":{"rounding":{"places":0},`, false},
	{`"policy":{`, `"policy":{"allocation":["principal","interest","fee","late_fee","penalty"],`, false},
	{`"policy":{`, `"policy":{"accrual_rounding":"daily","allocation_scope":"component",`, true},
	{`"policy":{`, `"policy":{"accrual_rounding":"hourly",`, false},
	{`}]`, `},]`, false}, // trailing comma
	{`,"policy"`, ` , "policy" `, true},
	{`{"as_of"`, " \n\t{ \"as_of\" ", true},
	{`"late_fee":{`, `"late_fee":{"kind":"fixed","kind":"none",`, false},
}

func baseLine(t testing.TB) string {
	// An account with every field the book writes: stop, cap, percent fee
	// with a maximum.
	b := newBook(11, testAsOf)
	for {
		a := b.account()
		if a.Policy.Cap != nil && a.Policy.StopAfterDays > 0 && a.Policy.LateFee.Max.IsPositive() && len(a.Payments) > 0 && a.Policy.GraceDays == 2 {
			return string(appendAccount(nil, a))
		}
	}
}

func TestFastPathAgreesWithDecodeJSON(t *testing.T) {
	base := baseLine(t)
	require.Contains(t, base, `"fee":"0.00"`)
	for _, c := range fastPathCases {
		require.Contains(t, base, c.old)
		line := strings.Replace(base, c.old, c.new, 1)
		assert.Equal(t, c.fast, requireSameDecoding(t, []byte(line)), "%s → %s", c.old, c.new)
	}
	for _, line := range []string{
		base + "{}", base + " x", base + "\n", base[:len(base)-1], "{}", `{"as_of":null}`, "[]", "null", `"x"`, "",
		`{"installments":[]}`, `{"installments":null}`, `{"payments":[{}]}`, `{"policy":{"penalty_rate":{},"late_fee":{}}}`,
	} {
		requireSameDecoding(t, []byte(line))
	}
}

func FuzzDecodeAccount(f *testing.F) {
	base := baseLine(f)
	for _, c := range fastPathCases {
		f.Add([]byte(strings.Replace(base, c.old, c.new, 1)))
	}
	for _, line := range bookLines(f, 20, 5) {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		requireSameDecoding(t, data)
	})
}

func collect(t *testing.T, r io.Reader) (keys []lineKey, accts []penalty.Account, err error) {
	seq, readErr := decodeLines(r, 3)
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

	seq, _ := decodeLines(strings.NewReader(input), 2)
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
	b := newBook(21, testAsOf)
	for i := range n {
		s, err := penalty.Accrue(b.account())
		want.add(penalty.BatchResult[lineKey]{Index: i, Key: lineKey{line: i + 1}, Statement: s, Err: err})
	}
	require.Zero(t, want.failed)
	var buf bytes.Buffer
	require.NoError(t, writeBook(context.Background(), &buf, n, 21, testAsOf))
	var done atomic.Int64
	got, err := accrueBook(context.Background(), &buf, testAsOf, 2, &done)
	require.NoError(t, err)
	require.Equal(t, want, *got)
	require.EqualValues(t, n, done.Load())
	require.Positive(t, got.totals.Penalty.Sign())
	require.Positive(t, got.buckets[0])
	require.Positive(t, got.buckets[len(bucketNames)-1])
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
// book, on one core: generating a line, decoding it (fast path and
// money.DecodeJSON), and accruing it.
//
//	go test -run '^$' -bench Stages -benchmem ./examples/portfolio
func BenchmarkStages(b *testing.B) {
	const n = 4096
	lines := bookLines(b, n, 1)
	accts := make([]penalty.Account, n)
	for i, l := range lines {
		require.NoError(b, money.DecodeJSON([]byte(l), &accts[i]))
	}
	b.Run("generate", func(b *testing.B) {
		b.ReportAllocs()
		bk := newBook(1, testAsOf)
		var line []byte
		for b.Loop() {
			line = appendAccount(line[:0], bk.account())
		}
	})
	b.Run("decode-fast", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			var a penalty.Account
			if err := decodeAccount([]byte(lines[i%n]), &a); err != nil {
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
			if err := money.DecodeJSON([]byte(lines[i%n]), &a); err != nil {
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
