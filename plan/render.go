package plan

import (
	"strconv"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Chinese renders the offer set as the sentences a collections agent
// reads to the customer, in Chinese: the summary (what the customer can
// pay, what is owed, the limits), what the figures mean, each offer that
// fits in rank order, each that does not and why, then the advice.
func (s OfferSet) Chinese() []string { return s.Wording(penalty.ZH).Lines() }

// English renders the offer set as sentences, in English.
func (s OfferSet) English() []string { return s.Wording(penalty.EN).Lines() }

// OfferWording is an offer set's wording in one language, in parts, so
// that a screen can lay the offers out as a table and still say every
// word the library says.
type OfferWording struct {
	Summary string   // what the customer can pay, what is owed, the limits, how many plans fit
	Note    string   // what total cost, the monthly figure and the APR mean
	Offers  []string // one sentence per offer, in the set's order: those that fit, ranked, then the others with why
	Advice  string   // the plan to propose, or what to do when none fits
	// Table is a header row, then one row per offer in the set's order:
	// rank ("-" when it does not fit), plan, monthly payment, term, total
	// cost, APR ("—" when it has none), verdict.
	Table [][]string
}

// Lines returns the wording as sentences: the summary, the note, the
// offers, the advice.
func (w OfferWording) Lines() []string {
	return append(append([]string{w.Summary, w.Note}, w.Offers...), w.Advice)
}

// Wording words s in lang: penalty.ZH for Chinese, anything else English.
func (s OfferSet) Wording(lang penalty.Language) OfferWording {
	var ph offerPhrasebook = offerEN{}
	if lang == penalty.ZH {
		ph = offerZH{}
	}
	fits := 0
	for _, o := range s.Offers {
		if o.Fits {
			fits++
		}
	}
	w := OfferWording{Summary: ph.summary(s, fits), Note: ph.note(s), Advice: ph.advice(s), Table: [][]string{ph.header()}}
	for _, o := range s.Offers {
		rank, verdict := "-", ph.fits()
		if o.Fits {
			rank = strconv.Itoa(o.Rank)
			w.Offers = append(w.Offers, ph.offer(o, s))
		} else {
			verdict = ph.whyNot(o, s)
			w.Offers = append(w.Offers, ph.rejected(o, s))
		}
		w.Table = append(w.Table, []string{rank, ph.option(o), ph.monthly(o), strconv.Itoa(o.Term),
			o.TotalCost.Grouped(), aprCell(o.APR), verdict})
	}
	return w
}

// offerPhrasebook is one language's wording of offers; Wording decides
// what is said and in which order.
type offerPhrasebook interface {
	summary(s OfferSet, fits int) string
	note(s OfferSet) string
	offer(o Offer, s OfferSet) string    // a plan that fits
	rejected(o Offer, s OfferSet) string // a plan that does not, and why
	advice(s OfferSet) string
	header() []string
	fits() string
	option(o Offer) string  // the plan's name and term, for the table
	monthly(o Offer) string // what is paid each month, for the table
	whyNot(o Offer, s OfferSet) string
}

// best returns the top-ranked offer, if any fits.
func best(s OfferSet) (Offer, bool) {
	if len(s.Offers) > 0 && s.Offers[0].Fits {
		return s.Offers[0], true
	}
	return Offer{}, false
}

// aprText writes an APR read aloud: its exact percentage when that has at
// most two decimals ("18%"), else rounded half up to two decimals
// ("13.17%") and approx is set, for the sentence to say "about": an agent
// does not read out six places.
func aprText(r money.Rate) (text string, approx bool) {
	pct := r.Ratio().MulInt(100)
	if money.RoundRatio(pct, money.NewRounding(2, money.HalfUp)).Rat().Cmp(pct.Rat()) == 0 {
		return r.Percent(), false
	}
	return percent2(r), true
}

// aprCell is the APR for the table, two decimals; "—" for none.
func aprCell(r *money.Rate) string {
	if r == nil {
		return "—"
	}
	return percent2(*r)
}

// percent2 writes r as a percentage rounded half up to two decimals.
func percent2(r money.Rate) string {
	return money.RoundRatio(r.Ratio().MulInt(100), money.NewRounding(2, money.HalfUp)).StringFixed(2) + "%"
}

// waived is what an offer forgives, zero when nothing.
func waived(o Offer) money.Amount {
	if o.Waived == nil {
		return money.Amount{}
	}
	return o.Waived.Total
}

// delta is how much more (or less) an offer pays in all than the account
// owes today.
func delta(o Offer, s OfferSet) (diff money.Amount, more bool) {
	d := o.TotalPaid.Sub(s.TotalOutstanding)
	return d.Abs(), d.IsPositive()
}

// level reports whether every payment of o's schedule (deferred months
// and the down payment aside) is the same, so that it is read as "每月还"
// rather than "每月最多还".
func level(o Offer) bool {
	if o.Schedule == nil {
		return false
	}
	n, top := 0, largestInstallment(o)
	for _, r := range o.Schedule.Rows {
		if r.Payment.IsZero() {
			continue
		}
		if !r.Payment.Equal(top) {
			return false
		}
		n++
	}
	return n > 0
}

// largestInstallment is the largest payment of o's schedule, the down
// payment aside; LargestPayment when o has no schedule.
func largestInstallment(o Offer) money.Amount {
	if o.Schedule == nil {
		return o.LargestPayment
	}
	var m money.Amount
	for _, r := range o.Schedule.Rows {
		m = money.Max(m, r.Payment)
	}
	return m
}
