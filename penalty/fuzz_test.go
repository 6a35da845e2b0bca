package penalty_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/repayplan/repayplan/internal/vectors"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// FuzzDecodeAccrual feeds arbitrary bytes through the accrual kind's path:
// strict decoding, validation, accrual, rendering. It must never panic,
// and every rejection must be a *money.Error.
func FuzzDecodeAccrual(f *testing.F) {
	for _, in := range vectors.Inputs(f, "..", "accrual-*.json") {
		f.Add(in)
	}
	f.Add([]byte(`{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-15","principal":"1e999999999"}]}`))
	f.Add([]byte(`{"as_of":"2025-03-01","installments":[{"due_date":"2025-01-15","principal":"1"}],"policy":{"cap":"0","stop_after_days":1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a penalty.Account
		if err := money.DecodeJSON(data, &a); err != nil {
			mustBeInvalid(t, err)
			return
		}
		s, err := penalty.Accrue(a)
		if err != nil {
			mustBeInvalid(t, err)
			return
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("statement does not marshal: %v", err)
		}
		_ = s.Chinese()
		_ = s.English()
	})
}

func mustBeInvalid(t *testing.T, err error) {
	t.Helper()
	var e *money.Error
	if !errors.As(err, &e) || !errors.Is(err, money.ErrInvalid) {
		t.Fatalf("error %v (%T) is not a *money.Error", err, err)
	}
}

// FuzzAccrue drives the engine with random ledgers (seeded by the fuzzer)
// and fuzzer-chosen policy extremes; valid ones must satisfy every
// invariant, invalid ones must be rejected cleanly.
func FuzzAccrue(f *testing.F) {
	f.Add(uint64(1), uint64(2), 0, 0, int64(5), uint8(4), uint8(0))
	f.Add(uint64(3), uint64(4), 3, 90, int64(49), uint8(3), uint8(1))
	f.Add(uint64(5), uint64(6), 3650, 1, int64(100000), uint8(0), uint8(2))
	f.Fuzz(func(t *testing.T, s1, s2 uint64, grace, stop int, rateCoef int64, ratePlaces, variant uint8) {
		rng := rand.New(rand.NewPCG(s1, s2))
		a := randomAccount(rng)
		a.Policy.GraceDays = grace
		a.Policy.StopAfterDays = stop
		a.Policy.PenaltyRate.Rate = money.NewRate(rateCoef, int(ratePlaces%13))
		switch variant % 4 {
		case 1:
			c := money.NewRate(rateCoef, int(ratePlaces%13))
			a.Policy.Cap = &c
		case 2:
			// Everything on one day: stresses same-day ordering.
			for i := range a.Payments {
				a.Payments[i].Date = a.Installments[0].DueDate
			}
		case 3:
			a.AsOf = a.Installments[0].DueDate.AddDays(int(rateCoef % 40000))
		}
		s, err := penalty.Accrue(a)
		if err != nil {
			mustBeInvalid(t, err)
			return
		}
		if err := invariants(a, s); err != nil {
			t.Fatal(err)
		}
		_ = s.Chinese()
		_ = s.English()
		// A balances-only accrual has the same figures.
		err = penalty.AccrueAll(context.Background(), a.AsOf, slices.All([]penalty.Account{a}),
			penalty.BatchOptions{Workers: 1, Balances: true}, func(r penalty.BatchResult[int]) error {
				if r.Err != nil {
					return r.Err
				}
				if !reflect.DeepEqual(r.Statement.Installments, s.Installments) || !reflect.DeepEqual(r.Statement.Totals, s.Totals) ||
					r.Statement.Bucket != s.Bucket || r.Statement.DaysPastDue != s.DaysPastDue {
					t.Fatalf("balances-only statement %+v differs from %+v", r.Statement, s)
				}
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
	})
}
