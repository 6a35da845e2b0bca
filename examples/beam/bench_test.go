package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// BenchmarkMergeAgg times the combiner on one statement's totals: parse
// the two accumulators' decimal strings, add exactly, format. The float64
// baseline parses, adds and formats the same four sums as float64 (what
// a combiner must not do: it drifts off the cent).
//
//	go test -run '^$' -bench MergeAgg -benchmem ./
func BenchmarkMergeAgg(b *testing.B) {
	g := book.NewGenerator(1, demoAsOf)
	aggs := make([]Agg, 1024)
	for i := range aggs {
		s, err := penalty.Accrue(g.Account())
		require.NoError(b, err)
		aggs[i] = aggOf(book.Of(s.Totals))
	}
	b.Run("exact", func(b *testing.B) {
		b.ReportAllocs()
		_, acc := zeroBuckets("")
		i := 0
		for b.Loop() {
			var err error
			if acc, err = mergeAgg(acc, aggs[i%len(aggs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("float64", func(b *testing.B) {
		b.ReportAllocs()
		_, acc := zeroBuckets("")
		add := func(x, y string) string {
			fx, _ := strconv.ParseFloat(x, 64)
			fy, _ := strconv.ParseFloat(y, 64)
			return strconv.FormatFloat(fx+fy, 'f', -1, 64)
		}
		i := 0
		for b.Loop() {
			a := aggs[i%len(aggs)]
			acc = Agg{Accounts: acc.Accounts + a.Accounts, Principal: add(acc.Principal, a.Principal),
				Penalty: add(acc.Penalty, a.Penalty), LateFee: add(acc.LateFee, a.LateFee), Outstanding: add(acc.Outstanding, a.Outstanding)}
			i++
		}
	})
}

// BenchmarkAccrueLine times the ParDo's work on one line of the book:
// decode and accrue, then with the statement marshalled as its output
// line.
func BenchmarkAccrueLine(b *testing.B) {
	var buf bytes.Buffer
	_, err := writeDemoBook(context.Background(), &buf, 4096, 0, 1, demoAsOf)
	require.NoError(b, err)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	b.Run("accrue", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := accrueLine([]byte(lines[i%len(lines)]), money.Date{}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("accrue+statement", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			s, err := accrueLine([]byte(lines[i%len(lines)]), money.Date{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := json.Marshal(StatementRecord{File: "book.jsonl", Line: int64(i), Kind: "accrual", Statement: s.Statement}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkPipeline runs the whole pipeline on prism on a 5 000-account
// book per op, against penalty.AccrueAll on the same lines (decoded
// alike) on this machine's cores; both report accounts/s.
//
//	go test -run '^$' -bench Pipeline -benchtime 3x ./
func BenchmarkPipeline(b *testing.B) {
	const n = 5000
	var buf bytes.Buffer
	_, err := writeDemoBook(context.Background(), &buf, n, 0, 2, demoAsOf)
	require.NoError(b, err)
	dir := b.TempDir()
	in := filepath.Join(dir, "book.jsonl")
	require.NoError(b, os.WriteFile(in, buf.Bytes(), 0o644))
	for _, noStatements := range []bool{false, true} {
		name := "prism"
		if noStatements {
			name = "prism-no-statements"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				p, s := beam.NewPipelineWithRoot()
				Build(s, Options{In: in, Out: filepath.Join(dir, "out"), NoStatements: noStatements})
				if err := ptest.Run(p); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "accounts/s")
		})
	}
	b.Run("AccrueAll", func(b *testing.B) {
		lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
		for b.Loop() {
			seq := func(yield func(int, penalty.Account) bool) {
				for i, l := range lines {
					var a penalty.Account
					if err := book.DecodeAccount([]byte(l), &a); err != nil {
						b.Fatal(err)
					}
					if !yield(i, a) {
						return
					}
				}
			}
			var bk book.Buckets
			err := penalty.AccrueAll(context.Background(), money.Date{}, seq, penalty.BatchOptions{},
				func(r penalty.BatchResult[int]) error { bk.Add(r.Statement); return r.Err })
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "accounts/s")
	})
}
