package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// rollKey is one of an account's two accruals: as of the first date, or
// (second) as of the second.
type rollKey struct {
	lineKey
	second bool
}

// rollSummary is the book's roll-rate matrix and the accounts that could
// not be placed in it.
type rollSummary struct {
	accounts, failed int
	errors           []string // the first few
	roll             book.Roll
}

// rollBook decodes the JSON lines of src and accrues every account twice,
// as of from and as of to, pairing the two statements into the roll-rate
// matrix. Both accruals of an account go through one AccrueAll stream,
// one after the other, so its results come back side by side (AccrueAll
// keeps stream order) and the book is read once. An account that fails
// either accrual is counted as failed and placed nowhere.
func rollBook(ctx context.Context, src source, from, to money.Date, workers int, done *atomic.Int64) (*rollSummary, error) {
	accounts, readErr := decodeLines(src, runtime.GOMAXPROCS(0), from, to)
	sum := rollSummary{roll: book.Roll{From: from, To: to}}
	var first penalty.BatchResult[rollKey]
	err := penalty.AccrueAll(ctx, money.Date{}, twice(accounts, from, to), penalty.BatchOptions{Workers: workers, Balances: true},
		func(r penalty.BatchResult[rollKey]) error {
			if !r.Key.second {
				first = r
				return nil
			}
			sum.add(first, r)
			done.Add(1)
			return nil
		})
	if err == nil {
		err = readErr()
	}
	return &sum, err
}

// twice yields each account of seq as of from, then as of to. The two
// share the account's slices, which Accrue only reads.
func twice(seq iter.Seq2[lineKey, penalty.Account], from, to money.Date) iter.Seq2[rollKey, penalty.Account] {
	return func(yield func(rollKey, penalty.Account) bool) {
		for k, a := range seq {
			a.AsOf = from
			if !yield(rollKey{lineKey: k}, a) {
				return
			}
			a.AsOf = to
			if !yield(rollKey{lineKey: k, second: true}, a) {
				return
			}
		}
	}
}

func (s *rollSummary) add(from, to penalty.BatchResult[rollKey]) {
	s.accounts++
	err := from.Key.err
	if o := from.Key.other; o != nil && err == nil {
		// A loan or card line, computed by the decoder at both dates.
		if err = o.err; err == nil && !s.roll.Add1(o.results[0].Bucket, o.results[0].Totals, o.results[1].Bucket, o.results[1].Totals) {
			err = fmt.Errorf("bucket %q or %q is not one of current, M1 … M7+", o.results[0].Bucket, o.results[1].Bucket)
		}
	} else {
		for _, e := range []error{from.Err, to.Err} {
			if err == nil {
				err = e
			}
		}
		if err == nil && !s.roll.Add(from.Statement, to.Statement) {
			err = fmt.Errorf("bucket %q or %q is not one of current, M1 … M7+", from.Statement.Bucket, to.Statement.Bucket)
		}
	}
	if err != nil {
		s.failed++
		if len(s.errors) < 5 {
			s.errors = append(s.errors, fmt.Sprintf("line %d: %v", from.Key.line, err))
		}
	}
}

// report prints the matrix and writes its CSV if asked.
func (s *rollSummary) report(w io.Writer, cfg config, source string, elapsed time.Duration) error {
	fmt.Fprintf(w, "roll rates of %d accounts, %s, from %s to %s\n", s.accounts, source, s.roll.From, s.roll.To)
	fmt.Fprintf(w, "  elapsed      %v (two accruals per account)\n", elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "  failed       %d\n", s.failed)
	for _, e := range s.errors {
		fmt.Fprintf(w, "    %s\n", e)
	}
	if err := s.roll.WriteTable(w); err != nil {
		return err
	}
	if cfg.rollCSV == "" {
		return nil
	}
	f, err := os.Create(cfg.rollCSV)
	if err != nil {
		return err
	}
	if err := s.roll.WriteCSV(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", cfg.rollCSV)
	return nil
}
