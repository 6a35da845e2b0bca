// Command portfolio accrues penalty interest and late fees on a whole book
// of accounts as of one date, streaming: it generates a synthetic book
// deterministically (half credit-card installment plans, half consumer
// loans; paid, late, part-paid and never-paid customers) as JSON lines, one
// accrual request per line, decodes them strictly line by line, accrues
// them on every core with penalty.AccrueAll, and prints the throughput and
// the book's totals and the bucket table (per delinquency bucket: accounts,
// principal, penalty, late fees and outstanding). Memory stays flat in the
// size of the book: no more than a few thousand accounts exist at once, and
// the live heap it prints (the largest a GC found during the run) stays the
// same for a book of 10 000 accounts or of 1 000 000. Statements are accrued
// balances-only (penalty.BatchOptions.Balances): the table needs no
// explanation records. The accounts of the book are drawn on one goroutine,
// in order (the book is one random sequence); writing them as lines and
// decoding the lines run a chunk at a time on every core, as accrual does.
// Unless GOGC is set, it runs the collector at GOGC=400: the live heap is a
// few MiB however large the book, and the default goal would collect every
// few hundred accounts.
//
// A line of the book may also be a loan or card account in an envelope
// ({"kind": "loan_statement", "account": {…}}, see package book): the
// decoder computes those itself, on its goroutines, and they count in the
// bucket table and the roll-rate matrix; the ledger totals printed above
// the table are the accrual ledgers'.
//
// With -roll-from and -roll-to it accrues every account as of both dates
// and prints the roll-rate matrix instead: how many accounts, and how much
// balance, moved from each bucket to each other one (package book says
// how it is counted); -roll-csv writes it as CSV too. The generated book
// is then as of -roll-to.
//
//	go run ./examples/portfolio                      # 100 000 accounts
//	go run ./examples/portfolio -n 1000000 -seed 7
//	go run ./examples/portfolio -n 1000 -out book.jsonl   # write the book and stop
//	go run ./examples/portfolio -in book.jsonl            # accrue a book from a file
//	go run ./examples/portfolio -cpuprofile cpu.out       # then: go tool pprof cpu.out
//	go run ./examples/portfolio -roll-from 2025-05-31 -roll-to 2025-06-30 -roll-csv roll.csv
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

type config struct {
	n          int
	seed       uint64
	asOf       money.Date
	workers    int
	out, in    string
	cpuprofile string
	progress   bool
	// A roll-rate run accrues every account as of rollFrom and rollTo
	// instead of asOf (which is then rollTo, the generated book's date).
	rollFrom, rollTo money.Date
	rollCSV          string
}

func main() {
	var cfg config
	asOf := flag.String("as-of", "2025-06-30", "accrue every account as of this date, YYYY-MM-DD")
	flag.IntVar(&cfg.n, "n", 100_000, "accounts to generate")
	flag.Uint64Var(&cfg.seed, "seed", 1, "seed of the generated book")
	flag.IntVar(&cfg.workers, "workers", 0, "accrual workers (0: GOMAXPROCS)")
	flag.StringVar(&cfg.out, "out", "", "write the generated book to this file as JSON lines (- for stdout) and stop")
	flag.StringVar(&cfg.in, "in", "", "accrue the JSON lines of this file (- for stdin) instead of generating a book")
	flag.StringVar(&cfg.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	flag.BoolVar(&cfg.progress, "progress", true, "show a progress bar on stderr")
	rollFrom := flag.String("roll-from", "", "print the roll-rate matrix from this as-of date, YYYY-MM-DD (with -roll-to)")
	rollTo := flag.String("roll-to", "", "… to this later as-of date (the generated book is as of this date)")
	flag.StringVar(&cfg.rollCSV, "roll-csv", "", "also write the roll-rate matrix to this file as CSV")
	flag.Parse()
	asOfSet := false
	flag.Visit(func(f *flag.Flag) { asOfSet = asOfSet || f.Name == "as-of" })
	if err := cfg.parseDates(*asOf, asOfSet, *rollFrom, *rollTo); err != nil {
		fail(err)
	}
	if cfg.n < 0 {
		fail(errors.New("-n: must not be negative"))
	}
	if os.Getenv("GOGC") == "" {
		// The live heap is a few MiB however large the book, so the
		// collector's default goal (twice the live heap, at least 4 MiB)
		// has it run every few hundred accounts. Five times the live heap
		// keeps memory as flat (a peak RSS of about 30 MiB rather than
		// 20) for about a sixth less CPU.
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, cfg, os.Stdout, os.Stderr); err != nil {
		fail(err)
	}
}

// parseDates sets asOf, or rollFrom and rollTo (and asOf to rollTo).
func (cfg *config) parseDates(asOf string, asOfSet bool, rollFrom, rollTo string) error {
	if rollFrom == "" && rollTo == "" {
		d, err := money.ParseDate(asOf)
		if err != nil {
			return money.Within("as-of", err)
		}
		cfg.asOf = d
		if cfg.rollCSV != "" {
			return errors.New("-roll-csv: needs -roll-from and -roll-to")
		}
		return nil
	}
	if asOfSet {
		return errors.New("-as-of: not used with -roll-from and -roll-to, which give the two dates")
	}
	for _, f := range []struct {
		name, v string
		dst     *money.Date
	}{{"roll-from", rollFrom, &cfg.rollFrom}, {"roll-to", rollTo, &cfg.rollTo}} {
		if f.v == "" {
			return fmt.Errorf("-%s: required with -roll-from and -roll-to", f.name)
		}
		d, err := money.ParseDate(f.v)
		if err != nil {
			return money.Within(f.name, err)
		}
		*f.dst = d
	}
	if !cfg.rollFrom.Before(cfg.rollTo) {
		return fmt.Errorf("-roll-from: must be before -roll-to (%s), got %s", cfg.rollTo, cfg.rollFrom)
	}
	cfg.asOf = cfg.rollTo
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "portfolio:", err)
	os.Exit(1)
}

func run(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	if cfg.out != "" {
		return writeOut(ctx, cfg, stdout, stderr)
	}
	if cfg.cpuprofile != "" {
		f, err := os.Create(cfg.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	var src source
	var progress func() float64 // fraction of the book done
	var done atomic.Int64
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	name := ""
	switch cfg.in {
	case "":
		src = generatedSource(ctx, cfg.n, cfg.seed, cfg.asOf)
		progress = func() float64 { return float64(done.Load()) / float64(max(cfg.n, 1)) }
		name = fmt.Sprintf("generated (seed %d)", cfg.seed)
	case "-":
		src, name = readerSource(os.Stdin), "stdin"
	default:
		f, err := os.Open(cfg.in)
		if err != nil {
			return err
		}
		defer f.Close()
		cr := &countingReader{r: f}
		if st, err := f.Stat(); err == nil && st.Size() > 0 {
			size := float64(st.Size())
			progress = func() float64 { return float64(cr.n.Load()) / size }
		}
		src, name = readerSource(cr), cfg.in
	}

	workers := cfg.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var bar *progressBar
	if cfg.progress {
		bar = startProgress(stderr, &done, progress)
	}
	start := time.Now()
	if !cfg.rollFrom.IsZero() {
		roll, err := rollBook(ctx, src, cfg.rollFrom, cfg.rollTo, workers, &done)
		elapsed := time.Since(start)
		bar.stop()
		if err != nil {
			return err
		}
		return roll.report(stdout, cfg, name, elapsed)
	}
	live := watchLiveHeap()
	sum, err := accrueBook(ctx, src, cfg.asOf, workers, &done)
	elapsed := time.Since(start)
	sum.liveHeap = live()
	bar.stop()
	if err != nil {
		return err
	}
	sum.print(stdout, cfg, name, workers, elapsed)
	return nil
}

// accrueBook decodes the JSON lines of src and accrues them as of asOf on
// workers goroutines, counting the accounts done.
func accrueBook(ctx context.Context, src source, asOf money.Date, workers int, done *atomic.Int64) (*summary, error) {
	accounts, readErr := decodeLines(src, runtime.GOMAXPROCS(0), asOf)
	var sum summary
	err := penalty.AccrueAll(ctx, asOf, accounts, penalty.BatchOptions{Workers: workers, Balances: true},
		func(r penalty.BatchResult[lineKey]) error {
			sum.add(&r)
			done.Add(1)
			return nil
		})
	if err == nil {
		err = readErr()
	}
	return &sum, err
}

// writeOut writes the book to cfg.out and reports what it wrote.
func writeOut(ctx context.Context, cfg config, stdout, stderr io.Writer) error {
	w := stdout
	if cfg.out != "-" {
		f, err := os.Create(cfg.out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	start := time.Now()
	cw := &countingWriter{w: w}
	workers := cfg.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if err := writeBook(ctx, cw, cfg.n, cfg.seed, cfg.asOf, workers); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && f != os.Stdout {
		if err := f.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "wrote %d accounts (%.1f MiB) to %s in %v\n", cfg.n, float64(cw.n)/(1<<20), cfg.out, time.Since(start).Round(time.Millisecond))
	return nil
}

// writeBook writes what book.Write does, the book of seed as JSON lines,
// with its lines written on workers goroutines (the accounts are drawn on
// one, in order: see generatedSource).
func writeBook(ctx context.Context, w io.Writer, n int, seed uint64, asOf money.Date, workers int) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	for c := range chunks(generatedSource(ctx, n, seed, asOf), workers, (*chunk).write) {
		start := 0
		for _, end := range c.ends {
			bw.Write(c.data[start:end])
			if err := bw.WriteByte('\n'); err != nil { // the first error of any write
				return err
			}
			start = end
		}
		c.release()
		if c.err != nil {
			return c.err
		}
	}
	return bw.Flush()
}

// summary adds up the book.
type summary struct {
	accounts, failed int
	liveHeap         uint64         // bytes: the largest live heap a GC found during the run
	errors           []string       // the first few
	totals           penalty.Totals // of the accrual ledgers
	buckets          book.Buckets   // of every line, whatever its kind
	others           [3]int         // loan and card lines, by book.Kind
}

func (s *summary) add(r *penalty.BatchResult[lineKey]) {
	s.accounts++
	err := r.Key.err
	if o := r.Key.other; o != nil && err == nil {
		// A loan or card line, computed by the decoder: its figures go
		// into the bucket table; the ledger totals are the accrual
		// ledgers'.
		if err = o.err; err == nil {
			s.buckets.Add1(o.results[0].Bucket, o.results[0].Totals)
			s.others[o.kind]++
			return
		}
	}
	if err == nil {
		err = r.Err
	}
	if err != nil {
		s.failed++
		if len(s.errors) < 5 {
			s.errors = append(s.errors, fmt.Sprintf("line %d: %v", r.Key.line, err))
		}
		return
	}
	t := r.Statement.Totals
	s.totals.Principal = s.totals.Principal.Add(t.Principal)
	s.totals.Interest = s.totals.Interest.Add(t.Interest)
	s.totals.Fee = s.totals.Fee.Add(t.Fee)
	s.totals.Penalty = s.totals.Penalty.Add(t.Penalty)
	s.totals.LateFee = s.totals.LateFee.Add(t.LateFee)
	s.totals.Outstanding = s.totals.Outstanding.Add(t.Outstanding)
	s.buckets.Add(r.Statement)
}

func (s *summary) print(w io.Writer, cfg config, source string, workers int, elapsed time.Duration) {
	fmt.Fprintf(w, "portfolio of %d accounts, %s, as of %s\n", s.accounts, source, cfg.asOf)
	fmt.Fprintf(w, "  elapsed      %v on %d accrual workers (GOMAXPROCS %d)\n", elapsed.Round(time.Millisecond), workers, runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "  throughput   %.0f accounts/s\n", float64(s.accounts)/elapsed.Seconds())
	fmt.Fprintf(w, "  peak RSS     %s\n", peakRSS())
	fmt.Fprintf(w, "  live heap    %.1f MiB at most, after any GC of the run\n", float64(s.liveHeap)/(1<<20))
	fmt.Fprintf(w, "  failed       %d\n", s.failed)
	for _, e := range s.errors {
		fmt.Fprintf(w, "    %s\n", e)
	}
	if n := s.others[book.LoanStatement] + s.others[book.CardStatement]; n > 0 {
		fmt.Fprintf(w, "  loans        %d, cards %d (in the buckets; the ledger totals below are the other lines')\n",
			s.others[book.LoanStatement], s.others[book.CardStatement])
	}
	fmt.Fprintln(w, "outstanding")
	for _, row := range []struct {
		name string
		v    money.Amount
	}{
		{"principal", s.totals.Principal}, {"interest", s.totals.Interest}, {"fee", s.totals.Fee},
		{"penalty", s.totals.Penalty}, {"late_fee", s.totals.LateFee}, {"total", s.totals.Outstanding},
	} {
		fmt.Fprintf(w, "  %-10s %20s\n", row.name, row.v.StringFixed(2))
	}
	fmt.Fprintln(w, "buckets")
	s.buckets.WriteTable(w)
}

// peakRSS is the process's peak resident set size (VmHWM), on Linux.
// watchLiveHeap samples the live heap the GC last found
// (/gc/heap/live:bytes) every 50 ms until the returned function is called,
// which stops it and returns the largest sample. Unlike peak RSS, which
// keeps what the runtime once took from the system, it shows whether the
// work held in memory grows with the book: it should not.
func watchLiveHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		most := read()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				done <- max(most, read())
				return
			case <-tick.C:
				most = max(most, read())
			}
		}
	}()
	return func() uint64 { close(stop); return <-done }
}

func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "n/a"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kb); err == nil {
				return fmt.Sprintf("%.1f MiB", float64(kb)/1024)
			}
		}
	}
	return "n/a"
}

// progressBar redraws one line on w a few times a second.
type progressBar struct {
	quit, exited chan struct{}
}

func startProgress(w io.Writer, done *atomic.Int64, fraction func() float64) *progressBar {
	p := &progressBar{quit: make(chan struct{}), exited: make(chan struct{})}
	start := time.Now()
	draw := func(final bool) {
		n := done.Load()
		rate := float64(n) / max(time.Since(start).Seconds(), 1e-9)
		const width = 30
		line := fmt.Sprintf("%9d accounts  %7.0f/s", n, rate)
		if fraction != nil {
			f := min(max(fraction(), 0), 1)
			if final {
				f = 1
			}
			full := int(f * width)
			line = fmt.Sprintf("[%s%s] %3.0f%% %s", strings.Repeat("#", full), strings.Repeat(".", width-full), 100*f, line)
		}
		fmt.Fprintf(w, "\r%s", line)
	}
	go func() {
		defer close(p.exited)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				draw(false)
			case <-p.quit:
				draw(true)
				fmt.Fprintln(w)
				return
			}
		}
	}()
	return p
}

// stop draws the final state and waits for the bar's goroutine.
func (p *progressBar) stop() {
	if p == nil {
		return
	}
	close(p.quit)
	<-p.exited
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}
