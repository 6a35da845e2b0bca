package benchmarks

import (
	"math"

	"github.com/repayplan/repayplan/money"
)

// Float64 is the equal_installment schedule in float64, the library's own
// baseline arithmetic (schedule/bench_test.go): the payment by math.Pow
// rounded to cents, each row's interest rounded to cents by math.Round, the
// balance carried as a float64; a term under one month gives an empty
// schedule. It misrounds where a binary approximation
// of a half cent, or of a payment near one, falls on the wrong side.
func Float64(principal, annual float64, months int, start money.Date) Schedule[float64] {
	if months < 1 {
		return Schedule[float64]{}
	}
	r := annual / 12
	payment := math.Round(principal/float64(months)*100) / 100
	if r != 0 {
		g := math.Pow(1+r, float64(months))
		payment = math.Round(principal*r*g/(g-1)*100) / 100
	}
	s := Schedule[float64]{Rows: make([]Row[float64], months)}
	dues := start.Months().From(1)
	bal, prev := principal, start
	for i := range s.Rows {
		due := dues.Next()
		interest := math.Round(bal*r*100) / 100
		repaid := payment - interest
		if i == months-1 {
			repaid = bal
		}
		s.Rows[i] = Row[float64]{Number: i + 1, Due: due, Days: due.Sub(prev),
			Opening: bal, Principal: repaid, Interest: interest, Payment: repaid + interest, Closing: bal - repaid}
		s.Principal += repaid
		s.Interest += interest
		s.Payment += repaid + interest
		bal, prev = bal-repaid, due
	}
	return s
}
