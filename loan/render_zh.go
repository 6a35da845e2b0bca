package loan

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
)

// zh is the Chinese phrasebook.
type zh struct{}

func (zh) remaining(s Statement) string {
	t := s.Totals
	line := fmt.Sprintf("截至 %s 按合同尚未偿还合计 %s = 本金 %s + 利息 %s + 费用 %s + 罚息 %s + 滞纳金 %s；其中未到期分期的计划利息 %s、费用 %s 尚未发生，不是当前欠款",
		s.AsOf, t.Outstanding, t.Principal, t.Interest, t.Fee, t.Penalty, t.LateFee, s.NotYetDue.Interest, s.NotYetDue.Fee)
	if s.Unapplied.IsPositive() {
		line += fmt.Sprintf("；另有多付未分配 %s", s.Unapplied)
	}
	return line + "。"
}

func (zh) acceleration(n AccelerationNote) string {
	why := fmt.Sprintf("贷款于 %s 宣布提前到期", n.Date)
	if n.TriggerInstallment > 0 {
		why = fmt.Sprintf("第%d期（到期日 %s）逾期满 %d 天仍欠本息费 %s，贷款于 %s 宣布提前到期",
			n.TriggerInstallment, n.TriggerDue, n.AfterDays, n.Unpaid, n.Date)
	}
	if n.Number == 0 {
		return why + "；此后已无未到期分期，无需合并。"
	}
	return fmt.Sprintf("%s：原第%s期尚未到期的本金 %s 全部于当日到期，记为第%d期；利息 %s，费用 0。",
		why, numbers(rangeOf(n.FirstReplaced, n.LastReplaced), "、"), n.Principal, n.Number, zh{}.piece(n.Piece))
}

func (zh) piece(p InterestPiece) string {
	return fmt.Sprintf("%s 至 %s 共%d天：本金 %s × 年利率 %s × %d / %d = %s",
		p.From, p.To, p.Days, p.Balance, p.AnnualRate.Percent(), p.Days, p.Basis, p.Amount)
}

func (zh) group(kind int, nums []int, o Owed) string {
	what := "已逾期"
	if kind == dueToday {
		what = "今日到期"
	}
	return fmt.Sprintf("%s：第%s期，合计 %s = 本金 %s + 利息 %s + 费用 %s + 罚息 %s + 滞纳金 %s。",
		what, numbers(nums, "、"), o.Total, o.Principal, o.Interest, o.Fee, o.Penalty, o.LateFee)
}

func (zh) amountDue(s Statement) string {
	return fmt.Sprintf("当前应还 %s：还清后账户恢复正常。", s.AmountDue.Total)
}

func (zh) notYetDue(nums []int, o Scheduled) string {
	return fmt.Sprintf("未到期：第%s期，本金 %s、利息 %s、费用 %s，按合同到期再还，目前不欠；其中利息尚未发生，提前结清不收。",
		numbers(nums, "、"), o.Principal, o.Interest, o.Fee)
}

func (zh) payoff(s Statement) string {
	p := s.Payoff
	return fmt.Sprintf("今日（%s）提前结清应还 %s = 本金 %s + 利息 %s + 费用 %s + 罚息 %s + 滞纳金 %s + 提前还款违约金 %s − 抵扣 %s。",
		s.AsOf, p.Total, p.Principal, p.Interest, p.Fee, p.Penalty, p.LateFee, p.PrepaymentFee, p.Credit)
}

func (zh) interest(s Statement) string {
	n := s.Explanation.Payoff
	return fmt.Sprintf("利息 = 已到期未还利息 %s + 本期应计利息 %s − 未到期分期已提前支付的利息 %s（负数部分计入抵扣）。",
		s.AmountDue.Interest, n.AccruedInterest, n.InterestCredited)
}

func (zh) accruedSum(n PayoffNote, parts []money.Amount) string {
	if len(parts) == 1 && addsUp(parts, n.AccruedInterest) {
		return fmt.Sprintf("本期应计利息 %s（自 %s 起，按剩余本金逐日计算）。", n.AccruedInterest, n.From)
	}
	if addsUp(parts, n.AccruedInterest) {
		return fmt.Sprintf("本期应计利息 = %s = %s（本金在提前还款日减少）。", sumText(parts), n.AccruedInterest)
	}
	return fmt.Sprintf("本期应计利息 = 各段精确值之和四舍五入 = %s（各段分别取整为 %s）。", n.AccruedInterest, sumText(parts))
}

func (zh) noAccrual(s Statement) string {
	n := s.Explanation.Payoff
	if !s.AcceleratedOn.IsZero() {
		return fmt.Sprintf("贷款已于 %s 提前到期，本金均已到期，此后按罚息计收，不再计利息。", s.AcceleratedOn)
	}
	return fmt.Sprintf("自 %s 至 %s 没有未到期本金计息，本期应计利息 0。", n.From, n.To)
}

func (zh) fees(s Statement) string {
	n := s.Explanation.Payoff
	if n.RemainingFees == ChargeFees {
		if n.FeesCharged.IsPositive() {
			return fmt.Sprintf("费用含未到期分期的剩余手续费 %s（按约定提前结清照收）。", n.FeesCharged)
		}
		return ""
	}
	if n.FeeCredited.IsPositive() {
		return fmt.Sprintf("未到期分期已付的手续费 %s 免收并退回（计入抵扣）。", n.FeeCredited)
	}
	if s.NotYetDue.Fee.IsPositive() {
		return fmt.Sprintf("未到期分期的手续费 %s 免收。", s.NotYetDue.Fee)
	}
	return ""
}

func (zh) prepaymentFee(s Statement) string {
	n := s.Explanation.Payoff
	switch f := n.PrepaymentFee; {
	case f == nil:
		return ""
	case !n.Balance.IsPositive():
		return "没有提前偿还的本金，不收提前还款违约金。"
	case f.Percent != nil:
		return fmt.Sprintf("提前还款违约金 = 提前偿还的本金 %s × %s = %s。", n.Balance, f.Percent.Percent(), s.Payoff.PrepaymentFee)
	}
	return fmt.Sprintf("提前还款违约金按约定固定收取 %s。", s.Payoff.PrepaymentFee)
}

func (zh) credit(s Statement) string {
	if !s.Payoff.Credit.IsPositive() {
		return ""
	}
	return fmt.Sprintf("抵扣 %s = 多付未分配 %s + 提前多付、结清时无需的利息和费用。", s.Payoff.Credit, s.Unapplied)
}

func rangeOf(a, b int) []int {
	out := make([]int, 0, b-a+1)
	for k := a; k <= b; k++ {
		out = append(out, k)
	}
	return out
}
