package money

import (
	"encoding/json"
	"reflect"
	"strings"
)

// parseEnum finds b among names, or returns an error listing them.
func parseEnum(b []byte, names []string, what string) (int, error) {
	for i, n := range names {
		if string(b) == n {
			return i, nil
		}
	}
	return 0, typeError(string(b), "must be one of "+strings.Join(names, ", "), nil)
}

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

// EnumError is the error an UnmarshalText method returns for a name that is
// not one of names; DecodeJSON reports it against the field being decoded.
func EnumError(got string, names []string) error {
	_, err := parseEnum([]byte(got), names, "")
	return err
}
