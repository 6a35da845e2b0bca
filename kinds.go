package repayplan

import (
	"context"
	"reflect"
	"slices"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/plan"
	"github.com/repayplan/repayplan/schedule"
)

// kind is one request kind of the JSON contract: how its request is
// decoded and computed, and the Go types of its request and result, from
// which the OpenAPI document is generated.
type kind struct {
	run             func(ctx context.Context, request []byte) (any, error)
	request, result reflect.Type
}

// kindOf is the kind that decodes a Req strictly and computes it.
func kindOf[Req, Res any](compute func(Req) (Res, error)) kind {
	return kindOfContext(func(_ context.Context, r Req) (Res, error) { return compute(r) })
}

// kindOfContext is kindOf for a computation that honours a context as it
// goes, such as penalty.AccrueContext.
func kindOfContext[Req, Res any](compute func(context.Context, Req) (Res, error)) kind {
	return kind{
		run: func(ctx context.Context, request []byte) (any, error) {
			var req Req
			if err := money.DecodeJSON(request, &req); err != nil {
				return nil, err
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			res, err := compute(ctx, req)
			if err != nil {
				return nil, err
			}
			return res, nil
		},
		request: reflect.TypeFor[Req](),
		result:  reflect.TypeFor[Res](),
	}
}

// lookup returns the kind named name. A switch, not a package-level map:
// the package holds no state, and nothing is allocated per call.
func lookup(name string) (kind, bool) {
	switch name {
	case "schedule":
		return kindOf(schedule.New), true
	case "apr":
		return kindOf(schedule.APR), true
	case "prepayment":
		return kindOf(schedule.Prepay), true
	case "accrual":
		return kindOfContext(penalty.AccrueContext), true
	case "loan_statement":
		return kindOf(loan.Accrue), true
	case "card_statement":
		return kindOf(card.Compute), true
	case "minimum_payment":
		return kindOf(plan.Minimum), true
	case "payoff_projection":
		return kindOf(plan.ProjectPayoff), true
	case "deferral":
		return kindOf(plan.Defer), true
	case "installment_plan":
		return kindOf(plan.Restructure), true
	case "settlement":
		return kindOf(plan.Settle), true
	case "offers":
		return kindOf(plan.Offers), true
	}
	return kind{}, false
}

// Kinds returns the request kinds Do understands, sorted.
func Kinds() []string {
	k := []string{
		"schedule", "apr", "prepayment", "accrual", "loan_statement", "card_statement",
		"minimum_payment", "payoff_projection", "deferral", "installment_plan", "settlement", "offers",
	}
	slices.Sort(k)
	return k
}

// Do decodes request as the JSON request of kind, computes it, and returns
// the result, ready for json.Marshal. Each kind's request and result:
//
//	schedule           schedule.Terms       → schedule.Schedule
//	apr                schedule.APRRequest  → schedule.Rates
//	prepayment         schedule.Prepayment  → schedule.Recalculation
//	accrual            penalty.Account      → penalty.Statement
//	loan_statement     loan.Account         → loan.Statement
//	card_statement     card.Account         → card.Statement
//	minimum_payment    plan.MinimumRequest  → plan.MinimumResult
//	payoff_projection  plan.PayoffRequest   → plan.Payoff
//	deferral           plan.Deferral        → schedule.Schedule
//	installment_plan   plan.Restructuring   → plan.Restructured
//	settlement         plan.Settlement      → plan.Settled
//	offers             plan.OfferRequest    → plan.OfferSet
//
// The result is the value, not a pointer, so a type switch on these types
// works. Decoding is strict (see money.DecodeJSON): an unknown or
// case-variant key, a duplicate key, a decimal written as a JSON number or a
// missing required field is an error. Invalid input gives an error matching
// money.ErrInvalid that names the offending field by its JSON path.
func Do(kind string, request []byte) (any, error) {
	k, ok := lookup(kind)
	if !ok {
		return nil, money.Errorf("kind", "unknown kind %q", kind)
	}
	return k.run(context.Background(), request)
}

// DoContext is Do under a context: it returns ctx's error instead of a
// result when ctx is done before the request is decoded, between decoding
// and computing, or before the result is returned; an accrual also stops
// between its segments (penalty.AccrueContext). Every other computation is
// bounded by the request's own limits (see the README's limits table); a
// caller that needs a hard deadline on wall time runs DoContext on a
// goroutine of its own and stops waiting when ctx is done, as the repayplan
// service does.
func DoContext(ctx context.Context, kind string, request []byte) (any, error) {
	if ctx == nil {
		return nil, money.Errorf("ctx", "is required (use context.Background())")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	k, ok := lookup(kind)
	if !ok {
		return nil, money.Errorf("kind", "unknown kind %q", kind)
	}
	res, err := k.run(ctx, request)
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	return res, err
}
