package card

import (
	"slices"

	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Account is the card_statement request: a card opened on
// OpenDate, its dated transactions, and the issuer's rules, to be billed
// up to AsOf.
type Account struct {
	OpenDate     money.Date     `json:"open_date" required:"true"`
	AsOf         money.Date     `json:"as_of" required:"true"`
	Cycle        Cycle          `json:"cycle" required:"true"`
	Transactions []Transaction  `json:"transactions"`
	Policy       Policy         `json:"policy" required:"true"`
	Rounding     money.Rounding `json:"rounding,omitzero"`
	// Explain lists the languages the statement's Sentences are rendered
	// in; absent, it carries none.
	Explain []penalty.Language `json:"explain,omitempty"`
}

// Cycle fixes the statement dates (账单日) and due dates (到期还款日):
// statements on StatementDay of each month (clamped to month end), each
// due DueAfterDays days later.
type Cycle struct {
	StatementDay int `json:"statement_day" required:"true"`  // 1..31
	DueAfterDays int `json:"due_after_days" required:"true"` // 1..27
}

// Transaction is one posting on the card. Amount is always positive; Kind
// says which way it moves the balance.
type Transaction struct {
	Date   money.Date   `json:"date" required:"true"`
	Kind   Kind         `json:"kind" required:"true"`
	Amount money.Amount `json:"amount" required:"true"`
}

// Kind is what a transaction is. The zero Kind is Purchase.
type Kind uint8

const (
	Purchase    Kind = iota // 消费
	CashAdvance             // 取现
	Fee                     // 年费 and other fees
	Payment                 // 还款
)

var kindNames = []string{"purchase", "cash_advance", "fee", "payment"}

func (k Kind) String() string                { return enum.Name(k, kindNames) }
func (k Kind) MarshalText() ([]byte, error)  { return enum.Text(k, kindNames) }
func (k *Kind) UnmarshalText(b []byte) error { return enum.Parse(b, kindNames, k) }

// Policy is the issuer's pricing and delinquency rules. Nil rates take
// the defaults (a pointer because a zero rate is a real rate).
type Policy struct {
	DailyRate            *money.Rate       `json:"daily_rate,omitempty"`              // nil: 0.0005 (日息万分之五)
	CashAdvanceDailyRate *money.Rate       `json:"cash_advance_daily_rate,omitempty"` // nil: DailyRate
	CashAdvanceFee       CashAdvanceFee    `json:"cash_advance_fee,omitzero"`
	Minimum              *minimum.Policy   `json:"minimum" required:"true"` // required
	LateFee              penalty.LateFee   `json:"late_fee,omitzero"`
	GraceDays            int               `json:"grace_days,omitzero"` // 0..365
	Tolerance            money.Amount      `json:"tolerance,omitzero"`
	Calendar             money.Calendar    `json:"calendar,omitzero"`
	BusinessDay          money.BusinessDay `json:"business_day,omitzero"`
}

// CashAdvanceFee is the fee on each cash advance (取现手续费):
// round(Rate × amount), raised to Min, cut to Max (a zero Max is no
// maximum).
type CashAdvanceFee struct {
	Rate money.Rate   `json:"rate,omitzero"`
	Min  money.Amount `json:"min,omitzero"`
	Max  money.Amount `json:"max,omitzero"`
}

// MinimumNames returns the balances a card's minimum policy may name, in
// the order the engine passes them.
func MinimumNames() []string {
	names := minimumNames()
	return names[:]
}

// minimumNames is MinimumNames as an array, which callers keep on their
// stack.
func minimumNames() [5]string {
	return [...]string{"purchases", "cash_advances", "interest", "fees", "past_due_minimum"}
}

// DefaultDailyRate is the default daily rate, 万分之五.
func DefaultDailyRate() money.Rate { return money.NewRate(5, 4) }

func (p Policy) dailyRate() money.Rate {
	if p.DailyRate == nil {
		return DefaultDailyRate()
	}
	return *p.DailyRate
}

func (p Policy) cashRate() money.Rate {
	if p.CashAdvanceDailyRate == nil {
		return p.dailyRate()
	}
	return *p.CashAdvanceDailyRate
}

// charge is the fee on a cash advance of a.
func (f CashAdvanceFee) charge(a money.Amount, r money.Rounding) money.Amount {
	fee := a.MulRatio(f.Rate.Ratio(), r)
	fee = money.Max(fee, f.Min)
	if f.Max.IsPositive() {
		fee = money.Min(fee, f.Max)
	}
	return fee.Round(r)
}

// Sorted returns a copy of ts in date order, keeping the input order of
// same-date transactions (which are applied in that order).
func Sorted(ts []Transaction) []Transaction {
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b Transaction) int { return a.Date.Compare(b.Date) })
	return out
}
