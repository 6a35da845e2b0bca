package plan

import (
	"github.com/repayplan/repayplan/internal/enum"
)

// Option is a kind of way out an offer proposes. Options are listed, and
// ties in cost are broken, in this order.
type Option uint8

const (
	// SettlementOption (一次性结清) pays the account off today, with a
	// discount.
	SettlementOption Option = iota
	// InterestFrozen (停息挂账) repays the balance interest free, with the
	// penalty and late fee waived.
	InterestFrozen
	// InstallmentOption (个性化分期) repays the balance in monthly
	// installments priced by the policy.
	InstallmentOption
	// DeferralOption (延期还款) pays nothing for a few months, then repays
	// in installments.
	DeferralOption
	// MinimumOption (最低还款) pays the card's minimum every month.
	MinimumOption
)

var optionNames = []string{"settlement", "interest_frozen", "installment", "deferral", "minimum_payment"}

func (o Option) String() string { return enum.Name(o, optionNames) }

// MarshalText encodes o as its snake_case name.
func (o Option) MarshalText() ([]byte, error) { return enum.Text(o, optionNames) }

// UnmarshalText decodes a snake_case name.
func (o *Option) UnmarshalText(b []byte) error { return enum.Parse(b, optionNames, o) }

// Reason is why an offer does not fit.
type Reason uint8

const (
	// OverAffordable: some payment is more than the customer can afford.
	OverAffordable Reason = iota
	// OverAPRCap: the annualized rate is above the cap.
	OverAPRCap
	// OverTermLimit: it takes more payments than the longest term allowed.
	OverTermLimit
	// Infeasible: the plan cannot be built at all (Offer.Note says why),
	// such as a minimum payment that never repays the balance.
	Infeasible
)

var reasonNames = []string{"over_affordable_payment", "over_apr_cap", "over_term_limit", "infeasible"}

func (r Reason) String() string { return enum.Name(r, reasonNames) }

// MarshalText encodes r as its snake_case name.
func (r Reason) MarshalText() ([]byte, error) { return enum.Text(r, reasonNames) }

// UnmarshalText decodes a snake_case name.
func (r *Reason) UnmarshalText(b []byte) error { return enum.Parse(b, reasonNames, r) }
