package card

import (
	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Statement is what Compute returns: every statement issued up to as_of,
// the account's position as of as_of, and the explanation of every amount.
type Statement struct {
	AsOf            money.Date   `json:"as_of"`
	Statements      []Bill       `json:"statements"`
	Balance         Balance      `json:"balance"`
	AccruedInterest money.Amount `json:"accrued_interest"` // accrued, not yet billed (pending-grace purchases excluded)
	Payoff          money.Amount `json:"payoff"`           // balance total + accrued interest − credit, never below 0
	Credit          money.Amount `json:"credit"`           // paid beyond everything posted (溢缴款)
	DaysPastDue     int          `json:"days_past_due"`
	Bucket          string       `json:"bucket"` // current, M1 … M6, M7+
	Explanation     Explanation  `json:"explanation"`
	// Sentences explains the last statement issued and the position as
	// of as_of (Chinese(0) and English(0)) in the languages the account's
	// Explain asked for; nil when it asked for none.
	Sentences *penalty.Sentences `json:"sentences,omitempty"`
}

// Bill is one monthly statement (账单) as the cardholder receives it.
// NewBalance = PreviousBalance − Payments + Purchases + CashAdvances + Fees
// + Interest; negative is a credit balance.
type Bill struct {
	Number          int          `json:"number"`
	StatementDate   money.Date   `json:"statement_date"` // 账单日
	DueDate         money.Date   `json:"due_date"`       // 到期还款日, moved by the calendar
	PreviousBalance money.Amount `json:"previous_balance"`
	Payments        money.Amount `json:"payments"`
	Purchases       money.Amount `json:"purchases"`
	CashAdvances    money.Amount `json:"cash_advances"`
	Fees            money.Amount `json:"fees"` // incl. cash-advance fees and 违约金
	Interest        money.Amount `json:"interest"`
	NewBalance      money.Amount `json:"new_balance"`
	PastDueMinimum  money.Amount `json:"past_due_minimum"`
	MinimumPayment  money.Amount `json:"minimum_payment"`
	Grace           Grace        `json:"grace"`
}

// Balance is what is outstanding by component; Total is their sum.
// LateFees is the part of Fees that is 违约金, for whoever must tell them
// apart (an offer that waives late fees).
type Balance struct {
	Purchases    money.Amount `json:"purchases"`
	CashAdvances money.Amount `json:"cash_advances"`
	Interest     money.Amount `json:"interest"`
	Fees         money.Amount `json:"fees"`
	Total        money.Amount `json:"total"`
	LateFees     money.Amount `json:"late_fees"` // of Fees
}

// Grace is a statement's interest-free period (免息还款期). The zero Grace
// is Pending.
type Grace uint8

const (
	Pending Grace = iota // DD + grace days not yet past at as_of
	Kept                 // paid in full (within tolerance) in time: its purchases never accrue
	Lost                 // not paid in full: 全额计息 from each purchase's date
)

var graceNames = []string{"pending", "kept", "lost"}

func (g Grace) String() string                { return enum.Name(g, graceNames) }
func (g Grace) MarshalText() ([]byte, error)  { return enum.Text(g, graceNames) }
func (g *Grace) UnmarshalText(b []byte) error { return enum.Parse(b, graceNames, g) }

// Component is a kind of unit, in the order payments pay them within a
// statement: fees, interest, cash advances, purchases.
type Component uint8

const (
	Fees         Component = iota // 手续费, 年费, 违约金
	Interest                      // 循环利息 billed
	CashAdvances                  // 取现
	Purchases                     // 消费
)

const components = 4

var componentNames = []string{"fees", "interest", "cash_advances", "purchases"}

func (c Component) String() string                { return enum.Name(c, componentNames) }
func (c Component) MarshalText() ([]byte, error)  { return enum.Text(c, componentNames) }
func (c *Component) UnmarshalText(b []byte) error { return enum.Parse(b, componentNames, c) }
