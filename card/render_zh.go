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

func (zh) bill(b Bill) string {
	return fmt.Sprintf("第%d期账单（账单日 %s，到期还款日 %s）：上期账单金额 %s，本期还款 %s，消费 %s，取现 %s，手续费 %s，循环利息 %s，本期应还金额 %s，最低还款额 %s（其中上期未还最低还款额 %s）。",
		b.Number, b.StatementDate, b.DueDate, b.PreviousBalance, b.Payments, b.Purchases, b.CashAdvances,
		b.Fees, b.Interest, b.NewBalance, b.MinimumPayment, b.PastDueMinimum)
}

func zhDay(d money.Date) string { return fmt.Sprintf("%d月%d日", d.Month(), d.Day()) }

func (zh) grace(g GraceDecision, b Bill) string {
	switch g.Grace {
	case Kept:
		return fmt.Sprintf("第%d期账单：%s前已全额还款 %s（应还 %s），享受免息还款期，消费不计利息。", g.Statement, zhDay(g.Deadline), g.Paid, g.NewBalance)
	case Lost:
		s := fmt.Sprintf("第%d期账单：%s前未全额还款 %s，仅还 %s，免息期不适用，消费自记账日起全额计息", g.Statement, zhDay(g.Deadline), g.NewBalance, g.Paid)
		if minimumPaid(g, b) {
			// The question agents hear most: "我已经还了最低还款，为什么还有利息？"
			s += fmt.Sprintf("（已还最低还款额 %s，该期不算逾期，但最低还款不免利息）", b.MinimumPayment)
		}
		return s + "。"
	}
	return fmt.Sprintf("第%d期账单：免息期待定，%s前（含）还清 %s 即可免收消费利息，目前已还 %s。", g.Statement, zhDay(g.Deadline), money.Max(g.NewBalance.Sub(g.Tolerance), money.Amount{}), g.Paid)
}

func (zh) segment(g Segment, u Unit) string {
	return fmt.Sprintf("%s 至 %s 共%d天：%s %s × 日利率 %s × %d = %s", g.From, g.To, g.Days, kindName(zhKind[:], u.Kind), g.Base, g.Rate.Percent(), g.Days, g.Amount)
}

func (zh) interestSum(parts []money.Amount, total money.Amount) string {
	return fmt.Sprintf("本期循环利息 %s = %s", joinAmounts(parts), total)
}

func (zh) lateFee(f LateFeeCharge) string {
	return fmt.Sprintf("%s 收取违约金 %s：%s", f.Date, f.Amount, zhLateRule(f))
}

func zhLateRule(f LateFeeCharge) string {
	r := f.Rule
	if r.Kind != penalty.PercentFee {
		return fmt.Sprintf("最低还款额未还部分 %s，按固定金额收取", f.Unpaid)
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
		parts = append(parts, fmt.Sprintf("第%d期%s %s", a.Statement, kindName(zhKind[:], Explanation{Units: units}.unit(a.Unit).Kind), a.Amount))
	}
	if p.Credit.IsPositive() {
		parts = append(parts, "溢缴款 "+p.Credit.String())
	}
	s := fmt.Sprintf("%s 还款 %s：%s", p.Date, p.Amount, strings.Join(parts, "，"))
	var mins money.Amount
	for _, m := range p.Minimums {
		mins = mins.Add(m.Amount)
	}
	if mins.IsPositive() {
		s += fmt.Sprintf("；其中 %s 计入最低还款额", mins)
	}
	return s + "。"
}

func (zh) position(s Statement) string {
	b := s.Balance
	out := fmt.Sprintf("截至 %s：欠款 %s（消费 %s，取现 %s，循环利息 %s，手续费及违约金 %s），未出账利息 %s，今日全部结清需还 %s",
		s.AsOf, b.Total, b.Purchases, b.CashAdvances, b.Interest, b.Fees, s.AccruedInterest, s.Payoff)
	if s.Credit.IsPositive() {
		out += fmt.Sprintf("，溢缴款 %s", s.Credit)
	}
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
