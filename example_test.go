package repayplan_test

import (
	"encoding/json"
	"fmt"

	"github.com/repayplan/repayplan"
)

// Every calculation is one JSON request kind away.
func ExampleDo() {
	res, err := repayplan.Do("minimum_payment", []byte(`{
		"balances": {"purchases": "10000", "cash_advance": "2000", "interest": "150"},
		"policy": {"percent": {"purchases": "0.10"}, "floor": "10"}}`))
	if err != nil {
		panic(err)
	}
	out, _ := json.Marshal(res)
	fmt.Println(string(out))

	_, err = repayplan.Do("schedule", []byte(`{"principal": "1000", "annual_rate": "0.05", "periods": 0, "start_date": "2024-01-01"}`))
	fmt.Println(err)
	// Output:
	// {"minimum_payment":"3150.00"}
	// periods: must be at least 1, got 0
}
