package schema

import (
	"encoding/json"
)

// Schema is one JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1),
// restricted to the keywords the generator writes. Its zero value is the
// schema that accepts anything ({}).
type Schema struct {
	Ref                  string             `json:"$ref,omitempty"`
	Type                 Types              `json:"type,omitempty"`
	Description          string             `json:"description,omitempty"`
	Format               string             `json:"format,omitempty"`
	ContentEncoding      string             `json:"contentEncoding,omitempty"`
	Pattern              string             `json:"pattern,omitempty"`
	Enum                 []string           `json:"enum,omitempty"`
	Minimum              json.Number        `json:"minimum,omitempty"`
	Maximum              json.Number        `json:"maximum,omitempty"`
	MinItems             *int               `json:"minItems,omitempty"`
	MaxItems             *int               `json:"maxItems,omitempty"`
	Items                *Schema            `json:"items,omitempty"`
	Properties           map[string]*Schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	PropertyNames        *Schema            `json:"propertyNames,omitempty"`
	AdditionalProperties *Schema            `json:"additionalProperties,omitempty"`
	AnyOf                []*Schema          `json:"anyOf,omitempty"`

	// never makes the schema the boolean schema false, which accepts
	// nothing: "additionalProperties": false.
	never bool
	// target is the component a $ref points to; the generator writes Ref
	// from it once every component is named.
	target *component
}

// False returns the schema that accepts nothing, for
// AdditionalProperties: an object of a Go struct has no keys but its
// fields'.
func False() *Schema { return &Schema{never: true} }

// IsFalse reports whether s is the schema that accepts nothing.
func (s *Schema) IsFalse() bool { return s != nil && s.never }

type schemaJSON Schema // the same fields without the method

// MarshalJSON writes s; the boolean schema false is written as false.
func (s *Schema) MarshalJSON() ([]byte, error) {
	if s.never {
		return []byte("false"), nil
	}
	return json.Marshal((*schemaJSON)(s))
}

// Types is a schema's "type": one JSON type, written as a string, or
// several ("string" or null), written as a list.
type Types []string

// MarshalJSON writes one type as a string and several as a list.
func (t Types) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		return json.Marshal(t[0])
	}
	return json.Marshal([]string(t))
}

// Of returns the Types of one JSON type name.
func Of(name string) Types { return Types{name} }

// nullable returns a schema that accepts what s accepts and null: an
// inline schema of one type gets "null" added to its type, anything else
// (a $ref, an enum) is wrapped in anyOf.
func nullable(s *Schema) *Schema {
	if s.Ref == "" && len(s.Type) == 1 && s.Enum == nil && !s.never {
		c := *s
		c.Type = Types{s.Type[0], "null"}
		return &c
	}
	if len(s.Type) == 0 && s.Ref == "" && s.AnyOf == nil && !s.never && s.Enum == nil {
		return s // {} already accepts null
	}
	return &Schema{AnyOf: []*Schema{s, {Type: Of("null")}}}
}
