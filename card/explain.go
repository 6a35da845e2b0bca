package card

import (
	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Explanation is the itemized account of a card, as data: every unit
// posted, every interest segment billed (and those accrued but not yet
// billed), every grace decision, every 违约金 and every payment's
// allocation. The Chinese and English sentences are rendered from it. A
// statement's Interest is the sum of the segments billed on it, exactly.
type Explanation struct {
	Units    []Unit               `json:"units"`
	Segments []Segment            `json:"segments"` // billed, by statement
	Accrued  []Segment            `json:"accrued"`  // accrued at as_of, not yet billed (Statement 0)
	Graces   []GraceDecision      `json:"graces"`
	LateFees []LateFeeCharge      `json:"late_fees"`
	Payments []PaymentApplication `json:"payments"`
	Credits  []CreditUse          `json:"credits"` // credit balance paying units as they post
}

// Unit is one posted amount that is owed on its own: a purchase, a cash
// advance, a fee (incl. cash-advance fees and 违约金) or one statement's
// billed interest. ID numbers units from 1 in posting order; Statement is
// the statement that bills it.
type Unit struct {
	ID        int          `json:"id"`
	Component Component    `json:"component"`
	Date      money.Date   `json:"date"`
	Amount    money.Amount `json:"amount"`
	Statement int          `json:"statement"`
	Kind      UnitKind     `json:"kind"`
}

// UnitKind says what a unit was posted for. The zero UnitKind is
// PurchaseUnit.
type UnitKind uint8

const (
	PurchaseUnit       UnitKind = iota // 消费
	CashAdvanceUnit                    // 取现
	CashAdvanceFeeUnit                 // 取现手续费
	FeeUnit                            // 年费 and other fees
	LateFeeUnit                        // 违约金
	InterestUnit                       // 循环利息 billed on a statement
)

var unitKindNames = []string{"purchase", "cash_advance", "cash_advance_fee", "fee", "late_fee", "interest"}

func (k UnitKind) String() string                { return enum.Name(k, unitKindNames) }
func (k UnitKind) MarshalText() ([]byte, error)  { return enum.Text(k, unitKindNames) }
func (k *UnitKind) UnmarshalText(b []byte) error { return enum.Parse(b, unitKindNames, k) }

// Segment is one unit's interest between consecutive changes of its
// outstanding amount and the statement dates that bill it: Days = To −
// From on Base at the daily Rate, Amount = round(Base × Rate × Days).
// Statement is the statement that billed it (0: accrued, not yet billed).
type Segment struct {
	Statement int          `json:"statement"`
	Unit      int          `json:"unit"`
	Component Component    `json:"component"`
	From      money.Date   `json:"from"`
	To        money.Date   `json:"to"`
	Days      int          `json:"days"`
	Base      money.Amount `json:"base"`
	Rate      money.Rate   `json:"rate"`
	Amount    money.Amount `json:"amount"`
}

// GraceDecision is why a statement kept or lost its interest-free period:
// Paid is what was paid from its statement date through Deadline (due date
// + grace days), against NewBalance less Tolerance. A statement whose
// deadline has not passed at as_of is listed as Pending with what has been
// paid so far.
type GraceDecision struct {
	Statement  int          `json:"statement"`
	Deadline   money.Date   `json:"deadline"`
	NewBalance money.Amount `json:"new_balance"`
	Paid       money.Amount `json:"paid"`
	Tolerance  money.Amount `json:"tolerance"`
	Grace      Grace        `json:"grace"`
}

// LateFeeCharge is one 违约金: on Date (the day after statement's due date +
// grace days) Rule applied to the Unpaid minimum (what remained of every
// minimum due by that due date) gave Amount.
type LateFeeCharge struct {
	Statement int             `json:"statement"`
	Date      money.Date      `json:"date"`
	Unpaid    money.Amount    `json:"unpaid"`
	Rule      penalty.LateFee `json:"rule"`
	Amount    money.Amount    `json:"amount"`
	Unit      int             `json:"unit"`
}

// PaymentApplication is one payment and where it went: the units it paid,
// the minimums (obligations) it settled, and what was left as credit.
type PaymentApplication struct {
	Date        money.Date    `json:"date"`
	Amount      money.Amount  `json:"amount"`
	Allocations []Allocation  `json:"allocations"`
	Minimums    []MinimumPaid `json:"minimums"`
	Credit      money.Amount  `json:"credit"`
}

// Allocation is an amount applied to one unit.
type Allocation struct {
	Statement int          `json:"statement"`
	Unit      int          `json:"unit"`
	Component Component    `json:"component"`
	Amount    money.Amount `json:"amount"`
}

// MinimumPaid is the part of a payment that settled statement's minimum.
type MinimumPaid struct {
	Statement int          `json:"statement"`
	Amount    money.Amount `json:"amount"`
}

// CreditUse is a credit balance paying a unit on the day it posts.
type CreditUse struct {
	Date money.Date `json:"date"`
	Allocation
}

// nonNil returns x with every list non-nil, so JSON shows [] rather than
// null for an empty list.
func (e *engine) nonNil() Explanation {
	x := e.x
	x.Units = orEmpty(x.Units)
	x.Segments = orEmpty(x.Segments)
	x.Accrued = orEmpty(x.Accrued)
	x.Graces = orEmpty(x.Graces)
	x.LateFees = orEmpty(x.LateFees)
	x.Payments = orEmpty(x.Payments)
	x.Credits = orEmpty(x.Credits)
	for i := range x.Payments {
		x.Payments[i].Allocations = orEmpty(x.Payments[i].Allocations)
		x.Payments[i].Minimums = orEmpty(x.Payments[i].Minimums)
	}
	return x
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
