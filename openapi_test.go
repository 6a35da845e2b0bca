package repayplan

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/internal/schema"
)

// These tests check the OpenAPI document without a validator library (the
// module takes no new dependency for them): the contract module beside
// this one validates with github.com/pb33f/libopenapi-validator.

func decodeUseNumber(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	return v
}

func TestOpenAPIIsDeterministicJSON(t *testing.T) {
	a, b := OpenAPI(), OpenAPI()
	require.Equal(t, a, b, "two calls give the same bytes")
	require.True(t, json.Valid(a))
	require.True(t, bytes.HasSuffix(a, []byte("}\n")))
	doc := decodeUseNumber(t, a).(map[string]any)
	assert.Equal(t, "3.1.0", doc["openapi"])
	assert.Equal(t, "https://spec.openapis.org/oas/3.1/dialect/base", doc["jsonSchemaDialect"])
}

func TestOpenAPIDescribesEveryType(t *testing.T) {
	_, unhandled := buildOpenAPI()
	assert.Empty(t, unhandled, "a type that encodes itself needs a hand-written schema in customSchemas (openapi.go)")
}

func TestOpenAPIHasEveryKind(t *testing.T) {
	doc := decodeUseNumber(t, OpenAPI()).(map[string]any)
	paths := doc["paths"].(map[string]any)
	for _, name := range Kinds() {
		assert.NotEmpty(t, kindSummary(name), "kindSummary has no line for %s", name)
		item, ok := paths["/v1/"+name].(map[string]any)
		if !assert.True(t, ok, "no path for kind %s", name) {
			continue
		}
		post := item["post"].(map[string]any)
		assert.Equal(t, name, post["operationId"])
		k, _ := lookup(name)
		body := post["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
		ok200 := post["responses"].(map[string]any)["200"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
		// The component named after the Go type, in the right direction.
		assert.Contains(t, []string{"#/components/schemas/" + typeName(k.request), "#/components/schemas/" + typeName(k.request) + "-Input"}, body["$ref"], name)
		assert.Contains(t, []string{"#/components/schemas/" + typeName(k.result), "#/components/schemas/" + typeName(k.result) + "-Output"}, ok200["$ref"], name)
		for _, code := range []string{"400", "413", "415", "422", "500", "503"} {
			r := post["responses"].(map[string]any)[code].(map[string]any)
			s := r["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
			assert.Equal(t, "#/components/schemas/Error", s["$ref"], "%s %s", name, code)
		}
	}
	for _, p := range []string{"/v1/kinds", "/healthz", "/readyz", "/openapi.json"} {
		assert.Contains(t, paths, p)
	}
	assert.Len(t, paths, len(Kinds())+4, "no path but the kinds' and the service's")
}

// typeName is "schedule.Terms" for schedule.Terms.
func typeName(t reflect.Type) string {
	return strings.TrimPrefix(t.String(), "*")
}

// walk calls f on every object in v, depth first, with its JSON path.
func walk(v any, path string, f func(path string, m map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		f(path, x)
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			walk(x[k], path+"/"+k, f)
		}
	case []any:
		for i, e := range x {
			walk(e, path+"/"+strconv.Itoa(i), f)
		}
	}
}

func TestOpenAPIRefsResolve(t *testing.T) {
	doc := decodeUseNumber(t, OpenAPI())
	schemas := doc.(map[string]any)["components"].(map[string]any)["schemas"].(map[string]any)
	refs := 0
	used := map[string]bool{}
	walk(doc, "", func(path string, m map[string]any) {
		ref, ok := m["$ref"].(string)
		if !ok {
			return
		}
		refs++
		target, err := schema.Resolve(doc, ref)
		if assert.NoError(t, err, "at %s", path) {
			assert.IsType(t, map[string]any{}, target, "%s resolves to a schema", ref)
		}
		used[strings.TrimPrefix(ref, "#/components/schemas/")] = true
	})
	assert.Greater(t, refs, len(schemas), "components refer to one another")
	for name := range schemas {
		assert.True(t, used[name], "component %s is referred to from nowhere", name)
		assert.Regexp(t, `^[a-zA-Z0-9._-]+$`, name, "OpenAPI component names")
	}
}

// openapiVector is a conformance vector, read as the contract module reads
// it.
type openapiVector struct {
	Kind   string          `json:"kind"`
	Input  json.RawMessage `json:"input"`
	Expect map[string]any  `json:"expect"`
}

func vectorFiles(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// operationSchema returns the request schema (status "") or the answer
// schema of status for kind.
func operationSchema(t testing.TB, doc any, kind, status string) any {
	t.Helper()
	post := doc.(map[string]any)["paths"].(map[string]any)["/v1/"+kind].(map[string]any)["post"].(map[string]any)
	var content any
	if status == "" {
		content = post["requestBody"].(map[string]any)["content"]
	} else {
		content = post["responses"].(map[string]any)[status].(map[string]any)["content"]
	}
	return content.(map[string]any)["application/json"].(map[string]any)["schema"]
}

// TestOpenAPIVectors checks every conformance vector that computes: its
// request is valid against the kind's request schema (so every key of it
// is a property there), and the library's answer against the 200 schema
// (every key written is a property, every required one is written).
func TestOpenAPIVectors(t *testing.T) {
	doc := decodeUseNumber(t, OpenAPI())
	checked := map[string]int{}
	for _, f := range vectorFiles(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var v openapiVector
		require.NoError(t, json.Unmarshal(data, &v), f)
		if _, isErr := v.Expect["error"]; isErr {
			continue
		}
		name := filepath.Base(f)
		input := decodeUseNumber(t, v.Input)
		assert.NoError(t, schema.Validate(doc, operationSchema(t, doc, v.Kind, ""), input), "%s: request", name)
		res, err := Do(v.Kind, v.Input)
		require.NoError(t, err, name)
		out, err := json.Marshal(res)
		require.NoError(t, err, name)
		assert.NoError(t, schema.Validate(doc, operationSchema(t, doc, v.Kind, "200"), decodeUseNumber(t, out)), "%s: answer", name)
		checked[v.Kind]++
	}
	for _, k := range Kinds() {
		assert.Positive(t, checked[k], "no vector of kind %s computes", k)
	}
}

// TestOpenAPIRequiredMatchesDecoder sends each kind the empty object: when
// the decoder says a top-level field is required, the schema says so too.
func TestOpenAPIRequiredMatchesDecoder(t *testing.T) {
	doc := decodeUseNumber(t, OpenAPI())
	for _, kind := range Kinds() {
		_, err := Do(kind, []byte(`{}`))
		if err == nil || !strings.HasSuffix(err.Error(), ": is required") {
			continue
		}
		field := strings.TrimSuffix(err.Error(), ": is required")
		s := operationSchema(t, doc, kind, "")
		target, rerr := schema.Resolve(doc, s.(map[string]any)["$ref"].(string))
		require.NoError(t, rerr)
		req, _ := target.(map[string]any)["required"].([]any)
		assert.Contains(t, req, field, "%s: Do answers {} with %q, but the field is not tagged `required:\"true\"`, so the schema says it may be left out", kind, err.Error())
		// And the schema rejects the empty object for the same reason.
		assert.ErrorContains(t, schema.Validate(doc, s, map[string]any{}), field+": is required", kind)
	}
}

// TestOpenAPIModes pins the shape of one request and one answer by what
// the Go types say, independently of the generator: schedule.Terms is
// sent with money.Amount as a decimal string in request form, and
// schedule.Schedule answers with every field not marked omitempty.
func TestOpenAPIModes(t *testing.T) {
	doc := decodeUseNumber(t, OpenAPI()).(map[string]any)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	amountIn := schemas["money.Amount-Input"].(map[string]any)
	amountOut := schemas["money.Amount-Output"].(map[string]any)
	assert.Equal(t, "string", amountIn["type"])
	for _, s := range []string{"1000", "1000.00", "-0.5", ".5", "1e3", "+2.50"} {
		assert.NoError(t, schema.Validate(doc, amountIn, s), s)
	}
	for _, s := range []string{"", "1,000", "1.2.3", "abc", "1e"} {
		assert.Error(t, schema.Validate(doc, amountIn, s), s)
	}
	assert.Error(t, schema.Validate(doc, amountIn, json.Number("1000")), "a JSON number is not an amount")
	assert.NoError(t, schema.Validate(doc, amountOut, "1234.56"))
	assert.Error(t, schema.Validate(doc, amountOut, "1e3"), "answers write amounts plain")

	terms := schemas["schedule.Terms"].(map[string]any)
	props := terms["properties"].(map[string]any)
	assert.Equal(t, "#/components/schemas/money.Amount-Input", props["principal"].(map[string]any)["$ref"])
	assert.Equal(t, false, terms["additionalProperties"], "unknown keys are rejected")

	sched := schemas["schedule.Schedule"].(map[string]any)
	k, _ := lookup("schedule")
	rt := k.result
	var always []any
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous || name == "-" || !f.IsExported() {
			continue
		}
		if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
			always = append(always, name)
		}
	}
	require.NotEmpty(t, always)
	assert.ElementsMatch(t, always, sched["required"], "an answer carries every field json.Marshal always writes")
}

// FuzzOpenAPIAcceptedRequests checks that the schema is never stricter
// than the library: a request Do accepts validates against the kind's
// request schema, and Do's answer against the 200 schema. Requests with a
// JSON null anywhere are set aside: encoding/json ignores null for a
// field of a plain type, which the contract does not promise.
func FuzzOpenAPIAcceptedRequests(f *testing.F) {
	kinds := Kinds()
	for _, file := range vectorFiles(f) {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		var v openapiVector
		require.NoError(f, json.Unmarshal(data, &v))
		f.Add(uint8(slices.Index(kinds, v.Kind)), []byte(v.Input))
	}
	doc := decodeUseNumber(f, OpenAPI())
	f.Fuzz(func(t *testing.T, k uint8, body []byte) {
		kind := kinds[int(k)%len(kinds)]
		res, err := Do(kind, body)
		if err != nil {
			return
		}
		var input any
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&input), "Do accepted what is not JSON")
		if hasNull(input) {
			return
		}
		if err := schema.Validate(doc, operationSchema(t, doc, kind, ""), input); err != nil {
			t.Fatalf("%s: Do accepts %s but the schema rejects it: %v", kind, body, err)
		}
		out, err := json.Marshal(res)
		require.NoError(t, err)
		if err := schema.Validate(doc, operationSchema(t, doc, kind, "200"), decodeUseNumber(t, out)); err != nil {
			t.Fatalf("%s: the answer to %s breaks the schema: %v", kind, body, err)
		}
	})
}

func hasNull(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case map[string]any:
		for _, e := range x {
			if hasNull(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if hasNull(e) {
				return true
			}
		}
	}
	return false
}

// BenchmarkOpenAPI measures building the document by reflection (the
// service builds it once). There is no float64 baseline: it does no
// arithmetic.
func BenchmarkOpenAPI(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if len(OpenAPI()) == 0 {
			b.Fatal("empty document")
		}
	}
}
