// Command portfolio accrues penalty interest and late fees on a whole book
// of accounts as of one date, streaming: it generates a synthetic book
// deterministically (half credit-card installment plans, half consumer
// loans; paid, late, part-paid and never-paid customers) as JSON lines, one
// accrual request per line, decodes them strictly line by line, accrues
// them on every core with penalty.AccrueAll, and prints the throughput and
// the book's totals and delinquency buckets. Memory stays flat in the size
// of the book: no more than a few thousand accounts exist at once.
//
//	go run ./examples/portfolio                      # 100 000 accounts
//	go run ./examples/portfolio -n 1000000 -seed 7
//	go run ./examples/portfolio -n 1000 -out book.jsonl   # write the book and stop
//	go run ./examples/portfolio -in book.jsonl            # accrue a book from a file
//	go run ./examples/portfolio -cpuprofile cpu.out       # then: go tool pprof cpu.out
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

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
	flag.Parse()
	d, err := money.ParseDate(*asOf)
	if err != nil {
		fail(money.Within("as-of", err))
	}
	cfg.asOf = d
	if cfg.n < 0 {
		fail(errors.New("-n: must not be negative"))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, cfg, os.Stdout, os.Stderr); err != nil {
		fail(err)
	}
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

	var src io.Reader
	var progress func() float64 // fraction of the book done
	var done atomic.Int64
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	closeSrc := func() {}
	source := ""
	switch cfg.in {
	case "":
		pr, pw := io.Pipe()
		closeSrc = func() { pr.Close() }
		wg.Add(1)
		go func() {
			defer wg.Done()
			pw.CloseWithError(writeBook(ctx, pw, cfg.n, cfg.seed, cfg.asOf))
		}()
		src = pr
		progress = func() float64 { return float64(done.Load()) / float64(max(cfg.n, 1)) }
		source = fmt.Sprintf("generated (seed %d)", cfg.seed)
	case "-":
		src, source = os.Stdin, "stdin"
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
		src, source = cr, cfg.in
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
	sum, err := accrueBook(ctx, src, cfg.asOf, workers, &done)
	elapsed := time.Since(start)
	bar.stop()
	cancel()
	closeSrc() // the generator may be blocked writing what will not be read
	wg.Wait()
	if err != nil {
		return err
	}
	sum.print(stdout, cfg, source, workers, elapsed)
	return nil
}

// accrueBook decodes the JSON lines of src and accrues them as of asOf on
// workers goroutines, counting the accounts done.
func accrueBook(ctx context.Context, src io.Reader, asOf money.Date, workers int, done *atomic.Int64) (*summary, error) {
	accounts, readErr := decodeLines(src, runtime.GOMAXPROCS(0))
	var sum summary
	err := penalty.AccrueAll(ctx, asOf, accounts, penalty.BatchOptions{Workers: workers},
		func(r penalty.BatchResult[lineKey]) error {
			sum.add(r)
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
	if err := writeBook(ctx, cw, cfg.n, cfg.seed, cfg.asOf); err != nil {
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

// summary adds up the book.
type summary struct {
	accounts, failed int
	errors           []string // the first few
	totals           penalty.Totals
	buckets          [len(bucketNames)]int
}

var bucketNames = [...]string{"current", "M1", "M2", "M3", "M4", "M5", "M6", "M7+"}

func (s *summary) add(r penalty.BatchResult[lineKey]) {
	s.accounts++
	err := r.Key.err
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
	for i, name := range bucketNames {
		if r.Statement.Bucket == name {
			s.buckets[i]++
			break
		}
	}
}

func (s *summary) print(w io.Writer, cfg config, source string, workers int, elapsed time.Duration) {
	fmt.Fprintf(w, "portfolio of %d accounts, %s, as of %s\n", s.accounts, source, cfg.asOf)
	fmt.Fprintf(w, "  elapsed      %v on %d accrual workers (GOMAXPROCS %d)\n", elapsed.Round(time.Millisecond), workers, runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "  throughput   %.0f accounts/s\n", float64(s.accounts)/elapsed.Seconds())
	fmt.Fprintf(w, "  peak RSS     %s\n", peakRSS())
	fmt.Fprintf(w, "  failed       %d\n", s.failed)
	for _, e := range s.errors {
		fmt.Fprintf(w, "    %s\n", e)
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
	for i, name := range bucketNames {
		pct := 0.0
		if n := s.accounts - s.failed; n > 0 {
			pct = 100 * float64(s.buckets[i]) / float64(n)
		}
		fmt.Fprintf(w, "  %-8s %9d  %5.1f %%\n", name, s.buckets[i], pct)
	}
}

// peakRSS is the process's peak resident set size (VmHWM), on Linux.
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
