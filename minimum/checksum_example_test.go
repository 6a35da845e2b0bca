package minimum_test

import (
	"fmt"

	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

// CheckSum rejects balances whose sum a result could not hold: forty
// balances of 10^15 come to 4 × 10^16, fine in cents (below 10^26) but
// beyond the 10^16 an amount holds at 12 places.
func ExampleCheckSum() {
	balances := make([]money.Amount, 40)
	for i := range balances {
		balances[i] = money.New(1, -15)
	}
	fmt.Println(minimum.CheckSum("balances", balances, money.Rounding{}))
	fmt.Println(minimum.CheckSum("balances", balances, money.NewRounding(12, money.HalfUp)))
	// Output:
	// <nil>
	// balances: add up to 40000000000000000, beyond the 10^16 a result can hold at 12 decimal places (rounding.places)
}
