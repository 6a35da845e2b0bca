package plan

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// checkStatement validates a penalty statement given to the offer builder
// before anything is read from it: a statement is an
// output of Accrue, but one that arrives over the wire may have been
// edited or made up. Every amount must be within the input bounds (|x| ≤ 10^15, at most 12 decimal places), not
// negative and a whole number of the statement's minor units; each of the
// totals must be the sum of the installments' (outstanding the sum of
// the five); segments must have non-negative days and amounts and a daily
// rate Accrue could have used: at most 10/360 a day (1000 % a year)
// raised by a markup of at most 10 (× 11), so 110/360. Errors name the
// field below "statement".
func checkStatement(s penalty.Statement) error {
	maxSegmentRate := money.NewRatio(110, 360)
	rnd := s.Explanation.Policy.Rounding
	if err := money.Within("explanation.policy.rounding", rnd.Validate()); err != nil {
		return err
	}
	var sum [5]money.Amount
	for i, in := range s.Installments {
		at := fmt.Sprintf("installments[%d]", i)
		for _, c := range []namedAmount{
			{"principal", in.Principal}, {"interest", in.Interest}, {"fee", in.Fee},
			{"penalty", in.Penalty}, {"late_fee", in.LateFee}, {"penalty_accrued", in.PenaltyAccrued},
			{"contingent_penalty", in.ContingentPenalty}, {"late_fee_assessed", in.LateFeeAssessed},
		} {
			if err := checkMoney(at+"."+c.name, c.amount, rnd); err != nil {
				return err
			}
		}
		if in.Penalty.Cmp(in.PenaltyAccrued) > 0 {
			return money.Errorf(at+".penalty", "must not exceed penalty_accrued (%s), got %s", in.PenaltyAccrued, in.Penalty)
		}
		if in.LateFee.Cmp(in.LateFeeAssessed) > 0 {
			return money.Errorf(at+".late_fee", "must not exceed late_fee_assessed (%s), got %s", in.LateFeeAssessed, in.LateFee)
		}
		if in.DaysPastDue < 0 {
			return money.Errorf(at+".days_past_due", "must not be negative, got %d", in.DaysPastDue)
		}
		for k, a := range [5]money.Amount{in.Principal, in.Interest, in.Fee, in.Penalty, in.LateFee} {
			sum[k] = sum[k].Add(a)
		}
	}
	t := s.Totals
	totals := []namedAmount{
		{"principal", t.Principal}, {"interest", t.Interest}, {"fee", t.Fee},
		{"penalty", t.Penalty}, {"late_fee", t.LateFee},
	}
	var all money.Amount
	for k, c := range totals {
		if err := checkMoney("totals."+c.name, c.amount, rnd); err != nil {
			return err
		}
		if !c.amount.Equal(sum[k]) {
			return money.Errorf("totals."+c.name, "must be the sum of the installments' %s, %s, got %s", c.name, sum[k].Round(rnd), c.amount)
		}
		all = all.Add(c.amount)
	}
	if !t.Outstanding.Equal(all) {
		return money.Errorf("totals.outstanding", "must be principal + interest + fee + penalty + late_fee, %s, got %s", all.Round(rnd), t.Outstanding)
	}
	if err := checkMoney("unapplied", s.Unapplied, rnd); err != nil {
		return err
	}
	for i, g := range s.Explanation.Segments {
		at := fmt.Sprintf("explanation.segments[%d]", i)
		switch {
		case g.Days < 0:
			return money.Errorf(at+".days", "must not be negative, got %d", g.Days)
		case g.Rate.Sign() < 0 || g.Rate.Cmp(maxSegmentRate) > 0:
			return money.Errorf(at+".rate", "must be a daily rate between 0 and 110/360 (1000 %% a year, markup 10), got %s", g.Rate.FloatString(8))
		case g.Amount.IsNegative():
			return money.Errorf(at+".amount", "must not be negative, got %s", g.Amount)
		}
	}
	return nil
}
