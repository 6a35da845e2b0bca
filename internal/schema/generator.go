package schema

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Mode is the direction a schema describes. A Go struct is one JSON shape
// either way, but what must be present differs: a request must carry the
// fields tagged `required:"true"`, while json.Marshal writes every field
// that is not omitted when empty. Each mode gets its own required list.
type Mode uint8

const (
	Input  Mode = iota // a request body, decoded by money.DecodeJSON
	Output             // a response body, written by json.Marshal
)

func (m Mode) String() string {
	if m == Output {
		return "Output"
	}
	return "Input"
}

// Custom writes the schema of a type that encodes itself (a MarshalJSON or
// UnmarshalJSON method, or MarshalText on a type that is not a small
// integer enum), for mode m. It may call g's methods for the types inside.
type Custom func(g *Generator, m Mode) *Schema

// Options configures a Generator.
type Options struct {
	// Module is the module path stripped from package paths in component
	// names: "github.com/repayplan/repayplan/schedule".Terms is named
	// "schedule.Terms".
	Module string
	// Custom holds the hand-written schemas of the types that encode
	// themselves. A self-encoding type without one is reported by
	// Unhandled and described as accepting anything.
	Custom map[reflect.Type]Custom
	// Describe holds component descriptions, by type.
	Describe map[reflect.Type]string
}

// component is the schema of one named Go type in one mode.
type component struct {
	typ  reflect.Type
	mode Mode
	body *Schema
	name string // set by Components
}

type key struct {
	typ  reflect.Type
	mode Mode
}

// Generator turns Go types into JSON Schemas: every named type becomes a
// component, referred to with $ref, so that recursive types terminate and
// each type is written once. A Generator is not safe for concurrent use;
// build one per document.
type Generator struct {
	opts      Options
	comps     map[key]*component
	order     []*component // in the order first reached: names are given in it
	refs      []*Schema    // every $ref handed out, written by Components
	unhandled map[reflect.Type]string
	unordered []reflect.Type
}

// New returns a Generator with opts.
func New(opts Options) *Generator {
	return &Generator{opts: opts, comps: map[key]*component{}, unhandled: map[reflect.Type]string{}}
}

// Unhandled lists the types met that encode themselves without a Custom
// schema, or that JSON cannot encode, each with the reason, in the order
// met. A test of the document asserts it is empty, so a new self-encoding
// type cannot slip into the contract undescribed.
func (g *Generator) Unhandled() []string {
	out := make([]string, 0, len(g.unordered))
	for _, t := range g.unordered {
		out = append(out, t.String()+": "+g.unhandled[t])
	}
	return out
}

func (g *Generator) unhandledType(t reflect.Type, reason string) {
	if _, ok := g.unhandled[t]; !ok {
		g.unhandled[t] = reason
		g.unordered = append(g.unordered, t)
	}
}

var (
	jsonMarshaler   = reflect.TypeFor[json.Marshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || (t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(iface))
}

// Schema returns the schema of a JSON value of type t in mode m: a $ref
// for a named type, inline otherwise. A pointer, slice or map may be null.
func (g *Generator) Schema(t reflect.Type, m Mode) *Schema {
	if nilable(t) {
		return nullable(g.value(t, m))
	}
	return g.value(t, m)
}

// value is the schema of a non-null value of type t.
func (g *Generator) value(t reflect.Type, m Mode) *Schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Name() != "" && t.PkgPath() != "" {
		return g.ref(t, m)
	}
	return g.body(t, m)
}

// ref returns a $ref to t's component in mode m, building it on first use.
func (g *Generator) ref(t reflect.Type, m Mode) *Schema {
	k := key{t, m}
	c, ok := g.comps[k]
	if !ok {
		c = &component{typ: t, mode: m}
		g.comps[k] = c
		g.order = append(g.order, c)
		c.body = g.body(t, m) // after registering: a recursive type refers to c
		if d := g.opts.Describe[t]; d != "" && c.body.Description == "" {
			c.body.Description = d
		}
	}
	s := &Schema{target: c}
	g.refs = append(g.refs, s)
	return s
}

// body is the schema of t itself, never a $ref to t.
func (g *Generator) body(t reflect.Type, m Mode) *Schema {
	if custom, ok := g.opts.Custom[t]; ok {
		return custom(g, m)
	}
	if implements(t, jsonMarshaler) || implements(t, jsonUnmarshaler) {
		g.unhandledType(t, "has MarshalJSON or UnmarshalJSON but no Custom schema")
		return &Schema{Description: "(undescribed: " + t.String() + " encodes itself)"}
	}
	if implements(t, textMarshaler) || implements(t, textUnmarshaler) {
		if names, ok := enumNames(t); ok {
			return &Schema{Type: Of("string"), Enum: names}
		}
		g.unhandledType(t, "has MarshalText but is not a small integer enum, and has no Custom schema")
		return &Schema{Type: Of("string")}
	}
	switch t.Kind() {
	case reflect.Bool:
		return &Schema{Type: Of("boolean")}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s := &Schema{Type: Of("integer"), Format: intFormat(t.Bits())}
		if bits := t.Bits(); bits < 64 { // int64's bounds are the format's, and lose digits as floats
			s.Minimum = json.Number(strconv.FormatInt(-1<<(bits-1), 10))
			s.Maximum = json.Number(strconv.FormatInt(1<<(bits-1)-1, 10))
		}
		return s
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s := &Schema{Type: Of("integer"), Format: intFormat(t.Bits()), Minimum: "0"}
		if t.Bits() < 64 {
			s.Maximum = json.Number(strconv.FormatUint(1<<t.Bits()-1, 10))
		}
		return s
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: Of("number")}
	case reflect.String:
		return &Schema{Type: Of("string")}
	case reflect.Interface:
		return &Schema{} // any JSON value
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !implements(t.Elem(), textMarshaler) && !implements(t.Elem(), jsonMarshaler) {
			return &Schema{Type: Of("string"), ContentEncoding: "base64"} // json.Marshal's []byte
		}
		return &Schema{Type: Of("array"), Items: g.Schema(t.Elem(), m)}
	case reflect.Array:
		n := t.Len()
		return &Schema{Type: Of("array"), Items: g.Schema(t.Elem(), m), MinItems: &n, MaxItems: &n}
	case reflect.Map:
		return g.mapSchema(t, m)
	case reflect.Struct:
		return g.Struct(t, m, nil)
	}
	g.unhandledType(t, "JSON cannot encode a "+t.Kind().String())
	return &Schema{Description: "(undescribed: " + t.String() + ")"}
}

func intFormat(bits int) string {
	if bits <= 32 {
		return "int32"
	}
	return "int64"
}

// mapSchema is a JSON object whose keys are the map's keys as encoding/json
// writes them: strings, integers in decimal, or a key type's MarshalText.
func (g *Generator) mapSchema(t reflect.Type, m Mode) *Schema {
	s := &Schema{Type: Of("object"), AdditionalProperties: g.Schema(t.Elem(), m)}
	kt := t.Key()
	switch {
	case kt.Kind() == reflect.String && !implements(kt, textMarshaler):
	case implements(kt, textMarshaler):
		if names, ok := enumNames(kt); ok {
			s.PropertyNames = &Schema{Enum: names}
		} else if custom, ok := g.opts.Custom[kt]; ok {
			ks := custom(g, m)
			s.PropertyNames = &Schema{Pattern: ks.Pattern}
		} else {
			g.unhandledType(kt, "is a map key with MarshalText but is not an enum and has no Custom schema")
		}
	case kt.Kind() >= reflect.Int && kt.Kind() <= reflect.Int64:
		s.PropertyNames = &Schema{Pattern: `^-?[0-9]+$`}
	case kt.Kind() >= reflect.Uint && kt.Kind() <= reflect.Uintptr:
		s.PropertyNames = &Schema{Pattern: `^[0-9]+$`}
	default:
		g.unhandledType(t, "JSON cannot encode a map keyed by "+kt.Kind().String())
	}
	return s
}

// Struct returns the schema of struct type t as encoding/json reads and
// writes it, with the properties named in replace taken from there instead
// of from their fields' types (for a type whose MarshalJSON rewrites a
// field). In mode Input the required properties are the fields tagged
// `required:"true"`; in mode Output those json.Marshal always writes.
func (g *Generator) Struct(t reflect.Type, m Mode, replace map[string]*Schema) *Schema {
	s := &Schema{Type: Of("object"), Properties: map[string]*Schema{}, AdditionalProperties: False()}
	seen := map[string]bool{}
	for _, f := range structFields(t) {
		seen[f.name] = true
		var p *Schema
		switch r, ok := replace[f.name]; {
		case ok:
			p = r
		case f.quoted:
			p = quotedSchema(f.typ)
		case nilable(f.typ) && !f.omitEmpty && !f.omitZero && !(m == Input && f.required):
			p = nullable(g.value(f.typ, m))
		default:
			p = g.value(f.typ, m)
		}
		s.Properties[f.name] = p
		if m == Input && f.required || m == Output && alwaysWritten(f) {
			s.Required = append(s.Required, f.name)
		}
	}
	extra := make([]string, 0, len(replace))
	for name := range replace {
		if !seen[name] { // a key MarshalJSON adds
			extra = append(extra, name)
		}
	}
	slices.Sort(extra) // the map's order must not reach the document
	for _, name := range extra {
		s.Properties[name] = replace[name]
		if m == Output {
			s.Required = append(s.Required, name)
		}
	}
	return s
}

// alwaysWritten reports whether json.Marshal writes f for every value.
// omitempty never omits a struct, so an omitempty struct is still written.
func alwaysWritten(f field) bool {
	if f.viaPointer || f.omitZero {
		return false
	}
	if !f.omitEmpty {
		return true
	}
	switch f.typ.Kind() {
	case reflect.Struct:
		return true
	case reflect.Array:
		return f.typ.Len() > 0
	}
	return false
}

// quotedSchema is a ",string" field: the value inside a JSON string.
func quotedSchema(t reflect.Type) *Schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return &Schema{Type: Of("string"), Enum: []string{"true", "false"}}
	case reflect.String:
		return &Schema{Type: Of("string"), Description: "a JSON string inside a string"}
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: Of("string"), Pattern: `^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$`}
	}
	return &Schema{Type: Of("string"), Pattern: `^-?[0-9]+$`}
}

func nilable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return true
	}
	return false
}

// maxEnum bounds the probing of an enum's names: a uint8 has 256 values.
const maxEnum = 256

// enumNames probes t's MarshalText on 0, 1, 2, … and returns the names
// until the first error: the enums of this module are small integers
// whose names are a list. A type of another kind, or one that names every
// value probed, is not an enum.
func enumNames(t reflect.Type) ([]string, bool) {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
	default:
		return nil, false
	}
	if !implements(t, textMarshaler) {
		return nil, false
	}
	var names []string
	for i := 0; i < maxEnum; i++ {
		v := reflect.New(t)
		if t.Kind() >= reflect.Uint {
			v.Elem().SetUint(uint64(i))
		} else {
			v.Elem().SetInt(int64(i))
		}
		var tm encoding.TextMarshaler
		if t.Implements(textMarshaler) {
			tm = v.Elem().Interface().(encoding.TextMarshaler)
		} else {
			tm = v.Interface().(encoding.TextMarshaler)
		}
		b, err := marshalText(tm)
		if err != nil {
			return names, len(names) > 0
		}
		names = append(names, string(b))
	}
	return nil, false
}

// marshalText calls MarshalText, turning a panic into an error: a probe
// past an enum's last value must not take the generator down.
func marshalText(tm encoding.TextMarshaler) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("MarshalText panicked: %v", r)
		}
	}()
	return tm.MarshalText()
}

// Components names every component reached so far, writes each $ref, and
// returns the components by name. A type reached in both modes is one
// component when its two schemas are the same (with the same reasoning
// for the types inside), else two, named "<name>-Input" and
// "<name>-Output", as pydantic names them.
func (g *Generator) Components() map[string]*Schema {
	base := g.baseNames()
	// Greatest fixed point: start with every type of both modes merged,
	// split those whose two schemas differ under the current naming, until
	// nothing changes. Splitting only grows, so this ends.
	merged := map[reflect.Type]bool{}
	for _, c := range g.order {
		if c.mode == Input {
			if _, ok := g.comps[key{c.typ, Output}]; ok {
				merged[c.typ] = true
			}
		}
	}
	name := func(c *component) string {
		_, in := g.comps[key{c.typ, Input}]
		_, out := g.comps[key{c.typ, Output}]
		if merged[c.typ] || !(in && out) {
			return base[c.typ]
		}
		return base[c.typ] + "-" + c.mode.String()
	}
	for changed := true; changed; {
		changed = false
		g.writeRefs(name)
		for _, c := range g.order {
			if c.mode != Input || !merged[c.typ] {
				continue
			}
			in, _ := json.Marshal(c.body)
			out, _ := json.Marshal(g.comps[key{c.typ, Output}].body)
			if string(in) != string(out) {
				delete(merged, c.typ)
				changed = true
			}
		}
	}
	g.writeRefs(name)
	out := map[string]*Schema{}
	for _, c := range g.order {
		c.name = name(c)
		out[c.name] = c.body // a merged type's two bodies are equal: either will do
	}
	return out
}

func (g *Generator) writeRefs(name func(*component) string) {
	for _, r := range g.refs {
		r.Ref = "#/components/schemas/" + name(r.target)
	}
}

// baseNames gives each named type a component name, "pkg.Type" with the
// package path relative to the module, unique in the order types were met.
func (g *Generator) baseNames() map[reflect.Type]string {
	out := map[reflect.Type]string{}
	used := map[string]bool{}
	for _, c := range g.order {
		if _, ok := out[c.typ]; ok {
			continue
		}
		n := g.typeName(c.typ)
		for i := 2; used[n]; i++ {
			n = g.typeName(c.typ) + "_" + strconv.Itoa(i)
		}
		used[n] = true
		out[c.typ] = n
	}
	return out
}

// typeName is "pkg.Type" in the characters a component name may use
// ([A-Za-z0-9._-]).
func (g *Generator) typeName(t reflect.Type) string {
	pkg := t.PkgPath()
	if g.opts.Module != "" {
		if rest, ok := strings.CutPrefix(pkg, g.opts.Module+"/"); ok {
			pkg = rest
		} else if pkg == g.opts.Module {
			pkg = pkg[strings.LastIndex(pkg, "/")+1:]
		}
	}
	return sanitize(strings.ReplaceAll(pkg, "/", ".") + "." + t.Name())
}

func sanitize(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	return string(b)
}
