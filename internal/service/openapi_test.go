package service

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/internal/schema"
)

func TestOpenAPIEndpoint(t *testing.T) {
	ts := newTestServer(t, Options{})
	r := do(t, ts, http.MethodGet, "/openapi.json", "", nil)
	require.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.Equal(t, repayplan.OpenAPI(), r.Body, "the served document is repayplan.OpenAPI()")
	again := do(t, ts, http.MethodGet, "/openapi.json", "", nil)
	assert.Equal(t, r.Body, again.Body, "the same bytes on every request")

	h := do(t, ts, http.MethodHead, "/openapi.json", "", nil)
	assert.Equal(t, http.StatusOK, h.Status)
	assert.Empty(t, h.Body)

	p := do(t, ts, http.MethodPost, "/openapi.json", "application/json", strings.NewReader("{}"))
	decodeError(t, p, http.StatusMethodNotAllowed)
	assert.Equal(t, "GET, HEAD", p.Header.Get("Allow"))
}

// openapiDoc is the served document, decoded for schema.Validate.
func openapiDoc(t *testing.T) any {
	t.Helper()
	var doc any
	dec := json.NewDecoder(bytes.NewReader(repayplan.OpenAPI()))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&doc))
	return doc
}

// answerSchema returns the schema the document gives the answer of method
// on path with status, failing when the document has no such answer.
func answerSchema(t *testing.T, doc any, method, path string, status int) any {
	t.Helper()
	op, ok := doc.(map[string]any)["paths"].(map[string]any)[path].(map[string]any)[strings.ToLower(method)].(map[string]any)
	require.True(t, ok, "the document has no %s %s", method, path)
	resp, ok := op["responses"].(map[string]any)[strconv.Itoa(status)].(map[string]any)
	require.True(t, ok, "the document has no %d answer for %s %s", status, method, path)
	return resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"]
}

func validAnswer(t *testing.T, doc any, method, path string, r response) {
	t.Helper()
	var body any
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&body), "%s %s: %s", method, path, r.Body)
	assert.NoError(t, schema.Validate(doc, answerSchema(t, doc, method, path, r.Status), body), "%s %s → %d: %s", method, path, r.Status, r.Body)
}

// TestOpenAPIDescribesAnswers sends the service requests that reach each
// documented answer and validates every answer against the document.
func TestOpenAPIDescribesAnswers(t *testing.T) {
	doc := openapiDoc(t)
	ts := newTestServer(t, Options{})
	for _, path := range []string{"/healthz", "/readyz", "/v1/kinds"} {
		validAnswer(t, doc, http.MethodGet, path, do(t, ts, http.MethodGet, path, "", nil))
	}
	validAnswer(t, doc, http.MethodPost, "/v1/schedule", postJSON(t, ts, "schedule", []byte(validSchedule)))
	validAnswer(t, doc, http.MethodPost, "/v1/schedule", postJSON(t, ts, "schedule", []byte(`{"principal":"1000","annual_rate":"0.05","periods":0,"start_date":"2024-01-01"}`)))
	validAnswer(t, doc, http.MethodPost, "/v1/schedule", postJSON(t, ts, "schedule", []byte(`[1,2]`)))
	validAnswer(t, doc, http.MethodPost, "/v1/schedule", do(t, ts, http.MethodPost, "/v1/schedule", "text/plain", strings.NewReader(validSchedule)))

	small := newTestServer(t, Options{MaxBody: 10, MaxResponse: 10})
	r := postJSON(t, small, "schedule", []byte(validSchedule))
	require.Equal(t, http.StatusRequestEntityTooLarge, r.Status)
	validAnswer(t, doc, http.MethodPost, "/v1/schedule", r)

	tiny := newTestServer(t, Options{MaxResponse: 10})
	r = postJSON(t, tiny, "schedule", []byte(validSchedule))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	validAnswer(t, doc, http.MethodPost, "/v1/schedule", r)

	// Every vector's answer, computing or rejected.
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "vectors", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var v struct {
			Kind  string          `json:"kind"`
			Input json.RawMessage `json:"input"`
		}
		require.NoError(t, json.Unmarshal(data, &v), f)
		r := postJSON(t, ts, v.Kind, v.Input)
		require.Contains(t, []int{http.StatusOK, http.StatusBadRequest}, r.Status, "%s: %s", f, r.Body)
		validAnswer(t, doc, http.MethodPost, "/v1/"+v.Kind, r)
	}
}

// TestOpenAPIErrorShape checks the document's Error schema against the
// service's own error types and the codes its handlers write, so that
// neither can change without the other.
func TestOpenAPIErrorShape(t *testing.T) {
	doc := openapiDoc(t)
	errSchema := doc.(map[string]any)["components"].(map[string]any)["schemas"].(map[string]any)["Error"].(map[string]any)
	detail := errSchema["properties"].(map[string]any)["error"].(map[string]any)
	props := detail["properties"].(map[string]any)
	var fields []string
	for i := range reflect.TypeFor[errorDetail]().NumField() {
		name, _, _ := strings.Cut(reflect.TypeFor[errorDetail]().Field(i).Tag.Get("json"), ",")
		fields = append(fields, name)
		assert.Contains(t, props, name)
	}
	assert.Len(t, props, len(fields), "the document's error has exactly errorDetail's fields")

	var documented []string
	for _, c := range props["code"].(map[string]any)["enum"].([]any) {
		documented = append(documented, c.(string))
	}
	// The codes the handlers write, read from their source: errorDetail
	// literals and statusFor's answers.
	code := regexp.MustCompile(`(?:Code:\s*|return http\.Status\w+, )"([a-z_]+)"`)
	var written []string
	srcs, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, f := range srcs {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range code.FindAllStringSubmatch(string(src), -1) {
			if !slices.Contains(written, m[1]) {
				written = append(written, m[1])
			}
		}
	}
	slices.Sort(written)
	require.NotEmpty(t, written)
	assert.Equal(t, written, documented, "the document lists exactly the codes the service writes")
}
