package plan

import (
	"cmp"
	"slices"

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
// limits, the reasons appended to buf (o.Reasons stays nil when there are
// none).
func (o *Offer) judge(affordable money.Amount, l Limits, buf []Reason) {
	rs := buf
	if o.Note != "" {
		rs = append(rs, Infeasible)
	} else {
		if o.LargestPayment.Cmp(affordable) > 0 {
			rs = append(rs, OverAffordable)
		}
		if o.APR != nil && !l.APRCap.IsZero() && o.APR.Cmp(l.APRCap) > 0 {
			rs = append(rs, OverAPRCap)
		}
		if o.Term > l.MaxPeriods {
			rs = append(rs, OverTermLimit)
		}
	}
	if len(rs) > 0 {
		o.Reasons = rs
	}
	o.Fits = len(rs) == 0
}

// rank orders the offers that fit by total cost, then Option, term and
// months deferred, numbering them from 1, and puts those that do not fit
// after them in their original order. It orders offers in place, by
// sorting their indices: an Offer is too large to move about while
// sorting.
func rank(offers []Offer) []Offer {
	var buf [2 + 3*maxListed]int // every offer of a request, on the stack
	order := buf[:0]
	for i := range offers {
		if offers[i].Fits {
			order = append(order, i)
		}
	}
	fits := len(order)
	slices.SortStableFunc(order, func(i, j int) int { return compareCost(&offers[i], &offers[j]) })
	for i := range offers {
		if !offers[i].Fits {
			order = append(order, i)
		}
	}
	permute(offers, order)
	for i := range offers[:fits] {
		offers[i].Rank = i + 1
	}
	return offers
}

// compareCost orders offers by total cost, then Option, term and months
// deferred.
func compareCost(a, b *Offer) int {
	if c := a.TotalCost.Cmp(b.TotalCost); c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(a.Option, b.Option), cmp.Compare(a.Term, b.Term), cmp.Compare(a.DeferredPeriods, b.DeferredPeriods))
}

// permute puts offers[order[p]] at p for every p, following each cycle of
// the permutation with one offer aside; it uses up order.
func permute(offers []Offer, order []int) {
	for p := range order {
		if order[p] < 0 {
			continue
		}
		aside := offers[p]
		q := p
		for order[q] != p {
			src := order[q]
			offers[q] = offers[src]
			order[q], q = -1, src
		}
		offers[q], order[q] = aside, -1
	}
}
