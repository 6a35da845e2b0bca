package money

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DecodeJSON decodes a request strictly: unknown keys, trailing data and
// values of the wrong type are errors. Every failure is an *Error naming the
// offending field by its JSON path.
func DecodeJSON(data []byte, v any) error {
	err := decodeStrict(data, v)
	if err == nil {
		return nil
	}
	return toFieldError(err)
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if key, ok := unknownKey(err); ok {
			return &json.UnmarshalTypeError{Value: quoteReason(key, "unknown field"), Field: key, Type: typeOfString}
		}
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

func unknownKey(err error) (string, bool) {
	const prefix = `json: unknown field "`
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) {
		return "", false
	}
	return strings.TrimSuffix(msg[len(prefix):], `"`), true
}

func toFieldError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		value, reason, found := strings.Cut(te.Value, reasonSep)
		if !found {
			return Errorf(te.Field, "cannot use %s as %s", te.Value, describe(te))
		}
		if reason == "unknown field" {
			return Errorf(te.Field, "unknown field")
		}
		return Errorf(te.Field, "%s, got %s", reason, value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return Errorf("", "malformed JSON at byte %d: %v", se.Offset, err)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return Errorf("", "malformed JSON: unexpected end of input")
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Errorf("", "malformed JSON: %v", err)
}

func describe(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "this field"
	}
	switch te.Type.Kind().String() {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
		return "a whole number"
	case "string":
		return "a string"
	case "slice", "array":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return fmt.Sprintf("a %s", te.Type.Name())
}
