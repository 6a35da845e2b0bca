package penalty

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

// The hand-written Segment.MarshalJSON writes exactly what json.Marshal of
// the fields followed by "rate" writes, for segments of every shape.
func TestSegmentJSONMatchesReflection(t *testing.T) {
	reflected := func(s Segment) []byte {
		b, err := json.Marshal(struct {
			segmentJSON
			Rate string `json:"rate"`
		}{segmentJSON(s), ratioDecimal(s.Rate, 16)})
		require.NoError(t, err)
		return b
	}
	d := money.MustParseDate("2025-01-15")
	for _, s := range []Segment{
		{},
		{Installment: 3, From: d, To: d.AddDays(17), Days: 17, Base: money.MustParse("1050.00"), Rate: money.NewRatio(5, 10000), Amount: money.MustParse("8.93")},
		{Installment: 1200, From: d, To: d.AddDays(1), Days: 1, Base: money.MustParse("1"), Rate: money.NewRatio(18, 36500), Basis: 365,
			Amount: money.MustParse("0.00"), Uncapped: money.MustParse("0.01"), Capped: true, Status: Forgiven},
		{Installment: 2, Days: 400, Base: money.MustParse("999999999999999.999999999999"), Rate: money.NewRatio(1, 366), Basis: 366, Status: Contingent,
			Amount: money.MustParse("-5")},
	} {
		got, err := s.MarshalJSON()
		require.NoError(t, err)
		want := reflected(s)
		require.True(t, bytes.Equal(want, got), "\nwant %s\n got %s", want, got)
	}
}

// smallDecimal agrees with the math/big path wherever it answers.
func TestSmallDecimalMatchesBig(t *testing.T) {
	big := func(q money.Ratio) string {
		x := q.Rat()
		if s, ok := exactDecimal(x, 16); ok {
			return s
		}
		s := x.FloatString(16)
		return strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	rng := rand.New(rand.NewPCG(9, 9))
	answered := 0
	for range 20000 {
		num := rng.Int64N(1 << uint(rng.IntN(62)+1))
		den := 1 + rng.Int64N(1<<uint(rng.IntN(62)+1))
		switch rng.IntN(4) {
		case 0:
			den = []int64{360, 365, 366, 3600000, 36500000}[rng.IntN(5)]
		case 1:
			num = 0
		}
		q := money.NewRatio(num, den)
		if s, ok := smallDecimal(q, 16); ok {
			answered++
			require.Equal(t, big(q), s, "%d/%d", num, den)
		}
	}
	require.Greater(t, answered, 5000)
}
