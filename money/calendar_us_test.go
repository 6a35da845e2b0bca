package money

import (
	"testing"
	"time"
)

// The Federal Reserve's published holiday lists, as printed:
//
//	2024, 2025: Federal Reserve Bank of St. Louis, "Federal Reserve Bank Holiday Schedule",
//	            https://www.stlouisfed.org/about-us/resources/legal-holiday-schedule
//	2026–2030:  Board of Governors, "K.8 - Holidays Observed by the Federal Reserve System 2026-2030"
//	            (last update December 31, 2025), https://www.federalreserve.gov/aboutthefed/k8.htm
//
// In order: New Year's Day, Martin Luther King Jr., Washington's Birthday,
// Memorial Day, Juneteenth, Independence Day, Labor Day, Columbus Day,
// Veterans Day, Thanksgiving Day, Christmas Day. K.8 marks a Saturday
// holiday "*" (Reserve Banks open the Friday before) and a Sunday one "**"
// (closed the following Monday: July 5, 2027 and November 12, 2029).
var fedHolidays = map[int][11]string{
	2024: {"01-01", "01-15", "02-19", "05-27", "06-19", "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"},
	2025: {"01-01", "01-20", "02-17", "05-26", "06-19", "07-04", "09-01", "10-13", "11-11", "11-27", "12-25"},
	2026: {"01-01", "01-19", "02-16", "05-25", "06-19", "07-04", "09-07", "10-12", "11-11", "11-26", "12-25"},
	2027: {"01-01", "01-18", "02-15", "05-31", "06-19", "07-04", "09-06", "10-11", "11-11", "11-25", "12-25"},
	2028: {"01-01", "01-17", "02-21", "05-29", "06-19", "07-04", "09-04", "10-09", "11-11", "11-23", "12-25"},
	2029: {"01-01", "01-15", "02-19", "05-28", "06-19", "07-04", "09-03", "10-08", "11-11", "11-22", "12-25"},
	2030: {"01-01", "01-21", "02-18", "05-27", "06-19", "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"},
}

var fedOrder = [11]Holiday{NewYearsDay, MartinLutherKingDay, WashingtonsBirthday, MemorialDay, Juneteenth,
	IndependenceDay, LaborDay, ColumbusDay, VeteransDay, Thanksgiving, Christmas}

// K.8's footnotes, as dates: Saturday holidays and the Sunday ones.
var fedSaturday = map[string]bool{"2026-07-04": true, "2027-06-19": true, "2027-12-25": true, "2028-11-11": true, "2028-01-01": true}
var fedSunday = map[string]string{"2027-07-04": "2027-07-05", "2029-11-11": "2029-11-12"}

func TestUSEveryDay(t *testing.T) {
	us := Calendar{Preset: PresetUS}
	closed := map[string]Holiday{}   // closed weekdays
	observed := map[string]Holiday{} // of them, Mondays observing a Sunday
	for y, days := range fedHolidays {
		for i, md := range days {
			s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006-") + md
			d := MustParseDate(s)
			switch d.Weekday() {
			case time.Saturday:
				if !fedSaturday[s] {
					t.Errorf("%s is a Saturday K.8 does not mark", s)
				}
			case time.Sunday:
				mon, ok := fedSunday[s]
				if !ok {
					t.Errorf("%s is a Sunday K.8 does not mark", s)
				}
				closed[mon], observed[mon] = fedOrder[i], fedOrder[i]
			default:
				closed[s] = fedOrder[i]
			}
			if h, _ := usHoliday(d); h != fedOrder[i] {
				t.Errorf("%s: holiday %s, want %s", s, h, fedOrder[i])
			}
		}
	}
	for d := MustParseDate("2024-01-01"); d.Year() <= 2030; d = d.AddDays(1) {
		s := d.String()
		h, isClosed := closed[s]
		want := !d.IsWeekend() && !isClosed
		if got := us.IsBusinessDay(d); got != want {
			t.Errorf("%s (%s): business day %v, want %v", s, d.Weekday(), got, want)
		}
		if isClosed {
			cl, ok := us.Closure(d)
			_, obs := observed[s]
			if !ok || cl.Kind != PublicHoliday || cl.Holiday != h || cl.Observed != obs {
				t.Errorf("%s: closure %+v, want %s observed=%v", s, cl, h, obs)
			}
		}
	}
	// A Saturday holiday is not moved: the Fridays before stay open.
	for _, s := range []string{"2026-07-03", "2027-06-18", "2027-12-24", "2028-11-10", "2027-12-31"} {
		if !us.IsBusinessDay(MustParseDate(s)) {
			t.Errorf("%s: the Friday before a Saturday holiday must stay open", s)
		}
	}
}

// Juneteenth is a holiday from 2021 (Juneteenth National Independence Day
// Act, 17 June 2021); 2020-06-19 was an ordinary Friday.
func TestUSJuneteenthFrom2021(t *testing.T) {
	us := Calendar{Preset: PresetUS}
	if !us.IsBusinessDay(MustParseDate("2020-06-19")) {
		t.Error("2020-06-19 (Friday) must be a business day")
	}
	// 2021-06-19 is a Saturday: a holiday, not moved, so Friday 06-18 is open.
	if h, _ := usHoliday(MustParseDate("2021-06-19")); h != Juneteenth || !us.IsBusinessDay(MustParseDate("2021-06-18")) {
		t.Error("2021: Saturday Juneteenth must be a holiday that does not move to Friday")
	}
	if us.IsBusinessDay(MustParseDate("2023-06-19")) {
		t.Error("2023-06-19 (Monday) must be a holiday")
	}
}
