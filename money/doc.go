// Package money holds the primitives every calculation in this module shares:
// exact amounts, rounding, rates, civil dates and day counts.
//
// Amounts are exact decimals held as an int64 count of 10^-places units, so
// the arithmetic of a schedule runs on machine integers (with 128-bit
// products from math/bits). A value too large for that falls back to
// math/big transparently: results never overflow and never round except where
// a [Rounding] is applied. Rates are kept as exact fractions ([Ratio]) so an
// annual rate divided by 12 or 360 is never rounded before it is used.
//
// [Amount.Grouped] writes an amount as a sentence reads it aloud, with
// thousands separators ("1,050.00"): only the whole part is grouped, and
// removing the commas gives String's text back.
//
// Dates are civil dates without time zones. Adding months keeps the anchor
// day and clamps to the end of shorter months, so month k of a schedule is
// always anchor + k months, never a chain of additions that drifts.
//
// A [Calendar] says which days are business days: the preset cn
// (weekends plus the State Council's statutory holidays and 调休 make-up
// workdays, shipped for 2024–2026 from each year's notice
// 国务院办公厅关于…年部分节假日安排的通知, cited beside its data in
// calendar_cn.go, which also says how to add a year), us (weekends plus the
// Federal Reserve's holidays by rule for any year: a Sunday holiday is
// observed Monday, a Saturday one is not moved; Juneteenth from 2021),
// weekends, or none, plus the lender's own holidays and workdays, which
// override the preset (a workday first). Outside the shipped years, and on
// days its notices do not list, cn is judged by weekends alone. [BusinessDay]
// rules move a closed date: following, modified_following (following
// unless that leaves the month, then preceding), preceding, none. The zero
// Calendar moves nothing; in JSON a calendar without a preset is weekends.
// Lookups are O(1) for presets and O(log n) for the lender's sorted lists,
// and a calendar is a read-only value, safe to copy and share.
//
// Choices where the usual rules leave it open: a lender's lists hold at most
// [MaxCalendarDates] dates each, in ascending order when built in Go
// ([NewCalendar] sorts; decoding sorts after checking, so errors name
// positions as written); a date listed twice in one list is harmless. The
// 2025 notice merges 国庆节 and 中秋节 (10-01 to 10-08): 10-06, 中秋 itself,
// is named Mid-Autumn and the other days National Day. The us rules are
// applied to every year alike; the library does not model the holidays'
// history before 1971 (MLK Day before 1986).
//
// Every invalid input is reported as an [*Error] naming the field and the
// rule it breaks; errors.Is(err, ErrInvalid) matches all of them.
package money
