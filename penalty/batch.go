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
	// order; 0 means 64 × Workers, at most MaxBuffer. Workers + Buffer
	// bounds the accounts (and statements) in memory at once. Negative or
	// above MaxBuffer is an error. Accounts go to the workers in groups of
	// up to a quarter of a worker's share of Workers + Buffer (at most
	// 16), so a larger Buffer also means fewer handoffs between
	// goroutines; a group is sent early whenever a worker is idle.
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

// defaultBufferPerWorker is Buffer's default, per worker: with it the
// accounts go to the workers 16 at a time (groupSize), and the window
// still holds only a few hundred accounts.
const defaultBufferPerWorker = 64

// window checks o and returns the workers and buffer in force.
func (o BatchOptions) window() (workers, buffer int, err error) {
	switch {
	case o.Workers < 0:
		return 0, 0, money.Errorf("workers", "must be 0 (every core) or more, got %d", o.Workers)
	case o.Buffer < 0 || o.Buffer > MaxBuffer:
		return 0, 0, money.Errorf("buffer", "must be 0 (64 per worker) to %d, got %d", MaxBuffer, o.Buffer)
	}
	cores := runtime.GOMAXPROCS(0)
	workers = o.Workers
	if workers == 0 {
		workers = cores
	}
	workers = min(workers, MaxWorkersPerCore*cores)
	buffer = o.Buffer
	if buffer == 0 {
		buffer = min(defaultBufferPerWorker*workers, MaxBuffer)
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

	// Accounts go to the workers in groups: one channel send and one
	// receive per group rather than per account, where on a busy machine
	// each handoff may park and wake a goroutine. A group is sent once it
	// is full, or as soon as a worker is idle (so a slow source never
	// waits for a group to fill), or when nothing more can be read.
	//
	// Every account read and not yet emitted is in exactly one place: the
	// pending group, the jobs channel, a worker, the results channel or the
	// reorder ring; at most window of them at once. Each group holds at
	// least one account, so the channels, of window groups each, never
	// block a sender and the deferred shutdown cannot deadlock.
	size := groupSize(workers, window)
	closed := make(chan struct{}) // always ready: see the loop's select
	close(closed)
	jobs := make(chan *batchGroup[K], window)
	results := make(chan *batchGroup[K], window)
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

	// The ring points at each result where its worker wrote it, in its
	// group, which is reused once all of its results are emitted: a
	// result (some 600 bytes) is copied only into emit's argument.
	ring := make([]*groupResult[K], window)
	var free []*batchGroup[K] // groups whose results are all emitted, for reuse
	pending := &batchGroup[K]{}
	out := 0 // groups sent and not yet back
	exhausted := false
	read, emitted := 0, 0
	// receive files a group's results in the ring and emits every result
	// now next in order.
	receive := func(g *batchGroup[K]) error {
		out--
		clear(g.jobs) // the accounts are done with
		g.jobs, g.left = g.jobs[:0], len(g.results)
		for i := range g.results {
			r := &g.results[i]
			ring[r.Index%window] = r
		}
		for slot := emitted % window; ring[slot] != nil; slot = emitted % window {
			r := ring[slot]
			ring[slot] = nil
			emitted++
			err := emit(r.BatchResult)
			done := r.group
			if done.left--; done.left == 0 {
				clear(done.results)
				done.results = done.results[:0]
				free = append(free, done)
			}
			if err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	// canRead reports whether another account may be read into the
	// pending group now.
	canRead := func() bool { return !exhausted && read-emitted < window && len(pending.jobs) < size }
	for {
		if canRead() {
			if k, a, ok := next(); ok {
				if !asOf.IsZero() {
					a.AsOf = asOf
				}
				pending.jobs = append(pending.jobs, batchJob[K]{index: read, key: k, account: a})
				read++
			} else {
				exhausted = true
			}
		}
		if exhausted && emitted == read {
			return nil
		}
		more := canRead()
		if len(pending.jobs) > 0 && (!more || out < workers) {
			jobs <- pending // never blocks: see above
			out++
			if k := len(free); k > 0 {
				pending, free = free[k-1], free[:k-1]
			} else {
				pending = &batchGroup[K]{}
			}
		}
		// While more can be read, take a result only if one has come;
		// else wait for one.
		var goOn <-chan struct{}
		if more {
			goOn = closed
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case g := <-results:
			if err := receive(g); err != nil {
				return err
			}
		case <-goOn:
		}
	}
}

// maxGroup bounds the accounts sent to a worker at once.
const maxGroup = 16

// groupSize is how many accounts go to a worker at once: enough to make
// the handoffs rare, few enough that every worker has work while the
// window is full (a quarter of its share of the window).
func groupSize(workers, window int) int {
	return min(max(window/(4*workers), 1), maxGroup)
}

type batchJob[K any] struct {
	index   int
	key     K
	account Account
}

// batchGroup is consecutive accounts of the stream, sent to a worker
// together, and their results, sent back in it.
type batchGroup[K any] struct {
	jobs    []batchJob[K]
	results []groupResult[K]
	left    int // results not yet emitted
}

// groupResult is a result in its group.
type groupResult[K any] struct {
	BatchResult[K]
	group *batchGroup[K]
}

// batchWorker accrues groups until jobs is closed, skipping what is left
// once quit is closed. Each account is accrued under ctx, so a batch
// cancelled mid-account stops that account too.
func batchWorker[K any](ctx context.Context, explain bool, jobs <-chan *batchGroup[K], results chan<- *batchGroup[K], quit <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	var ws workspace // reused from one account to the next
	for g := range jobs {
		for _, j := range g.jobs {
			select {
			case <-quit:
				return
			default:
			}
			// Written in place: a result is large.
			g.results = append(g.results, groupResult[K]{group: g})
			r := &g.results[len(g.results)-1]
			r.Index, r.Key = j.index, j.key
			r.Statement, r.Err = accrueRecovered(ctx, j.account, explain, &ws)
		}
		results <- g
	}
}

// accrueRecovered is AccrueContext, with a panic (a bug: Accrue never
// panics on any input) reported as that account's error rather than
// taking the whole batch, and the process, down.
func accrueRecovered(ctx context.Context, a Account, explain bool, ws *workspace) (s Statement, err error) {
	defer func() {
		if p := recover(); p != nil {
			s, err = Statement{}, fmt.Errorf("penalty: Accrue panicked: %v", p)
		}
	}()
	return accrueChecked(ctx, a, explain, false, ws)
}
