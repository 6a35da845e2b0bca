package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/money"
)

// Defaults of Options.
const (
	DefaultMaxBody        int64 = 1 << 20  // 1 MiB
	DefaultMaxResponse          = 32 << 20 // 32 MiB
	DefaultComputeTimeout       = 5 * time.Second
)

// Options configures the handler returned by Handler. The zero Options is
// the service's defaults.
type Options struct {
	// MaxBody is the largest request body accepted, in bytes; a larger one
	// is answered with 413, before the body is read (so a client that asks
	// "Expect: 100-continue" never gets to send it). Zero or negative means
	// DefaultMaxBody.
	MaxBody int64
	// MaxConcurrent is how many computations may run at once; a request
	// beyond it is answered at once with 503 and Retry-After, never queued.
	// Zero or negative means GOMAXPROCS − 1, at least 1: the work is
	// CPU-bound, so more computations than cores only make each slower,
	// and one core is left to /healthz, /readyz, reading bodies and the
	// cheap refusals. (Under the hostile load test on two cores, two slots
	// let /healthz pass 100 ms; one kept it under 55 ms.)
	MaxConcurrent int
	// ComputeTimeout bounds the wall time of one computation; past it the
	// request is answered with 503. The computation's slot stays taken until
	// it really ends, so a slow request cannot make room for more work than
	// MaxConcurrent. Zero or negative means DefaultComputeTimeout.
	ComputeTimeout time.Duration
	// MaxResponse is the largest result answered, in bytes of JSON; a larger
	// one is answered with 422. Zero or negative means DefaultMaxResponse.
	MaxResponse int
	// Logger receives one structured line per request and per internal
	// error. Nil means slog.Default().
	Logger *slog.Logger
}

// server is the state of one handler: fixed at construction, except the
// slots of running computations.
type server struct {
	maxBody     int64
	maxResponse int
	timeout     time.Duration
	slots       chan struct{} // one token per running computation
	log         *slog.Logger
	kinds       []string            // sorted, as repayplan.Kinds returns them
	known       map[string]struct{} // the same kinds, for lookup
}

// Handler returns the HTTP handler of the service:
//
//	POST /v1/{kind}   run one request kind through repayplan.DoContext
//	GET  /v1/kinds    list the kinds
//	GET  /healthz     liveness: the process answers
//	GET  /readyz      readiness: 200 while a computation slot is free, 503 when every one is taken
//	GET  /openapi.json the OpenAPI 3.1 document of all of these (repayplan.OpenAPI)
//
// Every error answer is JSON (see errorBody).
func Handler(opts Options) http.Handler { return newService(opts).routes() }

func newService(opts Options) *server {
	s := &server{
		maxBody:     opts.MaxBody,
		maxResponse: opts.MaxResponse,
		timeout:     opts.ComputeTimeout,
		log:         opts.Logger,
		kinds:       repayplan.Kinds(),
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.maxResponse <= 0 {
		s.maxResponse = DefaultMaxResponse
	}
	if s.timeout <= 0 {
		s.timeout = DefaultComputeTimeout
	}
	slots := opts.MaxConcurrent
	if slots <= 0 {
		slots = max(1, runtime.GOMAXPROCS(0)-1)
	}
	s.slots = make(chan struct{}, slots)
	if s.log == nil {
		s.log = slog.Default()
	}
	s.known = make(map[string]struct{}, len(s.kinds))
	for _, k := range s.kinds {
		s.known[k] = struct{}{}
	}
	return s
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	// Patterns carry no method so that every miss is answered here, in JSON,
	// rather than by ServeMux's plain-text 404 and 405.
	mux.HandleFunc("/healthz", s.healthz)
	mux.HandleFunc("/readyz", s.readyz)
	mux.HandleFunc("/v1/kinds", s.listKinds)
	mux.HandleFunc("/openapi.json", s.openapi())
	mux.HandleFunc("/v1/{kind}", s.compute)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// The path is the client's text: it is not echoed.
		writeError(w, http.StatusNotFound, errorDetail{Code: "not_found", Reason: "no such endpoint; POST /v1/{kind}, GET /v1/kinds, /healthz, /readyz, /openapi.json"})
	})
	return s.recoverPanics(mux)
}

// errorBody is the JSON shape of every error answer:
//
//	{"error": {"code": "invalid_input", "field": "periods",
//	           "reason": "must be at least 1, got 0",
//	           "message": "periods: must be at least 1, got 0"}}
//
// field is the JSON path of the offending input value; it is empty when the
// error is about the request as a whole (malformed JSON, too large, ...).
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Field   string `json:"field"`
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func writeError(w http.ResponseWriter, status int, d errorDetail) int {
	if d.Message == "" {
		d.Message = d.Reason
		if d.Field != "" {
			d.Message = d.Field + ": " + d.Reason
		}
	}
	body, err := json.Marshal(errorBody{Error: d})
	if err != nil { // cannot happen: only strings
		body = []byte(`{"error":{"code":"internal","field":"","reason":"internal error","message":"internal error"}}`)
	}
	writeJSON(w, status, append(body, '\n'))
	return status
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow ...string) int {
	w.Header().Set("Allow", strings.Join(allow, ", "))
	return writeError(w, http.StatusMethodNotAllowed, errorDetail{
		Code:   "method_not_allowed",
		Reason: fmt.Sprintf("method %s not allowed, use %s", r.Method, strings.Join(allow, " or ")),
	})
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, r, http.MethodGet, http.MethodHead)
		return
	}
	writeJSON(w, http.StatusOK, []byte(`{"status":"ok"}`+"\n"))
}

// readyz reports whether a computation would be taken now: a load
// balancer stops sending work to a replica whose every slot is busy.
func (s *server) readyz(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, r, http.MethodGet, http.MethodHead)
		return
	}
	busy, limit := len(s.slots), cap(s.slots)
	body := fmt.Sprintf(`{"status":%q,"running":%d,"limit":%d}`+"\n", "ready", busy, limit)
	status := http.StatusOK
	if busy >= limit {
		body = fmt.Sprintf(`{"status":%q,"running":%d,"limit":%d}`+"\n", "overloaded", busy, limit)
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, status, []byte(body))
}

func (s *server) listKinds(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, r, http.MethodGet, http.MethodHead)
		return
	}
	body, _ := json.Marshal(struct {
		Kinds []string `json:"kinds"`
	}{slices.Clone(s.kinds)})
	writeJSON(w, http.StatusOK, append(body, '\n'))
}

// compute answers POST /v1/{kind}: the body is the kind's JSON request
// (a conformance vector's "input"), the answer the result JSON exactly as
// json.Marshal renders repayplan.Do's result, followed by a newline.
func (s *server) compute(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	kind := r.PathValue("kind")
	status := s.computeStatus(w, r, kind)
	if _, ok := s.known[kind]; !ok {
		kind = "unknown" // the client's text is not logged either
	}
	s.log.Info("request", "kind", kind, "status", status, "ms", time.Since(start).Milliseconds())
}

func (s *server) computeStatus(w http.ResponseWriter, r *http.Request, kind string) int {
	if _, ok := s.known[kind]; !ok {
		return writeError(w, http.StatusNotFound, errorDetail{
			Code:   "unknown_kind",
			Field:  "kind",
			Reason: "unknown kind; GET /v1/kinds lists them",
		})
	}
	if r.Method != http.MethodPost {
		return methodNotAllowed(w, r, http.MethodPost)
	}
	if !acceptableContentType(r.Header.Get("Content-Type")) {
		return writeError(w, http.StatusUnsupportedMediaType, errorDetail{
			Code:   "unsupported_media_type",
			Reason: "Content-Type not supported, send application/json",
		})
	}
	// A declared length over the limit is refused before the body is read,
	// so the server never answers "100 Continue" to it.
	if r.ContentLength > s.maxBody {
		return s.tooLarge(w)
	}
	// Shed load before reading the body when every slot is busy: reading a
	// megabyte only to refuse it is work an attacker gets for free. (The
	// slot is taken only after the body is in, so a slow upload never holds
	// one.)
	if len(s.slots) >= cap(s.slots) {
		return s.overloaded(w)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return s.tooLarge(w)
		}
		// The client went away or sent a broken body. The error text names
		// socket addresses: it is logged, not answered.
		s.log.Warn("read body", "kind", kind, "err", err)
		return writeError(w, http.StatusBadRequest, errorDetail{Code: "bad_body", Reason: "cannot read the request body"})
	}

	select {
	case s.slots <- struct{}{}:
	default:
		return s.overloaded(w)
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
	defer cancel()
	done := make(chan outcome, 1)
	go func() {
		done <- s.run(ctx, kind, body)
	}()
	var o outcome
	select {
	case o = <-done:
	case <-ctx.Done():
		o.err = ctx.Err()
	}
	switch {
	case errors.Is(o.err, context.DeadlineExceeded) || errors.Is(o.err, context.Canceled):
		w.Header().Set("Retry-After", "1")
		return writeError(w, http.StatusServiceUnavailable, errorDetail{
			Code:   "deadline_exceeded",
			Reason: fmt.Sprintf("the computation did not finish within %s", s.timeout),
		})
	case o.marshal:
		s.log.Error("marshal result", "kind", kind, "err", o.err)
		return writeError(w, http.StatusInternalServerError, errorDetail{Code: "internal", Reason: "internal error"})
	case o.err != nil:
		return s.writeDoError(w, kind, o.err)
	}
	if len(o.body) > s.maxResponse {
		return writeError(w, http.StatusUnprocessableEntity, errorDetail{
			Code:   "result_too_large",
			Reason: fmt.Sprintf("the result is %d bytes of JSON, over the limit of %d", len(o.body), s.maxResponse),
		})
	}
	writeJSON(w, http.StatusOK, append(o.body, '\n'))
	return http.StatusOK
}

// outcome is what one computation produced.
type outcome struct {
	body    []byte
	err     error
	marshal bool // err is from encoding the result: a library bug
}

// run computes one request on its own goroutine and gives its slot back
// when the computation ends — not when the request does, so CPU spent past
// a deadline still counts — and before the answer is sent, so a client
// that sends its next request the moment it has an answer finds the slot
// free. A panic (a library bug) is an internal error, not a crash: this
// goroutine is outside the handler's recovery.
func (s *server) run(ctx context.Context, kind string, body []byte) (o outcome) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "kind", kind, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			o = outcome{err: fmt.Errorf("panic: %v", p)}
		}
		<-s.slots
	}()
	res, err := repayplan.DoContext(ctx, kind, body)
	if err != nil {
		return outcome{err: err}
	}
	out, err := json.Marshal(res)
	return outcome{body: out, err: err, marshal: err != nil}
}

func (s *server) overloaded(w http.ResponseWriter) int {
	w.Header().Set("Retry-After", "1")
	return writeError(w, http.StatusServiceUnavailable, errorDetail{
		Code:   "overloaded",
		Reason: fmt.Sprintf("all %d computation slots are busy; retry later", cap(s.slots)),
	})
}

func (s *server) tooLarge(w http.ResponseWriter) int {
	return writeError(w, http.StatusRequestEntityTooLarge, errorDetail{
		Code:   "body_too_large",
		Reason: fmt.Sprintf("request body exceeds %d bytes", s.maxBody),
	})
}

// statusFor maps an error from repayplan.Do for a known kind to its HTTP
// status and error code:
//
//   - any other *money.Error (invalid or unsatisfiable input): 400.
//   - anything else is a library bug: 500.
func statusFor(err error) (int, string, *money.Error) {
	var me *money.Error
	if !errors.As(err, &me) {
		return http.StatusInternalServerError, "internal", nil
	}
	return http.StatusBadRequest, "invalid_input", me
}

func (s *server) writeDoError(w http.ResponseWriter, kind string, err error) int {
	status, code, me := statusFor(err)
	if me == nil {
		// Do not leak internals to the client; log them.
		s.log.Error("library error", "kind", kind, "err", err)
		return writeError(w, status, errorDetail{Code: code, Reason: "internal error"})
	}
	return writeError(w, status, errorDetail{Code: code, Field: me.Field, Reason: me.Reason, Message: me.Error()})
}

// acceptableContentType is lenient: no Content-Type, application/json, any
// application/*+json, and curl's default for -d
// (application/x-www-form-urlencoded, whose body is then read as JSON all
// the same) are accepted, with any parameters (charset=utf-8).
func acceptableContentType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || mt == "application/x-www-form-urlencoded" ||
		(strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

// recoverPanics turns a panic in a handler into a logged 500 instead of a
// dropped connection. The library promises never to panic; this is
// the belt to that brace.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			// If the handler already wrote a header this is a no-op
			// superfluous write; the client sees a truncated answer.
			writeError(w, http.StatusInternalServerError, errorDetail{Code: "internal", Reason: "internal error"})
		}()
		next.ServeHTTP(w, r)
	})
}
