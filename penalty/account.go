package penalty

import "github.com/repayplan/repayplan/money"

// Account is the ledger Accrue reads: the installments due (in due-date
// order, numbered from 1), the payments received, any waivers granted, and
// the policy, as of one date.
type Account struct {
	AsOf         money.Date    `json:"as_of" required:"true"`
	Installments []Installment `json:"installments" required:"true"`
	Payments     []Payment     `json:"payments"`
	Waivers      []Waiver      `json:"waivers,omitempty"`
	Policy       Policy        `json:"policy"`
	// Explain lists the languages the statement's Sentences are rendered
	// in; absent, the statement carries none.
	Explain []Language `json:"explain,omitempty"`
}

// Installment is one amount due on DueDate, as originally billed.
type Installment struct {
	DueDate   money.Date   `json:"due_date" required:"true"`
	Principal money.Amount `json:"principal" required:"true"`
	Interest  money.Amount `json:"interest"`
	Fee       money.Amount `json:"fee"`
}

// Payment is money received on Date. Payments dated after the account's
// AsOf are ignored; payments on the same date apply in the order given.
type Payment struct {
	Date   money.Date   `json:"date" required:"true"`
	Amount money.Amount `json:"amount" required:"true"`
}

// Waiver (减免) forgives part of the penalty, late fee or interest
// outstanding at the start of Date: either Percent of what each targeted
// installment owes of Component (rounded), or Amount spread oldest
// installment first. Installment (1-based) targets one installment; 0
// targets every installment due on or before Date.
type Waiver struct {
	Date        money.Date   `json:"date" required:"true"`
	Component   Component    `json:"component" required:"true"`
	Percent     money.Rate   `json:"percent,omitzero"`
	Amount      money.Amount `json:"amount,omitzero"`
	Installment int          `json:"installment,omitzero"`
}
