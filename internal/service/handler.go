package service

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/money"
)

// DefaultMaxBody is the default limit on a request body: 1 MiB.
const DefaultMaxBody int64 = 1 << 20

// Options configures the handler returned by Handler.
type Options struct {
	// MaxBody is the largest request body accepted, in bytes; a larger one is
	// answered with 413. Zero or negative means DefaultMaxBody.
	MaxBody int64
	// Logger receives one line per internal error or recovered panic. Nil
	// means slog.Default().
	Logger *slog.Logger
}

// server is the state of one handler: fixed at construction, read-only after.
type server struct {
	maxBody int64
	log     *slog.Logger
	kinds   []string            // sorted, as repayplan.Kinds returns them
	known   map[string]struct{} // the same kinds, for lookup
}

// Handler returns the HTTP handler of the service:
//
//	POST /v1/{kind}   run one request kind through repayplan.Do
//	GET  /v1/kinds    list the kinds
//	GET  /healthz     liveness
//
// Every error answer is JSON (see errorBody).
func Handler(opts Options) http.Handler {
	s := &server{
		maxBody: opts.MaxBody,
		log:     opts.Logger,
		kinds:   repayplan.Kinds(),
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.known = make(map[string]struct{}, len(s.kinds))
	for _, k := range s.kinds {
		s.known[k] = struct{}{}
	}

	mux := http.NewServeMux()
	// Patterns carry no method so that every miss is answered here, in JSON,
	// rather than by ServeMux's plain-text 404 and 405.
	mux.HandleFunc("/healthz", s.healthz)
	mux.HandleFunc("/v1/kinds", s.listKinds)
	mux.HandleFunc("/v1/{kind}", s.compute)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, errorDetail{Code: "not_found", Reason: "no such endpoint: " + r.URL.Path})
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

func writeError(w http.ResponseWriter, status int, d errorDetail) {
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
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow ...string) {
	w.Header().Set("Allow", strings.Join(allow, ", "))
	writeError(w, http.StatusMethodNotAllowed, errorDetail{
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
// (SPEC §6 "input"), the answer the result JSON exactly as json.Marshal
// renders repayplan.Do's result, followed by a newline.
func (s *server) compute(w http.ResponseWriter, r *http.Request) {
	kind := r.PathValue("kind")
	if _, ok := s.known[kind]; !ok {
		writeError(w, http.StatusNotFound, errorDetail{
			Code:   "unknown_kind",
			Field:  "kind",
			Reason: fmt.Sprintf("unknown kind %q; GET /v1/kinds lists them", kind),
		})
		return
	}
	if r.Method != http.MethodPost {
		methodNotAllowed(w, r, http.MethodPost)
		return
	}
	if !acceptableContentType(r.Header.Get("Content-Type")) {
		writeError(w, http.StatusUnsupportedMediaType, errorDetail{
			Code:   "unsupported_media_type",
			Reason: fmt.Sprintf("Content-Type %q not supported, send application/json", r.Header.Get("Content-Type")),
		})
		return
	}

	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, errorDetail{
				Code:   "body_too_large",
				Reason: fmt.Sprintf("request body exceeds %d bytes", tooLarge.Limit),
			})
			return
		}
		// The client went away or sent a broken body; nothing useful to
		// compute. Answer anyway in case the connection is still usable.
		writeError(w, http.StatusBadRequest, errorDetail{Code: "bad_body", Reason: "cannot read request body: " + err.Error()})
		return
	}

	result, err := repayplan.Do(kind, body)
	if err != nil {
		s.writeDoError(w, r, kind, err)
		return
	}
	out, err := json.Marshal(result)
	if err != nil {
		s.log.Error("marshal result", "kind", kind, "err", err)
		writeError(w, http.StatusInternalServerError, errorDetail{Code: "internal", Reason: "internal error"})
		return
	}
	writeJSON(w, http.StatusOK, append(out, '\n'))
}

// statusFor maps an error from repayplan.Do for a known kind to its HTTP
// status and error code:
//
//   - any other *money.Error (invalid or unsatisfiable input, SPEC §5): 400.
//   - anything else is a library bug: 500.
func statusFor(err error) (int, string, *money.Error) {
	var me *money.Error
	if !errors.As(err, &me) {
		return http.StatusInternalServerError, "internal", nil
	}
	return http.StatusBadRequest, "invalid_input", me
}

func (s *server) writeDoError(w http.ResponseWriter, r *http.Request, kind string, err error) {
	status, code, me := statusFor(err)
	if me == nil {
		// Do not leak internals to the client; log them.
		s.log.Error("library error", "kind", kind, "path", r.URL.Path, "err", err)
		writeError(w, status, errorDetail{Code: code, Reason: "internal error"})
		return
	}
	writeError(w, status, errorDetail{Code: code, Field: me.Field, Reason: me.Reason, Message: me.Error()})
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
// dropped connection. The library promises never to panic (SPEC §5); this is
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
