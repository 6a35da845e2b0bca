package benchmarks

import (
	"errors"

	"github.com/govalues/decimal"
	"github.com/repayplan/repayplan/money"
)

// Govalues is the equal_installment schedule written with
// github.com/govalues/decimal, whose values are 19-digit decimals on a
// uint64 and whose every operation reports overflow: r = annual/12 by Quo
// (rounded to 19 digits), (1+r)^n by PowInt, the payment by Quo and
// Round(2), each row's interest by Mul and Round(2). govalues rounds half to
// even and has no half-up mode, so an interest or payment that is exactly
// half a cent goes to the even cent where SPEC's half_up goes up.
func Govalues(principal, annual decimal.Decimal, months int, start money.Date) (Schedule[decimal.Decimal], error) {
	// Every operation can fail; keep the first error and check it once
	// per row instead of after each of the dozen calls.
	var err error
	must := func(d decimal.Decimal, e error) decimal.Decimal {
		if err == nil {
			err = e
		}
		return d
	}
	if months < 1 {
		return Schedule[decimal.Decimal]{}, errors.New("benchmarks: a schedule needs at least one month")
	}
	one := decimal.One
	r := must(annual.Quo(decimal.MustNew(12, 0)))
	var payment decimal.Decimal
	if r.IsZero() {
		payment = must(principal.Quo(must(decimal.New(int64(months), 0)))).Round(2)
	} else {
		g := must(must(one.Add(r)).PowInt(months))
		payment = must(must(must(principal.Mul(r)).Mul(g)).Quo(must(g.Sub(one)))).Round(2)
	}
	if err != nil {
		return Schedule[decimal.Decimal]{}, err
	}
	s := Schedule[decimal.Decimal]{Rows: make([]Row[decimal.Decimal], months)}
	dues := start.Months().From(1)
	bal, prev := principal, start
	for i := range s.Rows {
		due := dues.Next()
		interest := must(bal.Mul(r)).Round(2)
		repaid := must(payment.Sub(interest))
		if i == months-1 {
			repaid = bal
		}
		paid := must(repaid.Add(interest))
		closing := must(bal.Sub(repaid))
		s.Rows[i] = Row[decimal.Decimal]{Number: i + 1, Due: due, Days: due.Sub(prev),
			Opening: bal, Principal: repaid, Interest: interest, Payment: paid, Closing: closing}
		s.Principal = must(s.Principal.Add(repaid))
		s.Interest = must(s.Interest.Add(interest))
		s.Payment = must(s.Payment.Add(paid))
		if err != nil {
			return Schedule[decimal.Decimal]{}, err
		}
		bal, prev = closing, due
	}
	return s, nil
}
