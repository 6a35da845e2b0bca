package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/repayplan/repayplan/money"
)

type config struct {
	in, out string
	asOf    money.Date
	n, bad  int
	seed    uint64

	cpuprofile string
	statements bool
}

func main() {
	var cfg config
	flag.StringVar(&cfg.in, "in", "", "glob of the book's JSON lines files (.gz read as gzip); empty: generate a small book and run it")
	flag.StringVar(&cfg.out, "out", "", "directory (or gs:// prefix) to write statements.jsonl, deadletter.jsonl and buckets.csv under; empty with no -in: a temporary directory")
	asOf := flag.String("as-of", "", "accrue every account as of this date, YYYY-MM-DD; empty: each line's own as_of")
	flag.IntVar(&cfg.n, "n", 2000, "accounts in the generated book (no -in)")
	flag.IntVar(&cfg.bad, "bad", 3, "bad lines mixed into the generated book, to show the dead letters (no -in)")
	flag.Uint64Var(&cfg.seed, "seed", 1, "seed of the generated book (no -in)")
	flag.BoolVar(&cfg.statements, "statements", true, "write the statements (false: only the dead letters and the bucket table, as examples/portfolio)")
	flag.StringVar(&cfg.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to this file (prism runs in this process)")
	verbose := flag.Bool("v", false, "show the runner's and the SDK's INFO logs")
	flag.Parse()
	if !*verbose {
		// The in-process runner logs every stage at INFO; the table is
		// what a person wants to see. beam.Init reads log.LogLevel.
		log.LogLevel = "warn"
	}
	// On a cluster the same binary runs as the worker: beam.Init takes over
	// there and never returns.
	beam.Init()
	if *asOf != "" {
		d, err := money.ParseDate(*asOf)
		if err != nil {
			fail(money.Within("as-of", err))
		}
		cfg.asOf = d
	}
	if err := run(context.Background(), cfg, os.Stdout); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "beam:", err)
	os.Exit(1)
}

// demoAsOf is the generated book's date, as in examples/portfolio.
var demoAsOf = money.MustParseDate("2025-06-30")

func run(ctx context.Context, cfg config, stdout io.Writer) error {
	switch {
	case cfg.n < 0:
		return errors.New("-n: must not be negative")
	case cfg.bad < 0:
		return errors.New("-bad: must not be negative")
	case cfg.in != "" && cfg.out == "":
		return errors.New("-out: required with -in")
	}
	source := cfg.in
	if cfg.in == "" {
		dir, err := os.MkdirTemp("", "repayplan-beam-")
		if err != nil {
			return err
		}
		cfg.in = filepath.Join(dir, "book.jsonl")
		f, err := os.Create(cfg.in)
		if err != nil {
			return err
		}
		_, err = writeDemoBook(ctx, f, cfg.n, cfg.bad, cfg.seed, demoAsOf)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if cfg.out == "" {
			cfg.out = filepath.Join(dir, "out")
		}
		source = fmt.Sprintf("generated: %d accounts and %d bad lines (seed %d) in %s", cfg.n, cfg.bad, cfg.seed, cfg.in)
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
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{In: cfg.in, Out: cfg.out, AsOf: cfg.asOf, NoStatements: !cfg.statements})
	start := time.Now()
	if err := beamx.Run(ctx, p); err != nil {
		return err
	}
	elapsed := time.Since(start)

	t, err := readTable(ctx, outPath(cfg.out, BucketsFile))
	if err != nil {
		return err
	}
	lines := t.Buckets.Total().Accounts + t.Failed
	fmt.Fprintf(stdout, "portfolio on Beam (%s): %s\n", runnerName(), source)
	fmt.Fprintf(stdout, "  elapsed      %v, %.0f lines/s (pipeline start-up included)\n", elapsed.Round(time.Millisecond), float64(lines)/elapsed.Seconds())
	where := "not written (-statements=false)"
	if cfg.statements {
		where = "in " + outPath(cfg.out, "statements*.jsonl")
	}
	fmt.Fprintf(stdout, "  statements   %d %s\n", t.Buckets.Total().Accounts, where)
	fmt.Fprintf(stdout, "  dead letters %d in %s\n", t.Failed, outPath(cfg.out, DeadLetterFile))
	fmt.Fprintf(stdout, "buckets (%s)\n", outPath(cfg.out, BucketsFile))
	return t.Buckets.WriteTable(stdout)
}

// runnerName is the --runner flag, or prism, beamx's default.
func runnerName() string {
	if f := flag.Lookup("runner"); f != nil && f.Value.String() != "" {
		return f.Value.String()
	}
	return "prism"
}

// readTable reads buckets.csv wherever the pipeline wrote it.
func readTable(ctx context.Context, path string) (*BucketTable, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	b, err := filesystem.Read(ctx, fs, path)
	if err != nil {
		return nil, err
	}
	return ReadBucketTable(bytes.NewReader(b))
}
