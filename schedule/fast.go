package schedule

import "github.com/repayplan/repayplan/money"

// fastLimit bounds the principal (in units of the last place) for which
// fastRows may run: with periodic rates of at most 10/4 a period and fees
// of at most 10 a period, no row exceeds 14 × 2^48 and no column total over
// 1200 rows exceeds 2^63, so the loop cannot overflow.
const fastLimit = 1 << 48

// fastRows is appendRows on machine integers for the common case —
// periodic interest, no capitalizing grace — where every value provably
// fits in int64. It computes exactly what appendRows computes (a property
// test holds them to it) and reports false, appending nothing, outside that
// case. It also returns the column totals it accumulated.
func (r *run) fastRows(rows []Row) ([]Row, Totals, bool) {
	places := r.t.Rounding.Places()
	bal, ok := units(r.balance, places)
	fee, fok := units(r.fee, places)
	pay, pok := units(r.payment, places)
	sc := money.NewScaler(r.rate, r.t.Rounding)
	if !ok || !fok || !pok || bal < 0 || bal >= fastLimit || fee >= 14*fastLimit || pay >= 14*fastLimit ||
		r.t.InterestBasis != Periodic || r.t.Method == Bullet || (r.grace.Kind == GraceFull && r.grace.Periods > 0) {
		return rows, Totals{}, false
	}
	if _, ok := sc.Units(bal); !ok {
		return rows, Totals{}, false
	}
	mk := func(v int64) money.Amount { return money.New(v, places) }
	var tp, ti, tf, tpay int64
	prev := r.cal.due(r.first - 1)
	for i := 0; i < r.count; i++ {
		due := r.cal.due(r.first + i)
		interest, _ := sc.Units(bal) // fits: bal only falls
		var principal int64
		switch {
		case i < r.grace.Periods:
		case i == r.count-1:
			principal = bal
		default:
			if i == r.grace.Periods && pay == 0 {
				pay, _ = units(r.fixPayment(r.count-i), places)
			}
			principal = r.fastPrincipal(pay, interest, bal)
		}
		payment := principal + interest + fee
		rows = append(rows, Row{
			Number: r.first + i, DueDate: due, Days: due.Sub(prev),
			OpeningBalance: mk(bal), Principal: mk(principal), Interest: mk(interest),
			Fee: mk(fee), Payment: mk(payment), ClosingBalance: mk(bal - principal),
		})
		tp, ti, tf, tpay = tp+principal, ti+interest, tf+fee, tpay+payment
		bal -= principal
		prev = due
		if r.untilPaid && bal == 0 {
			break
		}
	}
	return rows, Totals{Principal: mk(tp), Interest: mk(ti), Fee: mk(tf), Payment: mk(tpay)}, true
}

// fastPrincipal is run.principal on integers.
func (r *run) fastPrincipal(pay, interest, bal int64) int64 {
	var p int64
	switch r.t.Method {
	case EqualInstallment:
		p = pay - interest
	case EqualPrincipal, FlatFee:
		p = pay
	default:
		return 0
	}
	return max(0, min(p, bal))
}

// units returns a's coefficient at places, if it fits in int64.
func units(a money.Amount, places int) (int64, bool) { return a.Units(places) }
