package penalty_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// An installment due on 国庆节 is due on the next working day: penalty,
// the late fee and days past due count from 2025-10-09, and the
// explanation says why.
func ExamplePolicy_EffectiveDueDate() {
	a := penalty.Account{
		AsOf: money.MustParseDate("2025-10-20"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-10-01"),
			Principal: money.MustParse("1000.00")}},
		Payments: []penalty.Payment{{Date: money.MustParseDate("2025-10-09"), Amount: money.MustParse("400.00")}},
		Policy: penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: money.MustParseRate("0.0005"), Unit: penalty.Daily},
			LateFee:     penalty.LateFee{Kind: penalty.FixedFee, Amount: money.MustParse("20")},
			Calendar:    money.Calendar{Preset: money.PresetCN},
		},
	}
	s, err := penalty.Accrue(a)
	if err != nil {
		panic(err)
	}
	b := s.Installments[0]
	fmt.Println(b.DueDate, "→", b.EffectiveDueDate, "penalty", b.Penalty, "late fee", b.LateFee, "days past due", b.DaysPastDue)
	fmt.Println(s.Chinese()[3])
	// Output:
	// 2025-10-01 → 2025-10-09 penalty 3.30 late fee 20.00 days past due 11
	//   还款日 2025-10-01 为国庆节假日，顺延至 2025-10-09
}
