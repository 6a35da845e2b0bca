package plan

import (
	"strconv"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// OfferRequest is the offers request: an overdue account (a penalty
// statement, or its outstanding components), the monthly payment the
// customer can afford, the limits a plan must keep to, and the policy that
// prices the plans.
type OfferRequest struct {
	// Exactly one of Statement, LoanStatement, CardStatement or
	// Outstanding: what the account owes. A loan or card statement is
	// priced on its payoff today (OutstandingOfLoan, OutstandingOfCard),
	// never on interest not yet earned.
	Statement     *penalty.Statement `json:"statement,omitempty"`
	LoanStatement *loan.Statement    `json:"loan_statement,omitempty"`
	CardStatement *card.Statement    `json:"card_statement,omitempty"`
	Outstanding   Outstanding        `json:"outstanding,omitzero"`
	// StartDate is when the plans start (the settlement is paid, the first
	// installment falls due a month later). Absent, the statement's as_of.
	StartDate         money.Date   `json:"start_date,omitzero"`
	AffordablePayment money.Amount `json:"affordable_payment" required:"true"`
	Limits            Limits       `json:"limits,omitzero"`
	// Policy prices the candidate plans; nil means CNCardPolicy().
	Policy   *OfferPolicy   `json:"policy,omitempty"`
	Rounding money.Rounding `json:"rounding,omitzero"`
	// Explain lists the languages the offer set's Sentences are rendered
	// in (OfferSet.Chinese and English); absent, it carries none.
	Explain []penalty.Language `json:"explain,omitempty"`
}

// Limits are the rules a plan must keep to, besides affordability.
type Limits struct {
	// MaxPeriods is the longest term, in payments; zero means 60, the
	// five years Chinese rules allow a personalized installment plan.
	MaxPeriods int `json:"max_periods,omitzero"`
	// APRCap is the highest annualized rate (年化利率) allowed; zero means
	// no cap. Common caps: 0.24 and 0.36 (the PRC courts' two lines for
	// private lending before 2020), and 4 × the one-year LPR, which at
	// 3.00 % (since 2025-05-20) is 0.12.
	APRCap money.Rate `json:"apr_cap,omitzero"`
}

// OfferPolicy is how a lender prices the candidate plans. In JSON,
// annual_rate, installment and settlement_discount are required — a policy
// that left them out would silently price every plan at zero — and a
// settlement that forgives nothing is written as "settlement_discount": {}.
// The other fields are taken as written, except that absent lists and a
// zero DeferralTerm take the defaults noted, an absent minimum asks for
// every balance in full (so the minimum-payment plan pays it all in one
// cycle), and absent waivers and down payment are none.
type OfferPolicy struct {
	// AnnualRate is the account's own interest rate (a card's 日利率 万分之五
	// is 0.18 a year on act/360). It prices the deferral and the
	// minimum-only projection (cycle rate = AnnualRate / 12).
	AnnualRate money.Rate `json:"annual_rate" required:"true"`
	// Minimum is the card's minimum-payment rule for the projection; the
	// zero Minimum asks for every balance in full.
	Minimum MinimumPolicy `json:"minimum,omitzero"`
	// DeferralMonths lists the deferrals to offer (absent: 1, 2, 3).
	DeferralMonths []int `json:"deferral_months"`
	// DeferralTerm is the months of equal installments that repay the
	// balance after a deferral (zero: 12).
	DeferralTerm     int              `json:"deferral_term,omitzero"`
	DeferralInterest DeferredInterest `json:"deferral_interest,omitzero"`
	// Installment prices 个性化分期; InstallmentWaive is what it forgives.
	Installment      Pricing   `json:"installment,omitzero" required:"true"`
	InstallmentWaive Fractions `json:"installment_waive,omitzero"`
	// DownPayment applies to installment and interest-frozen plans.
	DownPayment DownPayment `json:"down_payment,omitzero"`
	// Terms lists the installment terms to offer, in months (absent: 6,
	// 12, 24, 36, 60), for both installment and interest-frozen plans.
	Terms []int `json:"terms"`
	// SettlementDiscount is what a lump-sum settlement forgives.
	SettlementDiscount Fractions `json:"settlement_discount,omitzero" required:"true"`
}

// Defaults of an OfferPolicy's term and limits, and the bound on its lists
// that keeps a request's work bounded.
const (
	defaultDeferralTerm = 12
	defaultMaxPeriods   = MaxPersonalizedPeriods
	maxListed           = 12
)

// CNCardPolicy is a typical Chinese card issuer's collections policy, an
// example and not any bank's terms: card interest 0.05 % a day (0.18 a
// year); the CNCardMinimum rule; deferrals of 1–3 months repaid over 12,
// interest capitalized; 个性化分期 at a 0.6 % monthly fee over 6–60
// months, nothing waived, no down payment; settlement forgiving all penalty
// and late fee and half the interest.
func CNCardPolicy() OfferPolicy {
	// The rates are written as ParseRate reads "0.18", "0.006", "1" and
	// "0.5" (a test holds them to it), not parsed: the policy prices every
	// offers request that gives none.
	return OfferPolicy{
		AnnualRate:     money.NewRate(18, 2),
		Minimum:        CNCardMinimum(),
		DeferralMonths: defaultDeferralMonths(),
		DeferralTerm:   defaultDeferralTerm,
		Installment:    Pricing{Method: PricingFlatFee, FeeRate: money.NewRate(6, 3)},
		Terms:          defaultTerms(),
		SettlementDiscount: Fractions{
			Penalty:  money.NewRate(1, 0),
			LateFee:  money.NewRate(1, 0),
			Interest: money.NewRate(5, 1),
		},
	}
}

// OfferSet is the candidate plans for one account: those that fit first,
// ranked by total cost (ties: by Option, then term, then months
// deferred), then those that do not, in the order they were built, each
// with its reasons.
type OfferSet struct {
	StartDate         money.Date   `json:"start_date"`
	Outstanding       Outstanding  `json:"outstanding"`
	TotalOutstanding  money.Amount `json:"total_outstanding"`
	AffordablePayment money.Amount `json:"affordable_payment"`
	Limits            Limits       `json:"limits"`
	Offers            []Offer      `json:"offers"`
	// Sentences is the set rendered in the languages the request's
	// Explain asked for; nil when it asked for none.
	Sentences *penalty.Sentences `json:"sentences,omitempty"`
}

// Offers builds, checks and ranks the candidate plans of r: a settlement,
// interest-frozen and priced installment plans over each term, deferrals,
// and paying the minimum. It is deterministic: the same request gives the
// same offers in the same order. The offers' schedules share one array of
// rows (one allocation per call, not one per offer), so keeping a single
// offer's schedule keeps the set's rows; copy it (slices.Clone) to keep it
// alone.
func Offers(r OfferRequest) (OfferSet, error) {
	b, err := newBuilder(r)
	if err != nil {
		return OfferSet{}, err
	}
	if err := penalty.CheckLanguages("explain", r.Explain); err != nil {
		return OfferSet{}, err
	}
	offers := b.candidates()
	s := OfferSet{
		StartDate:         b.start,
		Outstanding:       b.out,
		TotalOutstanding:  b.out.Sum().Round(b.rnd),
		AffordablePayment: b.affordable,
		Limits:            b.limits,
		Offers:            rank(offers),
	}
	s.Sentences = penalty.Render(r.Explain, s.Chinese, s.English)
	return s, nil
}

// normalized returns r's limits with defaults filled in.
func (l Limits) normalized() Limits {
	if l.MaxPeriods == 0 {
		l.MaxPeriods = defaultMaxPeriods
	}
	return l
}

func (l Limits) check() error {
	if err := checkPeriods("max_periods", l.MaxPeriods); err != nil {
		return err
	}
	return money.CheckRate("apr_cap", l.APRCap, 0, 10)
}

// normalized returns p with its defaults filled in.
func (p OfferPolicy) normalized() OfferPolicy {
	if p.DeferralMonths == nil {
		p.DeferralMonths = defaultDeferralMonths()
	}
	if p.Terms == nil {
		p.Terms = defaultTerms()
	}
	if p.DeferralTerm == 0 {
		p.DeferralTerm = defaultDeferralTerm
	}
	return p
}

func (p OfferPolicy) check(rnd money.Rounding) error {
	return firstError(
		func() error { return money.CheckRate("annual_rate", p.AnnualRate, 0, 10) },
		func() error { return money.Within("minimum", p.Minimum.check(rnd)) },
		func() error { return checkList("deferral_months", p.DeferralMonths) },
		func() error { return checkPeriods("deferral_term", p.DeferralTerm) },
		func() error {
			if int(p.DeferralInterest) >= len(deferredInterestNames) {
				return money.Errorf("deferral_interest", "must be one of capitalize, spread, waive")
			}
			return nil
		},
		func() error { return money.Within("installment", p.Installment.check()) },
		func() error { return p.InstallmentWaive.check("installment_waive") },
		func() error { return p.DownPayment.check("down_payment", rnd) },
		func() error { return checkList("terms", p.Terms) },
		func() error { return p.SettlementDiscount.check("settlement_discount") },
	)
}

// checkList bounds a list of terms in periods: at most maxListed entries,
// each 1..MaxPeriods.
func checkList(field string, l []int) error {
	if len(l) > maxListed {
		return money.Errorf(field, "must list at most %d terms, got %d", maxListed, len(l))
	}
	for i, n := range l {
		// The field's name is built only for an error.
		if err := checkPeriods("", n); err != nil {
			return money.Within(field+"["+strconv.Itoa(i)+"]", err)
		}
	}
	return nil
}

func defaultDeferralMonths() []int { return []int{1, 2, 3} }

func defaultTerms() []int { return []int{6, 12, 24, 36, 60} }
