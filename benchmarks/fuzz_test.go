package benchmarks

import (
	"testing"

	"github.com/repayplan/repayplan/money"
)

// FuzzPeers runs every implementation on arbitrary loans inside the
// library's bounds (principal to 10^9 with cents, rate 0 to 1000 % in
// millionths, 1 to 1200 months): none may panic or hang, and wherever the
// library accepts the loan it must match the exact schedule row for row.
func FuzzPeers(f *testing.F) {
	f.Add(int64(1_000_000_00), int64(49_000), 360, 0)
	f.Add(int64(12_000_00), int64(60_000), 12, 30)
	f.Add(int64(60_00), int64(49_000), 1, 16)
	f.Add(int64(1), int64(0), 1200, 59)
	f.Add(int64(100_000_000_000), int64(10_000_000), 1200, 3)
	f.Fuzz(func(t *testing.T, c, m int64, n, day int) {
		l := loan{cents: 1 + abs(c)%100_000_000_000, millionths: abs(m) % 10_000_001, months: 1 + int(abs(int64(n))%1200),
			start: money.MustParseDate("2024-01-01").AddDays(int(abs(int64(day)) % 366))}
		for _, p := range peers {
			_, _ = p.run(l) // a govalues overflow or an int64 range error is an answer; a panic is not
		}
		lib, err := runLibrary(l)
		if err != nil {
			return
		}
		if _, want, _ := exact(l); len(want) > 0 {
			if first, k := diff(lib, want); k > 0 {
				t.Fatalf("library %s: %d rows differ, first row %d: %v, exact %v", l, k, first+1, lib[first], want[first])
			}
		}
	})
}

func abs(v int64) int64 {
	if v < 0 {
		return -(v + 1) // never overflows at math.MinInt64
	}
	return v
}
