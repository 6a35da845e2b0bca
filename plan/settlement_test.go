package plan

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

func TestSettle(t *testing.T) {
	// All penalty (800) and late fee (200), half the interest (750): 1750
	// off 22800, a lump sum of 21050.
	s, err := Settle(Settlement{
		Outstanding: negotiated(),
		Discount:    Fractions{Penalty: rate("1"), LateFee: rate("1"), Interest: rate("0.5")},
	})
	require.NoError(t, err)
	requireAmount(t, "1750", s.Discount.Total)
	requireAmount(t, "750", s.Discount.Interest)
	requireAmount(t, "0", s.Discount.Principal)
	requireAmount(t, "21050", s.LumpSum)
	requireAmount(t, "1750", s.Saving)
}

func TestSettleRoundsEachComponent(t *testing.T) {
	// Each component's discount is rounded on its own, here down:
	// 0.3333 × 10 = 3.333 → 3.33 and 0.3333 × 0.05 = 0.016665 → 0.01.
	s, err := Settle(Settlement{
		Outstanding: Outstanding{Interest: amt("10"), LateFee: amt("0.05")},
		Discount:    Fractions{Interest: rate("0.3333"), LateFee: rate("0.3333")},
		Rounding:    money.NewRounding(2, money.Down),
	})
	require.NoError(t, err)
	requireAmount(t, "3.33", s.Discount.Interest) // 3.333 down
	requireAmount(t, "0.01", s.Discount.LateFee)  // 0.016665 down
	requireAmount(t, "6.71", s.LumpSum)           // 10.05 − 3.34
}

func TestSettleErrors(t *testing.T) {
	_, err := Settle(Settlement{Outstanding: Outstanding{Principal: amt("-1")}})
	requireFieldError(t, err, "outstanding.principal")
	_, err = Settle(Settlement{Outstanding: negotiated(), Discount: Fractions{LateFee: rate("-0.1")}})
	requireFieldError(t, err, "discount.late_fee")
}

// statementWith is a statement of one installment owing the given
// components, with the totals that adds up to (the offer builder checks
// that they do).
func statementWith(p, i, f, pen, lf money.Amount) penalty.Statement {
	t := penalty.Totals{Principal: p, Interest: i, Fee: f, Penalty: pen, LateFee: lf}
	t.Outstanding = p.Add(i).Add(f).Add(pen).Add(lf)
	in := penalty.InstallmentBalance{Number: 1, DueDate: date("2025-05-20"), EffectiveDueDate: date("2025-05-20"),
		Principal: p, Interest: i, Fee: f, Penalty: pen, LateFee: lf, PenaltyAccrued: pen, LateFeeAssessed: lf}
	return penalty.Statement{AsOf: date("2025-06-20"), Installments: []penalty.InstallmentBalance{in}, Totals: t}
}
