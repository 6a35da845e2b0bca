package penalty_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// nationalDay is the national-day seed: 1000.00 due 2025-10-01, a cn
// holiday (国庆节、中秋节 10-01 to 10-08 in the 2025 notice), so due Thu
// 10-09; 400.00 paid on 10-09 is on time; 600.00 × 0.05% × 11 days
// (10-09 to 10-20) = 3.30; late fee 20 at the start of 10-10.
const nationalDay = `{"as_of":"2025-10-20",
	"installments":[{"due_date":"2025-10-01","principal":"1000.00"}],
	"payments":[{"date":"2025-10-09","amount":"400.00"}],
	"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"late_fee":{"kind":"fixed","amount":"20"},
		"calendar":{"preset":"cn"}}}`

func TestEffectiveDueDate(t *testing.T) {
	s := accrue(t, nationalDay)
	b := s.Installments[0]
	assert.Equal(t, "2025-10-01", b.DueDate.String())
	assert.Equal(t, "2025-10-09", b.EffectiveDueDate.String())
	assert.Equal(t, 11, b.DaysPastDue)
	amountEq(t, "3.30", b.PenaltyAccrued)
	amountEq(t, "20", b.LateFeeAssessed)
	require.Len(t, s.Explanation.Moves, 1)
	m := s.Explanation.Moves[0]
	assert.Equal(t, 1, m.Installment)
	assert.Equal(t, money.PublicHoliday, m.Closure.Kind)
	assert.Equal(t, money.NationalDay, m.Closure.Holiday)
	assert.Equal(t, "2025-10-10", s.Explanation.LateFees[0].Date.String()) // D+g+1 with g = 0
	assert.Equal(t, "2025-10-09", s.Explanation.Segments[0].From.String())
}

// The explanation says why, in both languages (issue 9's wording).
func TestMoveRendered(t *testing.T) {
	s := accrue(t, nationalDay)
	zh, en := strings.Join(s.Chinese(), "\n"), strings.Join(s.English(), "\n")
	assert.Contains(t, zh, "还款日 2025-10-01 为国庆节假日，顺延至 2025-10-09")
	assert.Contains(t, zh, "还款日遇非工作日（中国法定节假日及调休）顺延至下一工作日")
	assert.Contains(t, en, "The due date 2025-10-01 falls on a National Day holiday, so the installment is due on the next business day, 2025-10-09")
	// Preceding moves back: 提前.
	s = accrue(t, strings.Replace(nationalDay, `"calendar"`, `"business_day":"preceding","calendar"`, 1))
	zh, en = strings.Join(s.Chinese(), "\n"), strings.Join(s.English(), "\n")
	assert.Contains(t, zh, "还款日 2025-10-01 为国庆节假日，提前至 2025-09-30")
	assert.Contains(t, en, "due on the business day before, 2025-09-30")
	// A weekend under the weekends preset, and a lender's holiday.
	s = accrue(t, `{"as_of":"2026-03-20","installments":[{"due_date":"2026-03-01","principal":"10"},{"due_date":"2026-03-03","principal":"10"}],
		"policy":{"calendar":{"holidays":["2026-03-03"]}}}`)
	zh, en = strings.Join(s.Chinese(), "\n"), strings.Join(s.English(), "\n")
	assert.Contains(t, zh, "还款日 2026-03-01 为周末，顺延至 2026-03-02")
	assert.Contains(t, zh, "还款日 2026-03-03 为机构休息日，顺延至 2026-03-04")
	assert.Contains(t, en, "The due date 2026-03-01 falls on a weekend")
	assert.Contains(t, en, "falls on a holiday of the lender's")
}

// Without a calendar nothing changes: effective_due_date equals due_date,
// the explanation has no moves, and its JSON has no "moves" or calendar key.
func TestNoCalendarNoChange(t *testing.T) {
	s := accrue(t, strings.Replace(nationalDay, `,
		"calendar":{"preset":"cn"}`, "", 1))
	assert.Equal(t, s.Installments[0].DueDate, s.Installments[0].EffectiveDueDate)
	assert.Empty(t, s.Explanation.Moves)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"moves"`)
	assert.NotContains(t, string(b), `"calendar"`)
	assert.Contains(t, string(b), `"effective_due_date":"2025-10-01"`)
	// Due 10-01: 1000 × 0.05% × 8 days (10-01..10-09) = 4.00; late fee 20 at
	// 10-02; the 400.00 on 10-09 pays 4.00 penalty, 20 late fee, 376.00
	// principal; 624.00 × 0.05% × 11 days = 3.432 → 3.43; 4.00 + 3.43.
	amountEq(t, "7.43", s.Installments[0].PenaltyAccrued)
}

// The statement's policy must not share the caller's calendar lists.
func TestCalendarNotShared(t *testing.T) {
	var a penalty.Account
	require.NoError(t, money.DecodeJSON([]byte(`{"as_of":"2026-03-20","installments":[{"due_date":"2026-03-03","principal":"10"}],
		"policy":{"calendar":{"holidays":["2026-03-03"]}}}`), &a))
	s, err := penalty.Accrue(a)
	require.NoError(t, err)
	a.Policy.Calendar.Holidays[0] = money.MustParseDate("2026-03-04")
	assert.Equal(t, "2026-03-03", s.Explanation.Policy.Calendar.Holidays[0].String())
}

// TestCalendarEqualsMovedDueDates: accruing with a calendar is accruing
// without one on the moved due dates — every amount, segment, fee and
// allocation alike; only due_date and the recorded moves differ.
func TestCalendarEqualsMovedDueDates(t *testing.T) {
	for seed := range ledgers(2000) {
		rng := rand.New(rand.NewPCG(seed, 91))
		a := randomAccount(rng)
		a.Policy.Calendar = money.NewCalendar(money.CalendarPreset(rng.IntN(4)),
			[]money.Date{a.Installments[0].DueDate.AddDays(rng.IntN(40))}, nil)
		a.Policy.BusinessDay = money.BusinessDay(rng.IntN(4))
		s, err := penalty.Accrue(a)
		require.NoError(t, err, "seed %d", seed)
		moved := a
		moved.Policy.Calendar, moved.Policy.BusinessDay = money.Calendar{}, money.Following
		moved.Installments = slices.Clone(a.Installments)
		for i := range moved.Installments {
			moved.Installments[i].DueDate = a.Policy.EffectiveDueDate(a.Installments[i].DueDate)
		}
		want, err := penalty.Accrue(moved)
		require.NoError(t, err, "seed %d", seed)
		require.NoError(t, invariants(moved, want))
		for i := range s.Installments {
			require.Equal(t, a.Installments[i].DueDate, s.Installments[i].DueDate)
			require.Equal(t, want.Installments[i].DueDate, s.Installments[i].EffectiveDueDate)
			if a.Policy.BusinessDay != money.Unadjusted && !a.Policy.Calendar.IsZero() {
				require.True(t, a.Policy.Calendar.IsBusinessDay(s.Installments[i].EffectiveDueDate))
			}
			s.Installments[i].DueDate = s.Installments[i].EffectiveDueDate
		}
		require.Len(t, s.Explanation.Moves, countMoved(a))
		s.Explanation.Moves = nil
		s.Explanation.Policy.Calendar, s.Explanation.Policy.BusinessDay = money.Calendar{}, money.Following
		require.Equal(t, mustJSON(t, want), mustJSON(t, s), "seed %d", seed)
	}
}

func countMoved(a penalty.Account) int {
	n := 0
	for _, in := range a.Installments {
		if a.Policy.EffectiveDueDate(in.DueDate) != in.DueDate {
			n++
		}
	}
	return n
}

func TestCalendarPolicyErrors(t *testing.T) {
	for _, c := range []struct{ policy, field string }{
		{`{"calendar":{"preset":"uk"}}`, "policy.calendar.preset"},
		{`{"calendar":{"preset":"cn"},"business_day":"nearest"}`, "policy.business_day"},
		{`{"calendar":{"holidays":["2025-10-32"]}}`, "policy.calendar.holidays[0]"},
		{`{"calendar":{"holidays":["2025-10-10"],"workdays":["2025-10-10"]}}`, "policy.calendar.workdays[0]"},
		{`{"calendar":{"preset":"cn","extra":1}}`, "policy.calendar.extra"},
	} {
		var a penalty.Account
		err := money.DecodeJSON([]byte(`{"as_of":"2025-10-20","installments":[{"due_date":"2025-10-01","principal":"1"}],"policy":`+c.policy+`}`), &a)
		var e *money.Error
		require.ErrorAs(t, err, &e, c.policy)
		assert.Equal(t, c.field, e.Field, c.policy)
	}
	// A Go-built policy is checked too: unsorted own holidays, an unknown rule.
	a := penalty.Account{AsOf: money.MustParseDate("2025-10-20"),
		Installments: []penalty.Installment{{DueDate: money.MustParseDate("2025-10-01"), Principal: money.New(1, 0)}}}
	a.Policy.Calendar = money.Calendar{Holidays: []money.Date{money.MustParseDate("2025-10-02"), money.MustParseDate("2025-10-01")}}
	_, err := penalty.Accrue(a)
	var e *money.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "policy.calendar.holidays[1]", e.Field)
	a.Policy.Calendar, a.Policy.BusinessDay = money.Calendar{Preset: money.PresetCN}, 9
	_, err = penalty.Accrue(a)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "policy.business_day", e.Field)
}

// FuzzAccrueCalendar: random ledgers under fuzzer-chosen calendars and
// rules accrue as the same ledger on the moved due dates, never panic, and
// reject bad calendars with a *money.Error.
func FuzzAccrueCalendar(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(2), uint8(0), int16(3), int16(-1))
	f.Add(uint64(3), uint64(4), uint8(3), uint8(1), int16(0), int16(0))
	f.Add(uint64(5), uint64(6), uint8(1), uint8(2), int16(30000), int16(12))
	f.Fuzz(func(t *testing.T, s1, s2 uint64, preset, rule uint8, hol, work int16) {
		rng := rand.New(rand.NewPCG(s1, s2))
		a := randomAccount(rng)
		first := a.Installments[0].DueDate
		var hs, ws []money.Date
		if hol != 0 {
			hs = []money.Date{first.AddDays(int(hol))}
		}
		if work != 0 {
			ws = []money.Date{first.AddDays(int(work))}
		}
		a.Policy.Calendar = money.NewCalendar(money.CalendarPreset(preset%5), hs, ws)
		a.Policy.BusinessDay = money.BusinessDay(rule % 5)
		s, err := penalty.Accrue(a)
		if err != nil {
			mustBeInvalid(t, err)
			return
		}
		moved := a
		moved.Policy.Calendar = money.Calendar{}
		moved.Installments = slices.Clone(a.Installments)
		for i := range moved.Installments {
			moved.Installments[i].DueDate = s.Installments[i].EffectiveDueDate
		}
		want, err := penalty.Accrue(moved)
		if err != nil {
			t.Fatalf("moved ledger rejected: %v", err)
		}
		for i := range want.Installments {
			if !want.Installments[i].PenaltyAccrued.Equal(s.Installments[i].PenaltyAccrued) || want.Installments[i].DaysPastDue != s.Installments[i].DaysPastDue {
				t.Fatalf("installment %d differs from the moved ledger", i+1)
			}
		}
		_ = s.Chinese()
		_ = s.English()
	})
}
