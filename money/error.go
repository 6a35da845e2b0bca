package money

import (
	"errors"
	"fmt"
)

// ErrInvalid is matched by every [*Error]: errors.Is(err, money.ErrInvalid)
// tells bad input apart from anything else.
var ErrInvalid = errors.New("invalid input")

// Error reports an input that breaks a rule. Field is the JSON path of the
// offending value (for example "terms.periods" or "installments[2].due_date");
// Reason states the rule and, where useful, the value that broke it.
type Error struct {
	Field  string
	Reason string
}

// Errorf returns an *Error for field with a formatted reason.
func Errorf(field, format string, args ...any) *Error {
	return &Error{Field: field, Reason: fmt.Sprintf(format, args...)}
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Reason
	}
	return e.Field + ": " + e.Reason
}

// Is reports whether target is ErrInvalid.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

// Within returns err with its field placed under parent, so a rule checked
// deep inside a request names the full path. Errors other than *Error are
// returned unchanged.
func Within(parent string, err error) error {
	if err == nil || parent == "" {
		return err // the valid case, inlined at every call
	}
	return within(parent, err)
}

func within(parent string, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	field := parent
	switch {
	case e.Field == "":
	case e.Field[0] == '[':
		field += e.Field
	default:
		field += "." + e.Field
	}
	return &Error{Field: field, Reason: e.Reason}
}
