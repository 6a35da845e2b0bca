package money

import "math/big"

var maxAmount = New(1_000_000_000_000_000, 0)

// CheckAmount returns an *Error for field when a breaks the input bounds
// (|a| ≤ 10^15, at most 12 decimal places). Values decoded from
// JSON are already checked; this is for values built in Go.
func CheckAmount(field string, a Amount) error {
	if a.small() && a.places <= MaxPlaces {
		// Most amounts: an int64 coefficient at a few places, held to
		// 10^(15+places) directly. From 4 places on, every int64
		// coefficient (below 9.3 × 10^18) is within it.
		if a.places >= 4 {
			return nil
		}
		if lim := pow10[15+a.places]; a.u >= -lim && a.u <= lim {
			return nil
		}
	}
	if a.Abs().Cmp(maxAmount) > 0 {
		return Errorf(field, "magnitude must not exceed 10^15, got %s", clip(a.String()))
	}
	if a.places > MaxPlaces && !a.fitsPlaces(MaxPlaces) {
		return Errorf(field, "must have at most %d decimal places, got %s", MaxPlaces, clip(a.String()))
	}
	return nil
}

// FitsPlaces reports whether a needs no more than places decimal places,
// that is, whether rounding it to places would not change it.
func (a Amount) FitsPlaces(places int) bool {
	return int(a.places) <= places || a.fitsPlaces(places)
}

func (a Amount) fitsPlaces(places int) bool {
	rem := new(big.Int).Rem(a.coef(), pow10Big(int(a.places)-places))
	return rem.Sign() == 0
}

// CheckRate returns an *Error for field unless lo ≤ r ≤ hi.
func CheckRate(field string, r Rate, lo, hi int64) error {
	if r.places >= 0 && r.places < int32(len(pow10)) {
		// lo and hi on r's scale, when that fits in int64: no fraction.
		if l, okL := mul64(lo, int(r.places)); okL {
			if h, okH := mul64(hi, int(r.places)); okH && r.coef >= l && r.coef <= h {
				return nil
			}
		}
	}
	q := r.Ratio()
	if q.Cmp(NewRatio(lo, 1)) < 0 || q.Cmp(NewRatio(hi, 1)) > 0 {
		return Errorf(field, "must be between %d and %d, got %s", lo, hi, r)
	}
	return nil
}
