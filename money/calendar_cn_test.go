package money

import (
	"testing"
	"time"
)

// The cn preset day by day against the State Council's notices. The days
// are written out one by one here, as each notice's 放假 span lists them,
// rather than derived from the spans in calendar_cn.go, so a slip in either
// shows up:
//
//	2024: 国务院办公厅关于2024年部分节假日安排的通知, https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm
//	2025: 国务院办公厅关于2025年部分节假日安排的通知, https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm
//	2026: 国务院办公厅关于2026年部分节假日安排的通知, https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
//
// (cross-checked with NateScarlet/holiday-cn 2024.json, 2025.json, 2026.json).
var cnNoticeHolidays = map[string]Holiday{
	// 2024
	"2024-01-01": NewYearsDay,
	"2024-02-10": SpringFestival, "2024-02-11": SpringFestival, "2024-02-12": SpringFestival, "2024-02-13": SpringFestival,
	"2024-02-14": SpringFestival, "2024-02-15": SpringFestival, "2024-02-16": SpringFestival, "2024-02-17": SpringFestival,
	"2024-04-04": Qingming, "2024-04-05": Qingming, "2024-04-06": Qingming,
	"2024-05-01": LabourDay, "2024-05-02": LabourDay, "2024-05-03": LabourDay, "2024-05-04": LabourDay, "2024-05-05": LabourDay,
	"2024-06-10": DragonBoat,
	"2024-09-15": MidAutumn, "2024-09-16": MidAutumn, "2024-09-17": MidAutumn,
	"2024-10-01": NationalDay, "2024-10-02": NationalDay, "2024-10-03": NationalDay, "2024-10-04": NationalDay,
	"2024-10-05": NationalDay, "2024-10-06": NationalDay, "2024-10-07": NationalDay,
	// 2025
	"2025-01-01": NewYearsDay,
	"2025-01-28": SpringFestival, "2025-01-29": SpringFestival, "2025-01-30": SpringFestival, "2025-01-31": SpringFestival,
	"2025-02-01": SpringFestival, "2025-02-02": SpringFestival, "2025-02-03": SpringFestival, "2025-02-04": SpringFestival,
	"2025-04-04": Qingming, "2025-04-05": Qingming, "2025-04-06": Qingming,
	"2025-05-01": LabourDay, "2025-05-02": LabourDay, "2025-05-03": LabourDay, "2025-05-04": LabourDay, "2025-05-05": LabourDay,
	"2025-05-31": DragonBoat, "2025-06-01": DragonBoat, "2025-06-02": DragonBoat,
	"2025-10-01": NationalDay, "2025-10-02": NationalDay, "2025-10-03": NationalDay, "2025-10-04": NationalDay,
	"2025-10-05": NationalDay, "2025-10-06": MidAutumn, "2025-10-07": NationalDay, "2025-10-08": NationalDay,
	// 2026
	"2026-01-01": NewYearsDay, "2026-01-02": NewYearsDay, "2026-01-03": NewYearsDay,
	"2026-02-15": SpringFestival, "2026-02-16": SpringFestival, "2026-02-17": SpringFestival, "2026-02-18": SpringFestival,
	"2026-02-19": SpringFestival, "2026-02-20": SpringFestival, "2026-02-21": SpringFestival, "2026-02-22": SpringFestival,
	"2026-02-23": SpringFestival,
	"2026-04-04": Qingming, "2026-04-05": Qingming, "2026-04-06": Qingming,
	"2026-05-01": LabourDay, "2026-05-02": LabourDay, "2026-05-03": LabourDay, "2026-05-04": LabourDay, "2026-05-05": LabourDay,
	"2026-06-19": DragonBoat, "2026-06-20": DragonBoat, "2026-06-21": DragonBoat,
	"2026-09-25": MidAutumn, "2026-09-26": MidAutumn, "2026-09-27": MidAutumn,
	"2026-10-01": NationalDay, "2026-10-02": NationalDay, "2026-10-03": NationalDay, "2026-10-04": NationalDay,
	"2026-10-05": NationalDay, "2026-10-06": NationalDay, "2026-10-07": NationalDay,
}

// The notices' 上班 days, with the weekday each notice prints beside it.
var cnNoticeWorkdays = map[string]time.Weekday{
	"2024-02-04": time.Sunday, "2024-02-18": time.Sunday, "2024-04-07": time.Sunday, "2024-04-28": time.Sunday,
	"2024-05-11": time.Saturday, "2024-09-14": time.Saturday, "2024-09-29": time.Sunday, "2024-10-12": time.Saturday,
	"2025-01-26": time.Sunday, "2025-02-08": time.Saturday, "2025-04-27": time.Sunday, "2025-09-28": time.Sunday,
	"2025-10-11": time.Saturday,
	"2026-01-04": time.Sunday, "2026-02-14": time.Saturday, "2026-02-28": time.Saturday, "2026-05-09": time.Saturday,
	"2026-09-20": time.Sunday, "2026-10-10": time.Saturday,
}

func TestCNNoticeCounts(t *testing.T) {
	// Each notice's 共N天 (days off in a row, weekends included) adds up to
	// the holiday days listed: 2024 1+8+3+5+1+3+7, 2025 1+8+3+5+3+8,
	// 2026 3+9+3+5+3+3+7; the 上班 days are 8, 5 and 6.
	want := map[int][2]int{2024: {28, 8}, 2025: {28, 5}, 2026: {33, 6}}
	for y, w := range want {
		var h, wd int
		for s := range cnNoticeHolidays {
			if MustParseDate(s).Year() == y {
				h++
			}
		}
		for s := range cnNoticeWorkdays {
			if MustParseDate(s).Year() == y {
				wd++
			}
		}
		if h != w[0] || wd != w[1] {
			t.Errorf("%d: table has %d holidays and %d workdays, notice %d and %d", y, h, wd, w[0], w[1])
		}
	}
}

// TestCNEveryDay walks every day of 2023–2027: inside the shipped years a
// day is a business day exactly when the notices make it a workday or it is
// a Monday–Friday they do not make a holiday; outside them, by weekends.
func TestCNEveryDay(t *testing.T) {
	cn := Calendar{Preset: PresetCN}
	for d := MustParseDate("2023-01-01"); d.Year() <= 2027; d = d.AddDays(1) {
		s := d.String()
		hol, isHol := cnNoticeHolidays[s]
		wd, isWork := cnNoticeWorkdays[s]
		want := !d.IsWeekend()
		switch {
		case isHol:
			want = false
		case isWork:
			want = true
			if d.Weekday() != wd {
				t.Errorf("%s is a %s, the notice says %s", s, d.Weekday(), wd)
			}
		}
		if got := cn.IsBusinessDay(d); got != want {
			t.Errorf("%s (%s): business day %v, want %v", s, d.Weekday(), got, want)
		}
		cl, closed := cn.Closure(d)
		switch {
		case isHol && (!closed || cl.Kind != PublicHoliday || cl.Holiday != hol):
			t.Errorf("%s: closure %+v %v, want %s", s, cl, closed, hol)
		case !isHol && !want && (!closed || cl.Kind != Weekend):
			t.Errorf("%s: closure %+v %v, want a weekend", s, cl, closed)
		case want && closed:
			t.Errorf("%s: a business day reported closed: %+v", s, cl)
		}
	}
}

// The table in calendar_cn.go itself: every span inside its year, no day
// listed twice, the years it claims.
func TestCNTable(t *testing.T) {
	for _, y := range cnNotices {
		if y.year < cnFirstYear || y.year > cnLastYear || y.notice == "" {
			t.Errorf("year %d: outside %d..%d or without its notice", y.year, cnFirstYear, cnLastYear)
		}
		for _, s := range y.holidays {
			if MustParseDate(s.from).Year() != y.year || MustParseDate(s.to).Before(MustParseDate(s.from)) {
				t.Errorf("year %d: span %s..%s", y.year, s.from, s.to)
			}
		}
	}
	entered := 0 // days entered, counting any listed twice twice
	for _, y := range cnNotices {
		for _, s := range y.holidays {
			entered += MustParseDate(s.to).Sub(MustParseDate(s.from)) + 1
		}
		entered += len(y.workdays)
	}
	if entered != len(cnNoticeHolidays)+len(cnNoticeWorkdays) {
		t.Errorf("calendar_cn.go enters %d days, the notices list %d", entered, len(cnNoticeHolidays)+len(cnNoticeWorkdays))
	}
	listed := 0
	for _, k := range cnTable {
		if k != 0 {
			listed++
		}
	}
	if listed != len(cnNoticeHolidays)+len(cnNoticeWorkdays) {
		t.Errorf("cnTable lists %d days, the notices %d", listed, len(cnNoticeHolidays)+len(cnNoticeWorkdays))
	}
	if first := (Date{n: cnBase}); first.String() != "2024-01-01" || first.AddDays(len(cnTable)-1).String() != "2026-12-31" {
		t.Errorf("cnTable spans %s + %d days", first, len(cnTable))
	}
}
