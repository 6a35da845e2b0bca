package benchmarks

import (
	"errors"
	"math"

	"github.com/repayplan/repayplan/money"
)

// perMillion is the int64 peer's rate unit: an annual rate of 4.9 % is
// 49 000 millionths, so a monthly rate is millionths / 12 000 000.
const perMillion = 1_000_000

// ErrInt64Range is returned by Int64 for a negative principal or rate, a
// term under one month, or a loan whose cents × rate does not fit in int64.
var ErrInt64Range = errors.New("benchmarks: the loan is outside the int64 loop's range: negative, under one month, or cents × rate in millionths past int64")

// Int64 is the equal_installment schedule on int64 minor units: principal
// in cents, the annual rate in millionths (49 000 for 4.9 %). Each row's
// interest is cents × rate / 12 000 000 rounded half up in integers, which
// is exact; the payment needs (1+r)^n, which an engineer takes from
// math.Pow and rounds to a cent, so the schedule is exact wherever that
// float64 payment is.
func Int64(cents, millionths int64, months int, start money.Date) (Schedule[int64], error) {
	const den = 12 * perMillion
	if cents < 0 || millionths < 0 || months < 1 || (millionths > 0 && cents > (math.MaxInt64-den)/(2*millionths)) {
		return Schedule[int64]{}, ErrInt64Range
	}
	n := int64(months)
	payment := (2*cents + n) / (2 * n) // half up: P/n
	if millionths != 0 {
		r := float64(millionths) / den
		g := math.Pow(1+r, float64(months))
		payment = int64(math.Round(float64(cents) * r * g / (g - 1)))
	}
	s := Schedule[int64]{Rows: make([]Row[int64], months)}
	dues := start.Months().From(1)
	bal, prev := cents, start
	for i := range s.Rows {
		due := dues.Next()
		interest := (2*bal*millionths + den) / (2 * den) // half up, bal ≥ 0
		repaid := payment - interest
		if i == months-1 {
			repaid = bal
		}
		s.Rows[i] = Row[int64]{Number: i + 1, Due: due, Days: due.Sub(prev),
			Opening: bal, Principal: repaid, Interest: interest, Payment: repaid + interest, Closing: bal - repaid}
		s.Principal += repaid
		s.Interest += interest
		s.Payment += repaid + interest
		bal, prev = bal-repaid, due
	}
	return s, nil
}
