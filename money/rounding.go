package money

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Mode is how a value between two representable amounts is resolved.
// The zero Mode is HalfUp.
type Mode uint8

const (
	HalfUp   Mode = iota // 0.5 away from zero: how Chinese and most US lenders round 分 and cents
	HalfEven             // 0.5 to the even neighbour (banker's rounding)
	Down                 // toward zero (truncate)
	Up                   // away from zero
	Ceiling              // toward +∞
	Floor                // toward −∞
)

var modeNames = [...]string{"half_up", "half_even", "down", "up", "ceiling", "floor"}

func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("Mode(%d)", uint8(m))
}

// MarshalText encodes m as its snake_case name.
func (m Mode) MarshalText() ([]byte, error) {
	if int(m) >= len(modeNames) {
		return nil, fmt.Errorf("money: invalid rounding mode %d", uint8(m))
	}
	return []byte(modeNames[m]), nil
}

// UnmarshalText decodes a snake_case mode name.
func (m *Mode) UnmarshalText(b []byte) error {
	i, err := parseEnum(b, modeNames[:], "rounding mode")
	*m = Mode(i)
	return err
}

// DefaultPlaces is the minor-unit scale used when none is given: CNY, USD
// and EUR count in hundredths.
const DefaultPlaces = 2

// MaxPlaces bounds the places of a Rounding and of any input amount.
const MaxPlaces = 12

// Rounding is a number of decimal places and a Mode. The zero Rounding rounds
// half up to 2 places; use NewRounding for anything else (0 places for JPY
// and KRW, say).
type Rounding struct {
	off  int8 // places − DefaultPlaces, so that the zero value means 2
	mode Mode
}

// NewRounding returns a Rounding to places decimal places with mode.
// Places outside 0..MaxPlaces make Validate fail.
func NewRounding(places int, mode Mode) Rounding {
	if places < -1 || places > MaxPlaces+1 {
		places = MaxPlaces + 1 // keep it invalid without overflowing int8
	}
	return Rounding{off: int8(places - DefaultPlaces), mode: mode}
}

// Places returns the number of decimal places results are rounded to.
func (r Rounding) Places() int { return int(r.off) + DefaultPlaces }

// Mode returns the rounding mode.
func (r Rounding) Mode() Mode { return r.mode }

// Validate reports whether r can be used.
func (r Rounding) Validate() error {
	if p := r.Places(); p < 0 || p > MaxPlaces {
		return Errorf("places", "must be between 0 and %d, got %d", MaxPlaces, p)
	}
	if int(r.mode) >= len(modeNames) {
		return Errorf("mode", "must be one of half_up, half_even, down, up, ceiling, floor")
	}
	return nil
}

func (r Rounding) String() string { return fmt.Sprintf("%d places %s", r.Places(), r.mode) }

type roundingJSON struct {
	Places *int `json:"places,omitempty"`
	Mode   Mode `json:"mode"`
}

// MarshalJSON encodes r as {"places": n, "mode": "half_up"}.
func (r Rounding) MarshalJSON() ([]byte, error) {
	p := r.Places()
	return json.Marshal(roundingJSON{Places: &p, Mode: r.mode})
}

// UnmarshalJSON decodes {"places": n, "mode": m}; either key may be absent
// (2 places, half_up). Unknown keys are rejected.
func (r *Rounding) UnmarshalJSON(b []byte) error {
	var v roundingJSON
	if err := decodeStrict(b, &v); err != nil {
		return err
	}
	places := DefaultPlaces
	if v.Places != nil {
		places = *v.Places
	}
	if places < 0 || places > MaxPlaces {
		// Said here, with the value written: NewRounding would clamp it.
		return typeError(strconv.Itoa(places), fmt.Sprintf("places must be between 0 and %d", MaxPlaces), r)
	}
	*r = NewRounding(places, v.Mode)
	if err := r.Validate(); err != nil {
		return typeError(string(b), err.Error(), r)
	}
	return nil
}

// roundQuo rounds the non-negative quotient q with remainder rem of a
// division by den (rem < den), for a result of sign neg.
func (m Mode) roundQuo(q, rem, den uint64, neg bool) uint64 {
	if rem == 0 {
		return q
	}
	if m.awayFromZero(rem > den-rem, rem == den-rem, q&1 == 1, neg) {
		return q + 1
	}
	return q
}

// awayFromZero decides whether a truncated magnitude must be bumped by one
// unit, given whether the dropped fraction is above or exactly one half.
// It is only called when the dropped fraction is non-zero.
func (m Mode) awayFromZero(aboveHalf, half, odd, neg bool) bool {
	switch m {
	case HalfUp:
		return aboveHalf || half
	case HalfEven:
		return aboveHalf || (half && odd)
	case Up:
		return true
	case Ceiling:
		return !neg
	case Floor:
		return neg
	}
	return false
}
