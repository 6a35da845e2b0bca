package money_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
)

// An amount as it is read aloud, with thousands separators.
func ExampleAmount_Grouped() {
	fmt.Println(money.MustParse("1050.00").Grouped())
	fmt.Println(money.MustParse("-27496.01").Grouped())
	// Output:
	// 1,050.00
	// -27,496.01
}
