package money

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// The strict pass runs before encoding/json decodes a request, because
// encoding/json is lenient where a lender's service must not be: it matches
// keys without regard to case ({"Principal": …}), lets the last of two
// equal keys win, and leaves a missing field at its zero value, so that a
// forgotten annual_rate becomes a 0 % loan. The pass reads the request once
// into an ordered tree of keys and walks it beside the Go type:
//
//   - the request is one JSON object, with no byte-order mark and nothing
//     after it;
//   - an object holds no key twice;
//   - a struct's keys match its fields' JSON names exactly;
//   - an Amount or a Rate is written as a string ("1000.00"), never as a
//     JSON number, which other JSON tools read as a binary float; an
//     Amount keeps to the input bound |x| ≤ 10^15 and a Rate to 10^6
//     (results, which may be larger, decode with the types' own wider
//     bounds);
//   - a field tagged `required:"true"` is present (and not null) whenever
//     the object that holds it is.
//
// Values that decode themselves (dates, enums, roundings, calendars) are
// checked by their own decoders; the pass looks inside them only for
// duplicate keys.

// jnode is one JSON value of the request, keys in the order written.
type jnode struct {
	kind byte // '{' object, '[' list, 's' string, 'n' number, 'b' bool, '0' null
	keys []string
	vals []*jnode
	text string // a number's literal, a string's value
}

var (
	amountType = reflect.TypeOf(Amount{})
	rateType   = reflect.TypeOf(Rate{})
	dateType   = reflect.TypeOf(Date{})
)

// checkStrict applies the strict pass to data for a value of type t. It
// returns the first missing required field apart, as missing: the caller
// reports it only once the value decodes, so that a value written wrong is
// named before one left out.
func checkStrict(data []byte, t reflect.Type) (missing, err error) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return nil, Errorf("", "the request starts with a UTF-8 byte-order mark: send JSON without one")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	root, err := readNode(dec, "")
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, Errorf("", "malformed JSON: unexpected data after the JSON value")
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && root.kind != '{' {
		return nil, Errorf("", "the request must be a JSON object, got %s", root.describe())
	}
	var w walker
	if err := w.check(root, t, ""); err != nil {
		return nil, err
	}
	return w.missing, nil
}

// walker walks a request beside its type, keeping the first required
// field found missing.
type walker struct{ missing error }

// readNode reads one value; path names it in a duplicate-key error.
func readNode(dec *json.Decoder, path string) (*jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxError(err)
	}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			n := &jnode{kind: '{'}
			seen := map[string]struct{}{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, syntaxError(err)
				}
				key, _ := kt.(string)
				child := join(path, key)
				if _, dup := seen[key]; dup {
					return nil, Errorf(child, "duplicate key: each key may appear once")
				}
				seen[key] = struct{}{}
				val, err := readNode(dec, child)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, val)
			}
			if _, err := dec.Token(); err != nil { // '}'
				return nil, syntaxError(err)
			}
			return n, nil
		case '[':
			n := &jnode{kind: '['}
			for i := 0; dec.More(); i++ {
				val, err := readNode(dec, fmt.Sprintf("%s[%d]", path, i))
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, val)
			}
			if _, err := dec.Token(); err != nil { // ']'
				return nil, syntaxError(err)
			}
			return n, nil
		}
	case string:
		return &jnode{kind: 's', text: v}, nil
	case json.Number:
		return &jnode{kind: 'n', text: v.String()}, nil
	case bool:
		return &jnode{kind: 'b'}, nil
	case nil:
		return &jnode{kind: '0'}, nil
	}
	return nil, Errorf(path, "malformed JSON")
}

func syntaxError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return Errorf("", "malformed JSON at byte %d: %v", se.Offset, err)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return Errorf("", "malformed JSON: unexpected end of input")
	}
	return Errorf("", "malformed JSON: %v", err)
}

func (n *jnode) describe() string {
	switch n.kind {
	case '[':
		return "a list"
	case 's':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "true or false"
	case '0':
		return "null"
	}
	return "an object"
}

// check walks n beside t. A value of the wrong JSON type is left to
// encoding/json, which reports it with its path.
func (w *walker) check(n *jnode, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == amountType || t == rateType {
		if n.kind == 'n' {
			return Errorf(path, "must be a decimal written as a string (\"%s\"), got the JSON number %s", n.text, n.text)
		}
		if n.kind == 's' {
			// A request's amounts and rates keep to the input bounds; the
			// types' own decoders take the wider range of results.
			bound := maxAmountExp
			if t == rateType {
				bound = maxRateExp
			}
			if _, reason := parseDecimal(n.text, bound); reason != "" {
				return Errorf(path, "%s, got %s", reason, shown(n.text))
			}
		}
		return nil
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return nil
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		// Decode a name or a date here, where its path is known:
		// encoding/json reports a text decoder's error without one.
		if n.kind != 's' {
			return nil
		}
		if t == dateType && n.text == "" {
			// Results write a zero date as ""; a request must give one.
			return Errorf(path, "must be a date YYYY-MM-DD, got \"\"")
		}
		err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.text))
		return textError(path, err)
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.kind != '{' {
			return nil
		}
		fields := jsonFields(t)
		for i, k := range n.keys {
			f, ok := fields[k]
			if !ok {
				return unknownField(fields, join(path, k), k)
			}
			if f.required && n.vals[i].kind == '0' {
				return Errorf(join(path, k), "is required, got null")
			}
			if err := w.check(n.vals[i], f.typ, join(path, k)); err != nil {
				return err
			}
		}
		if w.missing == nil {
			w.missing = checkRequired(n, fields, path)
		}
		return nil
	case reflect.Map:
		if n.kind != '{' {
			return nil
		}
		for i, k := range n.keys {
			if err := w.check(n.vals[i], t.Elem(), join(path, k)); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if n.kind != '[' {
			return nil
		}
		for i, v := range n.vals {
			if err := w.check(v, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// textError names path in the error of a text decoder.
func textError(path string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		if e.Field != "" {
			path = join(path, e.Field)
		}
		return Errorf(path, "%s", e.Reason)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if value, reason, ok := strings.Cut(te.Value, reasonSep); ok {
			return Errorf(path, "%s, got %s", reason, value)
		}
	}
	return Errorf(path, "%v", err)
}

// checkRequired reports the first required field, in declaration order,
// that n leaves out or sets to null.
func checkRequired(n *jnode, fields map[string]jsonField, path string) error {
	var missing []jsonField
	for name, f := range fields {
		if !f.required {
			continue
		}
		if i := indexOf(n.keys, name); i >= 0 && n.vals[i].kind != '0' {
			continue
		}
		missing = append(missing, f)
	}
	if len(missing) == 0 {
		return nil
	}
	first := missing[0]
	for _, f := range missing[1:] {
		if f.order < first.order {
			first = f
		}
	}
	return Errorf(join(path, first.name), "is required")
}

func indexOf(keys []string, k string) int {
	for i, x := range keys {
		if x == k {
			return i
		}
	}
	return -1
}

func unknownField(fields map[string]jsonField, path, key string) error {
	for name := range fields {
		if strings.EqualFold(name, key) {
			return Errorf(path, "unknown field (keys are case-sensitive: did you mean %q?)", name)
		}
	}
	return Errorf(path, "unknown field")
}

// jsonField is a struct field as encoding/json names it.
type jsonField struct {
	name     string
	typ      reflect.Type
	required bool
	order    int // declaration order, embedded fields in place
}

// jsonFields lists t's fields by their exact JSON names, promoting the
// fields of embedded structs as encoding/json does (an outer name wins).
func jsonFields(t reflect.Type) map[string]jsonField {
	out := map[string]jsonField{}
	order := 0
	var walk func(t reflect.Type, depth int)
	walk = func(t reflect.Type, depth int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, _, _ := strings.Cut(tag, ",")
			if name == "-" && !strings.HasPrefix(tag, "-,") || !f.IsExported() && !f.Anonymous {
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if f.Anonymous && name == "" && ft.Kind() == reflect.Struct && depth < 8 {
				walk(ft, depth+1)
				continue
			}
			if name == "" {
				name = f.Name
			}
			if prev, ok := out[name]; ok && prev.order >= 0 && depth > 0 {
				continue // an outer field of the same name hides this one
			}
			out[name] = jsonField{name: name, typ: f.Type, required: f.Tag.Get("required") == "true", order: order}
			order++
		}
	}
	walk(t, 0)
	return out
}
