package penalty

import (
	"fmt"
	"slices"

	"github.com/repayplan/repayplan/money"
)

// MaxExplanationRecords bounds the explanation of one account: its penalty
// segments, payment allocations and waiver applications together (a
// waiver counts every installment balance it visits, even one whose share
// rounds to nothing). Each record costs about 110 bytes in the statement
// and about 150 bytes of JSON, so at the limit one accrual takes about
// 20 ms and 11 MB and its JSON about 15 MB (measured: 100 000 segments,
// 1 200 installments in a forgiving grace × 83 payment dates); a real
// ledger needs a few thousand records (a 30-year mortgage paid late every
// month, 360 installments × a dozen payment dates while overdue, is under
// 10 000).
//
// An upper bound on the records is computed from the request's counts
// before any work (explanationBound). Within the limit, the work runs
// unchecked. Beyond it — the bound counts every payment date inside an
// installment's accrual up to as_of, even after the installment is paid
// off, so it can be far above what the ledger needs — the work runs with
// the limit as a budget and stops at the first record past it, with an
// error naming the field whose records pushed it over. Either way no
// account costs more than the limit's worth of records: the walks over
// installments visit only those owing something, so work is linear in
// the records written.
const MaxExplanationRecords = 100_000

// recordBound is an upper bound on an account's explanation records,
// computed from the request's counts before the work.
type recordBound struct {
	segments    int // Σ over installments of 1 + the boundaries inside its accrual
	allocations int // payments + segments + 5 × installments
	waivers     int // Σ over waivers of the installments each can touch
}

func (b recordBound) total() int { return b.segments + b.allocations + b.waivers }

// explanationBound bounds e's records from counts, in O(n log m):
//
//   - Segments: an installment's accrual [start, end) is cut at every
//     split date inside it (payment and waiver dates, 1 January under
//     act/act) and at its own grace end; k cuts give at most k + 1
//     segments.
//   - Allocations: an allocation either pays a component off or uses up
//     its payment (at most one per payment). Principal, interest and fee
//     only fall, so each is paid off at most once per installment; the
//     late fee is assessed once; penalty grows again only when a segment
//     or a grace's contingent penalty becomes payable. So allocations ≤
//     payments + segments + 5 × installments.
//   - Waiver applications: a waiver naming an installment touches one;
//     any other, every installment due on or before its date.
func (e *engine) explanationBound() recordBound {
	// The split dates as days after as_of's origin (any fixed day will
	// do), sorted and unique: searched as integers, without a comparison
	// call per step.
	splits := make([]int32, 0, len(e.payments)+len(e.waivers))
	for _, p := range e.payments {
		splits = append(splits, int32(p.Date.Sub(e.asOf)))
	}
	for _, w := range e.waivers {
		splits = append(splits, int32(w.Date.Sub(e.asOf)))
	}
	slices.Sort(splits)
	splits = slices.Compact(splits)
	// inside counts the split dates strictly between from and to.
	inside := func(from, to money.Date) int {
		f, t := int32(from.Sub(e.asOf)), int32(to.Sub(e.asOf))
		lo, found := slices.BinarySearch(splits, f)
		if found {
			lo++ // from itself is not inside
		}
		hi, _ := slices.BinarySearch(splits, t)
		return max(hi-lo, 0)
	}
	var b recordBound
	for k := range e.ls {
		l := &e.ls[k]
		if !l.start.Before(l.end) {
			continue
		}
		n := 1 + inside(l.start, l.end)
		if e.rates.byYear() {
			n += l.end.Year() - l.start.Year() // the 1 Januaries after start, up to end
		}
		if e.contingent && l.start.Before(l.graceEnd) && l.graceEnd.Before(l.end) {
			n++
		}
		b.segments += n
	}
	b.allocations = len(e.payments) + b.segments + 5*len(e.ls)
	for _, w := range e.waivers {
		if w.Installment > 0 {
			b.waivers++
		} else {
			b.waivers += e.dueBy(w.Date)
		}
	}
	return b
}

// overBudget reports, during the work, an explanation that has grown past
// MaxExplanationRecords, naming the field whose records are the most:
// waivers or payments. Allocations are the payments', waiver applications
// the waivers'; segments are cut by both kinds of date, and are shared
// between them by their numbers of distinct dates.
func (e *engine) overBudget() error {
	segs, allocs, waived := e.segments, e.allocCount, e.waiverVisits
	if segs+allocs+waived <= MaxExplanationRecords {
		return nil
	}
	pd, wd := distinctDates(e.payments, func(p Payment) money.Date { return p.Date }),
		distinctDates(e.waivers, func(w Waiver) money.Date { return w.Date })
	field := "payments"
	if waived*(pd+wd)+segs*wd > allocs*(pd+wd)+segs*pd {
		field = "waivers"
	}
	b := e.bound
	return money.Errorf(field, "the explanation would hold more than %d records, the limit (bound from the counts: %d penalty segments, %d payment allocations, %d waiver applications, %d in all)",
		MaxExplanationRecords, b.segments, b.allocations, b.waivers, b.total())
}

// distinctDates counts the distinct dates of items sorted by date.
func distinctDates[T any](items []T, date func(T) money.Date) int {
	n := 0
	for i := range items {
		if i == 0 || date(items[i]) != date(items[i-1]) {
			n++
		}
	}
	return n
}

// checkRange bounds every amount the statement can hold and rejects the
// account if one could reach money.ResultLimit at the policy's rounding
// (an error naming the field, never an overflowed result). All
// inputs are whole minor units, so every amount is too, and the largest
// is below the larger of what the installments could come to with penalty
// and late fees and what the payments add up to.
//
// An installment's penalty is at most base × the largest daily rate ×
// the days it accrues, plus one minor unit a day for rounding; its late
// fee at most the fixed amount, or max(min, rate × principal+interest+fee
// + one unit).
func (e *engine) checkRange() error {
	r := e.pol.Rounding
	places := r.Places()
	limit := money.ResultLimit(places)
	up := money.NewRounding(places, money.Up)
	unit := money.New(1, places)
	rate, _ := e.rates.at(e.asOf)
	if e.rates.unit != Daily {
		rate = e.rates.r360 // the largest of the three bases
	}
	if !e.inRangeByBounds(limit, rate) {
		if err := e.installmentsInRange(limit, up, unit, rate); err != nil {
			return err
		}
	}
	return e.paymentsInRange(limit)
}

// installmentsInRange is checkRange's walk over the installments: their
// sums bounded one by one, the largest named in the error.
func (e *engine) installmentsInRange(limit money.Amount, up money.Rounding, unit money.Amount, rate money.Ratio) error {
	places := e.pol.Rounding.Places()
	var total money.Amount
	worst, worstAt := money.Amount{}, -1
	feeRate := e.feeRate
	for k := range e.ls {
		l := &e.ls[k]
		owed := l.unpaid()
		var pen money.Amount
		if days := l.end.Sub(l.start); days > 0 {
			pen = e.base(l).MulInt(int64(days)).MulRatio(rate, up).Add(unit.MulInt(int64(days)))
		}
		var fee money.Amount
		switch f := e.pol.LateFee; f.Kind {
		case FixedFee:
			fee = f.Amount
		case PercentFee:
			fee = money.Max(f.Min, owed.MulRatio(feeRate, up).Add(unit))
		}
		sum := owed.Add(pen).Add(fee)
		total = total.Add(sum)
		if worstAt < 0 || sum.Cmp(worst) > 0 {
			worst, worstAt = sum, k
		}
	}
	if total.Cmp(limit) >= 0 {
		return money.Errorf(fmt.Sprintf("installments[%d].principal", worstAt),
			"with penalty at this rate for the days overdue and late fees, the statement's amounts could reach %s, beyond the %s it can hold at %d decimal places (policy.rounding.places)",
			magnitude(total), shownLimit(places), places)
	}
	return nil
}

// paymentsInRange is checkRange's bound on the payments' sum.
func (e *engine) paymentsInRange(limit money.Amount) error {
	if money.New(int64(len(e.payments)), 0).MulInt(maxInput).Cmp(limit) < 0 {
		return nil // no sum of this many payments of at most 10^15 can reach it
	}
	places := e.pol.Rounding.Places()
	var paid money.Amount
	for _, p := range e.payments {
		paid = paid.Add(p.Amount)
	}
	if paid.Cmp(limit) >= 0 {
		return money.Errorf("payments", "the payments add up to %s, beyond the %s a statement can hold at %d decimal places (policy.rounding.places)",
			magnitude(paid), shownLimit(places), places)
	}
	return nil
}

// maxInput is the input bound on an amount (money.CheckAmount), 10^15.
const maxInput = 1_000_000_000_000_000

// inRangeByBounds reports whether checkRange's walk over the installments
// would pass, judged from the counts and the input bounds alone, in int64
// arithmetic: each installment's sum as the walk bounds it, with
// principal, interest and fee at the input bound (10^15 each, validated)
// and the longest accrual (from the first start to as_of), in units of
// 10^9 rounded up, n times, below the limit. It answers false, leaving the
// account to the walk, whenever an input is written with more places than
// the rounding's (then the walk's sums carry those places) or the walk's
// product base × days could outgrow the 96-bit coefficient at the
// rounding's places: what the walk rejects without reaching the limit.
// Every term rises with the amounts and the days, so a pass here is a
// pass there; only accounts near the limit (many places, centuries of
// accrual, huge rates) take the walk, which names the field.
func (e *engine) inRangeByBounds(limit money.Amount, rate money.Ratio) bool {
	places := e.pol.Rounding.Places()
	f := e.pol.LateFee
	if len(e.ls) == 0 || places > money.MaxPlaces || f.Amount.Places() > places || f.Min.Places() > places {
		return len(e.ls) == 0
	}
	for k := range e.ls {
		o := &e.ls[k].owed
		if o[PrincipalComponent].Places() > places || o[InterestComponent].Places() > places || o[FeeComponent].Places() > places {
			return false
		}
	}
	days := int64(max(e.asOf.Sub(e.ls[0].start), 0)) // starts follow due dates, in order
	scale := int64(1)                                // 10^places
	for range places {
		scale *= 10
	}
	// The walk's base × days: at most 2·10^15 × 10^places × days, which
	// stays below 2^95 while 10^places × days ≤ ⌊2^95 / (2·10^15)⌋.
	if days > 1_000_000 || scale*days > 19_807_040_628_566 {
		return false
	}
	const g = 1_000_000_000 // the unit of the bound, 10^9
	up := money.NewRounding(0, money.Up)
	// ⌈2·10^15 × days × rate / 10^9⌉, and the walk's one minor unit a day
	// (at most 1 of 10^9 for fewer than 10^9 days).
	pen, ok := money.New(2_000_000*days, 0).MulRatio(rate, up).Units(0)
	if !ok {
		return false
	}
	var fee int64
	switch f.Kind {
	case FixedFee:
		fee, ok = f.Amount.MulRatio(money.NewRatio(1, g), up).Units(0)
	case PercentFee:
		var pct int64
		if fee, ok = f.Min.MulRatio(money.NewRatio(1, g), up).Units(0); ok {
			pct, ok = money.New(3_000_000, 0).MulRatio(e.feeRate, up).Units(0)
			fee = max(fee, pct+1)
		}
	}
	per := 3_000_000 + pen + 1 + fee // owed + penalty + a unit a day + fee, in units of 10^9
	if !ok || pen > 1e15 || fee > 1e15 {
		return false
	}
	// n of them, back in whole units (× 10^9, exact in 128 bits), below
	// the limit.
	return money.New(per*int64(len(e.ls)), -9).Cmp(limit) < 0
}

// shownLimit is money.ResultLimit(places) as a reader counts digits.
func shownLimit(places int) string { return fmt.Sprintf("10^%d", min(27, 28-places)) }

// magnitude writes a bound for an error message: the amount, or "more
// than 3.9 × 10^28 units" if even the bound overflowed.
func magnitude(a money.Amount) string {
	if a.Overflowed() {
		return "more than 3.9 × 10^28 units"
	}
	return a.String()
}
