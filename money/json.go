package money

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
)

// DecodeJSON decodes a request strictly. Errors: anything but one JSON
// object (a byte-order mark, a list, trailing data); a key written twice; a
// key that is not exactly a field's name (keys are case-sensitive); an
// amount or rate written as a JSON number instead of a string; a field
// tagged `required:"true"` left out or null; a value of the wrong type.
// Every failure is an *Error naming the offending field by its JSON path.
func DecodeJSON(data []byte, v any) error {
	missing, err := checkStrict(data, reflect.TypeOf(v))
	if err != nil {
		return err
	}
	err = decodeStrict(data, v)
	if err == nil {
		return missing
	}
	err = toFieldError(err)
	var e *Error
	if errors.As(err, &e) && e.Field != "" {
		e.Field = dropEmbedded(reflect.TypeOf(v), e.Field)
	}
	if !errors.As(err, &e) || e.Field == "" {
		return err
	}
	if e.Reason == "unknown field" && !strings.ContainsAny(e.Field, ".[") {
		// encoding/json names only the key; find where it stands.
		if path, ok := unknownKeyPath(data, reflect.TypeOf(v), e.Field); ok {
			return Errorf(path, "unknown field")
		}
		return err
	}
	// encoding/json's path leaves out list positions
	// ("installments.due_date"); find the element that fails.
	if path, ok := indexPath(data, reflect.TypeOf(v), e.Field); ok {
		return Errorf(path, "%s", e.Reason)
	}
	return err
}

// indexPath turns a dotted field path into one with list positions by
// decoding each element of every list on the way until one fails.
func indexPath(data []byte, t reflect.Type, field string) (string, bool) {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return "", false
	}
	return locate(v, t, strings.Split(field, "."), "")
}

func locate(v any, t reflect.Type, segs []string, path string) (string, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if len(segs) == 0 {
		return path, true
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return join(path, strings.Join(segs, ".")), true // the rest is inside a self-decoding value
	}
	switch v := v.(type) {
	case map[string]any:
		// The path keeps the name encoding/json reported; the value is the
		// key written that way or, failing that, the first (in sorted
		// order) that matches it without regard to case, so the answer
		// never depends on map order.
		k, ok := matchKey(v, segs[0])
		if !ok {
			return "", false
		}
		child := v[k]
		switch t.Kind() {
		case reflect.Struct:
			if ft, ok := fieldType(t, k); ok {
				return locate(child, ft, segs[1:], join(path, segs[0]))
			}
		case reflect.Map:
			return locate(child, t.Elem(), segs[1:], join(path, segs[0]))
		}
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return "", false
		}
		for i, e := range v {
			b, err := json.Marshal(e)
			if err != nil {
				return "", false
			}
			if decodeStrict(b, reflect.New(t.Elem()).Interface()) != nil {
				return locate(e, t.Elem(), segs, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	return "", false
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if key, ok := unknownKey(err); ok {
			return &json.UnmarshalTypeError{Value: quoteReason(key, "unknown field"), Field: key, Type: typeOfString}
		}
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

func unknownKey(err error) (string, bool) {
	const prefix = `json: unknown field "`
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) {
		return "", false
	}
	return strings.TrimSuffix(msg[len(prefix):], `"`), true
}

func toFieldError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		value, reason, found := strings.Cut(te.Value, reasonSep)
		if !found {
			return Errorf(te.Field, "cannot use %s as %s", te.Value, describe(te))
		}
		if reason == "unknown field" {
			return Errorf(te.Field, "unknown field")
		}
		return Errorf(te.Field, "%s, got %s", reason, value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return Errorf("", "malformed JSON at byte %d: %v", se.Offset, err)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return Errorf("", "malformed JSON: unexpected end of input")
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Errorf("", "malformed JSON: %v", err)
}

func describe(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "this field"
	}
	switch te.Type.Kind().String() {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return "a whole number"
	case "string":
		return "a string"
	case "slice", "array":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return fmt.Sprintf("a %s", te.Type.Name())
}

// unknownKeyPath walks the JSON value beside the Go type it was decoded
// into and returns the path of the first object key named key that the
// type does not have, such as "policy.late_fee.minimum".
func unknownKeyPath(data []byte, t reflect.Type, key string) (string, bool) {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return "", false
	}
	return walkUnknown(v, t, "", key)
}

var (
	jsonUnmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

func walkUnknown(v any, t reflect.Type, path, key string) (string, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "", false // decodes itself, and names its own fields
	}
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			child := join(path, k)
			if t.Kind() == reflect.Map {
				if p, ok := walkUnknown(v[k], t.Elem(), child, key); ok {
					return p, true
				}
				continue
			}
			if t.Kind() != reflect.Struct {
				return "", false
			}
			ft, known := fieldType(t, k)
			if !known && k == key {
				return child, true
			}
			if known {
				if p, ok := walkUnknown(v[k], ft, child, key); ok {
					return p, true
				}
			}
		}
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return "", false
		}
		for i, e := range v {
			if p, ok := walkUnknown(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i), key); ok {
				return p, true
			}
		}
	}
	return "", false
}

func matchKey(m map[string]any, name string) (string, bool) {
	if _, ok := m[name]; ok {
		return name, true
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		if strings.EqualFold(k, name) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "", false
	}
	sort.Strings(keys)
	return keys[0], true
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// fieldType finds the struct field JSON decodes key into, matching names
// without regard to case as encoding/json does.
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() && !f.Anonymous {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				if inner, ok := fieldType(ft, key); ok {
					return inner, true
				}
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		if strings.EqualFold(name, key) {
			return f.Type, true
		}
	}
	return nil, false
}

// dropEmbedded removes from a dotted path the Go names of embedded structs,
// which encoding/json includes ("Base.as_of") although their fields stand
// at the level of the struct that embeds them.
func dropEmbedded(t reflect.Type, field string) string {
	segs := strings.Split(field, ".")
	out := segs[:0]
	for _, seg := range segs {
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map) {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			out = append(out, seg)
			t = nil
			continue
		}
		if f, ok := t.FieldByName(seg); ok && f.Anonymous {
			t = f.Type
			continue // the embedded struct itself: not a JSON key
		}
		out = append(out, seg)
		if ft, ok := fieldType(t, seg); ok {
			t = ft
		} else {
			t = nil
		}
	}
	return strings.Join(out, ".")
}
