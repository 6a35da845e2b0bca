package money

// Ratio returns a as an exact fraction, so that sums of products of amounts
// and rates can be formed exactly and rounded once (a minimum payment is
// round(Σ percent × balance), not Σ round(percent × balance)).
func (a Amount) Ratio() Ratio {
	if a.small() && int(a.places) < len(pow10) {
		return NewRatio(a.u, pow10[a.places])
	}
	return ratioFromBig(a.Rat())
}

// RoundRatio returns q rounded by r: the exit from exact Ratio arithmetic.
func RoundRatio(q Ratio, r Rounding) Amount { return New(1, 0).MulRatio(q, r) }
