package penalty_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

var batchAsOf = money.MustParseDate("2028-06-30")

func batchAccounts(seed uint64, n int) []penalty.Account {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]penalty.Account, n)
	for i := range out {
		out[i] = randomAccount(rng)
	}
	return out
}

// waitGoroutines waits for the goroutine count to fall back to before,
// failing if it has not within a few seconds: AccrueAll must leave no
// worker behind, however it returns.
func waitGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	require.LessOrEqual(t, runtime.NumGoroutine(), before, "goroutines left running")
}

// endless yields copies of base forever, counting what it handed out and
// noting whether it was stopped.
func endless(base []penalty.Account, pulled *int, stopped *bool) iter.Seq2[int, penalty.Account] {
	return func(yield func(int, penalty.Account) bool) {
		defer func() { *stopped = true }()
		for i := 0; ; i++ {
			*pulled = i + 1
			if !yield(i, base[i%len(base)]) {
				return
			}
		}
	}
}

func TestBatchMatchesSequential(t *testing.T) {
	accounts := batchAccounts(1, 400)
	want := make([]penalty.Statement, len(accounts))
	wantErr := make([]error, len(accounts))
	for i, a := range accounts {
		a.AsOf = batchAsOf
		want[i], wantErr[i] = penalty.Accrue(a)
	}
	for _, opts := range []penalty.BatchOptions{{}, {Workers: 1}, {Workers: 3, Buffer: 1}, {Workers: 8, Buffer: 50}} {
		t.Run(fmt.Sprintf("workers=%d,buffer=%d", opts.Workers, opts.Buffer), func(t *testing.T) {
			next := 0
			err := penalty.AccrueAll(context.Background(), batchAsOf, slices.All(accounts), opts,
				func(r penalty.BatchResult[int]) error {
					require.Equal(t, next, r.Index, "results out of order")
					require.Equal(t, r.Index, r.Key)
					require.Equal(t, wantErr[r.Index], r.Err)
					require.Equal(t, want[r.Index], r.Statement, "account %d", r.Index)
					next++
					return nil
				})
			require.NoError(t, err)
			require.Equal(t, len(accounts), next)
		})
	}
}

// A zero as-of date keeps each account's own.
func TestBatchZeroAsOfKeepsAccounts(t *testing.T) {
	accounts := batchAccounts(2, 50)
	n := 0
	err := penalty.AccrueAll(context.Background(), money.Date{}, slices.All(accounts), penalty.BatchOptions{},
		func(r penalty.BatchResult[int]) error {
			want, err := penalty.Accrue(accounts[r.Index])
			require.NoError(t, err)
			require.Equal(t, want, r.Statement)
			n++
			return nil
		})
	require.NoError(t, err)
	require.Equal(t, len(accounts), n)
}

func TestBatchBadAsOf(t *testing.T) {
	err := penalty.AccrueAll(context.Background(), money.NewDate(1800, time.January, 1), slices.All(batchAccounts(3, 1)),
		penalty.BatchOptions{}, func(penalty.BatchResult[int]) error { t.Fatal("emitted"); return nil })
	require.ErrorIs(t, err, money.ErrInvalid)
	require.ErrorContains(t, err, "as_of")
}

// Invalid accounts are reported in their results; the others are accrued.
func TestBatchPerAccountErrors(t *testing.T) {
	accounts := batchAccounts(4, 100)
	bad := map[int]bool{0: true, 17: true, 18: true, 99: true}
	for i := range bad {
		accounts[i].Installments = nil
	}
	keys := func(yield func(string, penalty.Account) bool) {
		for i, a := range accounts {
			if !yield(fmt.Sprintf("acct-%03d", i), a) {
				return
			}
		}
	}
	n := 0
	err := penalty.AccrueAll(context.Background(), batchAsOf, keys, penalty.BatchOptions{Workers: 4},
		func(r penalty.BatchResult[string]) error {
			require.Equal(t, fmt.Sprintf("acct-%03d", r.Index), r.Key)
			if bad[r.Index] {
				require.ErrorIs(t, r.Err, money.ErrInvalid)
				require.ErrorContains(t, r.Err, "installments")
				require.Zero(t, r.Statement.Bucket)
			} else {
				require.NoError(t, r.Err)
				require.NotEmpty(t, r.Statement.Bucket)
			}
			n++
			return nil
		})
	require.NoError(t, err)
	require.Equal(t, len(accounts), n)
}

// limitedStream is total accounts from endless: it counts those pulled
// and notes whether it was stopped.
func limitedStream(total int) (seq iter.Seq2[int, penalty.Account], pulled *int, stopped *bool) {
	pulled, stopped = new(int), new(bool)
	src := endless(batchAccounts(5, 20), pulled, stopped)
	return func(yield func(int, penalty.Account) bool) {
		for k, a := range src {
			if k == total || !yield(k, a) {
				return
			}
		}
	}, pulled, stopped
}

// The iterator is read lazily: never more than Workers + Buffer accounts
// ahead of the one being emitted.
func TestBatchBoundedReadAhead(t *testing.T) {
	const workers, buffer, total = 2, 3, 200
	limited, pulled, stopped := limitedStream(total)
	n := 0
	err := penalty.AccrueAll(context.Background(), batchAsOf, limited, penalty.BatchOptions{Workers: workers, Buffer: buffer},
		func(r penalty.BatchResult[int]) error {
			require.LessOrEqual(t, *pulled, r.Index+workers+buffer, "read too far ahead")
			n++
			return nil
		})
	require.NoError(t, err)
	require.Equal(t, total, n)
	require.True(t, *stopped)
}

func TestBatchCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pulled, stopped := 0, false
	n := 0
	err := penalty.AccrueAll(ctx, batchAsOf, endless(batchAccounts(6, 30), &pulled, &stopped), penalty.BatchOptions{Workers: 4},
		func(r penalty.BatchResult[int]) error {
			if n++; n == 100 {
				cancel()
			}
			return nil
		})
	require.ErrorIs(t, err, context.Canceled)
	require.Equal(t, 100, n, "nothing emitted after cancellation")
	require.True(t, stopped, "iterator stopped")
	waitGoroutines(t, before)
}

// Cancelled from elsewhere while the workers are busy.
func TestBatchCancelConcurrently(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	pulled, stopped := 0, false
	err := penalty.AccrueAll(ctx, batchAsOf, endless(batchAccounts(7, 30), &pulled, &stopped), penalty.BatchOptions{},
		func(penalty.BatchResult[int]) error { return nil })
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.True(t, stopped)
	waitGoroutines(t, before)
}

func TestBatchCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	pulled, stopped := 0, false
	err := penalty.AccrueAll(ctx, batchAsOf, endless(batchAccounts(8, 1), &pulled, &stopped), penalty.BatchOptions{},
		func(penalty.BatchResult[int]) error { t.Fatal("emitted"); return nil })
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, pulled)
}

func TestBatchEmitErrorStops(t *testing.T) {
	before := runtime.NumGoroutine()
	errFull := errors.New("disk full")
	pulled, stopped := 0, false
	n := 0
	err := penalty.AccrueAll(context.Background(), batchAsOf, endless(batchAccounts(9, 30), &pulled, &stopped), penalty.BatchOptions{Workers: 3},
		func(r penalty.BatchResult[int]) error {
			n++
			if r.Index == 57 {
				return errFull
			}
			return nil
		})
	require.ErrorIs(t, err, errFull)
	require.Equal(t, 58, n)
	require.True(t, stopped)
	waitGoroutines(t, before)
}

// A panic in the iterator reaches the caller, and the workers still exit.
func TestBatchIteratorPanic(t *testing.T) {
	before := runtime.NumGoroutine()
	base := batchAccounts(10, 5)
	src := func(yield func(int, penalty.Account) bool) {
		for i := range 50 {
			if i == 40 {
				panic("source broken")
			}
			if !yield(i, base[i%len(base)]) {
				return
			}
		}
	}
	require.PanicsWithValue(t, "source broken", func() {
		_ = penalty.AccrueAll(context.Background(), batchAsOf, src, penalty.BatchOptions{},
			func(penalty.BatchResult[int]) error { return nil })
	})
	waitGoroutines(t, before)
}

// BenchmarkPortfolio accrues 10 000 random ledgers per op through
// AccrueAll, on one worker and on every core.
//
//	go test -run '^$' -bench Portfolio -benchmem ./penalty
func BenchmarkPortfolio(b *testing.B) {
	const n = 10_000
	accounts := batchAccounts(42, n)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				err := penalty.AccrueAll(context.Background(), batchAsOf, slices.All(accounts), penalty.BatchOptions{Workers: workers},
					func(r penalty.BatchResult[int]) error { return r.Err })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "accounts/s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*b.N), "ns/account")
		})
	}
}

// TestBatchBadArguments: a nil context, stream or emit, and options out of
// range, are errors naming the argument, never a panic; a worker count far
// above the cores is clamped, not honoured.
func TestBatchBadArguments(t *testing.T) {
	ok := func(penalty.BatchResult[int]) error { return nil }
	accounts := slices.All(batchAccounts(9, 3))
	for _, c := range []struct {
		name  string
		run   func() error
		field string
	}{
		{"nil ctx", func() error { return penalty.AccrueAll(nil, batchAsOf, accounts, penalty.BatchOptions{}, ok) }, "ctx"},
		{"nil accounts", func() error {
			return penalty.AccrueAll[int](context.Background(), batchAsOf, nil, penalty.BatchOptions{}, ok)
		}, "accounts"},
		{"nil emit", func() error {
			return penalty.AccrueAll(context.Background(), batchAsOf, accounts, penalty.BatchOptions{}, nil)
		}, "emit"},
		{"negative workers", func() error {
			return penalty.AccrueAll(context.Background(), batchAsOf, accounts, penalty.BatchOptions{Workers: -1}, ok)
		}, "workers"},
		{"negative buffer", func() error {
			return penalty.AccrueAll(context.Background(), batchAsOf, accounts, penalty.BatchOptions{Buffer: -1}, ok)
		}, "buffer"},
		{"huge buffer", func() error {
			return penalty.AccrueAll(context.Background(), batchAsOf, accounts, penalty.BatchOptions{Buffer: penalty.MaxBuffer + 1}, ok)
		}, "buffer"},
	} {
		err := c.run()
		require.Error(t, err, c.name)
		var e *money.Error
		require.True(t, errors.As(err, &e), c.name)
		require.Equal(t, c.field, e.Field, c.name)
	}

	// A billion workers would be a billion goroutines; it is clamped and
	// the batch still emits every account.
	n := 0
	err := penalty.AccrueAll(context.Background(), batchAsOf, accounts, penalty.BatchOptions{Workers: 1 << 30},
		func(penalty.BatchResult[int]) error { n++; return nil })
	require.NoError(t, err)
	require.Equal(t, 3, n)
}

// TestBatchBalances: with Balances every statement is a full accrual's
// with the explanation's records left out — the same installments,
// totals, days past due, bucket and unapplied amount, the policy and the
// due-date moves — and the same error where there is one.
func TestBatchBalances(t *testing.T) {
	accounts := batchAccounts(7, 2000)
	// The record budget counts what a brief run does not keep: a forgiving
	// grace over 1 200 installments cut by 160 payment dates is refused
	// alike, and with 80 payment dates computed alike.
	for _, payments := range []int{160, 80} {
		p := heavyPolicy()
		p.GraceDays, p.Base = 3650, penalty.PrincipalAndInterest
		a := penalty.Account{Installments: monthlyDues(money.MustParseDate("1928-01-10"), 1200), Policy: p}
		for k := range payments {
			a.Payments = append(a.Payments, penalty.Payment{Date: money.MustParseDate("2027-01-01").AddDays(2 * k), Amount: money.New(1, 2)})
		}
		accounts = append(accounts, a)
	}
	brief := 0
	err := penalty.AccrueAll(context.Background(), batchAsOf, slices.All(accounts), penalty.BatchOptions{Balances: true},
		func(r penalty.BatchResult[int]) error {
			a := accounts[r.Index]
			a.AsOf = batchAsOf
			want, wantErr := penalty.Accrue(a)
			require.Equal(t, wantErr, r.Err, "account %d", r.Index)
			if heavy := r.Index - (len(accounts) - 2); heavy >= 0 {
				require.Equal(t, heavy == 0, wantErr != nil, "the heavy account with %d payments", []int{160, 80}[heavy])
			}
			if wantErr != nil {
				return nil
			}
			want.Explanation.Segments, want.Explanation.LateFees = []penalty.Segment{}, []penalty.LateFeeAssessment{}
			want.Explanation.Payments, want.Explanation.Waivers = []penalty.PaymentApplication{}, []penalty.WaiverApplication{}
			want.Sentences = nil
			require.Equal(t, want, r.Statement, "account %d", r.Index)
			brief++
			return nil
		})
	require.NoError(t, err)
	require.Greater(t, brief, len(accounts)/2)
}

// With the default Buffer (64 per worker, accounts sent 16 at a time) the
// read-ahead is still bounded by Workers + Buffer.
func TestBatchDefaultBufferBoundsReadAhead(t *testing.T) {
	const workers, total = 2, 2000
	limited, pulled, stopped := limitedStream(total)
	n, most := 0, 0
	err := penalty.AccrueAll(context.Background(), batchAsOf, limited, penalty.BatchOptions{Workers: workers},
		func(r penalty.BatchResult[int]) error {
			require.Equal(t, n, r.Index)
			most = max(most, *pulled-r.Index)
			require.LessOrEqual(t, *pulled, r.Index+workers+64*workers, "read too far ahead")
			n++
			return nil
		})
	require.NoError(t, err)
	require.Equal(t, total, n)
	require.True(t, *stopped)
	require.Greater(t, most, workers+2*workers, "the default buffer reads further ahead than the old 2 × Workers")
}

// FuzzAccrueAllMatchesAccrue runs a stream of random accounts — invalid
// ones among them, long ledgers between short ones — through AccrueAll,
// whose workers reuse their working memory and take the accounts in
// groups, and holds every result to Accrue's (balances-only or not).
func FuzzAccrueAllMatchesAccrue(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(20), uint8(1), uint8(0), false)
	f.Add(uint64(3), uint64(4), uint8(200), uint8(3), uint8(2), true)
	f.Add(uint64(5), uint64(6), uint8(7), uint8(0), uint8(255), false)
	f.Fuzz(func(t *testing.T, s1, s2 uint64, count, workers, buffer uint8, balances bool) {
		rng := rand.New(rand.NewPCG(s1, s2))
		accounts := make([]penalty.Account, int(count)%64+1)
		for i := range accounts {
			accounts[i] = randomAccount(rng)
			switch rng.IntN(8) {
			case 0:
				accounts[i].Installments = monthlyDues(money.MustParseDate("1990-01-10"), 1+rng.IntN(300))
			case 1:
				accounts[i].Installments = nil // invalid: an error in its result
			}
		}
		opts := penalty.BatchOptions{Workers: int(workers % 5), Buffer: int(buffer) % 40, Balances: balances}
		next := 0
		err := penalty.AccrueAll(context.Background(), batchAsOf, slices.All(accounts), opts,
			func(r penalty.BatchResult[int]) error {
				if r.Index != next || r.Key != next {
					t.Fatalf("result %d (key %d) where %d was next", r.Index, r.Key, next)
				}
				next++
				a := accounts[r.Index]
				a.AsOf = batchAsOf
				want, wantErr := penalty.Accrue(a)
				if balances {
					want, wantErr = penalty.AccrueBrief(a)
				}
				require.Equal(t, wantErr, r.Err, "account %d", r.Index)
				require.Equal(t, want, r.Statement, "account %d", r.Index)
				return nil
			})
		require.NoError(t, err)
		require.Equal(t, len(accounts), next)
	})
}
