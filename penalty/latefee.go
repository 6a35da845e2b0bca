package penalty

import "github.com/repayplan/repayplan/money"

// Charge is the fee f assesses on unpaid: the fixed Amount, or for a
// percent fee round(Rate × unpaid), raised to Min and lowered to Max (a
// zero Max is no maximum). Other engines that charge a penalty late fee on
// their own base (a card's 违约金 on the unpaid minimum) use it, so the
// rule is computed in one place.
func (f LateFee) Charge(unpaid money.Amount, r money.Rounding) money.Amount {
	return f.charge(unpaid, r, f.Rate.Ratio())
}

// charge is Charge with f.Rate as a fraction, so that an engine charging
// many fees converts (and reduces) the rate once.
func (f LateFee) charge(unpaid money.Amount, r money.Rounding, rate money.Ratio) money.Amount {
	switch f.Kind {
	case FixedFee:
		return f.Amount.Round(r)
	case PercentFee:
		fee := unpaid.MulRatio(rate, r)
		if fee.Cmp(f.Min) < 0 {
			fee = f.Min.Round(r)
		}
		if f.Max.IsPositive() && fee.Cmp(f.Max) > 0 {
			fee = f.Max.Round(r)
		}
		return fee
	}
	return money.Amount{}
}

// Validate checks f as a late-fee rule: a known kind, and only the fields
// that kind takes (a fixed fee its amount, a percent fee its rate between
// 0 and 1 and non-negative min and max with max ≥ min). Errors name the
// field below the late fee ("rate", "max"). Amounts may have up to
// money.MaxPlaces places here; an accrual policy also holds them to its
// rounding's minor unit.
func (f LateFee) Validate() error { return validateLateFee(f, money.MaxPlaces) }
