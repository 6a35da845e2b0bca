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
	bal, ok := r.balance.Units(places)
	fee, fok := r.fee.Units(places)
	pay, pok := r.payment.Units(places)
	sc := money.NewScaler(r.rate, r.t.Rounding)
	if !ok || !fok || !pok || bal < 0 || bal >= fastLimit || fee >= 14*fastLimit || pay >= 14*fastLimit ||
		r.t.InterestBasis != Periodic || r.t.Method == Bullet || (r.grace.Kind == GraceFull && r.grace.Periods > 0) {
		return rows, Totals{}, false
	}
	if _, ok := sc.Units(bal); !ok || cap(rows)-len(rows) < r.count {
		return rows, Totals{}, false
	}
	mk := func(v int64) money.Amount { return money.New(v, places) }
	var tp, ti, tf, tpay int64
	prev := r.cal.pay(r.first - 1)
	monthly := r.cal.freq == Monthly
	halfUp := sc.FastHalfUp(uint64(bal)) // bal only falls from here
	grace, last := r.grace.Periods, r.count-1
	annuity := r.t.Method == EqualInstallment
	share := r.t.Method == EqualPrincipal || r.t.Method == FlatFee
	months := r.cal.months.From(r.first - r.cal.offset)
	for i := 0; i < r.count; i++ {
		due := months.Next()
		if !monthly {
			due = r.cal.due(r.first + i)
		}
		if r.cal.moves {
			due = r.cal.move(due)
		}
		var interest int64
		if halfUp {
			interest = int64(sc.UnitsHalfUp(uint64(bal)))
		} else {
			interest, _ = sc.Units(bal) // fits: bal only falls
		}
		var principal int64
		switch {
		case i < grace:
		case i == last:
			principal = bal
		default:
			if i == grace && pay == 0 {
				pay, _ = r.fixPayment(r.count - i).Units(places)
			}
			switch {
			case annuity:
				principal = max(0, min(pay-interest, bal))
			case share:
				principal = min(pay, bal)
			}
		}
		payment := principal + interest + fee
		// Fill the row in place: building it aside and copying costs more
		// than the arithmetic.
		rows = rows[:len(rows)+1]
		row := &rows[len(rows)-1]
		row.Number, row.DueDate, row.Days = r.first+i, due, due.Sub(prev)
		row.OpeningBalance, row.Principal, row.Interest = mk(bal), mk(principal), mk(interest)
		row.Fee, row.Payment, row.ClosingBalance = mk(fee), mk(payment), mk(bal-principal)
		row.Capitalized = money.Amount{}
		tp, ti, tf, tpay = tp+principal, ti+interest, tf+fee, tpay+payment
		bal -= principal
		prev = due
		if r.untilPaid && bal == 0 {
			break
		}
	}
	return rows, Totals{Principal: mk(tp), Interest: mk(ti), Fee: mk(tf), Payment: mk(tpay)}, true
}
