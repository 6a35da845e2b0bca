package money

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// parseEnum finds b among names, or returns an error listing them.
func parseEnum(b []byte, names []string, what string) (int, error) {
	for i, n := range names {
		if string(b) == n {
			return i, nil
		}
	}
	return 0, typeError(shown(string(b)), "must be one of "+strings.Join(names, ", "), nil)
}

// shown is how an error message shows a value the client wrote: quoted
// (so a NUL, a newline or an escape sequence is shown escaped, never
// echoed raw into a log or a terminal) and clipped to a short prefix.
func shown(s string) string { return strconv.Quote(clip(s)) }

// typeError builds the error encoding/json decorates with the field path;
// DecodeJSON turns it back into an *Error naming that field.
func typeError(value, reason string, v any) error {
	var t reflect.Type
	if v != nil {
		t = reflect.TypeOf(v)
	} else {
		t = typeOfString
	}
	return &json.UnmarshalTypeError{Value: quoteReason(value, reason), Type: t}
}

const reasonSep = "\x00"

var typeOfString = reflect.TypeOf("")

func quoteReason(value, reason string) string { return value + reasonSep + reason }

// enumError is the error an UnmarshalText method returns for a name that is
// not one of names; DecodeJSON reports it against the field being decoded.
func enumError(got string, names []string) error {
	_, err := parseEnum([]byte(got), names, "")
	return err
}

// The enums of this module are small integers whose zero value is the
// default, written in JSON as snake_case names. enumText, parseEnumInto and
// enumName keep each enum's methods to one line.

// enumText returns names[v], for a MarshalText method; a v outside names is
// an error.
func enumText[T ~uint8](v T, names []string) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, enumError(enumName(v, names), names)
	}
	return []byte(names[v]), nil
}

// parseEnumInto sets *dst to the position of b in names, for an UnmarshalText
// method; a name not in names is an error listing them.
func parseEnumInto[T ~uint8](b []byte, names []string, dst *T) error {
	for i, n := range names {
		if string(b) == n {
			*dst = T(i)
			return nil
		}
	}
	return enumError(string(b), names)
}

// enumName returns names[v], or "invalid(v)".
func enumName[T ~uint8](v T, names []string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return "invalid(" + strconv.Itoa(int(v)) + ")"
}
