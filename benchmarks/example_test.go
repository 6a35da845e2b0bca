package benchmarks_test

import (
	"fmt"

	gv "github.com/govalues/decimal"
	"github.com/repayplan/repayplan/benchmarks"
	"github.com/repayplan/repayplan/money"
	ss "github.com/shopspring/decimal"
)

var start = money.MustParseDate("2024-01-15")

// 12 000 at 6 % over 12 months pays 1 032.80 a month (r = 0.005 exactly),
// 60.00 of it interest in the first month; the last row absorbs the
// rounding and pays 1 032.78 (testdata/reference/peers.py).
func ExampleShopspring() {
	s := benchmarks.Shopspring(ss.RequireFromString("12000"), ss.RequireFromString("0.06"), 12, start)
	fmt.Println(s.Rows[0].Due, s.Rows[0].Payment, s.Rows[0].Interest, s.Rows[11].Payment, s.Interest)
	// Output: 2024-02-15 1032.8 60 1032.78 393.58
}

func ExampleGovalues() {
	s, err := benchmarks.Govalues(gv.MustParse("12000.00"), gv.MustParse("0.06"), 12, start)
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Rows[0].Payment, s.Rows[0].Interest, s.Rows[11].Payment, s.Interest)
	// Output: 1032.80 60.00 1032.78 393.58
}

func ExampleFloat64() {
	s := benchmarks.Float64(12000, 0.06, 12, start)
	fmt.Printf("%.2f %.2f %.2f %.2f\n", s.Rows[0].Payment, s.Rows[0].Interest, s.Rows[11].Payment, s.Interest)
	// Output: 1032.80 60.00 1032.78 393.58
}

// The int64 loop takes cents and the annual rate in millionths.
func ExampleInt64() {
	s, err := benchmarks.Int64(12_000_00, 60_000, 12, start)
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Rows[0].Payment, s.Rows[0].Interest, s.Rows[11].Payment, s.Interest)
	// Output: 103280 6000 103278 39358
}

// Where the exact interest is half a cent, SPEC's half_up rounds it up.
// A balance of 60.00 at 4.9 % owes exactly 0.245 for a month: the decimal
// peers' annual/12 stops at 16 (shopspring) or 19 (govalues) places, so they
// see 0.2449999… and write 0.24. A balance of 1.00 at 6 % owes exactly
// 0.005: shopspring's rate is exact there and it writes 0.01, govalues
// rounds the half to even, 0.00. The int64 loop is exact in both.
func ExampleShopspring_halfCent() {
	for _, c := range []struct {
		cents, millionths int64
		balance, rate     string
	}{{60_00, 49_000, "60", "0.049"}, {1_00, 60_000, "1", "0.06"}} {
		s := benchmarks.Shopspring(ss.RequireFromString(c.balance), ss.RequireFromString(c.rate), 1, start)
		g, _ := benchmarks.Govalues(gv.MustParse(c.balance), gv.MustParse(c.rate), 1, start)
		i, _ := benchmarks.Int64(c.cents, c.millionths, 1, start)
		fmt.Println(s.Rows[0].Interest, g.Rows[0].Interest, i.Rows[0].Interest)
	}
	// Output:
	// 0.24 0.24 25
	// 0.01 0.00 1
}
