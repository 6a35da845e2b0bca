package minimum_test

import (
	"fmt"

	"github.com/repayplan/repayplan/minimum"
	"github.com/repayplan/repayplan/money"
)

func ExamplePolicy_Due() {
	// 10 % of purchases, everything else in full, at least ¥10.
	p := minimum.Policy{Percent: map[string]money.Rate{"purchases": money.MustParseRate("0.1")}, Floor: money.MustParse("10")}
	fmt.Println(p.Due([]string{"purchases", "interest"}, []money.Amount{money.MustParse("900.00"), money.MustParse("27.25")}, money.Rounding{}))
	// Output: 117.25
}
