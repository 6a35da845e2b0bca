package repayplan

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"

	"github.com/repayplan/repayplan/internal/schema"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// OpenAPI returns the OpenAPI 3.1 document of the repayplan HTTP service
// (POST /v1/{kind} for every kind of [Kinds], GET /v1/kinds, /healthz,
// /readyz and /openapi.json), as indented JSON ending in a newline.
//
// The document is built on every call by reflection over the Go request
// and result types of each kind, so it cannot drift from them: each named
// Go type is one schema under components/schemas, named "package.Type"
// ("schedule.Terms"). A type that is both sent and answered, and whose two
// shapes differ, is two schemas, "package.Type-Input" and
// "package.Type-Output" (pydantic's convention). The two differ in what is
// required: a request must carry the fields tagged `required:"true"` and
// may leave out the rest (their Go zero value is the default), while an
// answer always carries every field json.Marshal writes. Objects take no
// keys but their fields' (the decoder rejects unknown keys); amounts and
// rates are decimal strings; dates "YYYY-MM-DD"; enums their snake_case
// names, found by asking each enum type's MarshalText. The few types that
// encode themselves (amounts, rates, dates, roundings, calendars, accrual
// segments) have hand-written schemas.
//
// The bytes are the same on every call (keys in sorted order), so the
// document can be cached, compared or checked in.
func OpenAPI() []byte {
	doc, _ := buildOpenAPI()
	return doc
}

// buildOpenAPI returns the document and the types it could not describe
// (see schema.Generator.Unhandled), which the tests require to be none.
func buildOpenAPI() ([]byte, []string) {
	g := schema.New(schema.Options{Module: modulePath, Custom: customSchemas(), Describe: typeDescriptions()})
	doc := openapiDoc{
		OpenAPI:           "3.1.0",
		JSONSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
		Info: openapiInfo{
			Title:   "repayplan",
			Version: "1",
			Description: "Repayment-plan calculations to the cent: schedules, APR, prepayment, penalty interest " +
				"and late fees, loan and card statements, and the ways out of arrears. Every request kind is " +
				"POST /v1/{kind} with the kind's JSON request; decoding is strict (exact-case keys, no " +
				"duplicate or unknown keys, decimals as strings) and every error answer is an Error object.",
			License: openapiLicense{Name: "Apache-2.0", Identifier: "Apache-2.0"},
		},
		Paths: map[string]pathItem{},
	}
	errRef := &schema.Schema{Ref: "#/components/schemas/Error"}
	errorAnswer := func(why string) response {
		return response{Description: why, Content: jsonContent(errRef)}
	}
	for _, name := range Kinds() {
		k, _ := lookup(name)
		doc.Paths["/v1/"+name] = pathItem{Post: &operation{
			OperationID: name,
			Summary:     kindSummary(name),
			Description: "The request is the JSON of " + k.request.String() + "; the answer the JSON of " + k.result.String() + ".",
			Tags:        []string{"compute"},
			RequestBody: &requestBody{Required: true, Content: jsonContent(g.Schema(k.request, schema.Input))},
			Responses: map[string]response{
				"200": {Description: "The result.", Content: jsonContent(g.Schema(k.result, schema.Output))},
				"400": errorAnswer("Invalid input (invalid_input), a body that is not one JSON object included: the error names the field by its JSON path and the rule it breaks; or a body that could not be read (bad_body)."),
				"413": errorAnswer("The body is larger than the service accepts (body_too_large)."),
				"415": errorAnswer("The Content-Type is not JSON (unsupported_media_type)."),
				"422": errorAnswer("The result is larger than the service answers (result_too_large)."),
				"500": errorAnswer("A bug in the library or the service (internal); the details are logged, not answered."),
				"503": {
					Description: "Every computation slot is busy (overloaded) or the computation did not finish in time (deadline_exceeded); retry later.",
					Headers:     retryAfter(),
					Content:     jsonContent(errRef),
				},
			},
		}}
	}
	doc.Paths["/v1/kinds"] = pathItem{Get: &operation{
		OperationID: "kinds",
		Summary:     "The request kinds, sorted",
		Tags:        []string{"service"},
		Responses: map[string]response{"200": {Description: "The kinds.", Content: jsonContent(objectOf(
			map[string]*schema.Schema{"kinds": {Type: schema.Of("array"), Items: &schema.Schema{Type: schema.Of("string"), Enum: Kinds()}}}))}},
	}}
	doc.Paths["/healthz"] = pathItem{Get: &operation{
		OperationID: "healthz",
		Summary:     "Liveness: the process answers",
		Tags:        []string{"service"},
		Responses: map[string]response{"200": {Description: "Alive.", Content: jsonContent(objectOf(
			map[string]*schema.Schema{"status": {Type: schema.Of("string"), Enum: []string{"ok"}}}))}},
	}}
	ready := objectOf(map[string]*schema.Schema{
		"status":  {Type: schema.Of("string"), Enum: []string{"ready", "overloaded"}},
		"running": {Type: schema.Of("integer"), Minimum: "0", Description: "Computations running now."},
		"limit":   {Type: schema.Of("integer"), Minimum: "1", Description: "Computations that may run at once."},
	})
	doc.Paths["/readyz"] = pathItem{Get: &operation{
		OperationID: "readyz",
		Summary:     "Readiness: whether a computation would be taken now",
		Tags:        []string{"service"},
		Responses: map[string]response{
			"200": {Description: "A computation slot is free.", Content: jsonContent(ready)},
			"503": {Description: "Every computation slot is taken.", Headers: retryAfter(), Content: jsonContent(ready)},
		},
	}}
	doc.Paths["/openapi.json"] = pathItem{Get: &operation{
		OperationID: "openapi",
		Summary:     "This document",
		Tags:        []string{"service"},
		Responses: map[string]response{"200": {Description: "The OpenAPI 3.1 document of the service.",
			Content: jsonContent(&schema.Schema{Type: schema.Of("object")})}},
	}}
	doc.Components.Schemas = g.Components()
	doc.Components.Schemas["Error"] = errorSchema()
	// A type that encodes itself without a hand-written schema is written as
	// accepting anything; TestOpenAPIDescribesEveryType fails on it. The
	// document is still served: a missing description is not an outage.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		// Cannot happen: the document is strings, numbers and maps keyed
		// by strings.
		panic("repayplan: encoding the OpenAPI document: " + err.Error())
	}
	return buf.Bytes(), g.Unhandled()
}

const modulePath = "github.com/repayplan/repayplan"

// kindSummary is one line on the operation of a kind; TestOpenAPI fails
// on a kind without one.
func kindSummary(kind string) string {
	switch kind {
	case "schedule":
		return "Repayment schedule (还款计划) from loan terms"
	case "apr":
		return "APR and IRR of a loan's terms and fees"
	case "prepayment":
		return "Schedule recalculated after a prepayment or a rate change"
	case "accrual":
		return "Penalty interest and late fees accrued on overdue installments (罚息, 滞纳金), itemized"
	case "loan_statement":
		return "What a loan account owes on a date, from its contract and its ledger"
	case "card_statement":
		return "Credit-card statement cycles (信用卡账单)"
	case "minimum_payment":
		return "Minimum payment due (最低还款额)"
	case "payoff_projection":
		return "How long paying only the minimum takes, and what it costs"
	case "deferral":
		return "Schedule after a payment deferral (延期还款)"
	case "installment_plan":
		return "Restructuring of an overdue balance into installments (分期还款, 停息挂账)"
	case "settlement":
		return "Lump-sum settlement with a waiver (减免)"
	case "offers":
		return "The ways out, compared against affordability and regulatory limits"
	}
	return ""
}

// The decimal forms. A request may write a decimal as money.Parse reads
// it (a sign, an exponent); an answer writes it plain.
const (
	decimalIn  = `^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`
	decimalOut = `^-?[0-9]+(\.[0-9]+)?$`
	dateIn     = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	dateOut    = `^([0-9]{4}-[0-9]{2}-[0-9]{2})?$`
)

func decimal(m schema.Mode, what string) *schema.Schema {
	if m == schema.Input {
		return &schema.Schema{Type: schema.Of("string"), Pattern: decimalIn, Description: what +
			" A decimal written as a JSON string, never a JSON number: \"1000.00\", \"0.049\"; at most 12 decimal places."}
	}
	return &schema.Schema{Type: schema.Of("string"), Pattern: decimalOut, Description: what + " A plain decimal in a JSON string."}
}

// customSchemas are the hand-written schemas of the types that encode
// themselves.
func customSchemas() map[reflect.Type]schema.Custom {
	return map[reflect.Type]schema.Custom{
		reflect.TypeFor[money.Amount](): func(_ *schema.Generator, m schema.Mode) *schema.Schema {
			s := decimal(m, "An amount of money in the currency's units (yuan, dollars), such as \"1234.56\".")
			if m == schema.Input {
				s.Description += " Magnitude at most 10^15."
			}
			return s
		},
		reflect.TypeFor[money.Rate](): func(_ *schema.Generator, m schema.Mode) *schema.Schema {
			return decimal(m, "A rate as a decimal fraction, not a percent: \"0.049\" is 4.9 %; its unit (annual, monthly, daily) is the field's.")
		},
		reflect.TypeFor[money.Date](): func(_ *schema.Generator, m schema.Mode) *schema.Schema {
			if m == schema.Input {
				return &schema.Schema{Type: schema.Of("string"), Format: "date", Pattern: dateIn,
					Description: "A civil date, YYYY-MM-DD, in the years 1900 to 2200."}
			}
			return &schema.Schema{Type: schema.Of("string"), Pattern: dateOut,
				Description: "A civil date, YYYY-MM-DD; the empty string where there is no such date."}
		},
		reflect.TypeFor[money.Rounding](): func(g *schema.Generator, m schema.Mode) *schema.Schema {
			places := &schema.Schema{Type: schema.Of("integer"), Minimum: "0", Maximum: "12",
				Description: "Decimal places of every amount output; 2 (fen, cents) when left out."}
			s := objectOf(map[string]*schema.Schema{
				"places": places,
				"mode":   g.Schema(reflect.TypeFor[money.Mode](), m),
			})
			s.Description = "How output amounts are rounded: {\"places\": 2, \"mode\": \"half_up\"}; either key may be left out."
			if m == schema.Input {
				s.Required = nil
			}
			return s
		},
		reflect.TypeFor[money.Calendar](): func(g *schema.Generator, m schema.Mode) *schema.Schema {
			s := g.Struct(reflect.TypeFor[money.Calendar](), m, nil)
			for _, list := range []string{"holidays", "workdays"} {
				if p := s.Properties[list]; p != nil {
					n := money.MaxCalendarDates
					p.MaxItems = &n
				}
			}
			s.Description = "A business-day calendar: a preset (\"weekends\" when a request leaves it out) and the lender's own holidays and workdays."
			return s
		},
		reflect.TypeFor[schedule.Schedule](): func(g *schema.Generator, m schema.Mode) *schema.Schema {
			// MarshalJSON writes the rates' keys beside the rows, as an
			// embedded *Rates would, and none while the schedule is unpriced.
			return g.Struct(reflect.TypeFor[struct {
				schedule.Schedule
				*schedule.Rates
			}](), m, nil)
		},
		reflect.TypeFor[penalty.Language](): func(_ *schema.Generator, _ schema.Mode) *schema.Schema {
			return &schema.Schema{Type: schema.Of("string"), Enum: []string{string(penalty.ZH), string(penalty.EN)},
				Description: "A language of the explanation's sentences: zh (Chinese) or en (English)."}
		},
		reflect.TypeFor[penalty.Segment](): func(g *schema.Generator, m schema.Mode) *schema.Schema {
			// MarshalJSON writes the exact daily rate (a fraction) as a
			// decimal: exact when it terminates, else to 16 places.
			rate := &schema.Schema{Type: schema.Of("string"), Pattern: decimalOut,
				Description: "The daily rate applied, as a decimal: exact when it terminates, else to 16 places."}
			return g.Struct(reflect.TypeFor[penalty.Segment](), m, map[string]*schema.Schema{"rate": rate})
		},
	}
}

// typeDescriptions describe a few components whose Go names say little.
func typeDescriptions() map[reflect.Type]string {
	return map[reflect.Type]string{
		reflect.TypeFor[money.Mode]():     "A rounding mode: half_up (0.5 away from zero, the default), half_even (banker's), down (truncate), up, ceiling, floor.",
		reflect.TypeFor[money.DayCount](): "A day-count convention; act/360 is the default wherever a day count applies.",
	}
}

// errorSchema is the body of every error answer (the service's errorBody).
func errorSchema() *schema.Schema {
	str := func(d string) *schema.Schema { return &schema.Schema{Type: schema.Of("string"), Description: d} }
	detail := objectOf(map[string]*schema.Schema{
		"code": {Type: schema.Of("string"), Enum: errorCodes(),
			Description: "What went wrong, for a program: invalid_input is the caller's to fix."},
		"field":   str("The JSON path of the offending input value, such as \"installments[2].due_date\"; empty when the error is about the request as a whole."),
		"reason":  str("The rule the value breaks, such as \"must be at least 1, got 0\"."),
		"message": str("field: reason, for a person."),
	})
	s := objectOf(map[string]*schema.Schema{"error": detail})
	s.Description = "An error answer."
	return s
}

// errorCodes lists the codes of the service's error answers, sorted; the
// service's tests check it against the codes its handlers write.
func errorCodes() []string {
	return []string{
		"bad_body", "body_too_large", "deadline_exceeded", "internal", "invalid_input", "method_not_allowed",
		"not_found", "overloaded", "result_too_large", "unknown_kind", "unsupported_media_type",
	}
}

// objectOf is a closed object whose every property is required.
func objectOf(props map[string]*schema.Schema) *schema.Schema {
	s := &schema.Schema{Type: schema.Of("object"), Properties: props, AdditionalProperties: schema.False()}
	for name := range props {
		s.Required = append(s.Required, name)
	}
	slices.Sort(s.Required)
	return s
}

func jsonContent(s *schema.Schema) map[string]mediaType {
	return map[string]mediaType{"application/json": {Schema: s}}
}

func retryAfter() map[string]header {
	return map[string]header{"Retry-After": {Description: "Seconds to wait before retrying.",
		Schema: &schema.Schema{Type: schema.Of("integer"), Minimum: "0"}}}
}

// The OpenAPI objects the document uses.
type (
	openapiDoc struct {
		OpenAPI           string              `json:"openapi"`
		Info              openapiInfo         `json:"info"`
		JSONSchemaDialect string              `json:"jsonSchemaDialect"`
		Paths             map[string]pathItem `json:"paths"`
		Components        struct {
			Schemas map[string]*schema.Schema `json:"schemas"`
		} `json:"components"`
	}
	openapiInfo struct {
		Title       string         `json:"title"`
		Version     string         `json:"version"`
		Description string         `json:"description"`
		License     openapiLicense `json:"license"`
	}
	openapiLicense struct {
		Name       string `json:"name"`
		Identifier string `json:"identifier"`
	}
	pathItem struct {
		Get  *operation `json:"get,omitempty"`
		Post *operation `json:"post,omitempty"`
	}
	operation struct {
		OperationID string              `json:"operationId"`
		Summary     string              `json:"summary"`
		Description string              `json:"description,omitempty"`
		Tags        []string            `json:"tags"`
		RequestBody *requestBody        `json:"requestBody,omitempty"`
		Responses   map[string]response `json:"responses"`
	}
	requestBody struct {
		Required bool                 `json:"required"`
		Content  map[string]mediaType `json:"content"`
	}
	response struct {
		Description string               `json:"description"`
		Headers     map[string]header    `json:"headers,omitempty"`
		Content     map[string]mediaType `json:"content,omitempty"`
	}
	mediaType struct {
		Schema *schema.Schema `json:"schema"`
	}
	header struct {
		Description string         `json:"description"`
		Schema      *schema.Schema `json:"schema"`
	}
)
