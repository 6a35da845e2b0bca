package plan

import (
	"sort"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/schedule"
)

// Offer is one candidate plan, described the same way whatever its kind so
// that plans compare side by side.
type Offer struct {
	// Rank is the offer's place among those that fit, from 1; 0 when it
	// does not fit.
	Rank   int    `json:"rank,omitzero"`
	Option Option `json:"option"`
	// Term is the number of monthly payments (billing cycles for the
	// minimum payment, 1 for a settlement), deferred months included.
	Term            int `json:"term"`
	DeferredPeriods int `json:"deferred_periods,omitzero"`
	// DownPayment is paid on the start date, before the first installment.
	DownPayment money.Amount `json:"down_payment,omitzero"`
	// FirstPayment is the first amount due (the down payment, if any);
	// LargestPayment the largest, which affordability is judged on.
	FirstPayment   money.Amount `json:"first_payment"`
	LargestPayment money.Amount `json:"largest_payment"`
	TotalPaid      money.Amount `json:"total_paid"`
	// TotalCost is TotalPaid less the principal outstanding: everything
	// the plan costs beyond repaying the principal, so that plans that
	// waive different components compare on one scale.
	TotalCost money.Amount `json:"total_cost"`
	// Waived is what the plan forgives (a settlement's discount).
	Waived *Relief `json:"waived,omitempty"`
	// APR is the annualized rate (年化利率) of the plan's financing; absent
	// for a settlement, which finances nothing.
	APR     *money.Rate `json:"apr,omitempty"`
	Fits    bool        `json:"fits"`
	Reasons []Reason    `json:"reasons,omitempty"`
	// Note says why an Infeasible plan could not be built.
	Note     string             `json:"note,omitempty"`
	Schedule *schedule.Schedule `json:"schedule,omitempty"`
}

// judge sets o.Fits and o.Reasons against the affordable payment and the
// limits.
func (o *Offer) judge(affordable money.Amount, l Limits) {
	if o.Note != "" {
		o.Reasons = append(o.Reasons, Infeasible)
	} else {
		if o.LargestPayment.Cmp(affordable) > 0 {
			o.Reasons = append(o.Reasons, OverAffordable)
		}
		if o.APR != nil && !l.APRCap.IsZero() && o.APR.Cmp(l.APRCap) > 0 {
			o.Reasons = append(o.Reasons, OverAPRCap)
		}
		if o.Term > l.MaxPeriods {
			o.Reasons = append(o.Reasons, OverTermLimit)
		}
	}
	o.Fits = len(o.Reasons) == 0
}

// rank orders the offers that fit by total cost, then Option, term and
// months deferred, numbering them from 1, and puts those that do not fit
// after them in their original order.
func rank(offers []Offer) []Offer {
	out := make([]Offer, 0, len(offers))
	for _, o := range offers {
		if o.Fits {
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return cheaper(out[i], out[j]) })
	for i := range out {
		out[i].Rank = i + 1
	}
	for _, o := range offers {
		if !o.Fits {
			out = append(out, o)
		}
	}
	return out
}

func cheaper(a, b Offer) bool {
	if c := a.TotalCost.Cmp(b.TotalCost); c != 0 {
		return c < 0
	}
	if a.Option != b.Option {
		return a.Option < b.Option
	}
	if a.Term != b.Term {
		return a.Term < b.Term
	}
	return a.DeferredPeriods < b.DeferredPeriods
}
