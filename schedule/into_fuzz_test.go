package schedule

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/repayplan/repayplan/money"
)

// FuzzAmortizeInto builds terms from structured random values and a row
// buffer of random capacity left dirty by another schedule: AmortizeInto
// must never panic and must give exactly what Amortize gives.
func FuzzAmortizeInto(f *testing.F) {
	f.Add(int64(100_000_000), uint32(49_000), uint16(360), uint8(0), uint8(0), uint8(0), uint16(0), uint8(0), uint8(2), uint16(15), uint16(400))
	f.Add(int64(1_200_000), uint32(0), uint16(12), uint8(4), uint8(0), uint8(0), uint16(0), uint8(0), uint8(2), uint16(31), uint16(5))
	f.Add(int64(1), uint32(10_000_000), uint16(1200), uint8(1), uint8(2), uint8(1), uint16(5), uint8(1), uint8(0), uint16(31), uint16(1200))
	f.Add(int64(99_999_999_999), uint32(123_456), uint16(240), uint8(1), uint8(1), uint8(0), uint16(3), uint8(2), uint8(1), uint16(59), uint16(0))
	f.Fuzz(func(t *testing.T, cents int64, ratePPM uint32, periods uint16, method, freq, basis uint8, grace uint16, graceKind, places uint8, day, bufCap uint16) {
		terms := Terms{
			Principal:     money.New(cents, int(places%4)),
			AnnualRate:    money.NewRate(int64(ratePPM), 6),
			Periods:       int(periods),
			Method:        Method(method % 6),
			Frequency:     Frequency(freq % 5),
			InterestBasis: InterestBasis(basis % 3),
			StartDate:     money.NewDate(2000, time.Month(1+day%12), 1+int(day%31)),
			Grace:         Grace{Periods: int(grace), Kind: GraceKind(graceKind % 3)},
			Rounding:      money.NewRounding(int(places%4), money.Mode(places%7)),
		}
		want, werr := Amortize(terms)
		got, gerr := AmortizeInto(dirty(int(bufCap%1300)), terms)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("%+v: Amortize %v, AmortizeInto %v", terms, werr, gerr)
		}
		if werr != nil {
			return
		}
		if got.Priced() || !got.Rates.APR.IsZero() {
			t.Fatalf("%+v: rates on an unpriced schedule: %+v", terms, got.Rates)
		}
		// DeepEqual: the same values at the same places, row for row.
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%+v:\n got %+v\nwant %+v", terms, got, want)
		}
	})
}

// FuzzScheduleJSON feeds arbitrary bytes to Schedule's UnmarshalJSON: it
// must never panic, and what it accepts must encode and decode again to
// the same JSON.
func FuzzScheduleJSON(f *testing.F) {
	priced, err := New(Terms{Principal: money.New(1200, 0), AnnualRate: money.MustParseRate("0.12"), Periods: 3, StartDate: money.MustParseDate("2024-01-15")})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []Schedule{priced, {RowCount: 0, Rows: []Row{}}} {
		b, err := json.Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"row_count":1,"rows":[],"totals":{},"apr":"0.1"}`))
	f.Add([]byte(`{"irr":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Schedule
		if json.Unmarshal(data, &s) != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			return // an amount decoded beyond what encodes, say
		}
		var back Schedule
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: re-decoding %s: %v", data, b, err)
		}
		again, err := json.Marshal(back)
		if err != nil || string(again) != string(b) {
			t.Fatalf("%s: %s, then %s (%v)", data, b, again, err)
		}
	})
}
