package card_test

import (
	"fmt"

	"github.com/repayplan/repayplan/card"
	"github.com/repayplan/repayplan/penalty"
)

// Asked for in the account, the statement carries the sentences of its
// last statement and the position: the textbook's 1,000.00 purchase less
// the 100.00 paid leaves 900.00, plus the 27.25 of interest billed on
// 05-05 (see ExampleCompute), so 927.25.
func ExampleCompute_explain() {
	a := textbook("2025-05-05")
	a.Explain = []penalty.Language{penalty.ZH}
	s, err := card.Compute(a)
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Sentences.EN == nil)
	fmt.Println(s.Sentences.ZH[len(s.Sentences.ZH)-1])
	// Output:
	// true
	// 截至 2025-05-05：欠款 927.25 元（消费 900.00 元、循环利息 27.25 元），今日全部结清需还 927.25 元；未逾期。
}
