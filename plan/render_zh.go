package plan

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
)

// offerZH is the Chinese wording of offers, as a collections agent says
// it: amounts read aloud with thousands separators and 元.
type offerZH struct{}

var zhOption = [...]string{"一次性结清", "停息挂账", "个性化分期", "延期还款", "最低还款"}

func zhOptionName(o Option) string {
	if int(o) < len(zhOption) {
		return zhOption[o]
	}
	return o.String()
}

// yuan writes an amount as it is read aloud: 1,050.00 元.
func yuan(a money.Amount) string { return a.Grouped() + " 元" }

func (offerZH) summary(s OfferSet, fits int) string {
	limit := "年化利率不设上限"
	if !s.Limits.APRCap.IsZero() {
		limit = "年化利率不超过 " + s.Limits.APRCap.Percent()
	}
	head := fmt.Sprintf("客户每月可还 %s，目前共欠 %s；方案%s，最长 %d 期。", yuan(s.AffordablePayment), yuan(s.TotalOutstanding), limit, s.Limits.MaxPeriods)
	if fits == 0 {
		return head + fmt.Sprintf("共 %d 个方案，没有一个符合条件。", len(s.Offers))
	}
	return head + fmt.Sprintf("共 %d 个方案，符合条件的有 %d 个，按总成本从低到高排列。", len(s.Offers), fits)
}

func (offerZH) note(s OfferSet) string {
	return fmt.Sprintf("总成本是总还款减去欠款本金 %s；每月还款按各期最高额计；年化利率按实际还款现金流计算（IRR × 12）。", yuan(s.Outstanding.Principal))
}

// pays says what the customer pays under o, read aloud.
func (offerZH) pays(o Offer, s OfferSet) string {
	each := "每月还 "
	if !level(o) {
		each = "每月最多还 "
	}
	switch {
	case o.Option == SettlementOption:
		return fmt.Sprintf("今天（%s）一次还清 %s", s.StartDate, yuan(o.LargestPayment))
	case o.Option == DeferralOption:
		return fmt.Sprintf("前 %d 个月不用还，之后%s%s，共 %d 期", o.DeferredPeriods, each, yuan(o.LargestPayment), o.Term)
	case o.Option == MinimumOption:
		return fmt.Sprintf("每月只还最低还款额，首月 %s，之后逐月减少，共 %d 期", yuan(o.FirstPayment), o.Term)
	case o.DownPayment.IsPositive():
		return fmt.Sprintf("首付 %s，之后%s%s，共 %d 期", yuan(o.DownPayment), each, yuan(largestInstallment(o)), o.Term)
	}
	return fmt.Sprintf("%s%s，共 %d 期", each, yuan(o.LargestPayment), o.Term)
}

// figures are an offer's totals: paid, waived, cost and APR.
func (offerZH) figures(o Offer) string {
	out := "总还款 " + yuan(o.TotalPaid)
	if w := waived(o); w.IsPositive() {
		out += "，减免 " + yuan(w)
	}
	out += "，总成本 " + yuan(o.TotalCost)
	if o.APR != nil {
		out += "，年化利率" + zhAPR(*o.APR)
	}
	return out
}

// zhAPR is an APR after the word 年化利率: " 18%", or "约 13.17%" when
// rounded.
func zhAPR(r money.Rate) string {
	t, approx := aprText(r)
	if approx {
		return "约 " + t
	}
	return " " + t
}

func (z offerZH) offer(o Offer, s OfferSet) string {
	return fmt.Sprintf("第%d名：%s，%s，%s。", o.Rank, z.name(o), z.pays(o, s), z.figures(o))
}

// name is the plan's name, with its months for a deferral.
func (offerZH) name(o Offer) string {
	if o.Option == DeferralOption {
		return fmt.Sprintf("%s %d 个月", zhOptionName(o.Option), o.DeferredPeriods)
	}
	return zhOptionName(o.Option)
}

func (z offerZH) rejected(o Offer, s OfferSet) string {
	if o.Note != "" {
		return fmt.Sprintf("不可行：%s，无法制定（%s）。", z.option(o), o.Note)
	}
	return fmt.Sprintf("不可行：%s，%s，%s。", z.option(o), z.pays(o, s), strings.Join(z.reasons(o, s), "；"))
}

func (offerZH) reasons(o Offer, s OfferSet) []string {
	var why []string
	for _, r := range o.Reasons {
		switch r {
		case OverAffordable:
			why = append(why, fmt.Sprintf("超出客户的还款能力（%s > %s）", yuan(o.LargestPayment), yuan(s.AffordablePayment)))
		case OverAPRCap:
			why = append(why, fmt.Sprintf("年化利率超过上限（%s > %s）", strings.TrimSpace(zhAPR(*o.APR)), s.Limits.APRCap.Percent()))
		case OverTermLimit:
			why = append(why, fmt.Sprintf("期数超过上限（%d 期 > %d 期）", o.Term, s.Limits.MaxPeriods))
		case Infeasible:
			why = append(why, "无法制定："+o.Note)
		}
	}
	return why
}

func (z offerZH) advice(s OfferSet) string {
	b, ok := best(s)
	if !ok {
		return "建议：没有方案同时符合客户的还款能力和各项限制，请核实客户每月可还的金额，或申请更大的减免。"
	}
	diff, more := delta(b, s)
	cmp := fmt.Sprintf("比目前全部欠款 %s少付 %s", yuan(s.TotalOutstanding), yuan(diff))
	switch {
	case more:
		cmp = fmt.Sprintf("比目前全部欠款 %s多付 %s", yuan(s.TotalOutstanding), yuan(diff))
	case diff.IsZero():
		cmp = fmt.Sprintf("与目前全部欠款 %s 相同", yuan(s.TotalOutstanding))
	}
	return fmt.Sprintf("建议：%s，%s，总还款 %s，%s。", z.option(b), z.pays(b, s), yuan(b.TotalPaid), cmp)
}

func (offerZH) header() []string {
	return []string{"排名", "方案", "月供", "期数", "总成本", "年化利率", "结论"}
}

func (offerZH) fits() string { return "✓ 可行" }

func (offerZH) option(o Offer) string {
	switch o.Option {
	case DeferralOption:
		return fmt.Sprintf("%s %d 个月", zhOptionName(o.Option), o.DeferredPeriods)
	case InterestFrozen, InstallmentOption:
		return fmt.Sprintf("%s %d 期", zhOptionName(o.Option), o.Term)
	}
	return zhOptionName(o.Option)
}

func (offerZH) monthly(o Offer) string {
	switch {
	case o.Option == SettlementOption:
		return "一次付 " + o.LargestPayment.Grouped()
	case o.Option == DeferralOption:
		return fmt.Sprintf("前 %d 期 0，之后 %s", o.DeferredPeriods, o.LargestPayment.Grouped())
	case o.Option == MinimumOption:
		return "首期 " + o.FirstPayment.Grouped() + "，逐月递减"
	case o.DownPayment.IsPositive():
		return "首付 " + o.DownPayment.Grouped() + "，月供 " + largestInstallment(o).Grouped()
	}
	return o.LargestPayment.Grouped()
}

func (z offerZH) whyNot(o Offer, s OfferSet) string {
	return "✗ " + strings.Join(z.reasons(o, s), "；")
}
