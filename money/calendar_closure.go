package money

// Holiday names a public holiday of a calendar preset. The zero Holiday is
// NoHoliday.
type Holiday uint8

const (
	NoHoliday Holiday = iota
	// Both cn and us.
	NewYearsDay // 元旦
	// cn (the State Council's names).
	SpringFestival // 春节
	Qingming       // 清明节
	LabourDay      // 劳动节
	DragonBoat     // 端午节
	MidAutumn      // 中秋节
	NationalDay    // 国庆节
	// us (the Federal Reserve's names).
	MartinLutherKingDay // Birthday of Martin Luther King, Jr.
	WashingtonsBirthday
	MemorialDay
	Juneteenth // Juneteenth National Independence Day, from 2021
	IndependenceDay
	LaborDay
	ColumbusDay
	VeteransDay
	Thanksgiving
	Christmas
)

var holidayNames = []string{"none", "new_years_day", "spring_festival", "qingming", "labour_day",
	"dragon_boat", "mid_autumn", "national_day", "martin_luther_king_day", "washingtons_birthday",
	"memorial_day", "juneteenth", "independence_day", "labor_day", "columbus_day", "veterans_day",
	"thanksgiving", "christmas"}

var holidayZH = []string{"", "元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节",
	"马丁·路德·金纪念日", "华盛顿诞辰纪念日", "阵亡将士纪念日", "六月节", "独立日", "劳工节",
	"哥伦布日", "退伍军人节", "感恩节", "圣诞节"}

var holidayEN = []string{"", "New Year's Day", "Spring Festival", "Qingming Festival", "Labour Day",
	"Dragon Boat Festival", "Mid-Autumn Festival", "National Day",
	"Birthday of Martin Luther King, Jr.", "Washington's Birthday", "Memorial Day",
	"Juneteenth National Independence Day", "Independence Day", "Labor Day", "Columbus Day",
	"Veterans Day", "Thanksgiving Day", "Christmas Day"}

func (h Holiday) String() string { return enumName(h, holidayNames) }

// MarshalText encodes h as a snake_case name ("national_day").
func (h Holiday) MarshalText() ([]byte, error) { return enumText(h, holidayNames) }

// UnmarshalText decodes a holiday name.
func (h *Holiday) UnmarshalText(b []byte) error { return parseEnumInto(b, holidayNames, h) }

// ZH returns the holiday's Chinese name ("国庆节"), or "".
func (h Holiday) ZH() string { return pick(holidayZH, h) }

// EN returns the holiday's English name ("National Day"), or "".
func (h Holiday) EN() string { return pick(holidayEN, h) }

func pick(names []string, h Holiday) string {
	if int(h) < len(names) {
		return names[h]
	}
	return ""
}

// ClosureKind says why a day is not a business day.
type ClosureKind uint8

const (
	Open          ClosureKind = iota // a business day
	Weekend                          // a Saturday or Sunday
	PublicHoliday                    // a holiday of the preset
	LenderHoliday                    // one of the calendar's own Holidays
)

var closureNames = []string{"open", "weekend", "public_holiday", "lender_holiday"}

func (k ClosureKind) String() string { return enumName(k, closureNames) }

// MarshalText encodes k as "open", "weekend", "public_holiday" or
// "lender_holiday".
func (k ClosureKind) MarshalText() ([]byte, error) { return enumText(k, closureNames) }

// UnmarshalText decodes a closure kind.
func (k *ClosureKind) UnmarshalText(b []byte) error { return parseEnumInto(b, closureNames, k) }

// Closure says why a date is not a business day, for explanations.
type Closure struct {
	Kind     ClosureKind `json:"kind"`
	Holiday  Holiday     `json:"holiday,omitzero"`  // the public holiday, when Kind is PublicHoliday
	Observed bool        `json:"observed,omitzero"` // a us Monday observing a Sunday holiday
}

// Closure reports why d is not a business day of c; ok is false when it is
// one. A make-up workday (调休) on a weekend is a business day.
func (c Calendar) Closure(d Date) (cl Closure, ok bool) {
	if c.IsBusinessDay(d) {
		return Closure{}, false
	}
	if len(c.Holidays) > 0 && has(c.Holidays, d) {
		return Closure{Kind: LenderHoliday}, true
	}
	switch c.Preset {
	case PresetCN:
		if day, found := cnLookup(d); found && !day.work {
			return Closure{Kind: PublicHoliday, Holiday: day.holiday}, true
		}
	case PresetUS:
		if h, observed := usHoliday(d); h != NoHoliday {
			return Closure{Kind: PublicHoliday, Holiday: h, Observed: observed}, true
		}
	}
	return Closure{Kind: Weekend}, true
}

// ZH describes the closure in Chinese as it reads after "为": "国庆节假日",
// "周末", "机构休息日".
func (cl Closure) ZH() string {
	switch cl.Kind {
	case Weekend:
		return "周末"
	case PublicHoliday:
		if cl.Observed {
			return cl.Holiday.ZH() + "（补休）"
		}
		return cl.Holiday.ZH() + "假日"
	case LenderHoliday:
		return "机构休息日"
	}
	return "工作日"
}

// EN describes the closure in English as it reads after "falls on":
// "a National Day holiday", "a weekend", "Christmas Day (observed)",
// "a holiday of the lender's".
func (cl Closure) EN() string {
	switch cl.Kind {
	case Weekend:
		return "a weekend"
	case PublicHoliday:
		if cl.Observed {
			return cl.Holiday.EN() + " (observed)"
		}
		if cl.Holiday <= NationalDay {
			return "a " + cl.Holiday.EN() + " holiday"
		}
		return cl.Holiday.EN()
	case LenderHoliday:
		return "a holiday of the lender's"
	}
	return "a business day"
}
