package loan

import (
	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/schedule"
)

// Account is the loan_statement request: a loan held as its
// contract and a ledger of payments. The schedule of Terms gives the
// installments; Payments, Policy and Waivers are as in a penalty account.
type Account struct {
	Terms    schedule.Terms    `json:"terms" required:"true"`
	AsOf     money.Date        `json:"as_of" required:"true"`
	Payments []penalty.Payment `json:"payments"`
	Policy   penalty.Policy    `json:"policy"`
	// Waivers' installment numbers count the ledger the statement is
	// accrued on: the kept installments, then the accelerated one.
	Waivers []penalty.Waiver `json:"waivers,omitempty"`
	// Accelerate, when set, calls the loan in (提前到期).
	Accelerate *Acceleration `json:"accelerate,omitempty"`
	// PrepaymentFee, when set, is the 提前还款违约金 the payoff charges.
	PrepaymentFee *PrepaymentFee `json:"prepayment_fee,omitempty"`
	// RemainingFees says whether the payoff charges the scheduled fees of
	// installments not yet due (the zero value waives them).
	RemainingFees RemainingFees `json:"remaining_fees,omitzero"`
	// Explain lists the languages the statement's Sentences are rendered
	// in (Statement.Chinese and English); absent, it carries none.
	Explain []penalty.Language `json:"explain,omitempty"`
}

// Acceleration (宣布贷款提前到期) makes every installment due after a date X
// due at X. Exactly one field is set: AfterDays A puts X at the earliest
// D + A over installments due D still unpaid then; On names X.
type Acceleration struct {
	// AfterDays is a pointer so that an explicit 0 is rejected rather than
	// read as absent.
	AfterDays *int       `json:"after_days,omitempty"`
	On        money.Date `json:"on,omitzero"`
}

// PrepaymentFee is a fee for repaying principal early: Percent of the
// principal repaid ahead of schedule, or a fixed Amount. Exactly one is
// set; they are pointers so that an explicit 0 counts as given.
type PrepaymentFee struct {
	Percent *money.Rate   `json:"percent,omitempty"`
	Amount  *money.Amount `json:"amount,omitempty"`
}

// RemainingFees is what the payoff does with the scheduled fees of
// installments not yet due. The zero value is WaiveFees.
type RemainingFees uint8

const (
	// WaiveFees charges no fee for periods not yet begun, and credits back
	// fees already paid on them, like their interest.
	WaiveFees RemainingFees = iota
	// ChargeFees charges the scheduled fees of later installments still
	// unpaid (a card installment's 剩余手续费 collected on early payoff).
	ChargeFees
)

var remainingFeesNames = []string{"waive", "charge"}

func (r RemainingFees) String() string { return enum.Name(r, remainingFeesNames) }

// MarshalText encodes r as "waive" or "charge".
func (r RemainingFees) MarshalText() ([]byte, error) { return enum.Text(r, remainingFeesNames) }

// UnmarshalText decodes "waive" or "charge"; anything else is an error
// listing both.
func (r *RemainingFees) UnmarshalText(b []byte) error {
	return enum.Parse(b, remainingFeesNames, r)
}
