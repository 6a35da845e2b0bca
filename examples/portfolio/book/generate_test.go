package book

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// The book of a seed is what it was when these sums were taken (before
// the generator and the line writer were made faster): a book is a fixed
// function of its seed.
func TestWriteGolden(t *testing.T) {
	for _, c := range []struct {
		n    int
		seed uint64
		asOf string
		sum  string
	}{
		{2000, 1, "2025-06-30", "6d11b4d05f2c0e5acc59ee5288717fa6a43751be4a5c72d3e32c118cf78d9b0c"},
		{500, 3, "2031-01-15", "260b3e7499e29c2de1aeed91e1339249d0fe9958f49c6d55fa33f87d348c8be1"},
	} {
		var buf bytes.Buffer
		require.NoError(t, Write(context.Background(), &buf, c.n, c.seed, money.MustParseDate(c.asOf)))
		sum := sha256.Sum256(buf.Bytes())
		require.Equal(t, c.sum, hex.EncodeToString(sum[:]), "seed %d", c.seed)
	}
}

// refLine is an account's line written the plain way: every value by its
// String method, quoted by strconv.Quote.
func refLine(a penalty.Account) []byte {
	q := strconv.Quote
	b := []byte(`{"as_of":` + q(a.AsOf.String()) + `,"installments":[`)
	for k, in := range a.Installments {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"due_date":`+q(in.DueDate.String())+`,"principal":`+q(in.Principal.String())+
			`,"interest":`+q(in.Interest.String())+`,"fee":`+q(in.Fee.String())+`}`...)
	}
	b = append(b, `],"payments":[`...)
	for k, p := range a.Payments {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"date":`+q(p.Date.String())+`,"amount":`+q(p.Amount.String())+`}`...)
	}
	p := a.Policy
	b = append(b, `],"policy":{"penalty_rate":{"rate":`+q(p.PenaltyRate.Rate.String())+`,"unit":`+q(p.PenaltyRate.Unit.String())+
		`,"day_count":`+q(p.PenaltyRate.DayCount.String())+`,"markup":`+q(p.PenaltyRate.Markup.String())+`},"base":`+q(p.Base.String())+
		`,"grace_days":`+strconv.Itoa(p.GraceDays)+`,"grace_mode":`+q(p.GraceMode.String())+`,"late_fee":{"kind":`+q(p.LateFee.Kind.String())...)
	switch p.LateFee.Kind {
	case penalty.FixedFee:
		b = append(b, `,"amount":`+q(p.LateFee.Amount.String())...)
	case penalty.PercentFee:
		b = append(b, `,"rate":`+q(p.LateFee.Rate.String())+`,"min":`+q(p.LateFee.Min.String())...)
		if p.LateFee.Max.IsPositive() {
			b = append(b, `,"max":`+q(p.LateFee.Max.String())...)
		}
	}
	b = append(b, '}')
	if p.StopAfterDays > 0 {
		b = append(b, `,"stop_after_days":`+strconv.Itoa(p.StopAfterDays)...)
	}
	if p.Cap != nil {
		b = append(b, `,"cap":`+q(p.Cap.String())...)
	}
	return append(b, "}}"...)
}

// randomAccount is an account of odd values the book never writes: dates
// from year 1 to 9999 (in monthly runs, with jumps back and forth), amounts
// of any sign and places, up to beyond int64, many rates.
func randomAccount(r *rand.Rand) penalty.Account {
	date := func() money.Date {
		return money.NewDate(1+r.IntN(9999), time.Month(1+r.IntN(12)), 1+r.IntN(31))
	}
	amount := func() money.Amount {
		switch r.IntN(6) {
		case 0:
			return money.New(r.Int64N(1000)-500, r.IntN(5))
		case 1: // beyond int64
			big := money.New(1<<62+r.Int64N(1<<62), 2)
			return big.Add(big).MulInt(int64(r.IntN(3)) - 1)
		case 2:
			return money.New(int64(r.Uint64()>>1), 2)
		}
		return money.New(r.Int64N(100_000_000), 2)
	}
	rate := func() money.Rate { return money.NewRate(r.Int64N(2_000_000)-1_000, r.IntN(13)) }
	a := penalty.Account{AsOf: date()}
	d := date()
	for range r.IntN(30) {
		if r.IntN(5) == 0 {
			d = date()
		}
		a.Installments = append(a.Installments, penalty.Installment{DueDate: d, Principal: amount(), Interest: amount(), Fee: amount()})
		d = d.AddMonths(1).AddDays(r.IntN(3) - 1)
	}
	for range r.IntN(10) {
		a.Payments = append(a.Payments, penalty.Payment{Date: d.AddDays(r.IntN(200) - 100), Amount: amount()})
	}
	p := &a.Policy
	p.PenaltyRate = penalty.PenaltyRate{Rate: rate(), Unit: penalty.Unit(r.IntN(3)), DayCount: money.DayCount(r.IntN(3)), Markup: rate()}
	p.Base = penalty.Base(r.IntN(2))
	p.GraceDays = r.IntN(2000) - 1000
	p.GraceMode = penalty.GraceMode(r.IntN(2))
	p.LateFee = penalty.LateFee{Kind: penalty.LateFeeKind(r.IntN(3)), Amount: amount(), Rate: rate(), Min: amount(), Max: amount()}
	p.StopAfterDays = r.IntN(200) - 50
	if r.IntN(2) == 0 {
		c := rate()
		p.Cap = &c
	}
	return a
}

// One LineWriter, remembering rates and months from line to line, writes
// every account as the plain way does: the book's and odd ones.
func TestLineWriterAgreesWithPlainWriting(t *testing.T) {
	var w LineWriter
	var line []byte
	g := NewGenerator(5, testAsOf)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 6000 {
		a := g.Account()
		if i%2 == 1 {
			a = randomAccount(r)
		}
		line = w.Append(line[:0], &a)
		require.Equal(t, string(refLine(a)), string(line), "account %d", i)
		require.Equal(t, string(line), string(AppendAccount(nil, a)), "account %d", i)
	}
}

// appendAmount writes what Amount.String does, at every length.
func TestAppendAmount(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	check := func(a money.Amount) {
		require.Equal(t, `x"`+a.String()+`"`, string(appendAmount([]byte("x"), `"`, a)))
	}
	for _, u := range []int64{0, 1, 9, 10, 99, 100, 101, 999, 1000, 10_000, 100_000, 1<<63 - 1, -1, -100, -1 << 63} {
		check(money.New(u, 2))
	}
	for range 10_000 {
		check(money.New(int64(r.Uint64()>>r.IntN(64)), 2))
		check(money.New(r.Int64N(1_000_000)-500_000, r.IntN(6)))
	}
}
