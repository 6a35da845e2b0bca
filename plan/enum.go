package plan

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
)

// The enums of this package are small integers whose zero value is the
// default, written in JSON as snake_case names. These helpers keep each
// enum's text methods to one line.

func enumText[T ~uint8](v T, names []string) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, money.EnumError(enumString(v, names), names)
	}
	return []byte(names[v]), nil
}

func enumParse[T ~uint8](b []byte, names []string, dst *T) error {
	for i, n := range names {
		if string(b) == n {
			*dst = T(i)
			return nil
		}
	}
	return money.EnumError(string(b), names)
}

func enumString[T ~uint8](v T, names []string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("invalid(%d)", uint8(v))
}

func enumValid[T ~uint8](v T, names []string) bool { return int(v) < len(names) }
