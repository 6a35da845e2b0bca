// Package enum writes the enums of this module's packages: small integers
// whose zero value is the default, read and written in JSON as snake_case
// names. Text, Parse and Name keep each enum's methods to one line. It is
// internal: callers of the module use the enums' own methods.
package enum

import (
	"strconv"
	"strings"

	"github.com/repayplan/repayplan/money"
)

// Text returns names[v], for a MarshalText method; a v outside names is an
// error.
func Text[T ~uint8](v T, names []string) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, Error(Name(v, names), names)
	}
	return []byte(names[v]), nil
}

// Parse sets *dst to the position of b in names, for an UnmarshalText
// method; a name not in names is an error listing them.
func Parse[T ~uint8](b []byte, names []string, dst *T) error {
	for i, n := range names {
		if string(b) == n {
			*dst = T(i)
			return nil
		}
	}
	return Error(string(b), names)
}

// Name returns names[v], or "invalid(v)".
func Name[T ~uint8](v T, names []string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return "invalid(" + strconv.Itoa(int(v)) + ")"
}

// Error is the error for a name that is not one of names. The value is
// shown quoted and clipped, so a NUL or an escape sequence is never echoed
// raw. money.DecodeJSON reports it against the field being decoded.
func Error(got string, names []string) error {
	if len(got) > 40 {
		got = got[:40] + "…"
	}
	return money.Errorf("", "must be one of %s, got %s", strings.Join(names, ", "), strconv.Quote(got))
}
