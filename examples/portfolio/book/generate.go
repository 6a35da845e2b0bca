package book

import (
	"bufio"
	"context"
	"io"
	"math/rand/v2"
	"strconv"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// Generator makes a synthetic portfolio deterministically from a seed: half
// credit-card installment plans (分期: equal principal plus a flat monthly
// fee, 万分之五 a day on overdue principal and interest, a percent 违约金),
// half consumer loans (等额本金 at a contract rate, 罚息 at that rate plus
// 30–50 %, a fixed or percent late fee, sometimes non-accrual after 90
// days or a cap). Customers pay on time, pay late, stop paying part-way or
// never pay.
type Generator struct {
	rng  *rand.Rand
	asOf money.Date
}

// NewGenerator returns the generator of the book of seed, as of asOf.
func NewGenerator(seed uint64, asOf money.Date) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), asOf: asOf}
}

var (
	cardFeeRates = []int64{60, 66, 75}                       // per month, in 1/10 000 of the amount financed
	cardTerms    = []int{3, 6, 6, 9, 12, 12, 12, 18, 24, 24} // common 分期 terms
	loanRatesBP  = []int64{435, 600, 800, 1200, 1800, 2400}  // annual, in basis points
	loanMarkups  = []money.Rate{money.MustParseRate("0.3"), money.MustParseRate("0.5"), money.MustParseRate("0.5")}
	cardPenalty  = money.MustParseRate("0.0005") // 万分之五 a day
	cardLateFee  = money.MustParseRate("0.05")
	loanLateFee  = money.MustParseRate("0.01")
	loanCap      = money.MustParseRate("0.24")
	fixedFees    = []int64{2000, 5000, 10000, 20000} // cents
)

// Account returns the next account of the book. Its AsOf is the book's.
func (b *Generator) Account() penalty.Account {
	r := b.rng
	var a penalty.Account
	a.AsOf = b.asOf
	// The first due date lies up to the whole term (plus half a year)
	// before as_of, so some plans are paid off, some part-way, a few not
	// yet due at all.
	if r.IntN(2) == 0 {
		n := cardTerms[r.IntN(len(cardTerms))] + r.IntN(2)*r.IntN(4) // 3–24, mostly the usual terms
		n = min(max(n, 3), 24)
		total := (1000 + r.Int64N(49_001)) * 100 // ¥1 000–50 000, whole yuan
		fee := (total*cardFeeRates[r.IntN(len(cardFeeRates))] + 5000) / 10000
		first := b.asOf.AddDays(-r.IntN(30*(n+6)) + 20)
		a.Installments = make([]penalty.Installment, n)
		share := total / int64(n)
		due := first.Months().From(0) // first.AddMonths(k), k = 0, 1, …
		for k := range a.Installments {
			p := share
			if k == n-1 {
				p = total - share*int64(n-1)
			}
			a.Installments[k] = penalty.Installment{DueDate: due.Next(), Principal: cents(p), Interest: cents(0), Fee: cents(fee)}
		}
		a.Policy = penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{Rate: cardPenalty, Unit: penalty.Daily},
			Base:        penalty.PrincipalAndInterest,
			GraceDays:   r.IntN(4),
		}
		if r.IntN(4) == 0 {
			a.Policy.LateFee = penalty.LateFee{Kind: penalty.FixedFee, Amount: cents(fixedFees[r.IntN(2)])}
		} else {
			a.Policy.LateFee = penalty.LateFee{Kind: penalty.PercentFee, Rate: cardLateFee, Min: cents(1000)}
		}
	} else {
		n := 3 + r.IntN(22)
		total := (5000 + r.Int64N(295_001)) * 100 // ¥5 000–300 000
		bp := loanRatesBP[r.IntN(len(loanRatesBP))]
		first := b.asOf.AddDays(-r.IntN(30*(n+6)) + 20)
		a.Installments = make([]penalty.Installment, n)
		share, bal := total/int64(n), total
		due := first.Months().From(0)
		for k := range a.Installments {
			p := share
			if k == n-1 {
				p = bal
			}
			interest := (bal*bp + 60_000) / 120_000 // balance × rate / 12, half up
			a.Installments[k] = penalty.Installment{DueDate: due.Next(), Principal: cents(p), Interest: cents(interest), Fee: cents(0)}
			bal -= p
		}
		a.Policy = penalty.Policy{
			PenaltyRate: penalty.PenaltyRate{
				Rate:     money.NewRate(bp, 4),
				Unit:     penalty.Annual,
				DayCount: []money.DayCount{money.Act360, money.Act360, money.Act365}[r.IntN(3)],
				Markup:   loanMarkups[r.IntN(len(loanMarkups))],
			},
			GraceDays: r.IntN(4),
		}
		if r.IntN(10) < 3 {
			a.Policy.Base = penalty.PrincipalAndInterest
		}
		switch r.IntN(3) {
		case 0:
			a.Policy.LateFee = penalty.LateFee{Kind: penalty.FixedFee, Amount: cents(fixedFees[r.IntN(len(fixedFees))])}
		case 1:
			a.Policy.LateFee = penalty.LateFee{Kind: penalty.PercentFee, Rate: loanLateFee, Min: cents(2000), Max: cents(50000)}
		}
		if r.IntN(10) < 3 {
			a.Policy.StopAfterDays = 90
		}
		if r.IntN(10) == 0 {
			c := loanCap
			a.Policy.Cap = &c
		}
	}
	if r.IntN(5) == 0 {
		a.Policy.GraceMode = penalty.Defer
	}
	a.Payments = b.payments(a.Installments)
	return a
}

// payments makes up to 8 payments on the installments due by as_of, each
// paying a run of consecutive installments in full: on time, late, only
// the first runs (then a part payment), or none at all.
func (b *Generator) payments(ins []penalty.Installment) []penalty.Payment {
	r := b.rng
	due := 0
	for due < len(ins) && !ins[due].DueDate.After(b.asOf) {
		due++
	}
	behaviour := r.IntN(100)
	if due == 0 || behaviour >= 88 { // never paid
		return nil
	}
	groups := min(due, 1+r.IntN(8))
	// Cut the due installments into groups runs: cuts[g] is the first
	// installment after run g.
	cuts := make([]int, groups)
	for g := range groups - 1 {
		cuts[g] = (g + 1) * due / groups
	}
	cuts[groups-1] = due
	paid := groups
	if behaviour >= 60 { // stopped paying part-way
		paid = r.IntN(groups + 1)
	}
	out := make([]penalty.Payment, 0, groups)
	start := 0
	for g := range paid {
		var sum int64
		for k := start; k < cuts[g]; k++ {
			sum += units(ins[k].Principal) + units(ins[k].Interest) + units(ins[k].Fee)
		}
		day := ins[cuts[g]-1].DueDate.AddDays(-r.IntN(4)) // on or just before the due date
		if behaviour >= 35 && behaviour < 60 || r.IntN(6) == 0 {
			day = ins[start].DueDate.AddDays(1 + r.IntN(40)) // late
		}
		start = cuts[g]
		if day.After(b.asOf) {
			break
		}
		out = append(out, penalty.Payment{Date: day, Amount: cents(sum)})
	}
	if behaviour >= 60 && len(out) < cap(out) && start < due {
		// A part payment on the first unpaid installment.
		owed := units(ins[start].Principal) + units(ins[start].Interest) + units(ins[start].Fee)
		day := ins[start].DueDate.AddDays(r.IntN(30))
		if amt := owed * int64(20+r.IntN(60)) / 100; amt > 0 && !day.After(b.asOf) {
			out = append(out, penalty.Payment{Date: day, Amount: cents(amt)})
		}
	}
	return out
}

func cents(c int64) money.Amount { return money.New(c, 2) }

// units returns the amount in cents; the book's amounts all have 2 places.
func units(a money.Amount) int64 {
	u, ok := a.Units(2)
	if !ok {
		panic("amount does not fit in cents: " + a.String())
	}
	return u
}

// Write writes n accounts of the book of seed as JSON lines, one accrual
// request per line, stopping early if ctx is done.
func Write(ctx context.Context, w io.Writer, n int, seed uint64, asOf money.Date) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	b := NewGenerator(seed, asOf)
	var lw LineWriter
	var line []byte
	for i := range n {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		a := b.Account()
		line = lw.Append(line[:0], &a)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// AppendAccount appends a as its accrual request JSON to b. It covers what the
// book generates (no waivers, default allocation, rounding and accrual
// rounding); the tests check that it decodes strictly to a and agrees with
// encoding/json.
func AppendAccount(b []byte, a penalty.Account) []byte {
	var w LineWriter
	return w.Append(b, &a)
}

// LineWriter writes accounts as AppendAccount does, faster when it writes
// many: it remembers the rates it has written (Rate.String allocates, and
// a book has a handful of distinct rates) and the month of the last date
// (the next date, an installment a month later or a payment, is usually
// in it or the next, so that its year, month and day come from a
// subtraction instead of the civil calendar's divisions). The zero
// LineWriter is ready to use; it is not safe for concurrent use.
type LineWriter struct {
	rates [16]money.Rate
	texts [16]string
	nrate int // rates remembered; the next one replaces rates[nrate%16]
	// The month of the last date written: monthStart is its first day,
	// and it has monthDays days.
	monthStart             money.Date
	year, month, monthDays int
}

// Append appends a's line (without a line ending) to b.
func (w *LineWriter) Append(b []byte, a *penalty.Account) []byte {
	b = append(b, `{"as_of":`...)
	b = w.appendDate(b, a.AsOf)
	b = append(b, `,"installments":[`...)
	for k := range a.Installments {
		in := &a.Installments[k]
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"due_date":`...)
		b = w.appendDate(b, in.DueDate)
		b = appendAmount(b, `,"principal":"`, in.Principal)
		b = appendAmount(b, `,"interest":"`, in.Interest)
		b = appendAmount(b, `,"fee":"`, in.Fee)
		b = append(b, '}')
	}
	b = append(b, `],"payments":[`...)
	for k := range a.Payments {
		p := &a.Payments[k]
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"date":`...)
		b = w.appendDate(b, p.Date)
		b = appendAmount(b, `,"amount":"`, p.Amount)
		b = append(b, '}')
	}
	p := &a.Policy
	b = append(b, `],"policy":{"penalty_rate":{"rate":`...)
	b = appendQuoted(b, w.rate(p.PenaltyRate.Rate))
	b = appendField(b, `,"unit":`, p.PenaltyRate.Unit.String())
	b = appendField(b, `,"day_count":`, p.PenaltyRate.DayCount.String())
	b = appendField(b, `,"markup":`, w.rate(p.PenaltyRate.Markup))
	b = append(b, '}')
	b = appendField(b, `,"base":`, p.Base.String())
	b = append(b, `,"grace_days":`...)
	b = strconv.AppendInt(b, int64(p.GraceDays), 10)
	b = appendField(b, `,"grace_mode":`, p.GraceMode.String())
	b = append(b, `,"late_fee":{"kind":`...)
	b = appendQuoted(b, p.LateFee.Kind.String())
	switch p.LateFee.Kind {
	case penalty.FixedFee:
		b = appendAmount(b, `,"amount":"`, p.LateFee.Amount)
	case penalty.PercentFee:
		b = appendField(b, `,"rate":`, w.rate(p.LateFee.Rate))
		b = appendAmount(b, `,"min":"`, p.LateFee.Min)
		if p.LateFee.Max.IsPositive() {
			b = appendAmount(b, `,"max":"`, p.LateFee.Max)
		}
	}
	b = append(b, '}')
	if p.StopAfterDays > 0 {
		b = append(b, `,"stop_after_days":`...)
		b = strconv.AppendInt(b, int64(p.StopAfterDays), 10)
	}
	if p.Cap != nil {
		b = appendField(b, `,"cap":`, w.rate(*p.Cap))
	}
	return append(b, "}}"...)
}

// rate returns r.String(), remembered.
func (w *LineWriter) rate(r money.Rate) string {
	for k := range min(w.nrate, len(w.rates)) {
		if w.rates[k] == r {
			return w.texts[k]
		}
	}
	k := w.nrate % len(w.rates)
	w.rates[k], w.texts[k] = r, r.String()
	w.nrate++
	return w.texts[k]
}

// appendField appends key (`,"name":`, quoted and with its colon) and
// value quoted.
func appendField(b []byte, key, value string) []byte {
	return appendQuoted(append(b, key...), value)
}

// appendQuoted appends s quoted as strconv.Quote does: as it is when it
// is printable ASCII without a quote or backslash (every name and number
// the book writes).
func appendQuoted(b []byte, s string) []byte {
	for i := range len(s) {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendAmount appends key (`,"name":"`, with the opening quote of the
// value) and a as Amount.String writes it, without allocating for the
// book's two-place amounts, then the closing quote. (Amount.String writes
// digits, a sign and a point, which need no escaping.)
func appendAmount(b []byte, key string, a money.Amount) []byte {
	b = append(b, key...)
	u, ok := a.Units(2)
	if a.Places() != 2 || !ok || u < 0 {
		b = append(b, a.String()...)
		return append(b, '"')
	}
	// The digits are written from the right into buf, two at a time.
	var buf [24]byte
	c := 2 * (u % 100)
	buf[20], buf[21], buf[22], buf[23] = '.', digitPairs[c], digitPairs[c+1], '"'
	i := 20
	v := uint64(u / 100)
	for v >= 100 {
		q := v / 100
		r := 2 * (v - 100*q)
		i -= 2
		buf[i], buf[i+1] = digitPairs[r], digitPairs[r+1]
		v = q
	}
	if v >= 10 {
		i -= 2
		buf[i], buf[i+1] = digitPairs[2*v], digitPairs[2*v+1]
	} else {
		i--
		buf[i] = byte('0' + v)
	}
	return append(b, buf[i:]...)
}

// digitPairs is "00" to "99": two digits from one division by 100.
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

// appendDate appends d quoted as "YYYY-MM-DD".
func (w *LineWriter) appendDate(b []byte, d money.Date) []byte {
	y, m, dd := w.civil(d)
	if y < 1000 || y > 9999 {
		b = append(b, '"')
		b = appendPadded(b, y, 4)
		b = append(b, '-')
		b = appendPadded(b, m, 2)
		b = append(b, '-')
		b = appendPadded(b, dd, 2)
		return append(b, '"')
	}
	yc, yd, mc, dc := 2*(y/100), 2*(y%100), 2*m, 2*dd
	return append(b, '"', digitPairs[yc], digitPairs[yc+1], digitPairs[yd], digitPairs[yd+1],
		'-', digitPairs[mc], digitPairs[mc+1], '-', digitPairs[dc], digitPairs[dc+1], '"')
}

// civil returns d's year, month and day, as d.Date does: from the month of
// the last date when d is in it or one of the two after it, else from
// d.Date (and d's month is remembered).
func (w *LineWriter) civil(d money.Date) (y, m, dd int) {
	if w.monthDays > 0 {
		for range 3 {
			off := d.Sub(w.monthStart)
			if off < 0 {
				break
			}
			if off < w.monthDays {
				return w.year, w.month, off + 1
			}
			w.monthStart = w.monthStart.AddDays(w.monthDays)
			if w.month++; w.month > 12 {
				w.year, w.month = w.year+1, 1
			}
			w.monthDays = daysIn(w.year, w.month)
		}
	}
	yy, mm, dd := d.Date()
	y, m = yy, int(mm)
	w.monthStart, w.year, w.month, w.monthDays = d.AddDays(1-dd), y, m, daysIn(y, m)
	return y, m, dd
}

func appendPadded(b []byte, v, width int) []byte {
	var buf [8]byte
	s := strconv.AppendInt(buf[:0], int64(v), 10)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}
