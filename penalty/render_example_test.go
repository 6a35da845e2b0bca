package penalty_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Asked for in the account, the statement carries its sentences: 1000
// overdue from 2025-01-16 at 万分之五 a day to 2025-02-01 is 1000 × 0.05 % ×
// 16 = 8.00 of penalty, so 1,008.00 in all.
func ExampleAccrue_explain() {
	s, err := penalty.Accrue(penalty.Account{
		AsOf:         money.MustParseDate("2025-02-01"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-01-16"), Principal: money.MustParse("1000")}},
		Policy:       penalty.Policy{PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily}},
		Explain:      []penalty.Language{penalty.ZH, penalty.EN},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Sentences.ZH[len(s.Sentences.ZH)-1])
	fmt.Println(s.Sentences.EN[len(s.Sentences.EN)-1])
	// Output:
	// 截至 2025-02-01，合计应还 1,008.00 元，其中本金 1,000.00 元、罚息 8.00 元。
	// As of 2025-02-01 the total owed is 1,008.00: principal 1,000.00 and penalty 8.00.
}

// A card's late fee is 违约金: the policy's wording says which word the
// Chinese sentences use. 20.00 fixed, charged the day after the due date.
func ExamplePolicy_wording() {
	s, err := penalty.Accrue(penalty.Account{
		AsOf:         money.MustParseDate("2025-02-01"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-01-16"), Principal: money.MustParse("1000")}},
		Policy: penalty.Policy{LateFee: penalty.LateFee{Kind: penalty.FixedFee, Amount: money.MustParse("20")},
			Wording: penalty.CardWording},
	})
	if err != nil {
		panic(err)
	}
	for _, l := range s.Chinese()[1:] {
		fmt.Println(l)
	}
	// Output:
	// 不计罚息；逾期计收违约金 20.00 元。
	// 第1期（到期日 2025-01-16）：
	//   2025-01-17 计收违约金 20.00 元（固定金额）
	//   违约金合计 20.00；已还 0.00，减免 0.00，未还 20.00
	// 截至 2025-02-01，合计应还 1,020.00 元，其中本金 1,000.00 元、违约金 20.00 元。
}

func ExampleCheckLanguages() {
	fmt.Println(penalty.CheckLanguages("explain", []penalty.Language{penalty.ZH, penalty.EN}))
	fmt.Println(penalty.CheckLanguages("explain", []penalty.Language{penalty.ZH, "fr"}))
	// Output:
	// <nil>
	// explain[1]: must be zh or en, got "fr"
}

// Render calls only the renderers of the languages asked for.
func ExampleRender() {
	s := penalty.Render([]penalty.Language{penalty.EN},
		func() []string { panic("not asked for") },
		func() []string { return []string{"As of …"} })
	fmt.Println(s.ZH == nil, s.EN)
	fmt.Println(penalty.Render(nil, nil, nil) == nil)
	// Output:
	// true [As of …]
	// true
}
