package schedule

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/money"
)

func date(s string) money.Date { return money.MustParseDate(s) }

// TestTimingCountsBackAsAppendixJ checks the (b)(5) count on the worked
// examples of 12 CFR 1026 Appendix J (c)(1) and on SPEC §2's month-end and
// moved-date rules, each worked out by hand in its comment.
func TestTimingCountsBackAsAppendixJ(t *testing.T) {
	cases := []struct {
		name       string
		terms      Terms
		period     int
		due        string // "" = the unmoved due date of period
		t, num, de int
	}{
		// (c)(1)(i): 1978-01-10 → 02-10, regular.
		{"c1i regular", Terms{StartDate: date("1978-01-10"), FirstDueDate: date("1978-02-10")}, 1, "", 1, 0, 30},
		// (c)(1)(ii): 02-10 → 04-01: back to 03-01 (02-01 passes), 03-01 − 02-10 = 19 days.
		{"c1ii long first", Terms{StartDate: date("1978-02-10"), FirstDueDate: date("1978-04-01")}, 1, "", 1, 19, 30},
		{"c1ii row 3", Terms{StartDate: date("1978-02-10"), FirstDueDate: date("1978-04-01")}, 3, "", 3, 19, 30},
		// (c)(1)(iv): quarterly 05-23 → 10-01: 4 months (back to 06-01) + 9 days = 129 = 90 + 39.
		{"c1iv quarterly", Terms{StartDate: date("1978-05-23"), FirstDueDate: date("1978-10-01"), Frequency: Quarterly}, 1, "", 1, 39, 90},
		{"c1iv row 2", Terms{StartDate: date("1978-05-23"), FirstDueDate: date("1978-10-01"), Frequency: Quarterly}, 2, "", 2, 39, 90},
		// (c)(1)(v): weekly 03-20 → 04-21 = 32 days = 4 weeks + 4 days.
		{"c1v weekly", Terms{StartDate: date("1978-03-20"), FirstDueDate: date("1978-04-21"), Frequency: Weekly}, 1, "", 4, 4, 7},
		// Biweekly 10 days: no whole period, 10/14.
		{"biweekly short", Terms{StartDate: date("2024-05-01"), FirstDueDate: date("2024-05-11"), Frequency: Biweekly}, 1, "", 0, 10, 14},
		// Short monthly: 03-10 → 03-30, no whole month fits: t 0, 20 days.
		{"short monthly", Terms{StartDate: date("2024-03-10"), FirstDueDate: date("2024-03-30")}, 1, "", 0, 20, 30},
		// Anchor 31 (SPEC §2, (b)(3)(iv)): 2024-04-30 counts 03-31, 02-29,
		// 01-31; 12-31 passes 01-10: t 3, 21 days.
		{"anchor 31", Terms{StartDate: date("2024-01-10"), FirstDueDate: date("2024-01-31")}, 4, "", 3, 21, 30},
		// Anchor on the start, 31st: every due date is whole months.
		{"start on 31st", Terms{StartDate: date("2024-01-31")}, 1, "", 1, 0, 30},
		{"start on 31st, Feb", Terms{StartDate: date("2023-01-31")}, 2, "", 2, 0, 30},
		// Moved dates count on their own day (the shared calendar vector):
		// start 2024-12-28, period 1 moved from 2025-01-28 to 02-05: back to
		// 01-05 (12-05 passes), 8 days; period 6 moved from 06-28 to 06-30:
		// back on the 30th to 2024-12-30 (02-28 clamped on the way), 2 days.
		{"moved 02-05", Terms{StartDate: date("2024-12-28")}, 1, "2025-02-05", 1, 8, 30},
		{"moved 06-30", Terms{StartDate: date("2024-12-28")}, 6, "2025-06-30", 6, 2, 30},
	}
	for _, c := range cases {
		tm := c.terms.calendar().timer()
		due := c.terms.calendar().due(c.period)
		if c.due != "" {
			due = date(c.due)
		}
		got := tm.at(c.period, due)
		assert.Equal(t, timing{t: int32(c.t), num: int16(c.num), den: int16(c.de)}, got, c.name)
	}
}

// TestAppendixJPublishedAPRs: the dated apr request reproduces the APRs
// Appendix J (c) publishes (to its two decimals of a percent).
func TestAppendixJPublishedAPRs(t *testing.T) {
	cases := []struct {
		name, principal, payment string
		n                        int
		start, first             string
		freq                     Frequency
		last                     string
		published                string
	}{
		{"(c)(1)(i)", "5000", "230.00", 24, "1978-01-10", "1978-02-10", Monthly, "", "9.69"},
		{"(c)(1)(ii)", "6000", "200.00", 36, "1978-02-10", "1978-04-01", Monthly, "", "11.82"},
		{"(c)(1)(iv)", "10000", "385.00", 40, "1978-05-23", "1978-10-01", Quarterly, "", "8.97"},
		{"(c)(1)(v)", "500", "17.60", 30, "1978-03-20", "1978-04-21", Weekly, "", "14.96"},
		{"(c)(3)(i)", "5000", "230.00", 24, "1978-01-10", "1978-02-10", Monthly, "280.00", "10.50"},
	}
	for _, c := range cases {
		pays := repeat(c.payment, c.n)
		if c.last != "" {
			pays[c.n-1] = money.MustParse(c.last)
		}
		r, err := APR(APRRequest{Principal: money.MustParse(c.principal), Payments: pays,
			StartDate: date(c.start), FirstDueDate: date(c.first), Frequency: c.freq})
		require.NoError(t, err, c.name)
		pct := new(big.Rat).Mul(r.APR.Ratio().Rat(), big.NewRat(100, 1))
		assert.Equal(t, c.published, pct.FloatString(2), c.name)
		require.NotNil(t, r.XIRR, c.name)
	}
}

// appendixJ returns G(i) = Σ c_j/((1 + f_j·i)(1+i)^t_j) − P exactly.
func appendixJ(p money.Amount, flows []Flow, at []timing, i *big.Rat) *big.Rat {
	one := big.NewRat(1, 1)
	g := new(big.Rat).Neg(p.Rat())
	base := new(big.Rat).Add(one, i)
	for k, f := range flows {
		tj, fj := f.Period, new(big.Rat)
		if at != nil {
			tj, fj = int(at[k].t), big.NewRat(int64(at[k].num), int64(at[k].den))
		}
		den := ratPow(base, int64(tj))
		den.Mul(den, new(big.Rat).Add(one, new(big.Rat).Mul(fj, i)))
		g.Add(g, new(big.Rat).Quo(f.Amount.Rat(), den))
	}
	return g
}

// randomOddTerms are terms with an odd first period (or none), of at most
// 36 rows so that exact rational checks stay quick.
func randomOddTerms(rng *rand.Rand) Terms {
	t := randomTerms(rng)
	t.Periods = 1 + rng.IntN(36)
	t.Grace = Grace{}
	t.FirstDueDate = t.StartDate.AddDays(1 + rng.IntN(100))
	if t.Method == Bullet {
		t.Method = EqualInstallment
	}
	return t
}

// TestTimedIRRBracketsTheRoot checks solved rates without trusting the
// solver: the exact Appendix J equation changes sign across irr ± half a
// unit in the 6th place, and across apr/k ± half a unit over k.
func TestTimedIRRBracketsTheRoot(t *testing.T) {
	rng := rand.New(rand.NewPCG(81, 82))
	half := big.NewRat(5, 10_000_000)
	checked := 0
	for range 150 {
		terms := randomOddTerms(rng)
		s, err := New(terms)
		if err != nil {
			continue
		}
		flows, at, _ := terms.paymentTimes(s.Rows)
		if at == nil || !s.Priced() {
			continue
		}
		checked++
		k := big.NewRat(terms.Frequency.PerYear(), 1)
		irr := s.Rates.IRR.Ratio().Rat()
		lo := appendixJ(terms.Principal, flows, at, new(big.Rat).Sub(irr, half))
		hi := appendixJ(terms.Principal, flows, at, new(big.Rat).Add(irr, half))
		assert.True(t, lo.Sign() >= 0 && hi.Sign() <= 0, "%+v irr %s", terms, s.Rates.IRR)
		apr := new(big.Rat).Quo(s.Rates.APR.Ratio().Rat(), k)
		hk := new(big.Rat).Quo(half, k)
		lo = appendixJ(terms.Principal, flows, at, new(big.Rat).Sub(apr, hk))
		hi = appendixJ(terms.Principal, flows, at, new(big.Rat).Add(apr, hk))
		assert.True(t, lo.Sign() >= 0 && hi.Sign() <= 0, "%+v apr %s", terms, s.Rates.APR)
	}
	require.Greater(t, checked, 60)
}

// TestRegularRatesUnchanged: a schedule whose due dates fall whole periods
// after the start (no first due date, or one exactly one period on) keeps
// the plain IRR of equally spaced payments.
func TestRegularRatesUnchanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(91, 92))
	for range 300 {
		terms := randomTerms(rng)
		terms.Periods = min(terms.Periods, 240)
		terms.Grace.Periods = min(terms.Grace.Periods, terms.Periods-1)
		if terms.Method == Bullet {
			continue
		}
		terms.FirstDueDate = money.Date{}
		if rng.IntN(2) == 0 && terms.StartDate.Day() <= 28 {
			terms.FirstDueDate = terms.calendar().due(1)
		}
		s, err := New(terms)
		if err != nil {
			continue
		}
		if !s.Priced() {
			continue
		}
		plain, err := s.WithRates(terms.Principal, terms.Frequency.PerYear())
		require.NoError(t, err)
		assert.Equal(t, plain.Rates.IRR, s.Rates.IRR, "%+v", terms)
		assert.Equal(t, plain.Rates.APR, s.Rates.APR, "%+v", terms)
		assert.Equal(t, plain.Rates.EffectiveAnnualRate, s.Rates.EffectiveAnnualRate, "%+v", terms)
	}
}

func TestBulletTakesTheTermAsUnitPeriod(t *testing.T) {
	// SPEC §2: 10000 at 12 % for 12 months pays 11200.00 once: irr = 0.12
	// for the term, apr = 0.12 × 12/12, EAR = 1.12^(12/12) − 1.
	s, err := New(Terms{Principal: money.New(10_000, 0), AnnualRate: money.MustParseRate("0.12"), Periods: 12,
		Method: Bullet, StartDate: date("2024-01-15")})
	require.NoError(t, err)
	assert.Equal(t, "11200.00", s.Rows[0].Payment.String())
	assert.Equal(t, "0.120000", s.Rates.IRR.String())
	assert.Equal(t, "0.120000", s.Rates.APR.String())
	assert.Equal(t, "0.120000", s.Rates.EffectiveAnnualRate.String())
	// 24 months at 6 %: 10000 × 0.005 × 24 = 1200 → irr 0.12, apr = 0.12 ×
	// 12/24 = 0.06, EAR = √1.12 − 1 = 0.0583005244… → 0.058301.
	s, err = New(Terms{Principal: money.New(10_000, 0), AnnualRate: money.MustParseRate("0.06"), Periods: 24,
		Method: Bullet, StartDate: date("2024-01-15")})
	require.NoError(t, err)
	assert.Equal(t, "0.120000", s.Rates.IRR.String())
	assert.Equal(t, "0.060000", s.Rates.APR.String())
	assert.Equal(t, "0.058301", s.Rates.EffectiveAnnualRate.String())
}

func TestBulletRatesRoundExactTiesUp(t *testing.T) {
	// 2,000,001 for 2,000,000 over one year: irr = apr = EAR = 5 × 10^−7
	// exactly, a tie that half up rounds to 0.000001.
	r, err := bulletRates(money.New(2_000_000, 0), money.New(2_000_001, 0), 12, 12)
	require.NoError(t, err)
	assert.Equal(t, "0.000001", r.IRR.String())
	assert.Equal(t, "0.000001", r.APR.String())
	assert.Equal(t, "0.000001", r.EffectiveAnnualRate.String())
	// The mirror: 1,999,999 is −5 × 10^−7, away from zero to −0.000001.
	r, err = bulletRates(money.New(2_000_000, 0), money.New(1_999_999, 0), 12, 12)
	require.NoError(t, err)
	assert.Equal(t, "-0.000001", r.EffectiveAnnualRate.String())
	// Over two years the EAR is √(1 + 10^−6·k) − 1 for payment 10^6 + k:
	// k = 1 gives 4.99999875 × 10^−7, just under the tie: 0.000000.
	r, err = bulletRates(money.New(1_000_000, 0), money.New(1_000_001, 0), 24, 12)
	require.NoError(t, err)
	assert.Equal(t, "0.000000", r.EffectiveAnnualRate.String())
	assert.Equal(t, "0.000001", r.IRR.String())
}

// highXIRRSign returns the sign of Σ c_j (1+b)^(−d_j/365) − P at 400 bits,
// computing (1+b)^(1/365) by bisection: independent of the solver's code.
func highXIRRSign(p money.Amount, rows []Row, start money.Date, b *big.Rat) int {
	const prec = 400
	base := new(big.Float).SetPrec(prec).SetRat(new(big.Rat).Add(big.NewRat(1, 1), b))
	lo, hi := new(big.Float).SetPrec(prec).SetFloat64(0.5), new(big.Float).SetPrec(prec).SetFloat64(2)
	for range prec + 10 {
		mid := new(big.Float).SetPrec(prec).Add(lo, hi)
		mid.Quo(mid, big.NewFloat(2))
		if powFloat(mid, 365).Cmp(base) < 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	w := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), lo) // (1+b)^(−1/365)
	sum := new(big.Float).SetPrec(prec).Neg(new(big.Float).SetPrec(prec).SetRat(p.Rat()))
	for _, r := range rows {
		if r.Payment.IsZero() {
			continue
		}
		term := powFloat(w, int64(r.DueDate.Sub(start)))
		sum.Add(sum, term.Mul(term, new(big.Float).SetPrec(prec).SetRat(r.Payment.Rat())))
	}
	return sum.Sign()
}

// TestScheduleXIRRBracketed checks each schedule's xirr against an
// independent 400-bit evaluation: the sum changes sign across xirr ± half
// a unit in the 6th place. It also holds the schedule's xirr to the XIRR
// of the same dated flows.
func TestScheduleXIRRBracketed(t *testing.T) {
	rng := rand.New(rand.NewPCG(101, 102))
	half := big.NewRat(5, 10_000_000)
	checked := 0
	for range 120 {
		terms := randomOddTerms(rng)
		if rng.IntN(3) == 0 {
			terms.FirstDueDate = money.Date{}
		}
		s, err := New(terms)
		if err != nil || !s.Priced() {
			continue
		}
		checked++
		require.NotNil(t, s.Rates.XIRR)
		x := s.Rates.XIRR.Ratio().Rat()
		lo := highXIRRSign(terms.Principal, s.Rows, terms.StartDate, new(big.Rat).Sub(x, half))
		hi := highXIRRSign(terms.Principal, s.Rows, terms.StartDate, new(big.Rat).Add(x, half))
		assert.True(t, lo >= 0 && hi <= 0, "%+v xirr %s: %d %d", terms, s.Rates.XIRR, lo, hi)
		flows := []DatedFlow{{terms.StartDate, terms.Principal.Neg()}}
		for _, r := range s.Rows {
			if !r.Payment.IsZero() {
				flows = append(flows, DatedFlow{r.DueDate, r.Payment})
			}
		}
		api, err := XIRR(flows)
		require.NoError(t, err)
		assert.Equal(t, api, *s.Rates.XIRR, "%+v", terms)
	}
	require.Greater(t, checked, 80)
}

func TestScheduleXIRRBeyondTheBracketIsAnError(t *testing.T) {
	// 1000 % a year monthly is (1 + 10/12)^12 − 1 ≈ 1 440 a year by actual
	// days too: above the 10 000 % that SPEC §2 bounds the xirr by.
	_, err := New(Terms{Principal: money.New(1000, 0), AnnualRate: money.MustParseRate("10"), Periods: 12,
		StartDate: date("2024-01-15")})
	require.Error(t, err)
	assert.ErrorIs(t, err, money.ErrInvalid)
	assert.Contains(t, err.Error(), "xirr")
}

func TestXIRRProofSettlesTheRounding(t *testing.T) {
	// 1000 out, 1100 back 365 days later is exactly 10 %: the proof must
	// find the sum positive at 0.0999995 and negative at 0.1000005.
	p := newXIRRProblem(2)
	p.add(0, money.New(-1000, 0))
	p.add(365, money.New(1100, 0))
	p.normalize()
	assert.True(t, p.prove(100_000, 192))
	assert.False(t, p.prove(100_001, 192))
	assert.False(t, p.prove(99_999, 192))
	// At an exact root on a boundary (1000 → 1000.0005 a year later: x =
	// 5 × 10^−7) the sign there is 0 and nothing is proved; solve still
	// rounds half up.
	x, err := XIRR([]DatedFlow{{date("2023-03-01"), money.New(-1000, 0)}, {date("2024-02-29"), money.MustParse("1000.0005")}})
	require.NoError(t, err)
	assert.Equal(t, "0.000001", x.String())
}

func TestXIRROfManyFlowsIsQuick(t *testing.T) {
	// Issue 13: 100 000 flows took 47 s. One outlay and 99 999 daily
	// receipts of 0.0137 per 1000: well under a second now.
	flows := make([]DatedFlow, 100_000)
	start := date("1901-01-01")
	flows[0] = DatedFlow{start, money.New(-1000, 0)}
	for i := 1; i < len(flows); i++ {
		flows[i] = DatedFlow{start.AddDays(i), money.MustParse("0.0137")}
	}
	// How long it takes is BenchmarkXIRR100k's to say (a wall-clock bound
	// here would fail on a loaded machine, not on slow code); the test's
	// own run time still shows a return to tens of seconds.
	x, err := XIRR(flows)
	require.NoError(t, err)
	assert.True(t, x.Sign() > 0)
	// Bracket it independently: the flows' net present value by actual
	// days falls through zero within 10^−4 of the rate (float64 is ample
	// at that distance; the library's own rounding is 10^−6 or finer).
	xnpv := func(r float64) float64 {
		s := -1000.0
		for i := 1; i < len(flows); i++ {
			s += 0.0137 * math.Pow(1+r, -float64(i)/365)
		}
		return s
	}
	xf, _ := x.Decimal().Float64()
	assert.Positive(t, xnpv(xf-1e-4), "xirr %s", x)
	assert.Negative(t, xnpv(xf+1e-4), "xirr %s", x)
}

func TestDatedAPRErrors(t *testing.T) {
	pays := repeat("100", 12)
	cases := map[string]APRRequest{
		"start_date: is required with first_due_date": {Principal: money.New(1000, 0), Payments: pays, FirstDueDate: date("2024-02-01")},
		"first_due_date: must be after start_date":    {Principal: money.New(1000, 0), Payments: pays, StartDate: date("2024-02-01"), FirstDueDate: date("2024-01-01")},
		"periods_per_year: must be 52":                {Principal: money.New(1000, 0), Payments: pays, StartDate: date("2024-02-01"), Frequency: Weekly, PeriodsPerYear: 12},
		"frequency":                                   {Principal: money.New(1000, 0), Payments: pays, StartDate: date("2024-02-01"), Frequency: Frequency(9), PeriodsPerYear: 12},
		"principal: must be positive":                 {Principal: money.New(0, 0), Payments: pays, StartDate: date("2024-02-01")},
	}
	for want, req := range cases {
		_, err := APR(req)
		require.Error(t, err, want)
		assert.ErrorIs(t, err, money.ErrInvalid)
		assert.Contains(t, err.Error(), want)
	}
}

func TestUndatedAPRHasNoXIRR(t *testing.T) {
	r, err := APR(APRRequest{Principal: money.New(1000, 0), Payments: repeat("90", 12)})
	require.NoError(t, err)
	assert.Nil(t, r.XIRR)
	s, err := FromRows([]Row{{Number: 1, Payment: money.New(1100, 0)}}, money.NewRounding(2, money.HalfUp)).WithRates(money.New(1000, 0), 12)
	require.NoError(t, err)
	assert.Nil(t, s.Rates.XIRR)
	assert.Equal(t, "0.100000", s.Rates.IRR.String(), fmt.Sprint(s.Rates))
}

// The 128-bit fallback solver finds the same rate as the float64 search
// with its proof, on random dated flows with an outlay first.
func TestXIRRBigSolverAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(111, 112))
	for range 100 {
		n := 2 + rng.IntN(30)
		p := newXIRRProblem(n)
		p.add(0, money.New(-(1_000+rng.Int64N(1_000_000)), 2))
		day := int64(0)
		for range n - 1 {
			day += 1 + rng.Int64N(120)
			p.add(day, money.New(rng.Int64N(100_000), 2))
		}
		fast, err := p.solve(false, 0)
		if err != nil {
			continue
		}
		u, err := p.solveBig()
		require.NoError(t, err)
		assert.Equal(t, fast, p.rate(u))
	}
}
