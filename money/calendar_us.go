package money

import "time"

// usHoliday returns the Federal Reserve holiday d is, or observes, by the
// rules the Board publishes with its holiday schedule
// (https://www.federalreserve.gov/aboutthefed/k8.htm): fixed-date holidays
// (New Year's Day, Juneteenth from 2021, Independence Day, Veterans Day,
// Christmas Day) and Monday or Thursday ones (MLK, Washington's Birthday,
// Memorial, Labor, Columbus, Thanksgiving). "For holidays falling on
// Sunday, all Federal Reserve Banks and Branches will be closed the
// following Monday"; a Saturday holiday is not moved, so the Friday before
// stays open. The rules are applied to every year alike (only Juneteenth
// has a first year): the library does not model the holidays' history
// before the Uniform Monday Holiday Act (1971) or MLK Day (1986).
func usHoliday(d Date) (h Holiday, observed bool) {
	y, m, day := d.Date()
	w := d.Weekday()
	if h := usFixed(y, m, day); h != NoHoliday {
		return h, false
	}
	if w == time.Monday {
		py, pm, pd := d.AddDays(-1).Date()
		if h := usFixed(py, pm, pd); h != NoHoliday {
			return h, true
		}
		switch {
		case m == time.January && day >= 15 && day <= 21:
			return MartinLutherKingDay, false // third Monday
		case m == time.February && day >= 15 && day <= 21:
			return WashingtonsBirthday, false // third Monday
		case m == time.May && day >= 25:
			return MemorialDay, false // last Monday
		case m == time.September && day <= 7:
			return LaborDay, false // first Monday
		case m == time.October && day >= 8 && day <= 14:
			return ColumbusDay, false // second Monday
		}
	}
	if w == time.Thursday && m == time.November && day >= 22 && day <= 28 {
		return Thanksgiving, false // fourth Thursday
	}
	return NoHoliday, false
}

func usFixed(year int, m time.Month, day int) Holiday {
	switch {
	case m == time.January && day == 1:
		return NewYearsDay
	case m == time.June && day == 19 && year >= 2021:
		return Juneteenth
	case m == time.July && day == 4:
		return IndependenceDay
	case m == time.November && day == 11:
		return VeteransDay
	case m == time.December && day == 25:
		return Christmas
	}
	return NoHoliday
}
