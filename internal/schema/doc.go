// Package schema turns Go types into JSON Schemas (draft 2020-12, the
// dialect of OpenAPI 3.1) by reflection, following encoding/json's rules,
// so that a document built from them cannot drift from what the code
// reads and writes. The repayplan package builds its OpenAPI document with
// it; nothing here knows about repayplan's types, except through the
// Options a caller passes.
//
// Choices made where neither encoding/json nor the OpenAPI specification
// decides:
//
//   - Every named Go type is one component, named "pkg.Type" with the
//     package path relative to Options.Module ("schedule.Terms"); unnamed
//     types are written inline. Two types of one name get "_2", "_3" in
//     the order they are met, so names never depend on map order.
//   - A type is described twice, as a request (Input) and as an answer
//     (Output), because "required" means different things: a request must
//     carry the fields tagged `required:"true"`, an answer carries every
//     field json.Marshal always writes (not omitzero; not omitempty, except
//     that omitempty never omits a struct; not promoted through an embedded
//     pointer, which may be nil). When the two descriptions of a type come
//     out the same (given the same reasoning for the types inside), they are
//     one component; else two, "pkg.Type-Input" and "pkg.Type-Output", as
//     pydantic names them.
//   - Objects are closed (additionalProperties false): the module's decoder
//     rejects unknown keys, and an answer has no key but its fields'.
//   - A pointer, slice or map field may be null unless it is omitempty or
//     omitzero (then json.Marshal leaves it out instead) or, in a request,
//     required (the decoder rejects null for it). encoding/json also
//     ignores null for fields of other types; the schemas do not promise it.
//   - An integer type that implements encoding.TextMarshaler is an enum:
//     its names are found by calling MarshalText on 0, 1, 2, … up to the
//     first error (at most 256 values; one that names all 256 is not an
//     enum). Any other type that encodes itself (MarshalJSON,
//     UnmarshalJSON, MarshalText on a struct) needs a hand-written schema in
//     Options.Custom; without one it is described as accepting anything and
//     listed by Generator.Unhandled, which the document's tests require to
//     be empty.
//   - No "default" is written. The Go zero value is a request field's
//     default almost everywhere, but not everywhere (a calendar without a
//     preset is "weekends", not the zero "none"), and a wrong default is
//     worse than none; the field's own documentation says.
//   - Integers narrower than 64 bits carry the bounds of their Go type
//     (64-bit ones only their format: the bounds would lose digits in a
//     validator that reads numbers as floats); unsigned ones a minimum of
//     0; []byte is a base64 string; a map keyed by integers has decimal
//     keys.
//
// Validate checks a decoded JSON value against such a schema, for tests
// that must not depend on a validator library. It knows only the keywords
// this package writes.
package schema
