package penalty

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
)

// zh is the Chinese phrasebook, in the policy's wording: the late fee is
// a loan's 滞纳金 or a card's 违约金.
type zh struct{ component [5]string }

func newZH(w Wording) zh {
	z := zh{component: [5]string{"罚息", "滞纳金", "手续费", "利息", "本金"}}
	if w == CardWording {
		z.component[LateFeeComponent] = "违约金"
	}
	return z
}

func (z zh) late() string { return z.component[LateFeeComponent] }

func (zh) header(s Statement) string {
	if s.DaysPastDue == 0 {
		return fmt.Sprintf("截至 %s，账户未逾期。", s.AsOf)
	}
	return fmt.Sprintf("截至 %s，最长逾期 %d 天（%s）。", s.AsOf, s.DaysPastDue, s.Bucket)
}

func (z zh) policy(p Policy) string {
	var b strings.Builder
	if p.PenaltyRate.Rate.IsZero() {
		b.WriteString("不计罚息")
	} else {
		fmt.Fprintf(&b, "罚息按%s × %s 逐日计算", zhBase(p.Base), z.rateRule(p.PenaltyRate))
		if p.AccrualRounding == PerDay {
			b.WriteString("，每日金额四舍五入到分后累加")
		}
	}
	if p.GraceDays > 0 && !p.PenaltyRate.Rate.IsZero() {
		if p.GraceMode == Forgive {
			fmt.Fprintf(&b, "；宽限期 %d 天，期内结清免收宽限期罚息", p.GraceDays)
		} else {
			fmt.Fprintf(&b, "；宽限期 %d 天，罚息自宽限期满起计", p.GraceDays)
		}
	}
	if p.StopAfterDays > 0 && !p.PenaltyRate.Rate.IsZero() {
		fmt.Fprintf(&b, "；逾期满 %d 天后停止计息", p.StopAfterDays)
	}
	if p.Cap != nil {
		fmt.Fprintf(&b, "；每期罚息与%s合计不超过本金的 %s", z.late(), p.Cap.Percent())
	}
	if rule, cal := calendarRule(p, zhRules, zhPresets, "及机构自定休息日、工作日"); rule != "" {
		fmt.Fprintf(&b, "；还款日遇非工作日（%s）%s", cal, rule)
	}
	switch p.LateFee.Kind {
	case FixedFee:
		fmt.Fprintf(&b, "；逾期计收%s %s", z.late(), yuan(p.LateFee.Amount.Round(p.Rounding)))
	case PercentFee:
		fmt.Fprintf(&b, "；%s为未还本息费的 %s%s", z.late(), p.LateFee.Rate.Percent(), zhMinMaxSpoken(p.LateFee, p.Rounding))
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

// zhMinMaxSpoken is zhMinMax read aloud, in 元.
func zhMinMaxSpoken(f LateFee, r money.Rounding) string {
	var parts []string
	if f.Min.IsPositive() {
		parts = append(parts, "最低 "+yuan(f.Min.Round(r)))
	}
	if f.Max.IsPositive() {
		parts = append(parts, "最高 "+yuan(f.Max.Round(r)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
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

func (z zh) lateFee(a LateFeeAssessment, r money.Rounding) string {
	if a.Rule.Kind == FixedFee {
		line := fmt.Sprintf("%s 计收%s %s（固定金额）", a.Date, z.late(), yuan(a.Computed))
		if a.Capped {
			line += fmt.Sprintf("，已达上限，实计 %s", yuan(a.Amount))
		}
		return line
	}
	calc := fmt.Sprintf("未还本息费 %s × %s%s = %s", a.Unpaid, a.Rule.Rate.Percent(), zhMinMax(a.Rule, r), a.Computed)
	if a.Capped {
		calc += fmt.Sprintf("，已达上限，实计 %s", a.Amount)
	}
	return fmt.Sprintf("%s 计收%s：%s", a.Date, z.late(), calc)
}

func (zh) penaltySum(b InstallmentBalance, parts []money.Amount, paid, waived money.Amount) string {
	if len(parts) == 1 {
		// One segment: its amount is the total, no "X = X".
		return fmt.Sprintf("罚息合计 %s；已还 %s，减免 %s，未还 %s", b.PenaltyAccrued, paid, waived, b.Penalty)
	}
	return fmt.Sprintf("罚息合计 %s = %s；已还 %s，减免 %s，未还 %s",
		b.PenaltyAccrued, sumText(parts), paid, waived, b.Penalty)
}

func (z zh) lateFeeSum(b InstallmentBalance, paid, waived money.Amount) string {
	return fmt.Sprintf("%s合计 %s；已还 %s，减免 %s，未还 %s", z.late(), b.LateFeeAssessed, paid, waived, b.LateFee)
}

func (z zh) payment(p PaymentApplication) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s 还款 %s：", p.Date, yuan(p.Amount))
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
		fmt.Fprintf(&b, "%s %s", z.name(a.Component), yuan(a.Amount))
	}
	if p.Unapplied.IsPositive() {
		if len(p.Allocations) > 0 {
			b.WriteString("；")
		}
		fmt.Fprintf(&b, "多付 %s 未分配", yuan(p.Unapplied))
	}
	return b.String()
}

// name is a component's name; a Go-built value out of range reads as its
// own name rather than panic.
func (z zh) name(c Component) string {
	if int(c) < len(z.component) {
		return z.component[c]
	}
	return c.String()
}

func (z zh) waiver(w WaiverApplication, r money.Rounding) string {
	var b strings.Builder
	what := z.name(w.Waiver.Component)
	scope := "各到期分期"
	if w.Waiver.Installment > 0 {
		scope = fmt.Sprintf("第%d期", w.Waiver.Installment)
	}
	if !w.Waiver.Percent.IsZero() {
		fmt.Fprintf(&b, "%s 减免%s%s的 %s", w.Waiver.Date, scope, what, w.Waiver.Percent.Percent())
	} else {
		fmt.Fprintf(&b, "%s 减免%s%s %s", w.Waiver.Date, scope, what, yuan(w.Waiver.Amount.Round(r)))
	}
	fmt.Fprintf(&b, "：实减 %s", yuan(w.Total))
	for i, a := range w.Applied {
		if i == 0 {
			b.WriteString("（")
		} else {
			b.WriteString("，")
		}
		fmt.Fprintf(&b, "第%d期 %s", a.Installment, yuan(a.Amount))
		if i == len(w.Applied)-1 {
			b.WriteString("）")
		}
	}
	return b.String()
}

func (z zh) totals(s Statement) string {
	t := s.Totals
	line := fmt.Sprintf("截至 %s，合计应还 %s%s", s.AsOf, yuan(t.Outstanding), z.among(t.Principal, t.Interest, t.Fee, t.Penalty, t.LateFee))
	if s.Unapplied.IsPositive() {
		line += fmt.Sprintf("；另有多付未分配 %s", yuan(s.Unapplied))
	}
	return line + "。"
}

// among writes the non-zero components of a total as an agent reads
// them, "，其中本金 811.43 元、罚息 11.36 元"; "" when all are zero.
func (z zh) among(principal, interest, fee, penalty, lateFee money.Amount) string {
	return zhParts([]string{z.component[PrincipalComponent], z.component[InterestComponent], z.component[FeeComponent],
		z.component[PenaltyComponent], z.late()}, []money.Amount{principal, interest, fee, penalty, lateFee})
}

// zhParts writes the non-zero amounts of a total with their names, as a
// Chinese sentence reads them after the total: "，其中本金 811.43 元、罚息
// 11.36 元"; "" when every amount is zero.
func zhParts(names []string, amounts []money.Amount) string {
	var parts []string
	for i, a := range amounts {
		if !a.IsZero() && i < len(names) {
			parts = append(parts, names[i]+" "+yuan(a))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "，其中" + strings.Join(parts, "、")
}
