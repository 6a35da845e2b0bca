package schedule

import "github.com/repayplan/repayplan/money"

// Annuity returns the level payment that repays balance over periods
// payments at the exact periodic rate: balance·r·(1+r)^n / ((1+r)^n − 1)
// (balance/n when r = 0), rounded once by rnd. It is the payment of an
// equal_installment schedule, for callers that price a balance without a
// whole schedule, such as the 36-cycle payment a US card statement
// discloses. periods must be at least 1.
func Annuity(balance money.Amount, periodic money.Ratio, periods int, rnd money.Rounding) money.Amount {
	if periods < 1 {
		periods = 1
	}
	return annuity(balance, periodic, periods, rnd, money.Amount{})
}
