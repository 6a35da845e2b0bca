package penalty_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

const (
	pen = penalty.PenaltyComponent
	lf  = penalty.LateFeeComponent
	fee = penalty.FeeComponent
	itr = penalty.InterestComponent
	pri = penalty.PrincipalComponent
)

// invariants checks what must hold for every account, returning the first
// violation. Amounts compare exactly: the generator keeps inputs within
// the rounding's places.
func invariants(a penalty.Account, s penalty.Statement) error {
	x := s.Explanation
	n := len(a.Installments)
	if len(s.Installments) != n {
		return fmt.Errorf("%d installments in, %d out", n, len(s.Installments))
	}
	var paid, waived = make([][5]money.Amount, n), make([][5]money.Amount, n)
	var unapplied money.Amount
	for _, p := range x.Payments {
		sum := p.Unapplied
		for _, al := range p.Allocations {
			if !al.Amount.IsPositive() {
				return fmt.Errorf("payment %s: allocation %v not positive", p.Date, al)
			}
			paid[al.Installment-1][al.Component] = paid[al.Installment-1][al.Component].Add(al.Amount)
			sum = sum.Add(al.Amount)
		}
		if !sum.Equal(p.Amount) {
			return fmt.Errorf("payment %s %s: allocations + unapplied = %s", p.Date, p.Amount, sum)
		}
		unapplied = unapplied.Add(p.Unapplied)
	}
	if !unapplied.Equal(s.Unapplied) {
		return fmt.Errorf("unapplied %s, payments say %s", s.Unapplied, unapplied)
	}
	for _, w := range x.Waivers {
		for _, al := range w.Applied {
			waived[al.Installment-1][al.Component] = waived[al.Installment-1][al.Component].Add(al.Amount)
		}
	}
	payable, contingent, fees := make([]money.Amount, n), make([]money.Amount, n), make([]money.Amount, n)
	for _, g := range x.Segments {
		k := g.Installment - 1
		if g.Days != g.To.Sub(g.From) || g.Days <= 0 || g.Amount.IsNegative() {
			return fmt.Errorf("segment %+v malformed", g)
		}
		if want := segmentBase(a, g, x); !g.Base.Equal(want) {
			return fmt.Errorf("segment %+v: base %s, principal(+interest) outstanding then %s", g, g.Base, want)
		}
		switch g.Status {
		case penalty.Payable:
			payable[k] = payable[k].Add(g.Amount)
		case penalty.Contingent:
			contingent[k] = contingent[k].Add(g.Amount)
		}
	}
	for _, f := range x.LateFees {
		fees[f.Installment-1] = fees[f.Installment-1].Add(f.Amount)
	}
	var tot penalty.Totals
	for k, b := range s.Installments {
		in := a.Installments[k]
		for _, c := range []struct {
			name                  string
			out, paid, waived, in money.Amount
		}{
			{"principal", b.Principal, paid[k][pri], waived[k][pri], in.Principal},
			{"interest", b.Interest, paid[k][itr], waived[k][itr], in.Interest},
			{"fee", b.Fee, paid[k][fee], waived[k][fee], in.Fee},
			{"penalty", b.Penalty, paid[k][pen], waived[k][pen], b.PenaltyAccrued},
			{"late_fee", b.LateFee, paid[k][lf], waived[k][lf], b.LateFeeAssessed},
		} {
			if c.out.IsNegative() {
				return fmt.Errorf("installment %d %s negative: %s", k+1, c.name, c.out)
			}
			if got := c.out.Add(c.paid).Add(c.waived); !got.Equal(c.in) {
				return fmt.Errorf("installment %d %s: outstanding %s + paid %s + waived %s ≠ %s", k+1, c.name, c.out, c.paid, c.waived, c.in)
			}
		}
		if !payable[k].Equal(b.PenaltyAccrued) {
			return fmt.Errorf("installment %d: payable segments sum to %s, penalty_accrued %s", k+1, payable[k], b.PenaltyAccrued)
		}
		if !contingent[k].Equal(b.ContingentPenalty) {
			return fmt.Errorf("installment %d: contingent segments %s, contingent_penalty %s", k+1, contingent[k], b.ContingentPenalty)
		}
		if !fees[k].Equal(b.LateFeeAssessed) {
			return fmt.Errorf("installment %d: late fees %s, late_fee_assessed %s", k+1, fees[k], b.LateFeeAssessed)
		}
		if p := a.Policy; p.Cap != nil {
			limit := in.Principal.MulRatio(p.Cap.Ratio(), p.Rounding)
			if used := b.PenaltyAccrued.Add(b.ContingentPenalty).Add(b.LateFeeAssessed); used.Cmp(limit) > 0 {
				return fmt.Errorf("installment %d: %s accrued and charged, cap %s", k+1, used, limit)
			}
		}
		unpaid := b.Principal.Add(b.Interest).Add(b.Fee)
		wantDPD := 0
		if a.AsOf.After(in.DueDate) && unpaid.IsPositive() {
			wantDPD = a.AsOf.Sub(in.DueDate)
		}
		if b.DaysPastDue != wantDPD {
			return fmt.Errorf("installment %d: days_past_due %d, want %d", k+1, b.DaysPastDue, wantDPD)
		}
		tot.Principal = tot.Principal.Add(b.Principal)
		tot.Penalty = tot.Penalty.Add(b.Penalty)
		tot.Outstanding = tot.Outstanding.Add(unpaid).Add(b.Penalty).Add(b.LateFee)
	}
	if !tot.Principal.Equal(s.Totals.Principal) || !tot.Penalty.Equal(s.Totals.Penalty) || !tot.Outstanding.Equal(s.Totals.Outstanding) {
		return fmt.Errorf("totals %+v do not add up to %+v", s.Totals, tot)
	}
	return nil
}

// segmentBase replays the explanation: the principal (and, under
// principal_and_interest, interest) an installment still owed after the
// payments and waivers dated on or before the segment's start. Penalty,
// late fees and fees never enter it.
func segmentBase(a penalty.Account, g penalty.Segment, x penalty.Explanation) money.Amount {
	in := a.Installments[g.Installment-1]
	withInterest := a.Policy.Base == penalty.PrincipalAndInterest
	base := in.Principal
	if withInterest {
		base = base.Add(in.Interest)
	}
	sub := func(al penalty.Allocation) {
		if al.Installment == g.Installment && (al.Component == pri || (withInterest && al.Component == itr)) {
			base = base.Sub(al.Amount)
		}
	}
	for _, p := range x.Payments {
		if !p.Date.After(g.From) {
			for _, al := range p.Allocations {
				sub(al)
			}
		}
	}
	for _, w := range x.Waivers {
		if !w.Waiver.Date.After(g.From) {
			for _, al := range w.Applied {
				sub(al)
			}
		}
	}
	return base
}

// ledgers is how many random ledgers a property runs over; -short (the
// race-detector run in CI) takes fewer.
func ledgers(n uint64) uint64 {
	if testing.Short() {
		return n / 8
	}
	return n
}

func TestPropertiesRandomLedgers(t *testing.T) {
	for seed := range ledgers(4000) {
		rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
		a := randomAccount(rng)
		s, err := penalty.Accrue(a)
		require.NoError(t, err, "seed %d", seed)
		require.NoError(t, invariants(a, s), "seed %d", seed)
	}
}

// Listing payments on different dates in another order must not change
// anything; only same-day order matters.
func TestPropertyPaymentListingOrder(t *testing.T) {
	for seed := range ledgers(1500) {
		rng := rand.New(rand.NewPCG(seed, 7))
		a := randomAccount(rng)
		want, err := penalty.Accrue(a)
		require.NoError(t, err)
		// A random key per date, then a stable sort: dates interleave
		// differently, same-day payments keep their input order.
		key := map[money.Date]int{}
		for _, p := range a.Payments {
			if _, ok := key[p.Date]; !ok {
				key[p.Date] = rng.Int()
			}
		}
		shuffled := a
		shuffled.Payments = slices.Clone(a.Payments)
		slices.SortStableFunc(shuffled.Payments, func(p, q penalty.Payment) int { return cmp.Compare(key[p.Date], key[q.Date]) })
		got, err := penalty.Accrue(shuffled)
		require.NoError(t, err)
		require.Equal(t, mustJSON(t, want), mustJSON(t, got), "seed %d", seed)
	}
}

// Accrue is deterministic and has no shared state: the same account
// accrued concurrently gives the same bytes.
func TestConcurrentUse(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	accounts := make([]penalty.Account, 50)
	want := make([]string, len(accounts))
	for i := range accounts {
		accounts[i] = randomAccount(rng)
		s, err := penalty.Accrue(accounts[i])
		require.NoError(t, err)
		want[i] = mustJSON(t, s)
	}
	done := make(chan error, 8)
	for range 8 {
		go func() {
			for i, a := range accounts {
				s, err := penalty.Accrue(a)
				if err != nil || mustJSONErr(s) != want[i] {
					done <- fmt.Errorf("account %d differs", i)
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		require.NoError(t, <-done)
	}
}

func mustJSON(t testing.TB, v any) string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func mustJSONErr(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
