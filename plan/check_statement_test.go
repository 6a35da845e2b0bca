package plan

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// The offer builder checks a statement before reading it (issue 13 item
// 5): totals that are not the installments' sums, negative or sub-cent
// amounts, and segment rates Accrue could never use are errors naming the
// field under statement.
func TestOffersCheckTheStatement(t *testing.T) {
	offers := func(edit func(*penalty.Statement)) error {
		st := statementWith(amt("20000"), amt("1500"), amt("300"), amt("800"), amt("200"))
		edit(&st)
		_, err := Offers(OfferRequest{Statement: &st, AffordablePayment: amt("1500")})
		return err
	}
	require.NoError(t, offers(func(*penalty.Statement) {}))
	cases := []struct {
		field string
		edit  func(*penalty.Statement)
	}{
		// 20 000 owed by the installment, 2 000 claimed in the totals.
		{"statement.totals.principal", func(s *penalty.Statement) { s.Totals.Principal = amt("2000") }},
		{"statement.totals.outstanding", func(s *penalty.Statement) { s.Totals.Outstanding = amt("1") }},
		{"statement.installments[0].interest", func(s *penalty.Statement) { s.Installments[0].Interest = amt("-1") }},
		{"statement.installments[0].fee", func(s *penalty.Statement) { s.Installments[0].Fee = amt("0.001") }},
		{"statement.installments[0].penalty", func(s *penalty.Statement) { s.Installments[0].PenaltyAccrued = amt("1") }},
		{"statement.unapplied", func(s *penalty.Statement) { s.Unapplied = amt("-5") }},
		{"statement.explanation.segments[0].rate", func(s *penalty.Statement) {
			s.Explanation.Segments = []penalty.Segment{{Installment: 1, Days: 3, Rate: money.NewRatio(5, 1)}} // 500 % a day
		}},
		{"statement.explanation.segments[0].days", func(s *penalty.Statement) {
			s.Explanation.Segments = []penalty.Segment{{Installment: 1, Days: -3}}
		}},
	}
	for _, c := range cases {
		requireFieldError(t, offers(c.edit), c.field)
	}
}
