package money_test

import (
	"fmt"

	"github.com/repayplan/repayplan/money"
)

// A due date on 2025-10-01 moves past 国庆节 to the next working day; the
// 调休 Sunday 2025-09-28 is a working day and does not move.
func ExampleCalendar_Move() {
	var cal money.Calendar
	if err := money.DecodeJSON([]byte(`{"preset":"cn"}`), &cal); err != nil {
		panic(err)
	}
	for _, s := range []string{"2025-10-01", "2025-09-28"} {
		d := money.MustParseDate(s)
		fmt.Println(s, "→", cal.Move(d, money.Following))
	}
	fmt.Println(cal.Move(money.MustParseDate("2025-05-31"), money.ModifiedFollowing))
	// Output:
	// 2025-10-01 → 2025-10-09
	// 2025-09-28 → 2025-09-28
	// 2025-05-30
}

// Closure says why a day is closed, in Chinese and English.
func ExampleCalendar_Closure() {
	cal := money.Calendar{Preset: money.PresetUS}
	cl, closed := cal.Closure(money.MustParseDate("2027-07-05"))
	fmt.Println(closed, cl.Kind, cl.EN(), "/", cl.ZH())
	// Output:
	// true public_holiday Independence Day (observed) / 独立日（补休）
}

// A lender's own holidays and workdays override the preset; NewCalendar
// sorts copies of the lists.
func ExampleNewCalendar() {
	d := money.MustParseDate
	cal := money.NewCalendar(money.PresetWeekends,
		[]money.Date{d("2026-03-02")}, // the lender closes a Monday
		[]money.Date{d("2026-03-07")}) // and opens a Saturday
	fmt.Println(cal.Check("calendar"), cal.Move(d("2026-03-01"), money.Following), cal.Move(d("2026-03-08"), money.Preceding))
	// Output:
	// <nil> 2026-03-03 2026-03-07
}

// MoveDates moves a whole schedule's due dates in place, each as Move
// would: here the 1st of each month from September to December 2025.
func ExampleCalendar_MoveDates() {
	cal := money.Calendar{Preset: money.PresetCN}
	due := []money.Date{
		money.MustParseDate("2025-09-01"), // a Monday: stays
		money.MustParseDate("2025-10-01"), // 国庆节: the 9th
		money.MustParseDate("2025-11-01"), // a Saturday: Monday the 3rd
		money.MustParseDate("2025-12-01"), // a Monday: stays
	}
	cal.MoveDates(due, money.Following)
	fmt.Println(due)
	// Output:
	// [2025-09-01 2025-10-09 2025-11-03 2025-12-01]
}
