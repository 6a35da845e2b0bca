package book

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Kind is what a line of a book holds: a plain accrual ledger,
// a loan account or a card account.
type Kind uint8

const (
	Accrual Kind = iota
	LoanStatement
	CardStatement
)

// String is the kind's name in the JSON contract: accrual, loan_statement,
// card_statement.
func (k Kind) String() string {
	switch k {
	case Accrual:
		return "accrual"
	case LoanStatement:
		return "loan_statement"
	case CardStatement:
		return "card_statement"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Line is one decoded line of a book: Kind says which account is set.
type Line struct {
	Kind    Kind
	Accrual penalty.Account
	Loan    loan.Account
	Card    card.Account
}

// envelope is a line that names its kind: {"kind": …, "account": {…}}.
type envelope struct {
	Kind    string          `json:"kind" required:"true"`
	Account json.RawMessage `json:"account" required:"true"`
}

// DecodeLine decodes one line of a book strictly. A line is either a bare
// accrual request, the format of every book so far (decoded by
// DecodeAccount, fast path and errors alike), or an object with a "kind"
// key, {"kind": "accrual" | "loan_statement" | "card_statement",
// "account": the request of that kind}, whose errors name the path from
// the line ("account.terms.periods: …").
func DecodeLine(data []byte, l *Line) error {
	var d Decoder
	return d.DecodeLine(data, l)
}

// DecodeLine is the package's DecodeLine.
func (d *Decoder) DecodeLine(data []byte, l *Line) error {
	*l = Line{}
	if d.s.decode(data, &l.Accrual) {
		return nil
	}
	l.Accrual = penalty.Account{}
	if !hasKindKey(data) {
		return money.DecodeJSON(data, &l.Accrual)
	}
	var env envelope
	if err := money.DecodeJSON(data, &env); err != nil {
		return err
	}
	var err error
	switch env.Kind {
	case "accrual":
		l.Kind, err = Accrual, d.DecodeAccount(env.Account, &l.Accrual)
	case "loan_statement":
		l.Kind, err = LoanStatement, money.DecodeJSON(env.Account, &l.Loan)
	case "card_statement":
		l.Kind, err = CardStatement, money.DecodeJSON(env.Account, &l.Card)
	default:
		return money.Errorf("kind", "must be accrual, loan_statement or card_statement, got %q", env.Kind)
	}
	if err != nil {
		*l = Line{}
		return money.Within("account", err)
	}
	return nil
}

// hasKindKey reports whether data is a JSON object with a "kind" key at
// its top level. Only lines the fast path declined get here.
func hasKindKey(data []byte) bool {
	var keys map[string]json.RawMessage
	d := json.NewDecoder(bytes.NewReader(data))
	if d.Decode(&keys) != nil {
		return false
	}
	_, ok := keys["kind"]
	return ok
}

// Result is what one line of a book comes to: its statement (a
// penalty.Statement, loan.Statement or card.Statement, to write as JSON),
// its delinquency bucket, and its figures for the bucket table.
type Result struct {
	Statement any
	Bucket    string
	Totals    BucketTotals
}

// Accrue computes the line's statement as of asOf (zero: the account's own
// as_of) and sums it up for the bucket table (see the package doc for what
// each kind's figures are).
func (l *Line) Accrue(asOf money.Date) (Result, error) {
	switch l.Kind {
	case LoanStatement:
		a := l.Loan
		if !asOf.IsZero() {
			a.AsOf = asOf
		}
		s, err := loan.Accrue(a)
		if err != nil {
			return Result{}, err
		}
		p := s.Payoff
		return Result{Statement: s, Bucket: s.Bucket, Totals: BucketTotals{Accounts: 1,
			Principal: p.Principal, Penalty: p.Penalty, LateFee: p.LateFee, Outstanding: p.Total}}, nil
	case CardStatement:
		a := l.Card
		if !asOf.IsZero() {
			a.AsOf = asOf
		}
		s, err := card.Compute(a)
		if err != nil {
			return Result{}, err
		}
		b := s.Balance
		return Result{Statement: s, Bucket: s.Bucket, Totals: BucketTotals{Accounts: 1,
			Principal: b.Purchases.Add(b.CashAdvances), Penalty: money.Amount{}, LateFee: b.LateFees, Outstanding: s.Payoff}}, nil
	}
	a := l.Accrual
	if !asOf.IsZero() {
		a.AsOf = asOf
	}
	s, err := penalty.Accrue(a)
	if err != nil {
		return Result{}, err
	}
	return Result{Statement: s, Bucket: s.Bucket, Totals: Of(s.Totals)}, nil
}
