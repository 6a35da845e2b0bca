package penalty

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/repayplan/repayplan/money"
)

// BatchOptions tunes [AccrueAll]. The zero value uses every core.
type BatchOptions struct {
	// Workers is how many accounts are accrued at once; 0 means
	// runtime.GOMAXPROCS(0). More than MaxWorkersPerCore × GOMAXPROCS is
	// clamped to that: the work is CPU-bound, so more workers would only
	// hold more accounts in memory. Negative is an error.
	Workers int
	// Buffer is how many more accounts may be read ahead of the workers or
	// held finished, waiting for an earlier one so results come out in
	// order; 0 means 2 × Workers, at most MaxBuffer. Workers + Buffer
	// bounds the accounts (and statements) in memory at once. Negative or
	// above MaxBuffer is an error.
	Buffer int
	// Balances, when true, makes each statement carry its balances and
	// totals only: the same installments and totals as Accrue's, but an
	// Explanation without segment, late-fee, payment or waiver records,
	// and no Sentences — what a book run that keeps only balances needs,
	// at a fraction of the memory. The zero value explains every
	// statement in full.
	Balances bool
}

// Bounds of BatchOptions.
const (
	MaxWorkersPerCore = 4
	MaxBuffer         = 1 << 16
)

// window checks o and returns the workers and buffer in force.
func (o BatchOptions) window() (workers, buffer int, err error) {
	switch {
	case o.Workers < 0:
		return 0, 0, money.Errorf("workers", "must be 0 (every core) or more, got %d", o.Workers)
	case o.Buffer < 0 || o.Buffer > MaxBuffer:
		return 0, 0, money.Errorf("buffer", "must be 0 (twice the workers) to %d, got %d", MaxBuffer, o.Buffer)
	}
	cores := runtime.GOMAXPROCS(0)
	workers = o.Workers
	if workers == 0 {
		workers = cores
	}
	workers = min(workers, MaxWorkersPerCore*cores)
	buffer = o.Buffer
	if buffer == 0 {
		buffer = min(2*workers, MaxBuffer)
	}
	return workers, buffer, nil
}

// BatchResult is the outcome of one account of a batch: its Statement, or
// the error Accrue returned for it (a *money.Error for invalid input).
type BatchResult[K any] struct {
	Index     int // position in the stream, from 0
	Key       K   // the key the stream paired with the account
	Statement Statement
	Err       error
}

// AccrueAll accrues a stream of accounts as of one date on several cores
// and passes each result to emit, in the order of the stream.
//
// Accounts are pulled from the iterator lazily, on the calling goroutine,
// only while fewer than Workers + Buffer of them are in flight (read but
// not yet emitted), so memory does not grow with the length of the stream.
// Each account's AsOf is replaced by asOf; a zero asOf keeps every
// account's own AsOf. The key the stream pairs with each account (an
// account number, say, or the index from slices.All) comes back in its
// result.
//
// emit is called on the calling goroutine, one result at a time, in
// stream order (Index 0, 1, 2, …); one slow account holds back the
// results after it, but not the work on them, until the window is full.
// An account that fails (invalid input) is reported in its result's Err
// and the batch goes on. An error returned by emit stops the batch and is
// returned; so is ctx.Err() once ctx is done (checked between accounts: an
// iterator blocked reading its source delays the return until it yields).
// When AccrueAll returns, its workers have exited and the iterator has
// been stopped. It returns nil when every account was emitted.
func AccrueAll[K any](ctx context.Context, asOf money.Date, accounts iter.Seq2[K, Account], opts BatchOptions,
	emit func(BatchResult[K]) error) error {
	switch {
	case ctx == nil:
		return money.Errorf("ctx", "is required (use context.Background())")
	case accounts == nil:
		return money.Errorf("accounts", "is required")
	case emit == nil:
		return money.Errorf("emit", "is required")
	}
	if !asOf.IsZero() {
		if err := checkDate("as_of", asOf); err != nil {
			return err
		}
	}
	workers, buffer, err := opts.window()
	if err != nil {
		return err
	}
	window := workers + buffer
	if err := ctx.Err(); err != nil {
		return err
	}

	// Every account read and not yet emitted is in exactly one place: the
	// pending job, the jobs channel, a worker, the results channel or the
	// reorder ring; at most window of them at once. The channels hold a
	// window each, so no worker ever blocks on sending a result and the
	// deferred shutdown cannot deadlock.
	jobs := make(chan batchJob[K], window)
	results := make(chan BatchResult[K], window)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go batchWorker(ctx, !opts.Balances, jobs, results, quit, &wg)
	}
	defer func() {
		close(quit)
		close(jobs)
		wg.Wait()
	}()
	next, stop := iter.Pull2(accounts)
	defer stop()

	ring := make([]BatchResult[K], window)
	ready := make([]bool, window)
	var pending batchJob[K]
	havePending, exhausted := false, false
	read, emitted := 0, 0
	for {
		if !havePending && !exhausted && read-emitted < window {
			if k, a, ok := next(); ok {
				if !asOf.IsZero() {
					a.AsOf = asOf
				}
				pending = batchJob[K]{index: read, key: k, account: a}
				havePending = true
				read++
			} else {
				exhausted = true
			}
		}
		if exhausted && emitted == read {
			return nil
		}
		var send chan<- batchJob[K]
		if havePending {
			send = jobs
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case send <- pending:
			pending, havePending = batchJob[K]{}, false
		case r := <-results:
			slot := r.Index % window
			ring[slot], ready[slot] = r, true
			for slot = emitted % window; ready[slot]; slot = emitted % window {
				r := ring[slot]
				ring[slot], ready[slot] = BatchResult[K]{}, false
				emitted++
				if err := emit(r); err != nil {
					return err
				}
				if err := ctx.Err(); err != nil {
					return err
				}
			}
		}
	}
}

type batchJob[K any] struct {
	index   int
	key     K
	account Account
}

// batchWorker accrues jobs until jobs is closed, skipping what is left
// once quit is closed. Each account is accrued under ctx, so a batch
// cancelled mid-account stops that account too.
func batchWorker[K any](ctx context.Context, explain bool, jobs <-chan batchJob[K], results chan<- BatchResult[K], quit <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		select {
		case <-quit:
			continue
		default:
		}
		r := BatchResult[K]{Index: j.index, Key: j.key}
		r.Statement, r.Err = accrueRecovered(ctx, j.account, explain)
		results <- r
	}
}

// accrueRecovered is AccrueContext, with a panic (a bug: Accrue never
// panics on any input) reported as that account's error rather than
// taking the whole batch, and the process, down.
func accrueRecovered(ctx context.Context, a Account, explain bool) (s Statement, err error) {
	defer func() {
		if p := recover(); p != nil {
			s, err = Statement{}, fmt.Errorf("penalty: Accrue panicked: %v", p)
		}
	}()
	return accrue(ctx, a, explain)
}
