package schema

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decode(t testing.TB, s string) any {
	t.Helper()
	var v any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v), s)
	return v
}

func TestValidateKeywords(t *testing.T) {
	doc := decode(t, `{"components": {"schemas": {
		"Color": {"type": "string", "enum": ["red", "blue"]},
		"Loop": {"$ref": "#/components/schemas/Loop"},
		"Obj": {"type": "object", "properties": {"a": {"type": "integer", "minimum": 0, "maximum": 10},
			"c": {"$ref": "#/components/schemas/Color"}, "l": {"type": ["array", "null"], "items": {"type": "boolean"}, "maxItems": 2}},
			"required": ["a"], "additionalProperties": false},
		"Map": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^x"}, "propertyNames": {"pattern": "^[0-9]+$"}},
		"Either": {"anyOf": [{"type": "string"}, {"type": "null"}]}
	}}}`)
	ref := func(name string) any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	for _, c := range []struct {
		schema, value string
		err           string // "" when valid
	}{
		{"Obj", `{"a": 3}`, ""},
		{"Obj", `{"a": 3, "c": "red", "l": [true, false]}`, ""},
		{"Obj", `{"a": 3, "l": null}`, ""},
		{"Obj", `{}`, "a: is required"},
		{"Obj", `{"a": 3, "b": 1}`, "b: unknown property"},
		{"Obj", `{"a": 11}`, "a: 11 is beyond the maximum 10"},
		{"Obj", `{"a": -1}`, "a: -1 is beyond the minimum 0"},
		{"Obj", `{"a": 1.5}`, "a: 1.5 is number, not integer"},
		{"Obj", `{"a": 2.0}`, ""},
		{"Obj", `{"a": 1, "c": "green"}`, `c: "green" is not one of [red blue]`},
		{"Obj", `{"a": 1, "l": [true, true, true]}`, "l: 3 items, more than 2"},
		{"Obj", `{"a": 1, "l": [1]}`, "l[0]: 1 is integer, not boolean"},
		{"Obj", `[]`, "(the value): [] is array, not object"},
		{"Map", `{"1": "xa", "2": "xb"}`, ""},
		{"Map", `{"1": "ya"}`, `1: "ya" does not match ^x`},
		{"Map", `{"k": "xa"}`, "k: the key is not allowed"},
		{"Either", `null`, ""},
		{"Either", `"s"`, ""},
		{"Either", `1`, "matches no alternative of anyOf"},
		{"Loop", `1`, "$ref chain longer than 64"},
		{"Nowhere", `1`, `no "Nowhere"`},
	} {
		err := Validate(doc, ref(c.schema), decode(t, c.value))
		if c.err == "" {
			assert.NoError(t, err, "%s %s", c.schema, c.value)
		} else {
			assert.ErrorContains(t, err, c.err, "%s %s", c.schema, c.value)
		}
	}
	assert.NoError(t, Validate(doc, true, 1))
	assert.Error(t, Validate(doc, false, 1))
	_, err := Resolve(doc, "http://example.com/x")
	assert.ErrorContains(t, err, "not local")
}

// filler builds a value of a Go type from a stream of bytes (zeros once
// the stream runs out), so a fuzzer can steer it and a seed can repeat it.
type filler struct {
	b     []byte
	depth int
}

func (f *filler) next() byte {
	if len(f.b) == 0 {
		return 0
	}
	c := f.b[0]
	f.b = f.b[1:]
	return c
}

func (f *filler) fill(v reflect.Value) {
	if f.depth > 4 {
		return // leave it zero: recursion ends
	}
	f.depth++
	defer func() { f.depth-- }()
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(f.next()&1 == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(int8(f.next())))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n := uint64(f.next())
		if v.Type() == reflect.TypeFor[color]() {
			n %= uint64(len(colorNames)) // a color outside the names is a Marshal error, not a case
		}
		v.SetUint(n)
	case reflect.String:
		v.SetString(strings.Repeat("s", int(f.next()%4)))
	case reflect.Slice:
		switch n := f.next() % 4; n {
		case 0: // nil
		default:
			s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
			for i := 0; i < s.Len(); i++ {
				f.fill(s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			f.fill(v.Index(i))
		}
	case reflect.Map:
		if f.next()%3 == 0 {
			return
		}
		m := reflect.MakeMap(v.Type())
		for i := byte(0); i < f.next()%3; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(k)
			f.fill(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		if f.next()%2 == 0 {
			return
		}
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem())
		v.Set(p)
	case reflect.Interface:
		if f.next()%2 == 1 {
			v.Set(reflect.ValueOf(int(f.next())))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i))
			}
		}
	}
}

// checkOutput marshals a value filled from seed and validates it against
// the Output schema of fixture.
func checkOutput(t *testing.T, doc any, root *Schema, seed []byte) {
	var x fixture
	(&filler{b: seed}).fill(reflect.ValueOf(&x).Elem())
	b, err := json.Marshal(x)
	require.NoError(t, err)
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	rootJSON, err := json.Marshal(root)
	require.NoError(t, err)
	if err := Validate(doc, decode(t, string(rootJSON)), v); err != nil {
		t.Fatalf("json.Marshal wrote %s, which its schema rejects: %v", b, err)
	}
}

// fixtureDoc is a document holding fixture's Output components.
func fixtureDoc(t testing.TB) (any, *Schema) {
	g := New(Options{Module: "github.com/repayplan/repayplan"})
	root := g.Schema(reflect.TypeFor[fixture](), Output)
	b, err := json.Marshal(map[string]any{"components": map[string]any{"schemas": g.Components()}})
	require.NoError(t, err)
	return decode(t, string(b)), root
}

// TestOutputSchemaAcceptsMarshal is the property the generator exists
// for: whatever json.Marshal writes for a value validates against the
// type's Output schema. Random values, fixed seeds.
func TestOutputSchemaAcceptsMarshal(t *testing.T) {
	doc, root := fixtureDoc(t)
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		seed := make([]byte, r.IntN(200))
		for i := range seed {
			seed[i] = byte(r.UintN(256))
		}
		checkOutput(t, doc, root, seed)
	}
}

func FuzzOutputSchemaAcceptsMarshal(f *testing.F) {
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{1}, 100))
	f.Add(bytes.Repeat([]byte{3, 2, 1}, 60))
	doc, root := fixtureDoc(f)
	f.Fuzz(func(t *testing.T, seed []byte) {
		checkOutput(t, doc, root, seed)
	})
}

// FuzzValidate feeds arbitrary JSON to Validate against fixture's schema
// and against itself as a schema: it never panics or hangs, and gives the
// same answer twice.
func FuzzValidate(f *testing.F) {
	f.Add(`{"id": 1, "name": "a"}`)
	f.Add(`{"$ref": "#"}`)
	f.Add(`{"anyOf": [{"$ref": "#/anyOf/0"}]}`)
	f.Add(`{"type": ["string", "null"], "pattern": "(", "enum": [1]}`)
	doc, root := fixtureDoc(f)
	rootJSON, err := json.Marshal(root)
	require.NoError(f, err)
	rootSchema := decode(f, string(rootJSON))
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		if dec.Decode(&v) != nil {
			return
		}
		e1 := Validate(doc, rootSchema, v)
		e2 := Validate(doc, rootSchema, v)
		assert.Equal(t, e1, e2)
		_ = Validate(v, v, v) // the value as its own document and schema
	})
}

// BenchmarkValidate measures checking one marshalled fixture. There is no
// float64 baseline: there is no arithmetic to compare.
func BenchmarkValidate(b *testing.B) {
	doc, root := fixtureDoc(b)
	rootJSON, _ := json.Marshal(root)
	rs := decode(b, string(rootJSON))
	var x fixture
	(&filler{b: bytes.Repeat([]byte{1, 2, 3}, 50)}).fill(reflect.ValueOf(&x).Elem())
	out, _ := json.Marshal(x)
	v := decode(b, string(out))
	b.ReportAllocs()
	for b.Loop() {
		if err := Validate(doc, rs, v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerator measures describing fixture in both modes.
func BenchmarkGenerator(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		g := New(Options{})
		g.Schema(reflect.TypeFor[fixture](), Input)
		g.Schema(reflect.TypeFor[fixture](), Output)
		if len(g.Components()) == 0 {
			b.Fatal("no components")
		}
	}
}
