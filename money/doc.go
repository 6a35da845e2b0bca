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
// Dates are civil dates without time zones. Adding months keeps the anchor
// day and clamps to the end of shorter months, so month k of a schedule is
// always anchor + k months, never a chain of additions that drifts.
//
// Every invalid input is reported as an [*Error] naming the field and the
// rule it breaks; errors.Is(err, ErrInvalid) matches all of them.
package money
