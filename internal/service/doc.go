// Package service is the repayplan HTTP JSON service: every request kind of
// [repayplan.Do] as POST /v1/{kind}, shared by the repayplan command
// (`repayplan serve`) and examples/server.
//
// Endpoints:
//
//	POST /v1/{kind}   body: the kind's JSON request (a conformance vector's
//	                  "input"); answer: the result JSON
//	GET  /v1/kinds    {"kinds": [...]}
//	GET  /healthz     {"status":"ok"}: the process answers
//	GET  /readyz      200 "ready", or 503 "overloaded" while every
//	                  computation slot is taken
//	GET  /openapi.json the OpenAPI 3.1 document of the service, generated
//	                  from the Go request and result types
//
// Status codes: 200 with the result; 400 for invalid or unsatisfiable input,
// with a body naming the field:
//
//	{"error": {"code": "invalid_input", "field": "periods",
//	           "reason": "must be at least 1, got 0",
//	           "message": "periods: must be at least 1, got 0"}}
//
// 404 for an unknown kind or path, 405 (with Allow) for a wrong method, 413
// for a body over Options.MaxBody, 415 for a Content-Type other than JSON (a
// missing one, and curl's default for -d, are accepted), 422 for a result
// over Options.MaxResponse, 503 with Retry-After when every computation
// slot (Options.MaxConcurrent, by default one per core but one) is busy or
// a computation passes Options.ComputeTimeout, 500 for anything else (a
// library bug; logged, not shown). Every error body has the shape above.
//
// The default leaves a core free because the work is CPU-bound: under
// examples/server -hostile on two cores (16 clients per costly shape, 20 s)
// two slots let /healthz take over 100 ms; one slot kept it under 60 ms,
// with the heavy requests still answered within their deadline.
package service
