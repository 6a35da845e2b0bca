package money_test

import (
	"errors"
	"fmt"

	"github.com/repayplan/repayplan/money"
)

func ExampleParse() {
	a, err := money.Parse("1234.50")
	fmt.Println(a, err)
	_, err = money.Parse("1e999999999")
	fmt.Println(err)
	// Output:
	// 1234.50 <nil>
	// exponent out of range, got "1e999999999"
}

// Interest for a month at 4.9 % a year: the rate is divided exactly and the
// product rounded once.
func ExampleAmount_MulRatio() {
	balance := money.MustParse("998776.06")
	monthly := money.MustParseRate("0.049").Ratio().QuoInt(12)
	fmt.Println(balance.MulRatio(monthly, money.Rounding{}))
	fmt.Println(money.MustParse("0.125").MulRatio(money.NewRatio(1, 1), money.NewRounding(2, money.HalfEven)))
	// Output:
	// 4078.34
	// 0.12
}

// Months keep the anchor day and clamp to the end of shorter months.
func ExampleDate_AddMonths() {
	anchor := money.MustParseDate("2024-01-31")
	for k := 1; k <= 3; k++ {
		fmt.Println(anchor.AddMonths(k))
	}
	// Output:
	// 2024-02-29
	// 2024-03-31
	// 2024-04-30
}

func ExampleDayCount_YearFrac() {
	from, to := money.MustParseDate("2011-08-29"), money.MustParseDate("2012-08-29")
	for _, dc := range []money.DayCount{money.ActAct, money.Act365, money.Act360, money.Thirty360} {
		fmt.Println(dc, dc.YearFrac(from, to).FloatString(8))
	}
	// Output:
	// act/act 1.00093570
	// act/365 1.00273973
	// act/360 1.01666667
	// 30/360 1.00000000
}

func ExampleError() {
	var v struct {
		Principal money.Amount `json:"principal"`
	}
	err := money.DecodeJSON([]byte(`{"principal":"12.5.0"}`), &v)
	var e *money.Error
	fmt.Println(errors.As(err, &e), e.Field, errors.Is(err, money.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true principal true
	// principal: must be a decimal number, got "12.5.0"
}

// A decimal amount times a decimal rate is exact: no rounding until the
// caller rounds, as a minimum payment sums its parts first.
func ExampleAmount_MulRate() {
	part := money.MustParse("1234.56").MulRate(money.MustParseRate("0.015"))
	fmt.Println(part, part.Round(money.NewRounding(2, money.HalfUp)))
	// Output: 18.51840 18.52
}
