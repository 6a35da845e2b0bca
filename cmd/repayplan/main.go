// Command repayplan runs the repayplan library's calculations from the
// command line and serves them over HTTP.
//
// Usage:
//
//	repayplan KIND [FILE]              compute one request and print the result JSON
//	repayplan -explain zh KIND [FILE]  print the result's explanation, one sentence a line (zh or en)
//	repayplan kinds                    list the request kinds
//	repayplan serve [-addr 127.0.0.1:8080] [-max-body 1048576] [-max-conns 1024]
//	                [-max-concurrent 0] [-compute-timeout 5s]
//
// The request is the kind's JSON request (a conformance vector's "input"),
// read from FILE or, without one, from standard input:
//
//	go run ./cmd/repayplan schedule < examples/requests/schedule.json
//	go run ./cmd/repayplan -explain zh accrual examples/requests/accrual.json
//
// Flags may also follow KIND. Exit status: 0 on success; 2 for bad input
// (the error, naming the field, on standard error) or bad usage; 1 for
// anything else.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/internal/service"
	"github.com/repayplan/repayplan/money"
)

// Exit codes.
const (
	exitOK    = 0
	exitOther = 1
	exitUsage = 2 // bad input or bad usage
)

// maxRequest bounds what is read from a file or standard input, as the
// service bounds a request body.
const maxRequest = 16 << 20

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError is bad usage of the command itself (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run is the whole command, testable: it returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := dispatch(ctx, args, stdin, stdout, stderr)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "repayplan:", err)
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, money.ErrInvalid) || errors.Is(err, flag.ErrHelp) {
		if errors.As(err, &ue) {
			fmt.Fprintln(stderr, "usage: repayplan [-explain zh|en] KIND [FILE] | repayplan kinds | repayplan serve [-addr ADDR]")
		}
		return exitUsage
	}
	return exitOther
}

func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("repayplan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	explain := fs.String("explain", "", "print the explanation in `LANG` (zh or en) instead of the result JSON")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return usageError{"a KIND, kinds or serve is required"}
	}
	switch rest[0] {
	case "kinds":
		if len(rest) > 1 {
			return usageError{fmt.Sprintf("kinds takes no arguments, got %q", rest[1:])}
		}
		_, err := fmt.Fprintln(stdout, strings.Join(repayplan.Kinds(), "\n"))
		return err
	case "serve":
		return serve(ctx, rest[1:], stderr)
	}
	kind := rest[0]
	if !slices.Contains(repayplan.Kinds(), kind) {
		return usageError{fmt.Sprintf("unknown kind %q; repayplan kinds lists them", kind)}
	}
	// Flags may follow the kind: repayplan accrual -explain zh file.json.
	if err := fs.Parse(rest[1:]); err != nil {
		return usageError{err.Error()}
	}
	rest = fs.Args()
	if len(rest) > 1 {
		return usageError{fmt.Sprintf("at most one FILE, got %q", rest)}
	}
	if *explain != "" && *explain != "zh" && *explain != "en" {
		return usageError{fmt.Sprintf("-explain must be zh or en, got %q", *explain)}
	}
	in := stdin
	if len(rest) == 1 && rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	request, err := io.ReadAll(io.LimitReader(in, maxRequest+1))
	if err != nil {
		return err
	}
	if len(request) > maxRequest {
		return usageError{fmt.Sprintf("request larger than %d bytes", maxRequest)}
	}
	if *explain != "" {
		return explainRequest(stdout, kind, request, *explain)
	}
	result, err := repayplan.Do(kind, request)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(result)
}

// explainRequest asks the library for the explanation the way any client
// does — the request's "explain" list — and prints its sentences, one a
// line. A kind whose request has no explain is a usage error.
func explainRequest(w io.Writer, kind string, request []byte, lang string) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(request, &fields); err != nil {
		// Not an object: let the library say what is wrong with it.
		_, err := repayplan.Do(kind, request)
		return err
	}
	if _, ok := fields["explain"]; ok {
		return usageError{"the request already has \"explain\"; drop -explain or the key"}
	}
	fields["explain"] = json.RawMessage(`["` + lang + `"]`)
	asked, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	result, err := repayplan.Do(kind, asked)
	var me *money.Error
	if errors.As(err, &me) && me.Field == "explain" {
		return usageError{fmt.Sprintf("kind %s has no explanation; drop -explain", kind)}
	}
	if err != nil {
		return err
	}
	out, err := json.Marshal(result)
	if err != nil {
		return err
	}
	var got struct {
		Sentences map[string][]string `json:"sentences"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		return err
	}
	for _, l := range got.Sentences[lang] {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("repayplan serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	maxBody := fs.Int64("max-body", service.DefaultMaxBody, "largest request body accepted, in bytes (larger: 413)")
	shutdown := fs.Duration("shutdown-timeout", 10*time.Second, "how long to wait for requests in flight on SIGINT/SIGTERM")
	maxConns := fs.Int("max-conns", service.DefaultMaxConns, "open connections at most")
	concurrent := fs.Int("max-concurrent", 0, "computations at once (0: GOMAXPROCS−1, at least 1); more get 503")
	timeout := fs.Duration("compute-timeout", service.DefaultComputeTimeout, "wall time of one computation at most; past it 503")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("serve: unexpected arguments %q", fs.Args())}
	}
	if *maxBody <= 0 {
		return usageError{fmt.Sprintf("serve: -max-body must be positive, got %d", *maxBody)}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	opts := service.Options{MaxBody: *maxBody, MaxConcurrent: *concurrent, ComputeTimeout: *timeout, Logger: logger}
	return service.Serve(ctx, ln, opts, *maxConns, *shutdown)
}
