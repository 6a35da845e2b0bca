package money_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
)

// ResultLimit is what a result's amounts must stay below at a rounding:
// 10^(28−places), so the coefficient stays under 10^28 < 2^95, and at most
// 10^27, what Amount.UnmarshalJSON reads back.
func ExampleResultLimit() {
	fmt.Println(money.ResultLimit(2))  // 10^26: cents
	fmt.Println(money.ResultLimit(12)) // 10^16
	fmt.Println(money.ResultLimit(0))  // 10^27, not 10^28: the decoder's bound
	// Output:
	// 100000000000000000000000000
	// 10000000000000000
	// 1000000000000000000000000000
}
