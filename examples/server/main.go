// Command server exposes every request kind of the repayplan library
// as an HTTP JSON service.
//
// Usage:
//
//	go run ./examples/server [-addr 127.0.0.1:8080] [-max-body 1048576] [-max-conns 1024]
//	                         [-max-concurrent 0] [-compute-timeout 5s]
//	go run ./examples/server -loadtest [-n 20000] [-c 16] [-duration 30s]
//	go run ./examples/server -hostile [-c 16] [-duration 20s] [-memory-limit 1073741824] [-health-bound 100ms]
//
// Endpoints:
//
//	POST /v1/{kind}   body: the kind's JSON request, exactly a conformance
//	                  vector's "input"; answer: the result JSON
//	GET  /v1/kinds    {"kinds": [...]}: the kinds POST /v1/{kind} accepts
//	GET  /healthz     {"status":"ok"}: the process answers
//	GET  /readyz      {"status":"ready",...} 200, or "overloaded" 503 while
//	                  every computation slot is taken
//
// Examples:
//
//	curl -s 127.0.0.1:8080/healthz
//	curl -s 127.0.0.1:8080/v1/kinds
//	curl -s -H 'Content-Type: application/json' 127.0.0.1:8080/v1/schedule -d '{
//	  "principal": "1000000", "annual_rate": "0.049", "periods": 360,
//	  "method": "equal_installment", "start_date": "2024-01-15"}'
//	# any vector's input, straight from the test data:
//	jq .input testdata/vectors/apr-zero-rate.json |
//	  curl -s -H 'Content-Type: application/json' 127.0.0.1:8080/v1/apr --data-binary @-
//
// Status codes: 200 with the result; 400 for invalid or unsatisfiable input,
// with a body naming the field:
//
//	{"error": {"code": "invalid_input", "field": "periods",
//	           "reason": "must be at least 1, got 0",
//	           "message": "periods: must be at least 1, got 0"}}
//
// 404 for an unknown kind or path, 405 (with Allow) for a wrong method, 413
// for a body over -max-body (refused from its Content-Length before it is
// read, so "Expect: 100-continue" never gets a 100), 415 for a Content-Type
// other than JSON (a missing one, and curl's default for -d, are accepted),
// 422 for a result over the response cap, 503 with Retry-After when every
// one of -max-concurrent computation slots is busy or a computation passes
// -compute-timeout, 500 for anything else (a library bug; logged, not
// shown). Every error body has the shape above; none echoes the client's
// text beyond the name of a field, nor a socket address.
//
// The server sets read-header, read, write and idle timeouts, accepts at
// most -max-conns connections at once, logs one structured line per
// request (kind, status, milliseconds), and shuts down gracefully on SIGINT or SIGTERM, waiting up to -shutdown-timeout for
// requests in flight.
//
// With -loadtest the program starts the same handler in-process on
// 127.0.0.1 (an ephemeral port; -addr is ignored), fires -n schedule requests
// (a 360-period mortgage) at it from -c concurrent clients, stopping early
// after -duration, and prints requests per second and p50/p99 latency. It
// never talks to anything but loopback.
//
// With -hostile it starts this program as the server in a child process
// (on an ephemeral 127.0.0.1 port, with the flags above and GOMEMLIMIT set
// to -memory-limit) and attacks it with the
// valid but costly requests a security review found (1 200 installments ×
// 10 000 waivers, a contingent grace over 1 200 installments × 160
// payments, act/act segments over 100 years, 24 000 payments), -c clients
// per shape for -duration, while polling /healthz every 50 ms from a client
// of its own. It fails unless the server stays up, every
// answer is a result or a clear 4xx / 503 within the compute deadline,
// /healthz always answers within -health-bound, and peak RSS stays under
// the memory limit (the child's maximum resident set, from the kernel).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/repayplan/repayplan/internal/service"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	maxBody := fs.Int64("max-body", service.DefaultMaxBody, "largest request body accepted, in bytes (larger: 413)")
	maxConns := fs.Int("max-conns", service.DefaultMaxConns, "open connections at most")
	concurrent := fs.Int("max-concurrent", 0, "computations at once (0: GOMAXPROCS−1, at least 1); more get 503")
	timeout := fs.Duration("compute-timeout", service.DefaultComputeTimeout, "wall time of one computation at most; past it 503")
	shutdownTimeout := fs.Duration("shutdown-timeout", 10*time.Second, "how long to wait for requests in flight on SIGINT/SIGTERM")
	loadtest := fs.Bool("loadtest", false, "run a loopback load test against an in-process server and exit")
	hostile := fs.Bool("hostile", false, "run the hostile load test: -c clients per costly request shape for -duration, under -memory-limit")
	memLimit := fs.Int64("memory-limit", 1<<30, "hostile: the Go memory limit and the bound on peak RSS, in bytes")
	healthBound := fs.Duration("health-bound", 100*time.Millisecond, "hostile: every /healthz must answer within this")
	n := fs.Int("n", 20000, "loadtest: number of requests")
	c := fs.Int("c", 16, "loadtest: concurrent clients")
	duration := fs.Duration("duration", 30*time.Second, "loadtest: stop after this long even if -n is not reached")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *maxBody <= 0 {
		return fmt.Errorf("-max-body must be positive, got %d", *maxBody)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	opts := service.Options{MaxBody: *maxBody, MaxConcurrent: *concurrent, ComputeTimeout: *timeout, Logger: logger}

	if *hostile {
		cfg := hostileConfig{Concurrency: *c, Duration: *duration, MemoryLimit: *memLimit, HealthBound: *healthBound}
		if err := cfg.validate(); err != nil {
			return err
		}
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		srv, err := startChild(exe, []string{
			"-max-body", strconv.FormatInt(*maxBody, 10),
			"-max-conns", strconv.Itoa(*maxConns),
			"-max-concurrent", strconv.Itoa(*concurrent),
			"-compute-timeout", timeout.String(),
		}, *memLimit)
		if err != nil {
			return err
		}
		rep, err := runHostile(context.Background(), srv, *timeout, cfg)
		if err != nil {
			return err
		}
		fmt.Println(rep)
		if !rep.OK() {
			return fmt.Errorf("the hostile load test failed")
		}
		return nil
	}
	if *loadtest {
		cfg := loadConfig{Requests: *n, Concurrency: *c, MaxDuration: *duration}
		if err := cfg.validate(); err != nil {
			return err
		}
		rep, err := runLoadTest(context.Background(), opts, cfg)
		if err != nil {
			return err
		}
		fmt.Println(rep)
		if rep.Failed > 0 {
			return fmt.Errorf("%d of %d requests failed", rep.Failed, rep.Sent)
		}
		return nil
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	return service.Serve(ctx, ln, opts, *maxConns, *shutdownTimeout)
}
