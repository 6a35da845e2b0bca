// Package contract holds no code: its tests validate the repayplan HTTP
// service against its own OpenAPI 3.1 document (repayplan.OpenAPI, served
// at GET /openapi.json) with an independent validator,
// github.com/pb33f/libopenapi-validator.
//
// It is a module of its own so that the validator and its dependencies
// stay out of the repayplan module's go.mod: a program that imports
// repayplan does not download them. Run it from this directory:
//
//	go vet ./... && go test -count=1 ./...
//
// The tests check that the document is valid OpenAPI 3.1; that every
// conformance vector that computes is a valid request body for POST
// /v1/{kind} and that the service's answer to it is a valid response; that
// every rejected vector is answered 400 with a valid Error body; that the
// service's other endpoints answer as documented; and, so that a passing
// run means something, that the validator does reject a request and an
// answer that break the document.
package contract
