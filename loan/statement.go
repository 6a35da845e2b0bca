package loan

import (
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Statement is a loan account as of a date: the penalty statement of
// its ledger — whose keys it carries at the top level — plus what is due
// now, what is scheduled but not owed, and what settles the loan today.
type Statement struct {
	penalty.Statement
	// AcceleratedOn is the date the loan was called in, if it was.
	AcceleratedOn money.Date `json:"accelerated_on,omitzero"`
	// AmountDue (当前应还) is what installments due on or before as_of
	// still owe: what brings the account current today.
	AmountDue Owed `json:"amount_due"`
	// PastDue (逾期) is the same over installments due before as_of.
	PastDue Owed `json:"past_due"`
	// NotYetDue is what installments due after as_of are scheduled to
	// collect: not owed today.
	NotYetDue Scheduled `json:"not_yet_due"`
	// Payoff (提前结清) is what repays the loan in full today.
	Payoff Payoff `json:"payoff"`
	// Explanation is the penalty explanation (the same data as
	// Statement.Explanation) with the acceleration, the split by due date
	// and the payoff's accrued interest.
	Explanation Explanation `json:"explanation"`
}

// Owed is what a group of installments owes, by component, with the total.
type Owed struct {
	Principal money.Amount `json:"principal"`
	Interest  money.Amount `json:"interest"`
	Fee       money.Amount `json:"fee"`
	Penalty   money.Amount `json:"penalty"`
	LateFee   money.Amount `json:"late_fee"`
	Total     money.Amount `json:"total"`
}

// Scheduled is the unpaid principal, interest and fee of installments not
// yet due.
type Scheduled struct {
	Principal money.Amount `json:"principal"`
	Interest  money.Amount `json:"interest"`
	Fee       money.Amount `json:"fee"`
}

// Payoff is the amount that settles the loan today, by component. Interest
// is what is due plus AccruedInterest (the current period's interest by
// the day count) less interest already paid on installments not yet due;
// Credit is money the lender holds or owes back (unapplied payments, and
// interest or fee paid ahead that the payoff does not need). Total is the
// components less Credit, never below 0.
type Payoff struct {
	Principal       money.Amount `json:"principal"`
	Interest        money.Amount `json:"interest"`
	AccruedInterest money.Amount `json:"accrued_interest"`
	Fee             money.Amount `json:"fee"`
	Penalty         money.Amount `json:"penalty"`
	LateFee         money.Amount `json:"late_fee"`
	PrepaymentFee   money.Amount `json:"prepayment_fee"`
	Credit          money.Amount `json:"credit"`
	Total           money.Amount `json:"total"`
}

// Explanation is the penalty explanation plus the lines a loan statement adds, as data;
// Statement.Chinese and Statement.English render it.
type Explanation struct {
	penalty.Explanation
	// Acceleration says what became due on acceleration and why; nil when
	// the loan was not accelerated.
	Acceleration *AccelerationNote `json:"acceleration,omitempty"`
	// Split lists the installments (by ledger number) with anything
	// outstanding, by where their due date lies against as_of.
	Split Split `json:"split"`
	// Payoff shows how the payoff was reached.
	Payoff PayoffNote `json:"payoff"`
}

// AccelerationNote records an acceleration: on Date the installments
// numbered FirstReplaced..LastReplaced of the contract's schedule, which
// were not yet due, became one installment numbered Number due Date, with
// their Principal and the Interest accrued on it since InterestFrom. When
// the trigger was after_days, TriggerInstallment (due TriggerDue) was the
// first still unpaid (Unpaid of principal, interest and fee) AfterDays
// after its due date.
type AccelerationNote struct {
	Date               money.Date   `json:"date"`
	AfterDays          int          `json:"after_days,omitzero"`
	TriggerInstallment int          `json:"trigger_installment,omitzero"`
	TriggerDue         money.Date   `json:"trigger_due,omitzero"`
	Unpaid             money.Amount `json:"unpaid,omitzero"`
	// Number is 0 when nothing was due after Date, so nothing was replaced.
	Number        int           `json:"number,omitzero"`
	FirstReplaced int           `json:"first_replaced,omitzero"`
	LastReplaced  int           `json:"last_replaced,omitzero"`
	Principal     money.Amount  `json:"principal"`
	Interest      money.Amount  `json:"interest"`
	Piece         InterestPiece `json:"piece"`
}

// Split sorts the installments with anything outstanding by due date:
// before as_of (past due), on it (due today) and after it (not yet due).
type Split struct {
	PastDue   []int `json:"past_due"`
	DueToday  []int `json:"due_today"`
	NotYetDue []int `json:"not_yet_due"`
}

// PayoffNote explains the payoff. Pieces cut [From, To) at each date on
// which principal of a later installment was paid; each accrues Balance ×
// annual rate × Days / Basis, shown rounded; AccruedInterest is the
// exact sum rounded once. InterestCredited and FeeCredited were paid
// early on installments not yet due and are given back; FeesCharged are
// the later installments' unpaid fees when remaining_fees is charge.
type PayoffNote struct {
	From              money.Date      `json:"from"`
	To                money.Date      `json:"to"`
	Balance           money.Amount    `json:"balance"` // B(as_of): principal not yet due
	Pieces            []InterestPiece `json:"pieces"`
	AccruedInterest   money.Amount    `json:"accrued_interest"`
	InterestCredited  money.Amount    `json:"interest_credited"`
	FeeCredited       money.Amount    `json:"fee_credited"`
	FeesCharged       money.Amount    `json:"fees_charged"`
	RemainingFees     RemainingFees   `json:"remaining_fees"`
	PrepaymentFee     *PrepaymentFee  `json:"prepayment_fee_rule,omitempty"`
	PrincipalOverpaid money.Amount    `json:"principal_overpaid,omitzero"`
}

// InterestPiece is interest on Balance at AnnualRate for Days (under the
// day count) over Basis days a year, from From to To; Amount is rounded
// for display.
type InterestPiece struct {
	From       money.Date   `json:"from"`
	To         money.Date   `json:"to"`
	Days       int          `json:"days"`
	Balance    money.Amount `json:"balance"`
	AnnualRate money.Rate   `json:"annual_rate"`
	Basis      int64        `json:"basis"`
	Amount     money.Amount `json:"amount"`
}
