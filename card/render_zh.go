package card

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// zh is the Chinese phrasebook, in card wording: 账单日, 到期还款日, 消费,
// 取现, 手续费, 循环利息, 违约金.
type zh struct{}

var zhComponent = [...]string{"手续费", "循环利息", "取现", "消费"}

// zhKind names each UnitKind.
var zhKind = [...]string{"消费", "取现", "取现手续费", "手续费", "违约金", "循环利息"}

// yuan writes an amount as it is read aloud: 1,050.00 元. Formulas keep
// bare numbers.
func yuan(a money.Amount) string { return a.Grouped() + " 元" }

func (zh) bill(b Bill) string {
	past := ""
	if b.PastDueMinimum.IsPositive() {
		past = fmt.Sprintf("（其中上期未还最低还款额 %s）", yuan(b.PastDueMinimum))
	}
	return fmt.Sprintf("第%d期账单（账单日 %s，到期还款日 %s）：上期账单金额 %s，本期还款 %s，消费 %s，取现 %s，手续费 %s，循环利息 %s，本期应还金额 %s，最低还款额 %s%s。",
		b.Number, b.StatementDate, b.DueDate, yuan(b.PreviousBalance), yuan(b.Payments), yuan(b.Purchases), yuan(b.CashAdvances),
		yuan(b.Fees), yuan(b.Interest), yuan(b.NewBalance), yuan(b.MinimumPayment), past)
}

func zhDay(d money.Date) string { return fmt.Sprintf("%d月%d日", d.Month(), d.Day()) }

func (zh) grace(g GraceDecision, b Bill) string {
	switch g.Grace {
	case Kept:
		return fmt.Sprintf("第%d期账单：%s前已全额还款 %s（应还 %s），享受免息还款期，消费不计利息。", g.Statement, zhDay(g.Deadline), yuan(g.Paid), yuan(g.NewBalance))
	case Lost:
		s := fmt.Sprintf("第%d期账单：%s前未全额还款 %s，仅还 %s，免息期不适用，消费自记账日起全额计息", g.Statement, zhDay(g.Deadline), yuan(g.NewBalance), yuan(g.Paid))
		if minimumPaid(g, b) {
			// The question agents hear most: "我已经还了最低还款，为什么还有利息？"
			s += fmt.Sprintf("（已还最低还款额 %s，该期不算逾期，但最低还款不免利息）", yuan(b.MinimumPayment))
		}
		return s + "。"
	}
	return fmt.Sprintf("第%d期账单：免息期待定，%s前（含）还清 %s即可免收消费利息，目前已还 %s。", g.Statement, zhDay(g.Deadline), yuan(money.Max(g.NewBalance.Sub(g.Tolerance), money.Amount{})), yuan(g.Paid))
}

func (zh) segment(g Segment, u Unit) string {
	return fmt.Sprintf("%s 至 %s 共%d天：%s %s × 日利率 %s × %d = %s", g.From, g.To, g.Days, kindName(zhKind[:], u.Kind), g.Base, g.Rate.Percent(), g.Days, g.Amount)
}

func (zh) interestSum(parts []money.Amount, total money.Amount) string {
	if len(parts) == 1 {
		// One segment: its amount is the total, no "X = X".
		return fmt.Sprintf("本期循环利息 %s", yuan(total))
	}
	return fmt.Sprintf("本期循环利息 %s = %s", joinAmounts(parts), total)
}

func (zh) lateFee(f LateFeeCharge) string {
	return fmt.Sprintf("%s 计收违约金 %s：%s", f.Date, yuan(f.Amount), zhLateRule(f))
}

func zhLateRule(f LateFeeCharge) string {
	r := f.Rule
	if r.Kind != penalty.PercentFee {
		return fmt.Sprintf("最低还款额未还部分 %s，按固定金额计收", yuan(f.Unpaid))
	}
	s := fmt.Sprintf("最低还款额未还部分 %s × %s", f.Unpaid, r.Rate.Percent())
	var lim []string
	if r.Min.IsPositive() {
		lim = append(lim, "最低 "+r.Min.String())
	}
	if r.Max.IsPositive() {
		lim = append(lim, "最高 "+r.Max.String())
	}
	if len(lim) > 0 {
		s += "（" + strings.Join(lim, "，") + "）"
	}
	return s
}

func (zh) payment(p PaymentApplication, units []Unit) string {
	var parts []string
	for _, a := range p.Allocations {
		parts = append(parts, fmt.Sprintf("第%d期%s %s", a.Statement, kindName(zhKind[:], Explanation{Units: units}.unit(a.Unit).Kind), yuan(a.Amount)))
	}
	if p.Credit.IsPositive() {
		parts = append(parts, "溢缴款 "+yuan(p.Credit))
	}
	s := fmt.Sprintf("%s 还款 %s：%s", p.Date, yuan(p.Amount), strings.Join(parts, "，"))
	var mins money.Amount
	for _, m := range p.Minimums {
		mins = mins.Add(m.Amount)
	}
	if mins.IsPositive() {
		s += fmt.Sprintf("；其中 %s计入最低还款额", yuan(mins))
	}
	return s + "。"
}

func (zh) position(s Statement) string {
	b := s.Balance
	out := fmt.Sprintf("截至 %s：欠款 %s", s.AsOf, yuan(b.Total))
	var parts []string
	for i, a := range []money.Amount{b.Purchases, b.CashAdvances, b.Interest, b.Fees.Sub(b.LateFees), b.LateFees} {
		if !a.IsZero() {
			parts = append(parts, []string{"消费", "取现", "循环利息", "手续费", "违约金"}[i]+" "+yuan(a))
		}
	}
	if len(parts) > 0 {
		out += "（" + strings.Join(parts, "、") + "）"
	}
	if s.AccruedInterest.IsPositive() {
		out += fmt.Sprintf("，未出账利息 %s", yuan(s.AccruedInterest))
	}
	if s.Credit.IsPositive() {
		out += fmt.Sprintf("，溢缴款 %s", yuan(s.Credit))
	}
	out += fmt.Sprintf("，今日全部结清需还 %s", yuan(s.Payoff))
	if s.DaysPastDue > 0 {
		return out + fmt.Sprintf("；已逾期 %d 天（%s）。", s.DaysPastDue, s.Bucket)
	}
	return out + "；未逾期。"
}

// joinAmounts writes a + b + c.
func joinAmounts(parts []money.Amount) string {
	ss := make([]string, len(parts))
	for i, p := range parts {
		ss[i] = p.String()
	}
	return strings.Join(ss, " + ")
}

func (zh) since(b Bill, asOf money.Date) string {
	return fmt.Sprintf("账单日 %s 后至 %s（尚未出账）：", b.StatementDate, asOf)
}
