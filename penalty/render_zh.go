package penalty

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
)

// zh is the Chinese phrasebook.
type zh struct{}

var zhComponent = [...]string{"罚息", "滞纳金", "费用", "利息", "本金"}

func (zh) header(s Statement) string {
	if s.DaysPastDue == 0 {
		return fmt.Sprintf("截至 %s，账户未逾期。", s.AsOf)
	}
	return fmt.Sprintf("截至 %s，最长逾期 %d 天（%s）。", s.AsOf, s.DaysPastDue, s.Bucket)
}

func (z zh) policy(p Policy) string {
	var b strings.Builder
	fmt.Fprintf(&b, "罚息按%s × %s 逐日计算", zhBase(p.Base), z.rateRule(p.PenaltyRate))
	if p.AccrualRounding == PerDay {
		b.WriteString("，每日金额四舍五入到分后累加")
	}
	if p.GraceDays > 0 {
		if p.GraceMode == Forgive {
			fmt.Fprintf(&b, "；宽限期 %d 天，期内结清免收宽限期罚息", p.GraceDays)
		} else {
			fmt.Fprintf(&b, "；宽限期 %d 天，罚息自宽限期满起计", p.GraceDays)
		}
	}
	if p.StopAfterDays > 0 {
		fmt.Fprintf(&b, "；逾期满 %d 天后停止计息", p.StopAfterDays)
	}
	if p.Cap != nil {
		fmt.Fprintf(&b, "；每期罚息与滞纳金合计不超过本金的 %s", p.Cap.Percent())
	}
	if rule, cal := calendarRule(p, zhRules, zhPresets, "及机构自定休息日、工作日"); rule != "" {
		fmt.Fprintf(&b, "；还款日遇非工作日（%s）%s", cal, rule)
	}
	switch p.LateFee.Kind {
	case FixedFee:
		fmt.Fprintf(&b, "；逾期收取滞纳金 %s", amt(p.LateFee.Amount, p.Rounding))
	case PercentFee:
		fmt.Fprintf(&b, "；滞纳金为未还本息费的 %s%s", p.LateFee.Rate.Percent(), zhMinMax(p.LateFee, p.Rounding))
	}
	return b.String() + "。"
}

func (zh) rateRule(r PenaltyRate) string {
	return policyRate(r, "日利率", "365 或 366", zhFormula)
}

func zhBase(b Base) string {
	if b == PrincipalAndInterest {
		return "逾期本息"
	}
	return "逾期本金"
}

// zhFormula writes the daily rate as its derivation; basis is the
// divisor to show.
func zhFormula(r PenaltyRate, basis string) string {
	return formulaText(r, basis, rateWords{"日利率", "月利率", "年利率"})
}

func zhMinMax(f LateFee, r money.Rounding) string {
	return minMaxText(f, r, boundWords{"最低 ", "最高 ", "（", "，", "）"})
}

func (zh) installment(b InstallmentBalance) string {
	return fmt.Sprintf("第%d期（到期日 %s）：", b.Number, b.DueDate)
}

var (
	zhRules   = [4]string{"顺延至下一工作日", "顺延至下一工作日（跨月则提前至上一工作日）", "提前至上一工作日", ""}
	zhPresets = [4]string{"不设公共假日", "周六、周日", "中国法定节假日及调休", "美联储假日及周末"}
)

func (zh) move(m DueDateMove) string {
	verb := "顺延"
	if m.EffectiveDueDate.Before(m.DueDate) {
		verb = "提前"
	}
	return fmt.Sprintf("还款日 %s 为%s，%s至 %s", m.DueDate, m.Closure.ZH(), verb, m.EffectiveDueDate)
}

func (zh) segment(g Segment, p Policy) string {
	rate := rateText(p.PenaltyRate, g.Rate, g.Basis, "日利率", zhFormula)
	full := g.Amount
	if g.Capped {
		full = g.Uncapped
	}
	var calc string
	if p.AccrualRounding == PerDay {
		calc = fmt.Sprintf("%s %s × %s = %s/天 × %d = %s", zhBase(p.Base), g.Base, rate, perDay(g), g.Days, full)
	} else {
		calc = fmt.Sprintf("%s %s × %s × %d = %s", zhBase(p.Base), g.Base, rate, g.Days, full)
	}
	if g.Capped {
		calc += fmt.Sprintf("，已达上限，计 %s", g.Amount)
	}
	switch g.Status {
	case Contingent:
		calc += "（宽限期内，期满前结清则免收）"
	case Forgiven:
		calc += "（宽限期内已结清，免收）"
	}
	return fmt.Sprintf("%s 至 %s 共%d天：%s", g.From, g.To, g.Days, calc)
}

func (zh) lateFee(a LateFeeAssessment, r money.Rounding) string {
	var calc string
	if a.Rule.Kind == FixedFee {
		calc = fmt.Sprintf("固定 %s", a.Computed)
	} else {
		calc = fmt.Sprintf("未还本息费 %s × %s%s = %s", a.Unpaid, a.Rule.Rate.Percent(), zhMinMax(a.Rule, r), a.Computed)
	}
	if a.Capped {
		calc += fmt.Sprintf("，已达上限，计 %s", a.Amount)
	}
	return fmt.Sprintf("%s 收取滞纳金：%s", a.Date, calc)
}

func (zh) penaltySum(b InstallmentBalance, parts []money.Amount, paid, waived money.Amount) string {
	return fmt.Sprintf("罚息合计 %s = %s；已还 %s，减免 %s，未还 %s",
		b.PenaltyAccrued, sumText(parts), paid, waived, b.Penalty)
}

func (zh) lateFeeSum(b InstallmentBalance, paid, waived money.Amount) string {
	return fmt.Sprintf("滞纳金合计 %s；已还 %s，减免 %s，未还 %s", b.LateFeeAssessed, paid, waived, b.LateFee)
}

func (zh) payment(p PaymentApplication) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s 还款 %s：", p.Date, p.Amount)
	last := 0
	for i, a := range p.Allocations {
		switch {
		case a.Installment != last:
			if i > 0 {
				b.WriteString("；")
			}
			fmt.Fprintf(&b, "第%d期 ", a.Installment)
			last = a.Installment
		default:
			b.WriteString("、")
		}
		fmt.Fprintf(&b, "%s %s", zhComponent[a.Component], a.Amount)
	}
	if p.Unapplied.IsPositive() {
		if len(p.Allocations) > 0 {
			b.WriteString("；")
		}
		fmt.Fprintf(&b, "多付 %s 未分配", p.Unapplied)
	}
	return b.String()
}

func (zh) waiver(w WaiverApplication, r money.Rounding) string {
	var b strings.Builder
	what := zhComponent[w.Waiver.Component]
	scope := "各到期分期"
	if w.Waiver.Installment > 0 {
		scope = fmt.Sprintf("第%d期", w.Waiver.Installment)
	}
	if !w.Waiver.Percent.IsZero() {
		fmt.Fprintf(&b, "%s 减免%s%s的 %s", w.Waiver.Date, scope, what, w.Waiver.Percent.Percent())
	} else {
		fmt.Fprintf(&b, "%s 减免%s%s %s", w.Waiver.Date, scope, what, amt(w.Waiver.Amount, r))
	}
	fmt.Fprintf(&b, "：实减 %s", w.Total)
	for i, a := range w.Applied {
		if i == 0 {
			b.WriteString("（")
		} else {
			b.WriteString("，")
		}
		fmt.Fprintf(&b, "第%d期 %s", a.Installment, a.Amount)
		if i == len(w.Applied)-1 {
			b.WriteString("）")
		}
	}
	return b.String()
}

func (zh) totals(s Statement) string {
	t := s.Totals
	line := fmt.Sprintf("截至 %s 合计应还 %s = 本金 %s + 利息 %s + 费用 %s + 罚息 %s + 滞纳金 %s",
		s.AsOf, t.Outstanding, t.Principal, t.Interest, t.Fee, t.Penalty, t.LateFee)
	if s.Unapplied.IsPositive() {
		line += fmt.Sprintf("；另有多付未分配 %s", s.Unapplied)
	}
	return line + "。"
}
