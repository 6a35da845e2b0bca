package contract

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/internal/service"
)

// newValidator builds the validator of the document the service serves.
func newValidator(t *testing.T, doc []byte) validator.Validator {
	t.Helper()
	d, err := libopenapi.NewDocument(doc)
	require.NoError(t, err)
	require.Equal(t, "3.1.0", d.GetVersion())
	v, errs := validator.NewValidator(d)
	require.Empty(t, errs)
	return v
}

// served fetches GET /openapi.json from the service, so the document
// under test is the one a client gets.
func served(t *testing.T, h http.Handler) []byte {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	require.Equal(t, http.StatusOK, w.Code)
	require.Equal(t, repayplan.OpenAPI(), w.Body.Bytes())
	return w.Body.Bytes()
}

func handler() http.Handler {
	return service.Handler(service.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

func messages(errs []*errors.ValidationError) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}

func TestDocumentIsValidOpenAPI31(t *testing.T) {
	v := newValidator(t, served(t, handler()))
	ok, errs := v.ValidateDocument()
	assert.True(t, ok, "the document breaks the OpenAPI 3.1 schema:%s", messages(errs))
}

// TestDocumentCheckCanFail shows ValidateDocument is not a formality: the
// document without its info.title is refused.
func TestDocumentCheckCanFail(t *testing.T) {
	var doc map[string]any
	require.NoError(t, json.Unmarshal(repayplan.OpenAPI(), &doc))
	delete(doc["info"].(map[string]any), "title") // info.title is required
	broken, err := json.Marshal(doc)
	require.NoError(t, err)
	d, err := libopenapi.NewDocument(broken)
	require.NoError(t, err)
	v, errs := validator.NewValidator(d)
	refused := len(errs) > 0 || v == nil // refused when building the model
	if !refused {
		ok, _ := v.ValidateDocument()
		refused = !ok
	}
	assert.True(t, refused, "a document without info.title passes")
}

// exchange sends body to POST /v1/{kind} and returns the request (with
// its body readable again) and the service's answer.
func exchange(t *testing.T, h http.Handler, kind string, body []byte) (*http.Request, *http.Response) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/v1/"+kind, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	// The handler read the body: give the validator a fresh one.
	check := httptest.NewRequest(http.MethodPost, "/v1/"+kind, bytes.NewReader(body))
	check.Header.Set("Content-Type", "application/json")
	return check, w.Result()
}

type vector struct {
	Name   string          `json:"name"`
	Kind   string          `json:"kind"`
	Input  json.RawMessage `json:"input"`
	Expect map[string]any  `json:"expect"`
}

// vectors reads the module's conformance vectors and, when REPAY_VECTORS
// names a directory, the *.json there too.
func vectors(t *testing.T) map[string]vector {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "vectors", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	if dir := os.Getenv("REPAY_VECTORS"); dir != "" {
		more, err := filepath.Glob(filepath.Join(dir, "*.json"))
		require.NoError(t, err)
		files = append(files, more...)
	}
	out := map[string]vector{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var v vector
		require.NoError(t, json.Unmarshal(data, &v), f)
		out[f] = v
	}
	return out
}

// TestVectorsAgainstDocument validates every conformance vector: one that
// computes is a valid request and gets a valid 200 answer; one that is
// rejected gets a 400 whose Error body is valid.
func TestVectorsAgainstDocument(t *testing.T) {
	h := handler()
	v := newValidator(t, served(t, h))
	computed, rejected := 0, 0
	for file, vec := range vectors(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			req, resp := exchange(t, h, vec.Kind, vec.Input)
			if _, isErr := vec.Expect["error"]; isErr {
				require.Equal(t, http.StatusBadRequest, resp.StatusCode)
				ok, errs := v.ValidateHttpResponse(req, resp)
				assert.True(t, ok, "the 400 answer breaks the document:%s", messages(errs))
				rejected++
				return
			}
			require.Equal(t, http.StatusOK, resp.StatusCode)
			ok, errs := v.ValidateHttpRequestResponse(req, resp)
			assert.True(t, ok, "%s:%s", vec.Kind, messages(errs))
			computed++
		})
	}
	assert.Positive(t, computed)
	assert.Positive(t, rejected)
}

// TestServiceEndpointsAgainstDocument validates the answers of the
// service's other endpoints and of its request-level errors.
func TestServiceEndpointsAgainstDocument(t *testing.T) {
	h := handler()
	v := newValidator(t, served(t, h))
	for _, path := range []string{"/v1/kinds", "/healthz", "/readyz", "/openapi.json"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		require.Equal(t, http.StatusOK, w.Code, path)
		ok, errs := v.ValidateHttpRequestResponse(req, w.Result())
		assert.True(t, ok, "%s:%s", path, messages(errs))
	}
	// A body that is not an object, and one too large for a small limit.
	small := service.Handler(service.Options{MaxBody: 16, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	for _, c := range []struct {
		h      http.Handler
		body   string
		status int
	}{
		{h, `[1, 2]`, http.StatusBadRequest},
		{h, `{"principal": 1000}`, http.StatusBadRequest},
		{small, `{"principal": "1000", "annual_rate": "0.05"}`, http.StatusRequestEntityTooLarge},
	} {
		req, resp := exchange(t, c.h, "schedule", []byte(c.body))
		require.Equal(t, c.status, resp.StatusCode, c.body)
		ok, errs := v.ValidateHttpResponse(req, resp)
		assert.True(t, ok, "%s:%s", c.body, messages(errs))
	}
}

// TestValidatorRejectsBreaches shows that the checks above can fail: the
// validator rejects requests the library rejects for their shape, and
// answers that differ from what the library writes.
func TestValidatorRejectsBreaches(t *testing.T) {
	h := handler()
	v := newValidator(t, served(t, h))
	const good = `{"principal":"1000","annual_rate":"0.05","periods":3,"start_date":"2024-01-01"}`
	for _, bad := range []string{
		`{"principal":1000,"annual_rate":"0.05","periods":3,"start_date":"2024-01-01"}`,                      // a decimal as a JSON number
		`{"Principal":"1000","annual_rate":"0.05","periods":3,"start_date":"2024-01-01"}`,                    // a case-variant key
		`{"principal":"1000","annual_rate":"0.05","periods":3,"start_date":"2024/01/01"}`,                    // not a date
		`{"principal":"1000","annual_rate":"0.05","periods":3,"start_date":"2024-01-01","method":"balloon"}`, // not a method
		`{"principal":"1000","annual_rate":"0.05","periods":"3","start_date":"2024-01-01"}`,                  // a count as a string
		`[]`,
	} {
		req := httptest.NewRequest(http.MethodPost, "/v1/schedule", strings.NewReader(bad))
		req.Header.Set("Content-Type", "application/json")
		ok, _ := v.ValidateHttpRequest(req)
		assert.False(t, ok, "the validator accepts %s", bad)
		_, err := repayplan.Do("schedule", []byte(bad))
		assert.Error(t, err, "and the library rejects it: %s", bad)
	}

	req, resp := exchange(t, h, "schedule", []byte(good))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	ok, errs := v.ValidateHttpRequestResponse(req, answer(resp, body))
	require.True(t, ok, "the good exchange is valid:%s", messages(errs))

	var answerJSON map[string]any
	require.NoError(t, json.Unmarshal(body, &answerJSON))
	breaches := map[string]func(m map[string]any){
		"an unknown key":     func(m map[string]any) { m["surprise"] = "1" },
		"a key left out":     func(m map[string]any) { delete(m, "rows") },
		"a number for money": func(m map[string]any) { m["total_interest"] = 12.5 },
		"a row's key renamed": func(m map[string]any) {
			rows := m["rows"].([]any)
			row := map[string]any{}
			for k, x := range rows[0].(map[string]any) {
				row[k] = x
			}
			row["Payment"] = row["payment"]
			delete(row, "payment")
			m["rows"] = append([]any{row}, rows[1:]...)
		},
	}
	for name, breach := range breaches {
		m := map[string]any{}
		for k, x := range answerJSON {
			m[k] = x
		}
		breach(m)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		ok, _ := v.ValidateHttpResponse(req, answer(resp, b))
		assert.False(t, ok, "the validator accepts an answer with %s", name)
	}
}

// answer is resp with body as its body.
func answer(resp *http.Response, body []byte) *http.Response {
	c := *resp
	c.Body = io.NopCloser(bytes.NewReader(body))
	c.ContentLength = int64(len(body))
	return &c
}
