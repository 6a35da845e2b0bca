package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// color is an enum as the module writes them: a uint8 whose MarshalText
// names 0..2 and fails beyond.
type color uint8

var colorNames = []string{"red", "green", "blue"}

func (c color) MarshalText() ([]byte, error) {
	if int(c) >= len(colorNames) {
		return nil, errors.New("no such color")
	}
	return []byte(colorNames[c]), nil
}

func (c *color) UnmarshalText(b []byte) error {
	i := slices.Index(colorNames, string(b))
	if i < 0 {
		return errors.New("no such color")
	}
	*c = color(i)
	return nil
}

// Base and Extra are embedded in fixture: their fields are promoted.
type Base struct {
	ID    int    `json:"id"`
	Label string `json:"label,omitempty"`
	Name  string `json:"-"`
}

type Extra struct {
	Note string `json:"note"`
}

type leaf struct {
	On bool `json:"on"`
}

type fixture struct {
	Base
	*Extra
	Name     string          `json:"name" required:"true"`
	Count    uint8           `json:"count,omitempty"`
	List     []int           `json:"list"`
	Opt      []int           `json:"opt,omitempty"`
	Map      map[string]bool `json:"map,omitempty"`
	IntMap   map[int]string  `json:"int_map"`
	Colors   map[color]int   `json:"colors"`
	Color    color           `json:"color" required:"true"`
	Next     *fixture        `json:"next,omitempty"`
	Arr      [2]bool         `json:"arr"`
	Quoted   int             `json:"quoted,string"`
	Skip     int             `json:"-"`
	Dash     int             `json:"-,"`
	Any      any             `json:"any"`
	Bytes    []byte          `json:"bytes"`
	Leaf     leaf            `json:"leaf,omitempty"`
	Zero     int             `json:"zero,omitzero"`
	Untagged string
	hidden   int
}

func TestStructFieldsFollowEncodingJSON(t *testing.T) {
	var names []string
	for _, f := range structFields(reflect.TypeFor[fixture]()) {
		names = append(names, f.name)
	}
	// Written out from the rules: embedded fields in place, "-" skipped,
	// "-," named "-", unexported left out.
	want := []string{"id", "label", "note", "name", "count", "list", "opt", "map", "int_map", "colors",
		"color", "next", "arr", "quoted", "-", "any", "bytes", "leaf", "zero", "Untagged"}
	assert.Equal(t, want, names)

	// And json.Marshal of a value with every field set writes these keys.
	x := fixture{Base: Base{ID: 1, Label: "l"}, Extra: &Extra{Note: "n"}, Name: "a", Count: 1, List: []int{1},
		Opt: []int{1}, Map: map[string]bool{"k": true}, IntMap: map[int]string{1: "a"}, Colors: map[color]int{1: 2},
		Next: &fixture{}, Zero: 1, Any: 1}
	b, err := json.Marshal(x)
	require.NoError(t, err)
	var keys map[string]any
	require.NoError(t, json.Unmarshal(b, &keys))
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	assert.ElementsMatch(t, want, got)
}

// Conflicts: the shallower field wins, then the tagged one; two at one
// depth and equally tagged hide each other.
type conflictA struct {
	X int
	Y int
	Z int `json:"z"`
}

type conflictB struct {
	X int
	Y int `json:"Y"`
	W int `json:"w"`
}

type conflicts struct {
	conflictA
	conflictB
	W string `json:"w"` // shallower than conflictB.W
}

func TestStructFieldsConflicts(t *testing.T) {
	var names []string
	for _, f := range structFields(reflect.TypeFor[conflicts]()) {
		names = append(names, f.name+":"+f.typ.String())
	}
	// X: two untagged at depth 1, both hidden (two tagged would be too,
	// but go vet refuses the repeated tag). Y: conflictB's is tagged,
	// conflictA's is not: B's wins. z from A. w: the outer string.
	assert.Equal(t, []string{"z:int", "Y:int", "w:string"}, names, "in index order")
	b, err := json.Marshal(conflicts{conflictA: conflictA{X: 1, Y: 2, Z: 3}, conflictB: conflictB{X: 4, Y: 5, W: 6}, W: "w"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Y":5,"z":3,"w":"w"}`, string(b))
}

func components(t *testing.T, typ reflect.Type, modes ...Mode) (map[string]*Schema, *Generator) {
	t.Helper()
	g := New(Options{Module: "github.com/repayplan/repayplan"})
	for _, m := range modes {
		g.Schema(typ, m)
	}
	return g.Components(), g
}

func TestRequiredByMode(t *testing.T) {
	comps, g := components(t, reflect.TypeFor[fixture](), Input, Output)
	assert.Empty(t, g.Unhandled())
	in := comps["internal.schema.fixture-Input"]
	out := comps["internal.schema.fixture-Output"]
	require.NotNil(t, in)
	require.NotNil(t, out)
	assert.Equal(t, []string{"name", "color"}, in.Required, "a request must carry the tagged fields")
	// Every field but: label, count, opt, map, next (omitempty, emptiable),
	// zero (omitzero), note (through the embedded *Extra, which may be nil).
	// leaf is omitempty but a struct: always written.
	assert.Equal(t, []string{"id", "name", "list", "int_map", "colors", "color", "arr", "quoted", "-", "any", "bytes", "leaf", "Untagged"}, out.Required)
	assert.True(t, out.AdditionalProperties.IsFalse())

	// Nullable exactly where json.Marshal can write null.
	assert.Equal(t, Types{"array", "null"}, out.Properties["list"].Type)
	assert.Equal(t, Of("array"), out.Properties["opt"].Type, "omitempty: left out, never null")
	assert.Equal(t, Types{"object", "null"}, out.Properties["int_map"].Type)
	assert.Equal(t, `^-?[0-9]+$`, out.Properties["int_map"].PropertyNames.Pattern)
	assert.Equal(t, colorNames, out.Properties["colors"].PropertyNames.Enum)
	assert.Equal(t, "#/components/schemas/internal.schema.fixture-Output", out.Properties["next"].Ref, "recursion through $ref")
	assert.Equal(t, "#/components/schemas/internal.schema.color", out.Properties["color"].Ref, "an enum is one component for both modes")
	assert.Equal(t, colorNames, comps["internal.schema.color"].Enum)
	assert.Equal(t, "base64", out.Properties["bytes"].ContentEncoding)
	assert.Equal(t, `^-?[0-9]+$`, out.Properties["quoted"].Pattern)
	two := 2
	assert.Equal(t, &two, out.Properties["arr"].MinItems)
	assert.Equal(t, &Schema{}, out.Properties["any"])
	assert.Equal(t, json.Number("255"), out.Properties["count"].Maximum)
}

// each is the same in both modes (every field always written and tagged
// required), so it is one component; so is holder, which holds one. (A
// required slice would not be: an answer may write null for it, a request
// may not.) Split holds a
// type that differs, so it differs as well: the fixed point.
type each struct {
	A int `json:"a" required:"true"`
}

type holder struct {
	E each `json:"e" required:"true"`
}

type differs struct {
	A int `json:"a"`
}

type split struct {
	D differs `json:"d" required:"true"`
}

func TestMergeAndSplit(t *testing.T) {
	comps, _ := components(t, reflect.TypeFor[holder](), Input, Output)
	assert.Contains(t, comps, "internal.schema.holder")
	assert.Contains(t, comps, "internal.schema.each")
	assert.Len(t, comps, 2)

	comps, _ = components(t, reflect.TypeFor[split](), Input, Output)
	var names []string
	for n := range comps {
		names = append(names, n)
	}
	assert.ElementsMatch(t, []string{"internal.schema.split-Input", "internal.schema.split-Output",
		"internal.schema.differs-Input", "internal.schema.differs-Output"}, names)
	assert.Equal(t, "#/components/schemas/internal.schema.differs-Input", comps["internal.schema.split-Input"].Properties["d"].Ref)

	comps, _ = components(t, reflect.TypeFor[split](), Output)
	assert.Contains(t, comps, "internal.schema.split", "one mode only: no suffix")
}

func TestNamesAreUnique(t *testing.T) {
	type same struct{ A int }
	first := reflect.TypeFor[same]()
	second := func() reflect.Type {
		type same struct{ B int }
		return reflect.TypeFor[same]()
	}()
	g := New(Options{Module: "github.com/repayplan/repayplan"})
	g.Schema(first, Output)
	g.Schema(second, Output)
	comps := g.Components()
	assert.Contains(t, comps, "internal.schema.same")
	assert.Contains(t, comps, "internal.schema.same_2")
	assert.Contains(t, comps["internal.schema.same_2"].Properties, "B")
}

// selfEncoding writes itself; everyName names every value; neither is
// described without help.
type selfEncoding struct{ v int }

func (selfEncoding) MarshalJSON() ([]byte, error) { return []byte(`"x"`), nil }

type everyName uint8

func (e everyName) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "n%d", e), nil }

type panicky uint8

func (p panicky) MarshalText() ([]byte, error) { return []byte([]string{"only"}[p]), nil }

type holdsOdd struct {
	S selfEncoding `json:"s"`
	E everyName    `json:"e"`
	P panicky      `json:"p"`
	C chan int     `json:"-,"`
}

func TestUnhandled(t *testing.T) {
	g := New(Options{})
	g.Schema(reflect.TypeFor[holdsOdd](), Output)
	g.Components()
	assert.Equal(t, []string{
		"schema.selfEncoding: has MarshalJSON or UnmarshalJSON but no Custom schema",
		"schema.everyName: has MarshalText but is not a small integer enum, and has no Custom schema",
		"chan int: JSON cannot encode a chan",
	}, g.Unhandled())

	g = New(Options{Module: "github.com/repayplan/repayplan/internal", Custom: map[reflect.Type]Custom{
		reflect.TypeFor[selfEncoding](): func(*Generator, Mode) *Schema { return &Schema{Type: Of("string"), Enum: []string{"x"}} },
		reflect.TypeFor[everyName]():    func(*Generator, Mode) *Schema { return &Schema{Type: Of("string"), Pattern: "^n[0-9]+$"} },
	}})
	s := g.Schema(reflect.TypeFor[holdsOdd](), Output)
	comps := g.Components()
	assert.Equal(t, []string{"chan int: JSON cannot encode a chan"}, g.Unhandled())
	body := comps[s.Ref[len("#/components/schemas/"):]]
	assert.Equal(t, "#/components/schemas/schema.panicky", body.Properties["p"].Ref)
	assert.Equal(t, []string{"only"}, comps["schema.panicky"].Enum, "a MarshalText that panics past the last name ends the probe")
}

func TestStructReplace(t *testing.T) {
	g := New(Options{})
	s := g.Struct(reflect.TypeFor[leaf](), Output, map[string]*Schema{
		"on":    {Type: Of("string")},
		"added": {Type: Of("integer")},
		"also":  {Type: Of("integer")},
	})
	assert.Equal(t, Of("string"), s.Properties["on"].Type)
	assert.Equal(t, []string{"on", "added", "also"}, s.Required, "keys MarshalJSON adds are written, in sorted order")
}

func TestSchemaJSON(t *testing.T) {
	b, err := json.Marshal(&Schema{Type: Of("object"), AdditionalProperties: False()})
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"object","additionalProperties":false}`, string(b))
	b, err = json.Marshal(nullable(&Schema{Ref: "#/x"}))
	require.NoError(t, err)
	assert.JSONEq(t, `{"anyOf":[{"$ref":"#/x"},{"type":"null"}]}`, string(b))
	assert.Equal(t, &Schema{}, nullable(&Schema{}), "{} already accepts null")
}
