package repayplan

import (
	"context"
	"sort"

	"github.com/repayplan/repayplan/money"
)

// handler decodes one kind's request strictly and computes its result.
type handler func(request []byte) (any, error)

func handlers() map[string]handler {
	return map[string]handler{
		"schedule":          scheduleKind,
		"apr":               aprKind,
		"prepayment":        prepaymentKind,
		"accrual":           accrualKind,
		"minimum_payment":   minimumPaymentKind,
		"payoff_projection": payoffProjectionKind,
		"deferral":          deferralKind,
		"installment_plan":  installmentPlanKind,
		"settlement":        settlementKind,
		"offers":            offersKind,
	}
}

// Kinds returns the request kinds Do understands, sorted.
func Kinds() []string {
	h := handlers()
	out := make([]string, 0, len(h))
	for k := range h {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Do decodes request as the JSON request of kind (unknown keys are an
// error), computes it, and returns the result, ready for json.Marshal.
// Invalid input gives an error matching money.ErrInvalid that names the
// offending field.
func Do(kind string, request []byte) (any, error) {
	h, ok := handlers()[kind]
	if !ok {
		return nil, money.Errorf("kind", "unknown kind %q", kind)
	}
	return h(request)
}

// DoContext is Do under a context: it returns ctx's error instead of a
// result when ctx is done before the request is decoded or before its
// result is returned. The computation itself is bounded by the request's
// own limits (see the README's limits table); a caller that needs a hard
// deadline on wall time runs DoContext on a goroutine of its own and stops
// waiting when ctx is done, as the repayplan service does.
func DoContext(ctx context.Context, kind string, request []byte) (any, error) {
	if ctx == nil {
		return nil, money.Errorf("ctx", "is required (use context.Background())")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err := Do(kind, request)
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	return res, err
}

// decodeAndRun is the common shape of every handler.
func decodeAndRun[Req, Res any](request []byte, run func(Req) (Res, error)) (any, error) {
	var req Req
	if err := money.DecodeJSON(request, &req); err != nil {
		return nil, err
	}
	res, err := run(req)
	if err != nil {
		return nil, err
	}
	return res, nil
}
