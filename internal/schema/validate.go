package schema

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Validate checks value, a JSON value decoded with json.Decoder.UseNumber,
// against schema, a schema of the document doc (both decoded from JSON),
// resolving "#/..." references in doc. It knows the keywords this package
// writes ($ref, type, enum, pattern, minimum, maximum, minItems,
// maxItems, items, properties, required, propertyNames,
// additionalProperties, anyOf) and no others; the error names the path of
// the first value that fails. It exists so that the module's own tests
// can check requests and answers against the OpenAPI document without a
// validator library; the contract module checks them with one.
func Validate(doc, schema, value any) error {
	v := validator{doc: doc, patterns: map[string]*regexp.Regexp{}}
	return v.check(schema, value, "", 0)
}

type validator struct {
	doc      any
	patterns map[string]*regexp.Regexp
}

// maxRefDepth bounds $ref chains, so a schema that refers to itself
// without consuming any of the value ends in an error, not a hang.
const maxRefDepth = 64

func (v *validator) check(schema, value any, path string, refs int) error {
	switch s := schema.(type) {
	case bool:
		if !s {
			return fmt.Errorf("%s: no value is allowed here", where(path))
		}
		return nil
	case map[string]any:
		return v.object(s, value, path, refs)
	}
	return fmt.Errorf("%s: the schema is %T, not an object or a boolean", where(path), schema)
}

func (v *validator) object(s map[string]any, value any, path string, refs int) error {
	if ref, ok := s["$ref"].(string); ok {
		if refs >= maxRefDepth {
			return fmt.Errorf("%s: $ref chain longer than %d", where(path), maxRefDepth)
		}
		target, err := Resolve(v.doc, ref)
		if err != nil {
			return fmt.Errorf("%s: %w", where(path), err)
		}
		if err := v.check(target, value, path, refs+1); err != nil {
			return err
		}
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		var first error
		matched := false
		for _, alt := range anyOf {
			err := v.check(alt, value, path, refs)
			if err == nil {
				matched = true
				break
			}
			if first == nil {
				first = err
			}
		}
		if !matched {
			return fmt.Errorf("%s: matches no alternative of anyOf; the first says: %w", where(path), first)
		}
	}
	if t, ok := s["type"]; ok {
		if err := checkType(t, value, path); err != nil {
			return err
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return equalJSON(e, value) }) {
		return fmt.Errorf("%s: %s is not one of %v", where(path), show(value), enum)
	}
	switch x := value.(type) {
	case string:
		if p, ok := s["pattern"].(string); ok {
			re, err := v.pattern(p)
			if err != nil {
				return fmt.Errorf("%s: %w", where(path), err)
			}
			if !re.MatchString(x) {
				return fmt.Errorf("%s: %q does not match %s", where(path), x, p)
			}
		}
	case json.Number:
		if err := bound(s, "minimum", x, path, -1); err != nil {
			return err
		}
		if err := bound(s, "maximum", x, path, 1); err != nil {
			return err
		}
	case []any:
		if n, ok := count(s["minItems"]); ok && len(x) < n {
			return fmt.Errorf("%s: %d items, fewer than %d", where(path), len(x), n)
		}
		if n, ok := count(s["maxItems"]); ok && len(x) > n {
			return fmt.Errorf("%s: %d items, more than %d", where(path), len(x), n)
		}
		if items, ok := s["items"]; ok {
			for i, e := range x {
				if err := v.check(items, e, path+"["+strconv.Itoa(i)+"]", 0); err != nil {
					return err
				}
			}
		}
	case map[string]any:
		return v.properties(s, x, path)
	}
	return nil
}

func (v *validator) properties(s map[string]any, x map[string]any, path string) error {
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			name, _ := r.(string)
			if _, ok := x[name]; !ok {
				return fmt.Errorf("%s: is required", join(path, name))
			}
		}
	}
	props, _ := s["properties"].(map[string]any)
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the first error is the same on every run
	for _, k := range keys {
		if pn, ok := s["propertyNames"]; ok {
			if err := v.check(pn, k, join(path, k), 0); err != nil {
				return fmt.Errorf("%s: the key is not allowed: %w", join(path, k), err)
			}
		}
		if p, ok := props[k]; ok {
			if err := v.check(p, x[k], join(path, k), 0); err != nil {
				return err
			}
			continue
		}
		if ap, ok := s["additionalProperties"]; ok {
			if b, ok := ap.(bool); ok && !b {
				return fmt.Errorf("%s: unknown property", join(path, k))
			}
			if err := v.check(ap, x[k], join(path, k), 0); err != nil {
				return err
			}
		}
	}
	return nil
}

func (v *validator) pattern(p string) (*regexp.Regexp, error) {
	if re, ok := v.patterns[p]; ok {
		return re, nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", p, err)
	}
	v.patterns[p] = re
	return re, nil
}

// Resolve returns the part of doc that ref, a local reference such as
// "#/components/schemas/money.Amount", names.
func Resolve(doc any, ref string) (any, error) {
	rest, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, fmt.Errorf("$ref %q is not local to the document", ref)
	}
	cur := doc
	if rest == "" {
		return cur, nil
	}
	for _, tok := range strings.Split(strings.TrimPrefix(rest, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$ref %q: %q is inside a value that is not an object", ref, tok)
		}
		if cur, ok = m[tok]; !ok {
			return nil, fmt.Errorf("$ref %q does not resolve: no %q", ref, tok)
		}
	}
	return cur, nil
}

func checkType(t, value any, path string) error {
	var types []string
	switch x := t.(type) {
	case string:
		types = []string{x}
	case []any:
		for _, e := range x {
			s, _ := e.(string)
			types = append(types, s)
		}
	}
	got := jsonType(value)
	for _, want := range types {
		if want == got || want == "number" && got == "integer" {
			return nil
		}
	}
	return fmt.Errorf("%s: %s is %s, not %s", where(path), show(value), got, strings.Join(types, " or "))
}

// jsonType is the JSON Schema type of a decoded value; a number with no
// fractional part is an integer, as in draft 2020-12.
func jsonType(value any) string {
	switch x := value.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if r, ok := new(big.Rat).SetString(x.String()); ok && r.IsInt() {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", value)
}

func bound(s map[string]any, kw string, x json.Number, path string, bad int) error {
	b, ok := s[kw].(json.Number)
	if !ok {
		return nil
	}
	lim, ok1 := new(big.Rat).SetString(b.String())
	val, ok2 := new(big.Rat).SetString(x.String())
	if ok1 && ok2 && val.Cmp(lim) == bad {
		return fmt.Errorf("%s: %s is beyond the %s %s", where(path), x, kw, b)
	}
	return nil
}

func count(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(n.String())
	return i, err == nil
}

func equalJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

func show(v any) string {
	b, err := json.Marshal(v)
	if err != nil || len(b) > 60 {
		return fmt.Sprintf("a %s", jsonType(v))
	}
	return string(b)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func where(path string) string {
	if path == "" {
		return "(the value)"
	}
	return path
}
