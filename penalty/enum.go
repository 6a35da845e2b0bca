package penalty

import "github.com/repayplan/repayplan/money"

// The enums of this package are small integers whose zero value is the
// SPEC default, written in JSON as snake_case names. These two helpers keep
// their MarshalText/UnmarshalText methods one line each.

func enumText[T ~uint8](v T, names []string) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, money.EnumError(enumName(v, names), names)
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

func enumName[T ~uint8](v T, names []string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return "?"
}
