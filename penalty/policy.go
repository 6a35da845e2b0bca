package penalty

import (
	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
)

// Policy is how an account accrues penalty interest and late fees and how
// payments are allocated. The zero Policy is the defaults: no penalty
// rate, penalty on principal, no grace, no late fee, no stop, no cap,
// segment rounding, allocation penalty → late fee → fee → interest →
// principal by installment, amounts rounded half up to 2 places.
type Policy struct {
	PenaltyRate     PenaltyRate     `json:"penalty_rate"`
	Base            Base            `json:"base"`
	GraceDays       int             `json:"grace_days"`
	GraceMode       GraceMode       `json:"grace_mode"`
	LateFee         LateFee         `json:"late_fee"`
	StopAfterDays   int             `json:"stop_after_days,omitzero"` // 0: never stops
	Cap             *money.Rate     `json:"cap,omitempty"`            // nil: no cap; a pointer because a cap of 0 is a real cap
	AccrualRounding AccrualRounding `json:"accrual_rounding"`
	Allocation      []Component     `json:"allocation,omitempty"` // nil: penalty, late_fee, fee, interest, principal
	AllocationScope AllocationScope `json:"allocation_scope"`
	Rounding        money.Rounding  `json:"rounding"`
	// Calendar, when given, moves each installment's due date that is not
	// a business day by BusinessDay (following unless said otherwise)
	// before anything else: accrual, grace, late fee, stop and days past
	// due all count from the moved date.
	Calendar    money.Calendar    `json:"calendar,omitzero"`
	BusinessDay money.BusinessDay `json:"business_day,omitzero"`
	// Wording chooses the terms the Chinese sentences use: a loan's
	// 滞纳金 (the default) or a card's 违约金 for the late fee.
	Wording Wording `json:"wording,omitzero"`
}

// moves reports whether the policy's calendar moves due dates at all.
func (p Policy) moves() bool { return !p.Calendar.IsZero() && p.BusinessDay != money.Unadjusted }

// EffectiveDueDate returns the date an installment due on d is due under
// p: d moved to a business day by the policy's calendar, or d itself.
func (p Policy) EffectiveDueDate(d money.Date) money.Date {
	if !p.moves() {
		return d
	}
	return p.Calendar.Move(d, p.BusinessDay)
}

// PenaltyRate is the penalty (罚息) rate: Rate per Unit, converted to a daily
// rate with the basis of DayCount, then raised by Markup (0.5 = +50 %).
type PenaltyRate struct {
	Rate     money.Rate     `json:"rate" required:"true"`
	Unit     Unit           `json:"unit"`
	DayCount money.DayCount `json:"day_count"`
	Markup   money.Rate     `json:"markup"`
}

// LateFee is the late fee (滞纳金 / 违约金) assessed once per installment.
// Percent fees are Rate × the unpaid principal+interest+fee, rounded, then
// raised to Min and lowered to Max (a zero Max means no maximum).
type LateFee struct {
	Kind   LateFeeKind  `json:"kind" required:"true"`
	Amount money.Amount `json:"amount,omitzero"`
	Rate   money.Rate   `json:"rate,omitzero"`
	Min    money.Amount `json:"min,omitzero"`
	Max    money.Amount `json:"max,omitzero"`
}

// Unit is the period a penalty rate is quoted for. The zero Unit is Annual.
type Unit uint8

const (
	Annual  Unit = iota // 年利率: daily = rate / basis
	Monthly             // 月利率: daily = rate × 12 / basis
	Daily               // 日利率: used as is
)

var unitNames = []string{"annual", "monthly", "daily"}

func (u Unit) String() string                { return enum.Name(u, unitNames) }
func (u Unit) MarshalText() ([]byte, error)  { return enum.Text(u, unitNames) }
func (u *Unit) UnmarshalText(b []byte) error { return enum.Parse(b, unitNames, u) }

// Base is what penalty accrues on. The zero Base is Principal.
type Base uint8

const (
	Principal            Base = iota // overdue principal (罚息)
	PrincipalAndInterest             // overdue principal and interest (罚息 + 复利)
)

var baseNames = []string{"principal", "principal_and_interest"}

func (b Base) String() string                { return enum.Name(b, baseNames) }
func (b Base) MarshalText() ([]byte, error)  { return enum.Text(b, baseNames) }
func (b *Base) UnmarshalText(t []byte) error { return enum.Parse(t, baseNames, b) }

// GraceMode is what a grace period (宽限期) does. The zero GraceMode is Forgive.
type GraceMode uint8

const (
	// Forgive accrues from the due date, but contingently: dropped if the
	// installment is paid by the end of the grace.
	Forgive GraceMode = iota
	// Defer starts accrual only after the grace days.
	Defer
)

var graceNames = []string{"forgive", "defer"}

func (g GraceMode) String() string                { return enum.Name(g, graceNames) }
func (g GraceMode) MarshalText() ([]byte, error)  { return enum.Text(g, graceNames) }
func (g *GraceMode) UnmarshalText(b []byte) error { return enum.Parse(b, graceNames, g) }

// LateFeeKind selects the late-fee rule. The zero LateFeeKind is NoLateFee.
type LateFeeKind uint8

const (
	NoLateFee  LateFeeKind = iota
	FixedFee               // a fixed amount
	PercentFee             // a fraction of the unpaid principal+interest+fee
)

var lateFeeNames = []string{"none", "fixed", "percent"}

func (k LateFeeKind) String() string                { return enum.Name(k, lateFeeNames) }
func (k LateFeeKind) MarshalText() ([]byte, error)  { return enum.Text(k, lateFeeNames) }
func (k *LateFeeKind) UnmarshalText(b []byte) error { return enum.Parse(b, lateFeeNames, k) }

// AccrualRounding is where a segment's amount is rounded. The zero value is
// PerSegment.
type AccrualRounding uint8

const (
	PerSegment AccrualRounding = iota // round(base × rate × days)
	PerDay                            // days × round(base × rate)
)

var accrualRoundingNames = []string{"segment", "daily"}

func (a AccrualRounding) String() string { return enum.Name(a, accrualRoundingNames) }
func (a AccrualRounding) MarshalText() ([]byte, error) {
	return enum.Text(a, accrualRoundingNames)
}
func (a *AccrualRounding) UnmarshalText(b []byte) error {
	return enum.Parse(b, accrualRoundingNames, a)
}

// Component is one part of what an installment owes.
type Component uint8

const (
	PenaltyComponent   Component = iota // 罚息
	LateFeeComponent                    // 滞纳金
	FeeComponent                        // 手续费
	InterestComponent                   // 利息
	PrincipalComponent                  // 本金
)

// defaultAllocation is the order payments pay components in when the
// policy names none.
var defaultAllocation = []Component{PenaltyComponent, LateFeeComponent, FeeComponent, InterestComponent, PrincipalComponent}

var componentNames = []string{"penalty", "late_fee", "fee", "interest", "principal"}

func (c Component) String() string                { return enum.Name(c, componentNames) }
func (c Component) MarshalText() ([]byte, error)  { return enum.Text(c, componentNames) }
func (c *Component) UnmarshalText(b []byte) error { return enum.Parse(b, componentNames, c) }

// AllocationScope is how a payment walks installments and components. The
// zero value is ByInstallment.
type AllocationScope uint8

const (
	// ByInstallment finishes the oldest installment, component by
	// component, before the next (vertical allocation).
	ByInstallment AllocationScope = iota
	// ByComponent pays one component across all installments, oldest
	// first, before the next component (horizontal allocation).
	ByComponent
)

var scopeNames = []string{"installment", "component"}

func (s AllocationScope) String() string                { return enum.Name(s, scopeNames) }
func (s AllocationScope) MarshalText() ([]byte, error)  { return enum.Text(s, scopeNames) }
func (s *AllocationScope) UnmarshalText(b []byte) error { return enum.Parse(b, scopeNames, s) }

// allocation returns the component order in force.
func (p Policy) allocation() []Component {
	if p.Allocation == nil {
		return defaultAllocation
	}
	return p.Allocation
}
