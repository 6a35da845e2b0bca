package repayplan_test

import (
	"encoding/json"
	"fmt"

	"github.com/repayplan/repayplan"
)

// The OpenAPI document of the HTTP service, generated from the Go types:
// each kind's request and answer are components named after them.
func ExampleOpenAPI() {
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]struct {
			Post *struct {
				RequestBody struct {
					Content map[string]struct {
						Schema struct {
							Ref string `json:"$ref"`
						} `json:"schema"`
					} `json:"content"`
				} `json:"requestBody"`
			} `json:"post"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(repayplan.OpenAPI(), &doc); err != nil {
		panic(err)
	}
	fmt.Println(doc.OpenAPI, len(doc.Paths) == len(repayplan.Kinds())+4)
	fmt.Println(doc.Paths["/v1/schedule"].Post.RequestBody.Content["application/json"].Schema.Ref)
	// Output:
	// 3.1.0 true
	// #/components/schemas/schedule.Terms
}
