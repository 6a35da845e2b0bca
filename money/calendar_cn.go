package money

import "time"

// The cn preset: the State Council's holidays (放假) and make-up workdays
// (调休上班) as its General Office publishes them each year in
// 国务院办公厅关于<year>年部分节假日安排的通知. Each year below is entered
// from its notice, every listed day of every 放假 span and every 上班 day,
// and was cross-checked against the data set NateScarlet/holiday-cn
// (<year>.json, which cites the same notice) and the notice as reprinted by
// Xinhua.
//
// To add a year: append a cnYear with its notice's title, document number
// and gov.cn address; enter each 放假 span as written (from, to inclusive)
// with its festival, and each 上班 day; extend the table tests in
// calendar_cn_test.go by the same notice; and move cnLastYear. Days the
// notice does not list are judged by weekends alone, as are all days of
// years not shipped.

// cnFirstYear and cnLastYear bound the years the cn preset ships.
const (
	cnFirstYear = 2024
	cnLastYear  = 2026
)

type cnSpan struct {
	from, to string
	holiday  Holiday
}

type cnWorkday struct {
	date    string
	holiday Holiday // the festival whose days it makes up
}

type cnYear struct {
	year     int
	notice   string
	holidays []cnSpan
	workdays []cnWorkday
}

var cnNotices = []cnYear{
	{
		year: 2024,
		notice: "国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25), " +
			"https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm",
		holidays: []cnSpan{
			{"2024-01-01", "2024-01-01", NewYearsDay},    // 一、元旦：1月1日放假，与周末连休。
			{"2024-02-10", "2024-02-17", SpringFestival}, // 二、春节：2月10日至17日放假调休，共8天。
			{"2024-04-04", "2024-04-06", Qingming},       // 三、清明节：4月4日至6日放假调休，共3天。
			{"2024-05-01", "2024-05-05", LabourDay},      // 四、劳动节：5月1日至5日放假调休，共5天。
			{"2024-06-10", "2024-06-10", DragonBoat},     // 五、端午节：6月10日放假，与周末连休。
			{"2024-09-15", "2024-09-17", MidAutumn},      // 六、中秋节：9月15日至17日放假调休，共3天。
			{"2024-10-01", "2024-10-07", NationalDay},    // 七、国庆节：10月1日至7日放假调休，共7天。
		},
		workdays: []cnWorkday{
			{"2024-02-04", SpringFestival}, // 2月4日（星期日）上班
			{"2024-02-18", SpringFestival}, // 2月18日（星期日）上班
			{"2024-04-07", Qingming},       // 4月7日（星期日）上班
			{"2024-04-28", LabourDay},      // 4月28日（星期日）上班
			{"2024-05-11", LabourDay},      // 5月11日（星期六）上班
			{"2024-09-14", MidAutumn},      // 9月14日（星期六）上班
			{"2024-09-29", NationalDay},    // 9月29日（星期日）上班
			{"2024-10-12", NationalDay},    // 10月12日（星期六）上班
		},
	},
	{
		year: 2025,
		notice: "国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), " +
			"https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm",
		holidays: []cnSpan{
			{"2025-01-01", "2025-01-01", NewYearsDay},    // 一、元旦：1月1日（周三）放假1天，不调休。
			{"2025-01-28", "2025-02-04", SpringFestival}, // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
			{"2025-04-04", "2025-04-06", Qingming},       // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
			{"2025-05-01", "2025-05-05", LabourDay},      // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。
			{"2025-05-31", "2025-06-02", DragonBoat},     // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
			// 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
			// The notice merges the two; 10-06 is 中秋 (农历八月十五), the
			// other days are named for 国庆节.
			{"2025-10-01", "2025-10-05", NationalDay},
			{"2025-10-06", "2025-10-06", MidAutumn},
			{"2025-10-07", "2025-10-08", NationalDay},
		},
		workdays: []cnWorkday{
			{"2025-01-26", SpringFestival}, // 1月26日（周日）上班
			{"2025-02-08", SpringFestival}, // 2月8日（周六）上班
			{"2025-04-27", LabourDay},      // 4月27日（周日）上班
			{"2025-09-28", NationalDay},    // 9月28日（周日）上班
			{"2025-10-11", NationalDay},    // 10月11日（周六）上班
		},
	},
	{
		year: 2026,
		notice: "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), " +
			"https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm",
		holidays: []cnSpan{
			{"2026-01-01", "2026-01-03", NewYearsDay},    // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。
			{"2026-02-15", "2026-02-23", SpringFestival}, // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
			{"2026-04-04", "2026-04-06", Qingming},       // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
			{"2026-05-01", "2026-05-05", LabourDay},      // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。
			{"2026-06-19", "2026-06-21", DragonBoat},     // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
			{"2026-09-25", "2026-09-27", MidAutumn},      // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
			{"2026-10-01", "2026-10-07", NationalDay},    // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
		},
		workdays: []cnWorkday{
			{"2026-01-04", NewYearsDay},    // 1月4日（周日）上班
			{"2026-02-14", SpringFestival}, // 2月14日（周六）上班
			{"2026-02-28", SpringFestival}, // 2月28日（周六）上班
			{"2026-05-09", LabourDay},      // 5月9日（周六）上班
			{"2026-09-20", NationalDay},    // 9月20日（周日）上班
			{"2026-10-10", NationalDay},    // 10月10日（周六）上班
		},
	},
}

// cnDay is one day the notices list: a holiday, or a make-up workday.
type cnDay struct {
	holiday Holiday
	work    bool
}

// cnTable holds one byte per day from 1 January of cnFirstYear to 31
// December of cnLastYear: 0 for a day the notices do not list, else the
// festival's Holiday, with cnWork set on a make-up workday. It is built
// once when the package loads and only read afterwards, so a lookup is one
// index: the calendar adds almost nothing to a schedule's cost.
var cnBase, cnTable = buildCNTable(cnNotices)

const cnWork = 0x80

func buildCNTable(years []cnYear) (int32, []uint8) {
	base := NewDate(cnFirstYear, time.January, 1)
	table := make([]uint8, NewDate(cnLastYear, time.December, 31).Sub(base)+1)
	for _, y := range years {
		for _, s := range y.holidays {
			for d, to := MustParseDate(s.from), MustParseDate(s.to); !d.After(to); d = d.AddDays(1) {
				table[d.Sub(base)] = uint8(s.holiday)
			}
		}
		for _, w := range y.workdays {
			table[MustParseDate(w.date).Sub(base)] = uint8(w.holiday) | cnWork
		}
	}
	return base.n, table
}

// cnKind returns d's byte of cnTable, 0 outside the shipped years.
func cnKind(d Date) uint8 {
	if i := uint32(d.n - cnBase); i < uint32(len(cnTable)) {
		return cnTable[i]
	}
	return 0
}

// cnLookup finds d among the days the notices list.
func cnLookup(d Date) (cnDay, bool) {
	i := uint32(d.n - cnBase)
	if i >= uint32(len(cnTable)) || cnTable[i] == 0 {
		return cnDay{}, false
	}
	k := cnTable[i]
	return cnDay{holiday: Holiday(k &^ cnWork), work: k&cnWork != 0}, true
}
