package schedule

import (
	"testing"
	"time"

	"github.com/repayplan/repayplan/money"
)

// FuzzDecodeTerms feeds arbitrary bytes to the strict decoder and, when they
// decode, builds the schedule: it must never panic, and a schedule it
// returns must satisfy every invariant.
func FuzzDecodeTerms(f *testing.F) {
	for _, seed := range []string{
		`{"principal":"1000000","annual_rate":"0.049","periods":360,"start_date":"2024-01-15"}`,
		`{"principal":"12000","annual_rate":"0","periods":12,"method":"flat_fee","fee_rate":"0.006","start_date":"2024-01-31"}`,
		`{"principal":"5000","annual_rate":"0.1","periods":24,"frequency":"biweekly","interest_basis":"daily","day_count":"act/act","start_date":"2023-12-20","first_due_date":"2024-01-10","grace":{"periods":3,"kind":"full"},"rounding":{"places":0,"mode":"half_even"}}`,
		`{"principal":"1e999999999","periods":1}`,
		`{"principal":"100","annual_rate":"10","periods":1200,"start_date":"1900-01-01","installment_multiple":"1"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var terms Terms
		if money.DecodeJSON(data, &terms) != nil {
			return
		}
		s, err := New(terms)
		if err != nil {
			return
		}
		if err := checkInvariants(terms, s); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
	})
}

// FuzzSchedule builds terms from structured random values, including
// extreme rates and terms, and checks the invariants.
func FuzzSchedule(f *testing.F) {
	f.Add(int64(100_000_000), uint32(49_000), uint16(360), uint8(0), uint8(0), uint8(0), uint8(0), uint16(0), uint8(0), uint8(2), uint16(15))
	f.Add(int64(1), uint32(10_000_000), uint16(1200), uint8(1), uint8(2), uint8(1), uint8(3), uint16(5), uint8(1), uint8(0), uint16(31))
	f.Fuzz(func(t *testing.T, cents int64, ratePPM uint32, periods uint16, method, freq, basis, dc uint8, grace uint16, graceKind, places uint8, day uint16) {
		terms := Terms{
			Principal:     money.New(cents, int(places%4)),
			AnnualRate:    money.NewRate(int64(ratePPM), 6),
			Periods:       int(periods),
			Method:        Method(method % 6),
			Frequency:     Frequency(freq % 5),
			InterestBasis: InterestBasis(basis % 3),
			DayCount:      money.DayCount(dc % 5),
			StartDate:     money.NewDate(2000, time.Month(1+day%12), 1+int(day%31)),
			Grace:         Grace{Periods: int(grace), Kind: GraceKind(graceKind % 3)},
			Rounding:      money.NewRounding(int(places%4), money.Mode(places%7)),
		}
		s, err := New(terms)
		if err != nil {
			return
		}
		if err := checkInvariants(terms, s); err != nil {
			t.Fatalf("%+v: %v", terms, err)
		}
	})
}
