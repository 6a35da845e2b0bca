package main

import (
	"strings"
	"testing"
)

// TestTable pairs BenchmarkX with BenchmarkXFloat64 per core setting and
// reports the median of the per-round ratios: rounds 100/50 and 300/100 and
// 120/60 give ratios 2, 3, 2 → median 2.00, range 2.00–3.00.
func TestTable(t *testing.T) {
	in := `goos: linux
BenchmarkSchedule360-2        1000  100 ns/op  48 B/op  1 allocs/op
BenchmarkSchedule360Float64-2 1000   50 ns/op  32 B/op  1 allocs/op
BenchmarkSchedule360-2        1000  300 ns/op  48 B/op  1 allocs/op
BenchmarkSchedule360Float64-2 1000  100 ns/op  32 B/op  1 allocs/op
BenchmarkSchedule360-2        1000  120 ns/op  48 B/op  1 allocs/op
BenchmarkSchedule360Float64-2 1000   60 ns/op  32 B/op  1 allocs/op
BenchmarkPortfolio            10   2500000 ns/op
PASS
`
	data, order, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	table(&b, data, order)
	got := b.String()
	for _, want := range []string{
		"| `BenchmarkSchedule360` | 2 | 120 ns | 60 ns | 2.00× (2.00–3.00) | 48 | 1 |",
		"| `BenchmarkPortfolio` | 1 | 2.50 ms | — | — | 0 | 0 |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "BenchmarkSchedule360Float64`") {
		t.Errorf("a baseline is listed as a row of its own:\n%s", got)
	}
}
