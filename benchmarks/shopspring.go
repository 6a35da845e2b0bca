package benchmarks

import (
	"github.com/repayplan/repayplan/money"
	"github.com/shopspring/decimal"
)

// rateDigits is the precision stated for the one division that does not
// terminate, annual/12: the 16 places decimal.Div would use by default,
// written down instead of read from decimal.DivisionPrecision.
const rateDigits = 16

// Shopspring is the equal_installment schedule written the straightforward
// way with github.com/shopspring/decimal: r = annual/12 by DivRound to 16
// places, (1+r)^n by Pow (exact for an integer power), the payment by
// DivRound to cents, each row's interest by Round(2) (half away from zero,
// as SPEC's half_up), the last row repaying the balance.
//
// A term under one month gives an empty schedule. It misrounds an interest
// that is exactly half a cent when annual/12 does not terminate (a balance
// of 60.00 at 4.9 % owes 0.245, which the 16-digit rate makes 0.2449999…):
// see the package doc for how often.
func Shopspring(principal, annual decimal.Decimal, months int, start money.Date) Schedule[decimal.Decimal] {
	if months < 1 {
		return Schedule[decimal.Decimal]{}
	}
	one := decimal.NewFromInt(1)
	n := decimal.NewFromInt(int64(months))
	r := annual.DivRound(decimal.NewFromInt(12), rateDigits)
	var payment decimal.Decimal
	if r.IsZero() {
		payment = principal.DivRound(n, 2)
	} else {
		g := one.Add(r).Pow(n)
		payment = principal.Mul(r).Mul(g).DivRound(g.Sub(one), 2)
	}
	s := Schedule[decimal.Decimal]{Rows: make([]Row[decimal.Decimal], months)}
	dues := start.Months().From(1)
	bal, prev := principal, start
	for i := range s.Rows {
		due := dues.Next()
		interest := bal.Mul(r).Round(2)
		repaid := payment.Sub(interest)
		if i == months-1 {
			repaid = bal
		}
		paid := repaid.Add(interest)
		s.Rows[i] = Row[decimal.Decimal]{Number: i + 1, Due: due, Days: due.Sub(prev),
			Opening: bal, Principal: repaid, Interest: interest, Payment: paid, Closing: bal.Sub(repaid)}
		s.Principal = s.Principal.Add(repaid)
		s.Interest = s.Interest.Add(interest)
		s.Payment = s.Payment.Add(paid)
		bal, prev = bal.Sub(repaid), due
	}
	return s
}
