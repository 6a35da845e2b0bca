package main

import (
	"fmt"
	"strings"

	"github.com/repayplan/repayplan/loan"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/plan"
)

// phrases is one language's wording of the screen.
type phrases struct {
	statementTitle string
	statement      func(loan.Statement) []string
	offersTitle    func(plan.OfferSet) string
	header         []string
	fits           string
	footnote       string
	option         func(plan.Offer) string
	monthly        func(plan.Offer) string
	whyNot         func(plan.Offer, plan.OfferSet) string
	advice         func(plan.OfferSet) string
}

func languages(lang string) ([]phrases, error) {
	switch lang {
	case "zh":
		return []phrases{chinese()}, nil
	case "en":
		return []phrases{english()}, nil
	case "both", "":
		return []phrases{chinese(), english()}, nil
	}
	return nil, fmt.Errorf("-lang: want zh, en or both, got %q", lang)
}

func chinese() phrases {
	names := map[plan.Option]string{
		plan.SettlementOption:  "一次性结清",
		plan.InterestFrozen:    "停息挂账",
		plan.InstallmentOption: "个性化分期",
		plan.DeferralOption:    "延期还款",
		plan.MinimumOption:     "最低还款",
	}
	return phrases{
		statementTitle: "【账户欠款明细】",
		statement:      loan.Statement.Chinese,
		offersTitle: func(s plan.OfferSet) string {
			return fmt.Sprintf("【还款方案】客户每月可还 %s；年化利率上限 %s；最长 %d 期。可行方案按总成本由低到高排列。",
				commas(s.AffordablePayment), capText(s, "不设上限"), s.Limits.MaxPeriods)
		},
		header:   []string{"排名", "方案", "月供", "期数", "总成本", "年化利率", "结论"},
		fits:     "✓ 可行",
		footnote: "  注：总成本 = 总还款额 − 欠款本金；月供取各期最高额；年化利率为按实际现金流计算的内部收益率年化值（IRR × 12）。",
		option: func(o plan.Offer) string {
			switch o.Option {
			case plan.DeferralOption:
				return fmt.Sprintf("%s %d 个月", names[o.Option], o.DeferredPeriods)
			case plan.InterestFrozen, plan.InstallmentOption:
				return fmt.Sprintf("%s %d 期", names[o.Option], o.Term)
			}
			return names[o.Option]
		},
		monthly: func(o plan.Offer) string {
			switch {
			case o.Option == plan.SettlementOption:
				return "一次付 " + commas(o.LargestPayment)
			case o.Option == plan.DeferralOption:
				return fmt.Sprintf("前 %d 期 0，之后 %s", o.DeferredPeriods, commas(o.LargestPayment))
			case o.Option == plan.MinimumOption:
				return "首期 " + commas(o.FirstPayment) + "，逐月递减"
			case o.DownPayment.IsPositive():
				return "首付 " + commas(o.DownPayment) + "，月供 " + commas(o.LargestPayment)
			}
			return commas(o.LargestPayment)
		},
		whyNot: func(o plan.Offer, s plan.OfferSet) string {
			var why []string
			for _, r := range o.Reasons {
				switch r {
				case plan.OverAffordable:
					why = append(why, fmt.Sprintf("超出还款能力（%s > %s）", commas(o.LargestPayment), commas(s.AffordablePayment)))
				case plan.OverAPRCap:
					why = append(why, fmt.Sprintf("年化利率超上限（%s > %s）", apr(o.APR), percent(s.Limits.APRCap)))
				case plan.OverTermLimit:
					why = append(why, fmt.Sprintf("期数超上限（%d > %d）", o.Term, s.Limits.MaxPeriods))
				case plan.Infeasible:
					why = append(why, "无法还清："+o.Note)
				}
			}
			return "✗ " + strings.Join(why, "；")
		},
		advice: func(s plan.OfferSet) string {
			best, ok := first(s)
			if !ok {
				return "  建议：没有方案在客户的还款能力之内，请核实可还金额或申请更大减免。"
			}
			diff, more := delta(best, s)
			word := "少付"
			if more {
				word = "多付"
			}
			return fmt.Sprintf("  建议：%s，每月 %s，共 %d 期，总还款 %s，比当前全部欠款 %s %s %s。",
				chinese().option(best), commas(best.LargestPayment), best.Term, commas(best.TotalPaid),
				commas(s.TotalOutstanding), word, commas(diff))
		},
	}
}

func english() phrases {
	names := map[plan.Option]string{
		plan.SettlementOption:  "Settle in full",
		plan.InterestFrozen:    "Interest frozen",
		plan.InstallmentOption: "Installments",
		plan.DeferralOption:    "Deferral",
		plan.MinimumOption:     "Minimum payment",
	}
	return phrases{
		statementTitle: "[What the account owes]",
		statement:      loan.Statement.English,
		offersTitle: func(s plan.OfferSet) string {
			return fmt.Sprintf("[Ways out] The customer can pay %s a month; APR cap %s; at most %d payments. Plans that fit come first, cheapest first.",
				commas(s.AffordablePayment), capText(s, "none"), s.Limits.MaxPeriods)
		},
		header:   []string{"Rank", "Option", "Monthly", "Term", "Total cost", "APR", "Verdict"},
		fits:     "✓ fits",
		footnote: "  Total cost = total paid − principal owed; Monthly is the largest payment; APR is the annualized internal rate of return of the actual payments (IRR × 12).",
		option: func(o plan.Offer) string {
			switch o.Option {
			case plan.DeferralOption:
				return fmt.Sprintf("%s %d mo", names[o.Option], o.DeferredPeriods)
			case plan.InterestFrozen, plan.InstallmentOption:
				return fmt.Sprintf("%s ×%d", names[o.Option], o.Term)
			}
			return names[o.Option]
		},
		monthly: func(o plan.Offer) string {
			switch {
			case o.Option == plan.SettlementOption:
				return commas(o.LargestPayment) + " once"
			case o.Option == plan.DeferralOption:
				return fmt.Sprintf("0 ×%d, then %s", o.DeferredPeriods, commas(o.LargestPayment))
			case o.Option == plan.MinimumOption:
				return commas(o.FirstPayment) + ", then less"
			case o.DownPayment.IsPositive():
				return commas(o.DownPayment) + " down, then " + commas(o.LargestPayment)
			}
			return commas(o.LargestPayment)
		},
		whyNot: func(o plan.Offer, s plan.OfferSet) string {
			var why []string
			for _, r := range o.Reasons {
				switch r {
				case plan.OverAffordable:
					why = append(why, fmt.Sprintf("over budget (%s > %s)", commas(o.LargestPayment), commas(s.AffordablePayment)))
				case plan.OverAPRCap:
					why = append(why, fmt.Sprintf("APR over cap (%s > %s)", apr(o.APR), percent(s.Limits.APRCap)))
				case plan.OverTermLimit:
					why = append(why, fmt.Sprintf("too long (%d > %d payments)", o.Term, s.Limits.MaxPeriods))
				case plan.Infeasible:
					why = append(why, "never repaid: "+o.Note)
				}
			}
			return "✗ " + strings.Join(why, "; ")
		},
		advice: func(s plan.OfferSet) string {
			best, ok := first(s)
			if !ok {
				return "  Advice: no plan is within what the customer can pay; check the amount or ask for a larger waiver."
			}
			diff, more := delta(best, s)
			word := "less"
			if more {
				word = "more"
			}
			return fmt.Sprintf("  Advice: %s — %s a month for %d months, %s in all: %s %s than the %s owed today.",
				english().option(best), commas(best.LargestPayment), best.Term, commas(best.TotalPaid),
				commas(diff), word, commas(s.TotalOutstanding))
		},
	}
}

func capText(s plan.OfferSet, none string) string {
	if s.Limits.APRCap.IsZero() {
		return none
	}
	return percent(s.Limits.APRCap)
}

// first returns the top-ranked offer, if any fits.
func first(s plan.OfferSet) (plan.Offer, bool) {
	if len(s.Offers) > 0 && s.Offers[0].Fits {
		return s.Offers[0], true
	}
	return plan.Offer{}, false
}

// delta is how much more (or less) the offer pays in all than the account
// owes today.
func delta(o plan.Offer, s plan.OfferSet) (diff money.Amount, more bool) {
	d := o.TotalPaid.Sub(s.TotalOutstanding)
	return d.Abs(), d.IsPositive()
}
