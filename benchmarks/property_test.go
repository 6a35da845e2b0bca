package benchmarks

import (
	"math/rand/v2"
	"testing"
)

// TestPeerInvariants checks SPEC §2's invariants on the exact-arithmetic
// peers over random loans, in cents: Σ principal = P, each closing balance
// is the next opening one, the last closes at 0, payment = principal +
// interest on every row, rows 1..n−1 pay the same amount, no amount is
// negative. (The float64 loop carries binary balances, so its sums are not
// held to the cent.) A loan the exact schedule closes early is left out:
// the peers do not stop at zero there.
func TestPeerInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 7))
	for range 500 {
		l := randomLoan(rng)
		if _, rows, _ := exact(l); closesEarly(rows) {
			continue
		}
		for _, p := range peers {
			if p.name == "float64" {
				continue
			}
			rows, err := p.run(l)
			if err != nil {
				t.Fatalf("%s %s: %v", p.name, l, err)
			}
			var sum int64
			for i, r := range rows {
				sum += r.principal
				if r.payment != r.principal+r.interest || r.close != r.opening-r.principal {
					t.Fatalf("%s %s row %d: %v does not add up", p.name, l, i+1, r)
				}
				if i > 0 && r.opening != rows[i-1].close {
					t.Fatalf("%s %s row %d opens at %d, row %d closed at %d", p.name, l, i+1, r.opening, i, rows[i-1].close)
				}
				if i > 0 && i < len(rows)-1 && r.payment != rows[0].payment {
					t.Fatalf("%s %s row %d pays %d, row 1 %d", p.name, l, i+1, r.payment, rows[0].payment)
				}
				if r.principal < 0 || r.interest < 0 {
					t.Fatalf("%s %s row %d: negative amount %v", p.name, l, i+1, r)
				}
			}
			if sum != l.cents || rows[len(rows)-1].close != 0 {
				t.Fatalf("%s %s: principal sums to %d of %d, closes at %d", p.name, l, sum, l.cents, rows[len(rows)-1].close)
			}
		}
	}
}

func closesEarly(rows []cents) bool {
	for _, r := range rows[:len(rows)-1] {
		if r.close == 0 {
			return true
		}
	}
	return false
}

// TestPeerTotals holds each peer's own column totals to the sums of its
// rows on the named loans: the benchmarks time rows and totals together.
func TestPeerTotals(t *testing.T) {
	for _, l := range []loan{mortgage, consumer} {
		p, a := l.shopspring()
		s := Shopspring(p, a, l.months, l.start)
		gp, ga := l.govalues()
		g, err := Govalues(gp, ga, l.months, l.start)
		if err != nil {
			t.Fatal(err)
		}
		i, err := Int64(l.cents, l.millionths, l.months, l.start)
		if err != nil {
			t.Fatal(err)
		}
		_, rows, _ := exact(l)
		var pay, prin, intr int64
		for _, r := range rows {
			pay, prin, intr = pay+r.payment, prin+r.principal, intr+r.interest
		}
		for name, got := range map[string][3]int64{
			"shopspring": {must(shopCents(s.Payment)), must(shopCents(s.Principal)), must(shopCents(s.Interest))},
			"govalues":   {must(govCents(g.Payment)), must(govCents(g.Principal)), must(govCents(g.Interest))},
			"int64":      {i.Payment, i.Principal, i.Interest},
		} {
			if got != [3]int64{pay, prin, intr} {
				t.Errorf("%s %s: totals %v, rows sum to %v", name, l, got, [3]int64{pay, prin, intr})
			}
		}
	}
}

func must(v int64, ok bool) int64 {
	if !ok {
		return -1
	}
	return v
}
