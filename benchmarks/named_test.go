package benchmarks

import (
	"testing"

	"github.com/repayplan/repayplan/money"
)

// TestNamedLoans holds the library to the exact arithmetic of
// testdata/reference/peers.py (Python fractions, no float) on the two named
// loans, then every peer to the library row by row: payment, principal,
// interest, opening and closing balance, due date and days. On these two
// loans every peer happens to be right to the cent: peers.py finds no row
// of either whose interest is exactly half a cent, the one case where the
// decimal peers round the other way, and the float64 payments round the
// same way as the exact ones; the random loans of TestMisrounding show
// where the peers are not right.
func TestNamedLoans(t *testing.T) {
	for _, tc := range []struct {
		loan
		first, last                  cents // rows 1 and n, from peers.py
		payment, principal, interest int64 // column totals, from peers.py
	}{
		{mortgage,
			cents{opening: 1_000_000_00, payment: 5307_27, principal: 1223_94, interest: 4083_33, close: 998_776_06},
			cents{opening: 5283_62, payment: 5305_19, principal: 5283_62, interest: 21_57},
			1_910_615_12, 1_000_000_00, 910_615_12},
		{consumer,
			cents{opening: 12_000_00, payment: 1032_80, principal: 972_80, interest: 60_00, close: 11_027_20},
			cents{opening: 1027_64, payment: 1032_78, principal: 1027_64, interest: 5_14},
			12_393_58, 12_000_00, 393_58},
	} {
		lib, err := runLibrary(tc.loan)
		if err != nil {
			t.Fatal(err)
		}
		strip := func(c cents) cents { c.due, c.days = money.Date{}, 0; return c }
		if got := strip(lib[0]); got != tc.first {
			t.Errorf("%s: library row 1 %v, peers.py %v", tc.loan, got, tc.first)
		}
		if got := strip(lib[len(lib)-1]); got != tc.last {
			t.Errorf("%s: library row %d %v, peers.py %v", tc.loan, len(lib), got, tc.last)
		}
		var pay, prin, intr int64
		for _, r := range lib {
			pay, prin, intr = pay+r.payment, prin+r.principal, intr+r.interest
		}
		if pay != tc.payment || prin != tc.principal || intr != tc.interest {
			t.Errorf("%s: library totals %d %d %d, peers.py %d %d %d", tc.loan, pay, prin, intr, tc.payment, tc.principal, tc.interest)
		}
		for _, p := range peers {
			got, err := p.run(tc.loan)
			if err != nil {
				t.Fatalf("%s %s: %v", p.name, tc.loan, err)
			}
			if first, n := diff(got, lib); n > 0 {
				t.Errorf("%s %s: %d rows differ from the library, first row %d: %v, library %v", p.name, tc.loan, n, first+1, got[first], lib[first])
			}
		}
	}
}
