package penalty

import (
	"context"
	"slices"

	"github.com/repayplan/repayplan/money"
)

// The engine's fast paths, exported to the external tests with the
// general ways they replace, so that random accounts can compare them.

// EventDatesBothWays returns a valid account's event dates as the engine
// merges them and as the general way finds them: every date collected,
// sorted and compacted.
func EventDatesBothWays(a Account) (merged, sorted []money.Date, err error) {
	if err := validate(a); err != nil {
		return nil, nil, err
	}
	var e engine
	e.init(a, true, nil)
	merged = e.eventDates(nil)
	first := e.asOf
	for k := range e.ls {
		l := &e.ls[k]
		for _, d := range [...]money.Date{l.start, l.graceEnd, l.end} {
			if !d.After(e.asOf) {
				sorted = append(sorted, d)
			}
		}
		if l.start.Before(first) {
			first = l.start
		}
	}
	for _, p := range e.payments {
		sorted = append(sorted, p.Date)
	}
	for _, w := range e.waivers {
		sorted = append(sorted, w.Date)
	}
	sorted = append(sorted, e.asOf)
	sorted = append(sorted, e.rates.yearStarts(first, e.asOf)...)
	slices.SortFunc(sorted, func(x, y money.Date) int { return x.Compare(y) })
	return merged, slices.Compact(sorted), nil
}

// OnOrBeforeBothWays returns onOrBefore of the payments and the general
// way's: filtered, then stable-sorted by date whatever the order.
func OnOrBeforeBothWays(ps []Payment, asOf money.Date) (fast, general []Payment) {
	date := func(p Payment) money.Date { return p.Date }
	fast = onOrBefore(ps, asOf, date, nil)
	for _, p := range ps {
		if !p.Date.After(asOf) {
			general = append(general, p)
		}
	}
	slices.SortStableFunc(general, func(a, b Payment) int { return a.Date.Compare(b.Date) })
	return fast, general
}

// OwesAnyAgrees runs a valid account and reports whether, at the end, every
// installment's owesAny is unpaid's sign, which it stands for.
func OwesAnyAgrees(a Account) (bool, error) {
	var e engine
	if err := validate(a); err != nil {
		return false, err
	}
	e.init(a, true, nil)
	if err := e.run(context.Background()); err != nil {
		return false, err
	}
	for k := range e.ls {
		if l := &e.ls[k]; l.owesAny() != l.unpaid().IsPositive() {
			return false, nil
		}
	}
	return true, nil
}

// RateAtAgrees reports whether the engine's daily rate on day, under the
// penalty rate p, is the one money.DayCount.Basis picks.
func RateAtAgrees(p PenaltyRate, day money.Date) bool {
	d := newDailyRates(p)
	got, basis := d.at(day)
	if p.Unit == Daily {
		return basis == 0 && got.Cmp(d.r360) == 0
	}
	want, wantBasis := d.r360, 360
	switch b := p.DayCount.Basis(day.Year()); b {
	case 365:
		want, wantBasis = d.r365, 365
	case 366:
		want, wantBasis = d.r366, 366
	}
	return basis == wantBasis && got.Cmp(want) == 0
}

// AccrueRecheckingAll is AccrueContext (explain) or a balances-only run
// with closeSegments testing every accruing installment on every date.
func AccrueRecheckingAll(a Account, explain bool) (Statement, error) {
	return accrueChecked(context.Background(), a, explain, true, nil)
}

// AccrueBrief is a balances-only run (BatchOptions.Balances).
func AccrueBrief(a Account) (Statement, error) {
	return accrue(context.Background(), a, false)
}

// AccrueReusing accrues accounts one after another with one workspace, as
// an AccrueAll worker does (explain as given).
func AccrueReusing(accounts []Account, explain bool) ([]Statement, []error) {
	var ws workspace
	out, errs := make([]Statement, len(accounts)), make([]error, len(accounts))
	for i, a := range accounts {
		out[i], errs[i] = accrueChecked(context.Background(), a, explain, false, &ws)
	}
	return out, errs
}

// MaxKept is maxKept.
const MaxKept = maxKept
