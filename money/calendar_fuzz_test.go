package money

import (
	"encoding/json"
	"testing"
)

// FuzzCalendar decodes arbitrary calendar JSON and moves a date with it:
// decoding never panics, whatever decodes passes Check and round-trips, and
// Move returns a business day no further than the calendar allows.
func FuzzCalendar(f *testing.F) {
	for _, s := range []string{`{"preset":"cn"}`, `{}`, `{"preset":"us","holidays":["2025-07-03"]}`,
		`{"holidays":["2025-01-01","2024-12-31"],"workdays":["2025-01-04"]}`, `{"preset":"none","workdays":[]}`,
		`{"preset":"cn","holidays":["2200-12-31"]}`, `{"holidays":["2025-01-01"],"workdays":["2025-01-01"]}`, `{"preset":7}`} {
		f.Add(s, int32(20000), uint8(0))
	}
	base := MustParseDate("2024-01-01")
	f.Fuzz(func(t *testing.T, s string, off int32, rule uint8) {
		var c Calendar
		if err := DecodeJSON([]byte(s), &c); err != nil {
			return
		}
		if err := c.Check("calendar"); err != nil {
			t.Fatalf("%s decodes but fails Check: %v", s, err)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("marshal %+v: %v", c, err)
		}
		var back Calendar
		if err := DecodeJSON(b, &back); err != nil || back.Preset != c.Preset || len(back.Holidays) != len(c.Holidays) || len(back.Workdays) != len(c.Workdays) {
			t.Fatalf("round trip %s: %+v %v", b, back, err)
		}
		d := base.AddDays(int(off % 60000)) // 1860..2188: also outside the bounds
		r := BusinessDay(rule % 4)
		m := c.Move(d, r)
		if r != Unadjusted && !c.IsBusinessDay(m) {
			t.Fatalf("%s: Move(%s, %s) = %s, not a business day", s, d, r, m)
		}
		if n := m.Sub(d); n > 16*(len(c.Holidays)+2) || -n > 16*(len(c.Holidays)+2) {
			t.Fatalf("%s: Move(%s) went %d days", s, d, n)
		}
	})
}
