package book

import (
	"context"
	"slices"
	"testing"

	"github.com/repayplan/repayplan/penalty"
)

// benchLines are a few hundred lines of the book of seed 1: few enough
// that making them is cheap next to the benchmarks below (so instruction
// counts of two run lengths difference cleanly), enough to cover its mix.
func benchLines(b *testing.B) [][]byte {
	accts := benchAccounts()
	lines := make([][]byte, len(accts))
	for i := range lines {
		lines[i] = AppendAccount(nil, accts[i])
	}
	return lines
}

// benchAccounts are the first 256 accounts of the book of seed 1, the
// accounts of benchLines.
func benchAccounts() []penalty.Account {
	g := NewGenerator(1, testAsOf)
	accts := make([]penalty.Account, 256)
	for i := range accts {
		accts[i] = g.Account()
	}
	return accts
}

// BenchmarkGenerate makes one account of the book and writes its line.
func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	g := NewGenerator(1, testAsOf)
	var line []byte
	for b.Loop() {
		line = AppendAccount(line[:0], g.Account())
	}
}

// BenchmarkDecodeLine decodes one line of the book strictly (the fast
// path), with one Decoder for all (as the portfolio's chunks do).
func BenchmarkDecodeLine(b *testing.B) {
	lines := benchLines(b)
	b.ReportAllocs()
	var d Decoder
	var l Line
	i := 0
	for b.Loop() {
		if err := d.DecodeLine(lines[i%len(lines)], &l); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAccount makes one account of the book.
func BenchmarkAccount(b *testing.B) {
	b.ReportAllocs()
	g := NewGenerator(1, testAsOf)
	for b.Loop() {
		g.Account()
	}
}

// BenchmarkLineWriter writes one account of the book as its line, with
// one LineWriter for all (as the portfolio's chunks do).
func BenchmarkLineWriter(b *testing.B) {
	accts := benchAccounts()
	b.ReportAllocs()
	var w LineWriter
	var line []byte
	i := 0
	for b.Loop() {
		line = w.Append(line[:0], &accts[i%len(accts)])
		i++
	}
}

// BenchmarkAccrueBalances accrues 256 accounts of the book per op
// balances-only (penalty.BatchOptions.Balances, as the portfolio does),
// through AccrueAll on one worker.
func BenchmarkAccrueBalances(b *testing.B) {
	accts := benchAccounts()
	b.ReportAllocs()
	opts := penalty.BatchOptions{Workers: 1, Balances: true}
	for b.Loop() {
		err := penalty.AccrueAll(context.Background(), testAsOf, slices.All(accts), opts,
			func(r penalty.BatchResult[int]) error { return r.Err })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(accts)*b.N), "ns/account")
}
