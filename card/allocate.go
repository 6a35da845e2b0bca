package card

import (
	"github.com/repayplan/repayplan/money"
)

// pay applies a payment: to the grace windows still open, to the
// obligations oldest first, to the units in allocation order, the rest to
// credit.
func (e *engine) pay(d money.Date, amt money.Amount) {
	e.cyc.payments = e.cyc.payments.Add(amt)
	for k := e.decided; k < len(e.bills); k++ {
		e.paid[k] = e.paid[k].Add(amt)
	}
	app := PaymentApplication{Date: d, Amount: amt}
	left := amt
	mstart := len(e.mins)
	for i := e.oblHead; i < len(e.obl) && left.IsPositive(); i++ {
		o := &e.obl[i]
		x := money.Min(left, o.remain)
		if x.IsPositive() {
			o.remain = o.remain.Sub(x)
			left = left.Sub(x)
			e.mins = append(e.mins, MinimumPaid{Statement: o.stmt, Amount: x})
		}
	}
	if len(e.mins) > mstart {
		app.Minimums = e.mins[mstart:len(e.mins):len(e.mins)]
	}
	e.skipPaidObligations()
	left = amt
	start := len(e.allocs)
	for bi := e.oldest; bi < len(e.books) && left.IsPositive(); bi++ {
		b := &e.books[bi]
		for c := range components {
			ids := e.ids[c]
			for b.head[c] < b.end[c] && left.IsPositive() {
				id := int(ids[b.head[c]])
				if !e.units[id].out.IsPositive() {
					b.head[c]++
					continue
				}
				x := money.Min(left, e.units[id].out)
				if x.IsPositive() {
					e.reduce(id, x, d)
					left = left.Sub(x)
					e.allocs = append(e.allocs, Allocation{Statement: bi + 1, Unit: id + 1, Component: Component(c), Amount: x})
				}
				if e.units[id].out.IsPositive() {
					break
				}
				b.head[c]++
			}
		}
	}
	app.Allocations = e.allocs[start:len(e.allocs):len(e.allocs)]
	e.advanceOldest()
	e.credit = e.credit.Add(left)
	app.Credit = left
	e.x.Payments = append(e.x.Payments, app)
}

// advanceOldest moves past billed books with nothing left to pay: units
// are only ever posted to the newest two, so a paid book stays paid.
func (e *engine) advanceOldest() {
	for e.oldest < len(e.bills) {
		b := &e.books[e.oldest]
		for c := range components {
			if b.head[c] < b.end[c] {
				return
			}
		}
		e.oldest++
	}
}

func (e *engine) skipPaidObligations() {
	for e.oblHead < len(e.obl) && !e.obl[e.oblHead].remain.IsPositive() {
		e.oblHead++
	}
}
