package schema

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"unicode"
)

// field is one key of a struct's JSON object, found by encoding/json's
// own rules (the fields of embedded structs are promoted; of two fields of
// one name the shallower wins, then the tagged one; a tie hides both).
type field struct {
	name      string
	index     []int
	typ       reflect.Type // the field's declared type
	tagged    bool
	omitEmpty bool
	omitZero  bool
	quoted    bool // ",string": the value is written inside a JSON string
	required  bool // `required:"true"`: a request must carry it
	// viaPointer says the field is promoted through an embedded pointer:
	// json.Marshal leaves it out when that pointer is nil.
	viaPointer bool
}

// structFields returns t's JSON fields in declaration order, as
// encoding/json's typeFields finds them.
func structFields(t reflect.Type) []field {
	type level struct {
		typ        reflect.Type
		index      []int
		viaPointer bool
	}
	var fields []field
	next := []level{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				ft := sf.Type
				isPtr := false
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
					isPtr = true
				}
				if sf.Anonymous {
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(slices.Clip(f.index), i)
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					fl := field{
						name:       name,
						index:      index,
						typ:        sf.Type,
						tagged:     name != "",
						omitEmpty:  hasOption(opts, "omitempty"),
						omitZero:   hasOption(opts, "omitzero"),
						required:   sf.Tag.Get("required") == "true",
						viaPointer: f.viaPointer,
					}
					if fl.name == "" {
						fl.name = sf.Name
					}
					if hasOption(opts, "string") {
						switch ft.Kind() {
						case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
							reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
							reflect.Float32, reflect.Float64, reflect.String:
							fl.quoted = true
						}
					}
					fields = append(fields, fl)
					if count[f.typ] > 1 {
						// The same embedded type twice at one depth:
						// encoding/json annihilates its fields.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, level{typ: ft, index: index, viaPointer: f.viaPointer || isPtr})
				}
			}
		}
	}
	slices.SortFunc(fields, func(a, b field) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	out := fields[:0]
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		if f, ok := dominant(fields[i:j]); ok {
			out = append(out, f)
		}
		i = j
	}
	slices.SortFunc(out, func(a, b field) int { return slices.Compare(a.index, b.index) })
	return out
}

// dominant picks the field of one name that encoding/json keeps, from
// fields sorted by depth and then tagged first.
func dominant(fields []field) (field, bool) {
	if len(fields) > 1 && len(fields[0].index) == len(fields[1].index) && fields[0].tagged == fields[1].tagged {
		return field{}, false
	}
	return fields[0], true
}

func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// validTagName is encoding/json's isValidTag.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}
