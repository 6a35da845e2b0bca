package plan

import "github.com/repayplan/repayplan/money"

// Outstanding is what an account owes, by component: the five components a
// penalty statement totals. Each is a non-negative amount in whole minor
// units.
type Outstanding struct {
	Principal money.Amount `json:"principal"` // 本金
	Interest  money.Amount `json:"interest"`  // 利息
	Fee       money.Amount `json:"fee"`       // 手续费 / 年费
	Penalty   money.Amount `json:"penalty"`   // 罚息
	LateFee   money.Amount `json:"late_fee"`  // 滞纳金 / 违约金
}

// IsZero reports whether every component is zero.
func (o Outstanding) IsZero() bool {
	for _, c := range o.components() {
		if !c.amount.IsZero() {
			return false
		}
	}
	return true
}

// Sum returns the sum of the components. It settles the account today
// only when the components are what is owed today, as OutstandingOfLoan's
// are; OutstandingOf a statement also counts installments not yet due.
func (o Outstanding) Sum() money.Amount {
	return o.Principal.Add(o.Interest).Add(o.Fee).Add(o.Penalty).Add(o.LateFee)
}

// Sub returns o − x, component by component.
func (o Outstanding) Sub(x Outstanding) Outstanding {
	return Outstanding{
		Principal: o.Principal.Sub(x.Principal),
		Interest:  o.Interest.Sub(x.Interest),
		Fee:       o.Fee.Sub(x.Fee),
		Penalty:   o.Penalty.Sub(x.Penalty),
		LateFee:   o.LateFee.Sub(x.LateFee),
	}
}

// Of returns round(component × fraction) for each component: the part of o
// a waiver forgives or a settlement discounts.
func (o Outstanding) Of(f Fractions, rnd money.Rounding) Outstanding {
	part := func(a money.Amount, r money.Rate) money.Amount { return a.MulRatio(r.Ratio(), rnd) }
	return Outstanding{
		Principal: part(o.Principal, f.Principal),
		Interest:  part(o.Interest, f.Interest),
		Fee:       part(o.Fee, f.Fee),
		Penalty:   part(o.Penalty, f.Penalty),
		LateFee:   part(o.LateFee, f.LateFee),
	}
}

// round writes every component with rnd's places, so output reads alike.
func (o Outstanding) round(rnd money.Rounding) Outstanding {
	return Outstanding{
		Principal: o.Principal.Round(rnd),
		Interest:  o.Interest.Round(rnd),
		Fee:       o.Fee.Round(rnd),
		Penalty:   o.Penalty.Round(rnd),
		LateFee:   o.LateFee.Round(rnd),
	}
}

// check validates each component under field.
func (o Outstanding) check(field string, rnd money.Rounding) error {
	for _, c := range o.components() {
		if err := checkMoney(c.name, c.amount, rnd); err != nil {
			return money.Within(field, err) // the path built only for an error
		}
	}
	return nil
}

type namedAmount struct {
	name   string
	amount money.Amount
}

func (o Outstanding) components() [5]namedAmount {
	return [5]namedAmount{
		{"principal", o.Principal}, {"interest", o.Interest}, {"fee", o.Fee},
		{"penalty", o.Penalty}, {"late_fee", o.LateFee},
	}
}

// Fractions are a fraction (0 to 1) of each component: how much of it a
// waiver (减免) forgives or a settlement discounts. The zero Fractions
// forgive nothing.
type Fractions struct {
	Principal money.Rate `json:"principal,omitzero"`
	Interest  money.Rate `json:"interest,omitzero"`
	Fee       money.Rate `json:"fee,omitzero"`
	Penalty   money.Rate `json:"penalty,omitzero"`
	LateFee   money.Rate `json:"late_fee,omitzero"`
}

func (f Fractions) check(field string) error {
	for _, c := range []struct {
		name string
		r    money.Rate
	}{{"principal", f.Principal}, {"interest", f.Interest}, {"fee", f.Fee}, {"penalty", f.Penalty}, {"late_fee", f.LateFee}} {
		if err := checkFraction(c.name, c.r); err != nil {
			return money.Within(field, err)
		}
	}
	return nil
}

// Relief is what a waiver forgives or a settlement discounts, per
// component, with its total.
type Relief struct {
	Outstanding
	Total money.Amount `json:"total"`
}

func newRelief(o Outstanding, rnd money.Rounding) Relief {
	o = o.round(rnd)
	return Relief{Outstanding: o, Total: o.Sum().Round(rnd)}
}
