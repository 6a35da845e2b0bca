package schema_test

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/repayplan/repayplan/internal/schema"
)

type Loan struct {
	Principal string   `json:"principal" required:"true"`
	Periods   int8     `json:"periods,omitempty"`
	Tags      []string `json:"tags"`
}

// A struct becomes a component with a $ref to it; its request form
// requires what is tagged required, its answer form what json.Marshal
// always writes, so the two are separate components.
func ExampleGenerator() {
	g := schema.New(schema.Options{Module: "github.com/repayplan/repayplan"})
	in := g.Schema(reflect.TypeFor[Loan](), schema.Input)
	out := g.Schema(reflect.TypeFor[Loan](), schema.Output)
	comps := g.Components()
	fmt.Println(in.Ref)
	fmt.Println(out.Ref)
	b, _ := json.Marshal(comps["internal.schema_test.Loan-Output"])
	fmt.Println(string(b))
	// Output:
	// #/components/schemas/internal.schema_test.Loan-Input
	// #/components/schemas/internal.schema_test.Loan-Output
	// {"type":"object","properties":{"periods":{"type":"integer","format":"int32","minimum":-128,"maximum":127},"principal":{"type":"string"},"tags":{"type":["array","null"],"items":{"type":"string"}}},"required":["principal","tags"],"additionalProperties":false}
}

// Validate checks a decoded JSON value against a schema of a document.
func ExampleValidate() {
	var doc any
	_ = json.Unmarshal([]byte(`{"components": {"schemas": {"Rate": {"type": "string", "pattern": "^[0-9.]+$"}}}}`), &doc)
	rate := map[string]any{"$ref": "#/components/schemas/Rate"}
	fmt.Println(schema.Validate(doc, rate, "0.049"))
	fmt.Println(schema.Validate(doc, rate, "4.9%"))
	// Output:
	// <nil>
	// (the value): "4.9%" does not match ^[0-9.]+$
}
