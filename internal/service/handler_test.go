package service

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/money"
)

// newTestServer serves Handler(opts) on a loopback httptest server.
func newTestServer(t *testing.T, opts Options) *httptest.Server {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(testWriter{t}, nil))
	}
	ts := httptest.NewServer(Handler(opts))
	t.Cleanup(ts.Close)
	return ts
}

// testWriter sends the handler's log to t.Log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

type response struct {
	Status int
	Header http.Header
	Body   []byte
}

func do(t *testing.T, ts *httptest.Server, method, path, contentType string, body io.Reader) response {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, body)
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return response{Status: resp.StatusCode, Header: resp.Header, Body: b}
}

func postJSON(t *testing.T, ts *httptest.Server, kind string, body []byte) response {
	t.Helper()
	return do(t, ts, http.MethodPost, "/v1/"+kind, "application/json", bytes.NewReader(body))
}

// decodeError checks r is a JSON error answer with status and returns it.
func decodeError(t *testing.T, r response, status int) errorDetail {
	t.Helper()
	require.Equal(t, status, r.Status, "body: %s", r.Body)
	require.Equal(t, "application/json", r.Header.Get("Content-Type"))
	var e errorBody
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&e), "error body %s", r.Body)
	require.NotEmpty(t, e.Error.Code)
	require.NotEmpty(t, e.Error.Reason)
	want := e.Error.Reason
	if e.Error.Field != "" {
		want = e.Error.Field + ": " + e.Error.Reason
	}
	require.Equal(t, want, e.Error.Message, "message is field: reason")
	return e.Error
}

const validSchedule = `{"principal":"1000","annual_rate":"0.05","periods":3,"method":"equal_installment","start_date":"2024-01-01"}`

func TestHealthz(t *testing.T) {
	ts := newTestServer(t, Options{})
	r := do(t, ts, http.MethodGet, "/healthz", "", nil)
	assert.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"status":"ok"}`, string(r.Body))

	r = do(t, ts, http.MethodPost, "/healthz", "", nil)
	decodeError(t, r, http.StatusMethodNotAllowed)
	assert.Equal(t, "GET, HEAD", r.Header.Get("Allow"))
}

func TestKinds(t *testing.T) {
	ts := newTestServer(t, Options{})
	r := do(t, ts, http.MethodGet, "/v1/kinds", "", nil)
	require.Equal(t, http.StatusOK, r.Status)
	var got struct{ Kinds []string }
	require.NoError(t, json.Unmarshal(r.Body, &got))
	assert.Equal(t, repayplan.Kinds(), got.Kinds)
	// Every vector kind of SPEC §6 is served.
	for _, k := range []string{"schedule", "apr", "accrual", "minimum_payment", "payoff_projection", "deferral", "installment_plan", "prepayment"} {
		assert.Contains(t, got.Kinds, k)
	}
}

// vector is one conformance case (SPEC §6); only what the server needs.
type vector struct {
	Name   string          `json:"name"`
	Source string          `json:"source"`
	Kind   string          `json:"kind"`
	Input  json.RawMessage `json:"input"`
	Expect json.RawMessage `json:"expect"`
}

// vectorFiles lists the module's seed vectors and, when REPAY_VECTORS names
// a directory, its *.json too (as TestConformance does).
func vectorFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "vectors", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no vectors in ../../testdata/vectors")
	if dir := os.Getenv("REPAY_VECTORS"); dir != "" {
		more, err := filepath.Glob(filepath.Join(dir, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, more, "REPAY_VECTORS=%s holds no *.json", dir)
		files = append(files, more...)
	}
	return files
}

// TestVectorsOverHTTP sends every vector's input to POST /v1/{kind} and
// checks the answer is exactly what repayplan.Do gives for the same input:
// the same bytes as json.Marshal of the result, or the same error, with the
// status statusFor assigns. Whether that result meets the vector's
// expectation is TestConformance's job in the root package; here, in
// addition, every expect.error vector must be a 400 whose message contains
// the expected text.
func TestVectorsOverHTTP(t *testing.T) {
	ts := newTestServer(t, Options{})
	for _, f := range vectorFiles(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			var v vector
			require.NoError(t, json.Unmarshal(data, &v))
			var expect map[string]any
			require.NoError(t, json.Unmarshal(v.Expect, &expect))

			got := postJSON(t, ts, v.Kind, v.Input)
			result, doErr := repayplan.Do(v.Kind, v.Input)
			if doErr == nil {
				want, err := json.Marshal(result)
				require.NoError(t, err)
				require.Equal(t, http.StatusOK, got.Status, "body: %s", got.Body)
				assert.Equal(t, "application/json", got.Header.Get("Content-Type"))
				assert.Equal(t, string(want)+"\n", string(got.Body), "HTTP answer differs from json.Marshal(repayplan.Do(...))")
				return
			}

			status, code, me := statusFor(doErr)
			e := decodeError(t, got, status)
			assert.Equal(t, code, e.Code)
			if me != nil {
				assert.Equal(t, me.Field, e.Field)
				assert.Equal(t, me.Reason, e.Reason)
				assert.Equal(t, doErr.Error(), e.Message)
			}
			if want, ok := expect["error"].(string); ok {
				assert.Equal(t, http.StatusBadRequest, got.Status)
				assert.Contains(t, e.Message, want)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	ts := newTestServer(t, Options{})
	cases := []struct {
		name, kind, body string
		field, reason    string // reason: substring
	}{
		{"unknown key", "schedule",
			`{"principal":"1000","annual_rate":"0.05","periods":3,"method":"equal_installment","start_date":"2024-01-01","bogus":1}`,
			"bogus", "unknown field"},
		{"huge exponent", "schedule",
			`{"principal":"1e999999999","annual_rate":"0.05","periods":3,"method":"equal_installment","start_date":"2024-01-01"}`,
			"principal", ""},
		{"zero periods", "schedule",
			`{"principal":"1000","annual_rate":"0.05","periods":0,"method":"equal_installment","start_date":"2024-01-01"}`,
			"periods", ""},
		{"malformed JSON", "schedule", `{"principal":`, "", "malformed JSON"},
		{"empty body", "schedule", ``, "", ""},
		{"trailing data", "schedule", validSchedule + ` {}`, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := decodeError(t, postJSON(t, ts, c.kind, []byte(c.body)), http.StatusBadRequest)
			assert.Equal(t, "invalid_input", e.Code)
			assert.Equal(t, c.field, e.Field)
			assert.Contains(t, e.Reason, c.reason)
			// The answer is exactly the library's *money.Error.
			_, err := repayplan.Do(c.kind, []byte(c.body))
			var me *money.Error
			require.True(t, errors.As(err, &me), "library error %v is a *money.Error", err)
			assert.Equal(t, me.Field, e.Field)
			assert.Equal(t, me.Error(), e.Message)
		})
	}
}

func TestValidScheduleAnswer(t *testing.T) {
	ts := newTestServer(t, Options{})
	r := postJSON(t, ts, "schedule", []byte(validSchedule))
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	var got struct {
		RowCount int               `json:"row_count"`
		Rows     []json.RawMessage `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(r.Body, &got))
	assert.Equal(t, 3, got.RowCount)
	assert.Len(t, got.Rows, 3)
}

func TestBodyTooLarge(t *testing.T) {
	const limit = 256
	ts := newTestServer(t, Options{MaxBody: limit})

	// Just under the limit still works: pad a valid request with spaces.
	ok := validSchedule + strings.Repeat(" ", limit-len(validSchedule))
	require.Len(t, ok, limit)
	r := postJSON(t, ts, "schedule", []byte(ok))
	assert.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)

	// One byte over: 413, with Content-Length known up front...
	e := decodeError(t, postJSON(t, ts, "schedule", []byte(ok+" ")), http.StatusRequestEntityTooLarge)
	assert.Equal(t, "body_too_large", e.Code)
	assert.Contains(t, e.Reason, fmt.Sprint(limit))

	// ...and streamed (chunked, no Content-Length).
	pr, pw := io.Pipe()
	go func() {
		_, _ = pw.Write([]byte(ok + strings.Repeat(" ", 10*limit)))
		pw.Close()
	}()
	e = decodeError(t, do(t, ts, http.MethodPost, "/v1/schedule", "application/json", pr), http.StatusRequestEntityTooLarge)
	assert.Equal(t, "body_too_large", e.Code)
}

func TestDefaultBodyLimit(t *testing.T) {
	ts := newTestServer(t, Options{})
	big := validSchedule + strings.Repeat(" ", int(DefaultMaxBody))
	decodeError(t, postJSON(t, ts, "schedule", []byte(big)), http.StatusRequestEntityTooLarge)
}

func TestUnknownKindAndPath(t *testing.T) {
	ts := newTestServer(t, Options{})
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		e := decodeError(t, do(t, ts, method, "/v1/no_such_kind", "application/json", strings.NewReader(validSchedule)), http.StatusNotFound)
		assert.Equal(t, "unknown_kind", e.Code)
		assert.Equal(t, "kind", e.Field)
		assert.NotContains(t, e.Reason, "no_such_kind", "the client's text is not echoed")
	}
	for _, path := range []string{"/", "/v2/schedule", "/v1/schedule/extra", "/v1"} {
		e := decodeError(t, do(t, ts, http.MethodPost, path, "application/json", strings.NewReader(validSchedule)), http.StatusNotFound)
		assert.Equal(t, "not_found", e.Code, path)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	ts := newTestServer(t, Options{})
	for _, kind := range repayplan.Kinds() {
		for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
			r := do(t, ts, method, "/v1/"+kind, "", nil)
			e := decodeError(t, r, http.StatusMethodNotAllowed)
			assert.Equal(t, "method_not_allowed", e.Code)
			assert.Equal(t, "POST", r.Header.Get("Allow"), "%s /v1/%s", method, kind)
		}
	}
	r := do(t, ts, http.MethodPost, "/v1/kinds", "", nil)
	// "kinds" is not a kind: POST /v1/kinds is the listing with a wrong method.
	decodeError(t, r, http.StatusMethodNotAllowed)
	assert.Equal(t, "GET, HEAD", r.Header.Get("Allow"))
}

func TestContentType(t *testing.T) {
	ts := newTestServer(t, Options{})
	for _, ct := range []string{"", "application/json", "application/json; charset=utf-8", "Application/JSON", "application/problem+json", "application/x-www-form-urlencoded"} {
		r := do(t, ts, http.MethodPost, "/v1/schedule", ct, strings.NewReader(validSchedule))
		assert.Equal(t, http.StatusOK, r.Status, "Content-Type %q: %s", ct, r.Body)
	}
	for _, ct := range []string{"text/plain", "multipart/form-data; boundary=x", "application/xml", "json", ";;"} {
		e := decodeError(t, do(t, ts, http.MethodPost, "/v1/schedule", ct, strings.NewReader(validSchedule)), http.StatusUnsupportedMediaType)
		assert.Equal(t, "unsupported_media_type", e.Code, ct)
	}
}

func TestStatusFor(t *testing.T) {
	cases := []struct {
		err    error
		status int
	}{
		{money.Errorf("periods", "must be at least 1, got 0"), http.StatusBadRequest},
		{fmt.Errorf("wrapped: %w", money.Errorf("x", "bad")), http.StatusBadRequest},
		{errors.New("some library bug"), http.StatusInternalServerError},
	}
	for _, c := range cases {
		status, _, _ := statusFor(c.err)
		assert.Equal(t, c.status, status, "%v", c.err)
	}
}

// A panic or a non-*money.Error is answered 500 with no internals shown.
func TestInternalErrorsHidden(t *testing.T) {
	var logged bytes.Buffer
	s := &server{log: slog.New(slog.NewTextHandler(&logged, nil))}

	rec := httptest.NewRecorder()
	s.writeDoError(rec, "schedule", errors.New("secret detail"))
	e := decodeError(t, response{rec.Code, rec.Header(), rec.Body.Bytes()}, http.StatusInternalServerError)
	assert.Equal(t, "internal", e.Code)
	assert.NotContains(t, rec.Body.String(), "secret")
	assert.Contains(t, logged.String(), "secret detail")

	logged.Reset()
	rec = httptest.NewRecorder()
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom secret") }))
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/schedule", nil))
	decodeError(t, response{rec.Code, rec.Header(), rec.Body.Bytes()}, http.StatusInternalServerError)
	assert.NotContains(t, rec.Body.String(), "boom")
	assert.Contains(t, logged.String(), "boom secret")
}

// Concurrent requests of every kind through one handler; with -race this
// checks the handler shares nothing mutable.
func TestConcurrentRequests(t *testing.T) {
	// Enough slots for every request at once: this test is about shared
	// state, not about shedding load (TestOverloadAnswers503 is).
	ts := newTestServer(t, Options{MaxConcurrent: 64})
	want, err := expectedBody("schedule", []byte(validSchedule))
	require.NoError(t, err)
	kinds := repayplan.Kinds()
	errs := make(chan error, 64)
	for i := range cap(errs) {
		go func() {
			kind := kinds[i%len(kinds)]
			body := validSchedule
			resp, err := ts.Client().Post(ts.URL+"/v1/"+kind, "application/json", strings.NewReader(body))
			if err != nil {
				errs <- err
				return
			}
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			switch {
			case err != nil:
				errs <- err
			case kind == "schedule" && !bytes.Equal(b, want):
				errs <- fmt.Errorf("schedule: %d %s", resp.StatusCode, b)
			case !slices.Contains([]int{200, 400}, resp.StatusCode):
				errs <- fmt.Errorf("%s: status %d %s", kind, resp.StatusCode, b)
			default:
				errs <- nil
			}
		}()
	}
	for range cap(errs) {
		assert.NoError(t, <-errs)
	}
}

// expectedBody is what POST /v1/{kind} answers with for a request the
// library accepts: json.Marshal of repayplan.Do's result and a newline.
func expectedBody(kind string, request []byte) ([]byte, error) {
	res, err := repayplan.Do(kind, request)
	if err != nil {
		return nil, err
	}
	out, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
