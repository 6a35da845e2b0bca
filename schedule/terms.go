package schedule

import (
	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
)

// Terms describe a loan: what is lent, at what rate, over how many periods
// and by which method it is repaid. The zero value of every optional field
// is the usual choice: monthly, equal installments, periodic interest,
// act/360, 2 places half up.
type Terms struct {
	Principal  money.Amount `json:"principal" required:"true"`
	AnnualRate money.Rate   `json:"annual_rate" required:"true"`
	Periods    int          `json:"periods" required:"true"`
	Frequency  Frequency    `json:"frequency,omitzero"`
	Method     Method       `json:"method,omitzero"`
	StartDate  money.Date   `json:"start_date" required:"true"`
	// FirstDueDate, when set, anchors the calendar instead of StartDate:
	// period i falls due FirstDueDate + (i−1) periods. An odd first period
	// is priced by its actual days under InterestBasis Daily.
	FirstDueDate  money.Date     `json:"first_due_date,omitzero"`
	InterestBasis InterestBasis  `json:"interest_basis,omitzero"`
	DayCount      money.DayCount `json:"day_count,omitzero"`
	Rounding      money.Rounding `json:"rounding,omitzero"`
	// FeeRate is a fee per period on the original principal, such as a
	// card installment's 手续费.
	FeeRate money.Rate `json:"fee_rate,omitzero"`
	// InstallmentMultiple, when set, rounds the EqualInstallment payment to
	// a multiple of it (with the rounding mode) instead of to the scale.
	InstallmentMultiple money.Amount `json:"installment_multiple,omitzero"`
	Grace               Grace        `json:"grace,omitzero"`
	// Calendar, when given, moves each due date that is not a business day
	// by BusinessDay (following unless said otherwise), each from its
	// unmoved date anchor + i periods. Days, daily interest and
	// the rates follow the moved dates; periodic interest does not change.
	Calendar    money.Calendar    `json:"calendar,omitzero"`
	BusinessDay money.BusinessDay `json:"business_day,omitzero"`
}

// Grace is a number of leading periods that repay no principal.
type Grace struct {
	Periods int       `json:"periods"`
	Kind    GraceKind `json:"kind,omitzero"`
}

// IsZero reports whether there is no grace.
func (g Grace) IsZero() bool { return g.Periods == 0 && g.Kind == 0 }

// Method is how principal and interest are spread over the rows.
type Method uint8

const (
	// EqualInstallment (等额本息): every row pays the same annuity amount.
	EqualInstallment Method = iota
	// EqualPrincipal (等额本金): every row repays the same principal plus
	// interest on what remains, so payments fall.
	EqualPrincipal
	// InterestOnly (先息后本): rows pay interest; the last also repays all
	// principal.
	InterestOnly
	// Bullet (到期一次还本付息): one payment at the end of the term.
	Bullet
	// FlatFee (分期手续费): equal principal plus a fixed fee per row on the
	// original principal, no interest: a card installment.
	FlatFee
)

var methodNames = []string{"equal_installment", "equal_principal", "interest_only", "bullet", "flat_fee"}

func (m Method) String() string { return enum.Name(m, methodNames) }

// MarshalText encodes m as its snake_case name.
func (m Method) MarshalText() ([]byte, error) { return enum.Text(m, methodNames) }

// UnmarshalText decodes a snake_case method name.
func (m *Method) UnmarshalText(b []byte) error {
	return enum.Parse(b, methodNames, m)
}

// Frequency is the spacing of due dates.
type Frequency uint8

const (
	Monthly   Frequency = iota // 12 a year, by calendar month
	Quarterly                  // 4 a year, by 3 calendar months
	Weekly                     // 52 a year, every 7 days
	Biweekly                   // 26 a year, every 14 days
)

var frequencyNames = []string{"monthly", "quarterly", "weekly", "biweekly"}

func (f Frequency) String() string { return enum.Name(f, frequencyNames) }

// MarshalText encodes f as its name.
func (f Frequency) MarshalText() ([]byte, error) {
	return enum.Text(f, frequencyNames)
}

// UnmarshalText decodes a frequency name.
func (f *Frequency) UnmarshalText(b []byte) error {
	return enum.Parse(b, frequencyNames, f)
}

// PerYear returns the number of periods in a year: 12, 4, 52 or 26.
func (f Frequency) PerYear() int64 {
	switch f {
	case Quarterly:
		return 4
	case Weekly:
		return 52
	case Biweekly:
		return 26
	}
	return 12
}

// InterestBasis says how a row's interest is measured.
type InterestBasis uint8

const (
	// Periodic interest is the opening balance × annual rate / periods a year.
	Periodic InterestBasis = iota
	// Daily interest is the opening balance × annual rate × the year
	// fraction of the row's actual dates under the day count.
	Daily
)

var basisNames = []string{"periodic", "daily"}

func (b InterestBasis) String() string { return enum.Name(b, basisNames) }

// MarshalText encodes b as its name.
func (b InterestBasis) MarshalText() ([]byte, error) {
	return enum.Text(b, basisNames)
}

// UnmarshalText decodes an interest basis name.
func (b *InterestBasis) UnmarshalText(t []byte) error {
	return enum.Parse(t, basisNames, b)
}

// GraceKind says what a grace period defers.
type GraceKind uint8

const (
	// GracePrincipal rows pay interest only.
	GracePrincipal GraceKind = iota
	// GraceFull rows pay nothing; their interest is capitalized.
	GraceFull
)

var graceNames = []string{"principal", "full"}

func (k GraceKind) String() string { return enum.Name(k, graceNames) }

// MarshalText encodes k as its name.
func (k GraceKind) MarshalText() ([]byte, error) {
	return enum.Text(k, graceNames)
}

// UnmarshalText decodes a grace kind name.
func (k *GraceKind) UnmarshalText(b []byte) error {
	return enum.Parse(b, graceNames, k)
}
