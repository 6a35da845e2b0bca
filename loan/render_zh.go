package loan

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// zh is the Chinese phrasebook, in the policy's wording: the late fee is
// a loan's 滞纳金 (the default) or a card's 违约金; installment fees are
// 手续费. Amounts read aloud carry thousands separators and 元; formulas
// keep bare numbers.
type zh struct{ late string }

func newZH(w penalty.Wording) zh {
	if w == penalty.CardWording {
		return zh{late: "违约金"}
	}
	return zh{late: "滞纳金"}
}

// yuan writes an amount as it is read aloud: 1,050.00 元.
func yuan(a money.Amount) string { return a.Grouped() + " 元" }

// zhList writes the non-zero amounts with their names: "本金 811.43 元、罚息
// 11.36 元"; "" when all are zero.
func zhList(names []string, amounts []money.Amount) string {
	var parts []string
	for i, a := range amounts {
		if !a.IsZero() {
			parts = append(parts, names[i]+" "+yuan(a))
		}
	}
	return strings.Join(parts, "、")
}

// among writes a total's non-zero components after it: "，其中本金 811.43
// 元、罚息 11.36 元".
func among(list string) string {
	if list == "" {
		return ""
	}
	return "，其中" + list
}

func (z zh) owed(o Owed) string {
	return zhList([]string{"本金", "利息", "手续费", "罚息", z.late},
		[]money.Amount{o.Principal, o.Interest, o.Fee, o.Penalty, o.LateFee})
}

func (z zh) remaining(s Statement) string {
	t := s.Totals
	line := fmt.Sprintf("截至 %s，按合同尚未偿还合计 %s%s", s.AsOf, yuan(t.Outstanding),
		among(z.owed(Owed{Principal: t.Principal, Interest: t.Interest, Fee: t.Fee, Penalty: t.Penalty, LateFee: t.LateFee})))
	if later := zhList([]string{"计划利息", "手续费"}, []money.Amount{s.NotYetDue.Interest, s.NotYetDue.Fee}); later != "" {
		line += fmt.Sprintf("；未到期分期的%s尚未发生，不是当前欠款", later)
	}
	if s.Unapplied.IsPositive() {
		line += fmt.Sprintf("；另有多付未分配 %s", yuan(s.Unapplied))
	}
	return line + "。"
}

func (z zh) acceleration(n AccelerationNote) string {
	why := fmt.Sprintf("贷款于 %s 宣布提前到期", n.Date)
	if n.TriggerInstallment > 0 {
		why = fmt.Sprintf("第%d期（到期日 %s）逾期满 %d 天仍欠本息费 %s，贷款于 %s 宣布提前到期",
			n.TriggerInstallment, n.TriggerDue, n.AfterDays, yuan(n.Unpaid), n.Date)
	}
	if n.Number == 0 {
		return why + "；此后已无未到期分期，无需合并。"
	}
	interest := "利息 " + z.piece(n.Piece)
	if n.Piece.AnnualRate.IsZero() {
		interest = "不计利息"
	}
	return fmt.Sprintf("%s：原第%s期尚未到期的本金 %s全部于当日到期，记为第%d期；%s，不收手续费。",
		why, numbers(rangeOf(n.FirstReplaced, n.LastReplaced), "、"), yuan(n.Principal), n.Number, interest)
}

func (zh) piece(p InterestPiece) string {
	return fmt.Sprintf("%s 至 %s 共%d天：本金 %s × 年利率 %s %s = %s",
		p.From, p.To, p.Days, p.Balance, p.AnnualRate.Percent(), yearFraction(p), p.Amount)
}

func (z zh) group(kind int, nums []int, o Owed) string {
	what := "已逾期"
	if kind == dueToday {
		what = "今日到期"
	}
	return fmt.Sprintf("%s：第%s期，合计 %s%s。", what, numbers(nums, "、"), yuan(o.Total), among(z.owed(o)))
}

func (zh) amountDue(s Statement) string {
	return fmt.Sprintf("当前应还 %s，还清后账户恢复正常。", yuan(s.AmountDue.Total))
}

func (zh) notYetDue(nums []int, o Scheduled) string {
	list := zhList([]string{"本金", "利息", "手续费"}, []money.Amount{o.Principal, o.Interest, o.Fee})
	if list == "" {
		list = "无欠款"
	}
	line := fmt.Sprintf("未到期：第%s期，%s，按合同到期再还，目前不欠", numbers(nums, "、"), list)
	if o.Interest.IsPositive() {
		line += "；其中利息尚未发生，提前结清不收"
	}
	return line + "。"
}

func (z zh) payoff(s Statement) string {
	p := s.Payoff
	list := zhList([]string{"本金", "利息", "手续费", "罚息", z.late, "提前还款违约金"},
		[]money.Amount{p.Principal, p.Interest, p.Fee, p.Penalty, p.LateFee, p.PrepaymentFee})
	line := fmt.Sprintf("今日（%s）提前结清应还 %s%s", s.AsOf, yuan(p.Total), among(list))
	if p.Credit.IsPositive() {
		line += fmt.Sprintf("，已扣除抵扣款 %s", yuan(p.Credit))
	}
	return line + "。"
}

func (zh) interest(s Statement) string {
	n := s.Explanation.Payoff
	return fmt.Sprintf("利息 = 已到期未还利息 %s + 本期应计利息 %s − 未到期分期已提前支付的利息 %s（负数部分计入抵扣）。",
		s.AmountDue.Interest, n.AccruedInterest, n.InterestCredited)
}

func (zh) accruedSum(n PayoffNote, parts []money.Amount) string {
	if len(parts) == 1 && addsUp(parts, n.AccruedInterest) {
		return fmt.Sprintf("本期应计利息 %s（自 %s 起，按剩余本金逐日计算）。", yuan(n.AccruedInterest), n.From)
	}
	if addsUp(parts, n.AccruedInterest) {
		return fmt.Sprintf("本期应计利息 = %s = %s（本金在提前还款日减少）。", sumText(parts), n.AccruedInterest)
	}
	return fmt.Sprintf("本期应计利息 = 各段精确值之和四舍五入 = %s（各段分别取整为 %s）。", n.AccruedInterest, sumText(parts))
}

func (zh) noAccrual(s Statement) string {
	n := s.Explanation.Payoff
	if !s.AcceleratedOn.IsZero() {
		return fmt.Sprintf("贷款已于 %s 提前到期，本金均已到期，此后计收罚息，不再计利息。", s.AcceleratedOn)
	}
	return fmt.Sprintf("自 %s 至 %s 没有未到期本金计息，本期不计利息。", n.From, n.To)
}

func (zh) fees(s Statement) string {
	n := s.Explanation.Payoff
	if n.RemainingFees == ChargeFees {
		if n.FeesCharged.IsPositive() {
			return fmt.Sprintf("手续费含未到期分期的剩余手续费 %s（按约定，提前结清照收）。", yuan(n.FeesCharged))
		}
		return ""
	}
	if n.FeeCredited.IsPositive() {
		return fmt.Sprintf("未到期分期已付的手续费 %s免收并退回（计入抵扣）。", yuan(n.FeeCredited))
	}
	if s.NotYetDue.Fee.IsPositive() {
		return fmt.Sprintf("未到期分期的手续费 %s免收。", yuan(s.NotYetDue.Fee))
	}
	return ""
}

func (zh) prepaymentFee(s Statement) string {
	n := s.Explanation.Payoff
	switch f := n.PrepaymentFee; {
	case f == nil:
		return ""
	case !n.Balance.IsPositive():
		return "没有提前偿还的本金，不计收提前还款违约金。"
	case f.Percent != nil:
		return fmt.Sprintf("提前还款违约金 = 提前偿还的本金 %s × %s = %s。", n.Balance, f.Percent.Percent(), s.Payoff.PrepaymentFee)
	}
	return fmt.Sprintf("提前还款违约金按约定固定计收 %s。", yuan(s.Payoff.PrepaymentFee))
}

func (zh) credit(s Statement) string {
	if !s.Payoff.Credit.IsPositive() {
		return ""
	}
	return fmt.Sprintf("抵扣 %s = 多付未分配 %s + 提前多付、结清时无需支付的利息和手续费。", s.Payoff.Credit, s.Unapplied)
}

func rangeOf(a, b int) []int {
	out := make([]int, 0, b-a+1)
	for k := a; k <= b; k++ {
		out = append(out, k)
	}
	return out
}
