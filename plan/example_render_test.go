package plan_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
	"github.com/repayplan/repayplan/plan"
)

// offerRequest is a small overdue card account: 12,000.00 of principal,
// 300.00 of penalty and 100.00 of late fee, 1,200.00 a month affordable,
// APR cap 24 %; the example policy offers 12 months of interest-frozen or
// priced installments, no deferral.
func offerRequest() plan.OfferRequest {
	p := plan.CNCardPolicy()
	p.Terms, p.DeferralMonths = []int{12}, []int{}
	return plan.OfferRequest{
		Outstanding: plan.Outstanding{Principal: money.MustParse("12000"), Penalty: money.MustParse("300"),
			LateFee: money.MustParse("100")},
		StartDate:         money.MustParseDate("2025-06-20"),
		AffordablePayment: money.MustParse("1200"),
		Limits:            plan.Limits{APRCap: money.MustParseRate("0.24")},
		Policy:            &p,
	}
}

// 停息挂账 waives the 300 + 100 and repays 12,000 in 12 × 1,000 at 0 %:
// total cost 12,000 − 12,000 = 0. 个性化分期 finances all 12,400 at a fee
// of 0.6 % a month, round(12,400 × 0.006) = 74.40 a month: principal
// 1,033.33 × 11 and 12,400 − 11 × 1,033.33 = 1,033.37 last, so at most
// 1,033.37 + 74.40 = 1,107.77 and 12,400 + 12 × 74.40 = 13,292.80 in all.
// The settlement (all penalty and late fee forgiven) is 12,000 today, and
// paying the minimum starts at 10 % × 12,400 + the month's interest
// round(12,400 × 0.18 / 12) = 186, so 1,426: both above 1,200.
func ExampleOfferSet_Chinese() {
	set, err := plan.Offers(offerRequest())
	if err != nil {
		panic(err)
	}
	for _, l := range set.Chinese() {
		fmt.Println(l)
	}
	// Output:
	// 客户每月可还 1,200.00 元，目前共欠 12,400.00 元；方案年化利率不超过 24%，最长 60 期。共 4 个方案，符合条件的有 2 个，按总成本从低到高排列。
	// 总成本是总还款减去欠款本金 12,000.00 元；每月还款按各期最高额计；年化利率按实际还款现金流计算（IRR × 12）。
	// 第1名：停息挂账，每月还 1,000.00 元，共 12 期，总还款 12,000.00 元，减免 400.00 元，总成本 0.00 元，年化利率 0%。
	// 第2名：个性化分期，每月最多还 1,107.77 元，共 12 期，总还款 13,292.80 元，总成本 1,292.80 元，年化利率约 13.03%。
	// 不可行：一次性结清，今天（2025-06-20）一次还清 12,000.00 元，超出客户的还款能力（12,000.00 元 > 1,200.00 元）。
	// 不可行：最低还款，每月只还最低还款额，首月 1,426.00 元，之后逐月减少，共 57 期，超出客户的还款能力（1,426.00 元 > 1,200.00 元）。
	// 建议：停息挂账 12 期，每月还 1,000.00 元，共 12 期，总还款 12,000.00 元，比目前全部欠款 12,400.00 元少付 400.00 元。
}

func ExampleOfferSet_English() {
	set, err := plan.Offers(offerRequest())
	if err != nil {
		panic(err)
	}
	for _, l := range set.English() {
		fmt.Println(l)
	}
	// Output:
	// The customer can pay 1,200.00 a month and owes 12,400.00 in all; a plan may have an APR of at most 24% and at most 60 payments. 2 of the 4 plans fit, cheapest first.
	// Total cost is the total paid less the 12,000.00 of principal owed; the monthly figure is the largest payment; the APR is the annualized rate of the actual payments (IRR × 12).
	// 1. Interest frozen: 1,000.00 a month over 12 months — 12,000.00 in all, 400.00 waived; total cost 0.00, APR 0%.
	// 2. Installments: at most 1,107.77 a month over 12 months — 13,292.80 in all; total cost 1,292.80, APR about 13.03%.
	// Does not fit: Settle in full, pay 12,000.00 once, today (2025-06-20): more than the customer can pay (12,000.00 > 1,200.00).
	// Does not fit: Minimum payments, only the minimum each month, 1,426.00 the first month and less after, over 57 months: more than the customer can pay (1,426.00 > 1,200.00).
	// Advice: Interest frozen ×12 — 1,000.00 a month over 12 months, 12,000.00 in all: 400.00 less than the 12,400.00 owed today.
}

// A screen lays the offers out as a table; every cell is the library's.
func ExampleOfferSet_Wording() {
	set, err := plan.Offers(offerRequest())
	if err != nil {
		panic(err)
	}
	for _, row := range set.Wording(penalty.ZH).Table {
		fmt.Println(row)
	}
	// Output:
	// [排名 方案 月供 期数 总成本 年化利率 结论]
	// [1 停息挂账 12 期 1,000.00 12 0.00 0.00% ✓ 可行]
	// [2 个性化分期 12 期 1,107.77 12 1,292.80 13.03% ✓ 可行]
	// [- 一次性结清 一次付 12,000.00 1 0.00 — ✗ 超出客户的还款能力（12,000.00 元 > 1,200.00 元）]
	// [- 最低还款 首期 1,426.00，逐月递减 57 2,253.86 18.00% ✗ 超出客户的还款能力（1,426.00 元 > 1,200.00 元）]
}

// Asked for in the request, the sentences come with the offers.
func ExampleOffers_explain() {
	r := offerRequest()
	r.Explain = []penalty.Language{penalty.EN}
	set, err := plan.Offers(r)
	if err != nil {
		panic(err)
	}
	fmt.Println(set.Sentences.EN[len(set.Sentences.EN)-1])
	// Output:
	// Advice: Interest frozen ×12 — 1,000.00 a month over 12 months, 12,000.00 in all: 400.00 less than the 12,400.00 owed today.
}
