package book

import (
	"encoding/binary"
	"math/bits"
	"time"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// DecodeAccount decodes one accrual request as money.DecodeJSON does:
// strictly, exactly, with the same result and the same errors. It first
// tries a fast path (below) and falls back to money.DecodeJSON whenever
// the fast path declines.
//
// encoding/json spends most of its time on reflection and scanning: on
// the book's lines it costs about four times what accruing the account
// does. The fast path scans the bytes once and parses the leaf values
// itself where their form is simple (dates YYYY-MM-DD, amounts and rates
// of plain digits), reading them exactly as the library's own parsers do;
// any other form goes to the very method encoding/json would call (Date
// and enum UnmarshalText) or declines. Only the JSON structure is parsed
// here.
func DecodeAccount(data []byte, a *penalty.Account) error {
	var d Decoder
	return d.DecodeAccount(data, a)
}

// Decoder decodes lines as DecodeAccount and DecodeLine do, faster when
// it decodes many: it remembers what money reads a zero as (asked once
// per number of places, not once per line) and the month of the last
// date (the next date is usually in it or the next, and then costs an
// addition instead of the civil calendar's). The zero Decoder is ready
// to use; it is not safe for concurrent use.
type Decoder struct {
	s scanner
}

// DecodeAccount is the package's DecodeAccount.
func (d *Decoder) DecodeAccount(data []byte, a *penalty.Account) error {
	if d.s.decode(data, a) {
		return nil
	}
	*a = penalty.Account{}
	return money.DecodeJSON(data, a)
}

// decodeFast accepts a strict subset of the accrual request JSON and
// reports false on anything outside it — leaving a in no particular
// state — so that money.DecodeJSON decides (and words the error). The
// subset: keys spelled exactly (encoding/json also matches them
// case-insensitively) and each at most once; string values of ASCII
// without control bytes or escapes; amounts and rates as strings of plain digits
// with an optional point; dates as strings; whole numbers in JSON's
// integer form; no null; no waivers, allocation or rounding (rare in a
// book; they take the slow path); only JSON whitespace around the value.
// Everything it accepts is valid JSON that money.DecodeJSON decodes to
// the same Account: the tests check this on generated books, by
// hand-made cases and by fuzzing.
//
// Most of a line is its installments and payments, which the book
// writes compactly with their keys in one order: those are matched as
// whole tokens (`,"principal":`) first, and an element written any other
// way is read again by the general object reader.
func decodeFast(data []byte, a *penalty.Account) bool {
	var p scanner
	return p.decode(data, a)
}

// decode is decodeFast with p's memory of earlier lines.
func (p *scanner) decode(data []byte, a *penalty.Account) bool {
	*a = penalty.Account{}
	p.b, p.i = data, 0
	if !p.account(a) {
		return false
	}
	p.skip()
	return p.i == len(p.b)
}

type scanner struct {
	b []byte
	i int
	// zeros[f] is what Amount.UnmarshalJSON reads a zero written with f
	// places as, once asked (bit f of haveZero), and zeroRates the same
	// for Rate.UnmarshalJSON: whether "0.00" keeps its places is money's
	// choice, and a ledger has many zeros.
	zeros        [13]money.Amount
	zeroRates    [13]money.Rate
	haveZero     uint16
	haveZeroRate uint16
	// The month of the last date read: year-month, which starts on
	// monthStart and has monthDays days (0: none read yet).
	year, month, monthDays int
	monthStart             money.Date
}

// plain[c] reports whether byte c may stand in a string of the subset:
// ASCII from space to DEL other than '"' and '\\' (what JSON allows
// unescaped, less anything beyond ASCII). A table, so that scanning a
// string costs one load and one test a byte. It is never written.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// skip skips JSON whitespace. The book's lines have none, so the one test
// here is all most calls cost (it inlines; ws does not need to).
func (p *scanner) skip() {
	if p.i < len(p.b) && p.b[p.i] <= ' ' {
		p.ws()
	}
}

func (p *scanner) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// lit consumes the byte c after optional whitespace.
func (p *scanner) lit(c byte) bool {
	p.skip()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// A token is structure the book writes between two values of an
// installment or a payment, such as `,"principal":`: up to 16 bytes,
// compared as two 8-byte words (when 16 bytes remain) rather than by
// calling the runtime's general comparison.
type token struct {
	s              string
	lo, hi         uint64 // s's bytes as little-endian words, zero past its end
	loMask, hiMask uint64 // the bytes of lo and hi that belong to s
}

func newToken(s string) token {
	var text, mask [16]byte
	copy(text[:], s)
	for i := range len(s) {
		mask[i] = 0xff
	}
	le := binary.LittleEndian
	return token{s: s, lo: le.Uint64(text[:8]), hi: le.Uint64(text[8:]), loMask: le.Uint64(mask[:8]), hiMask: le.Uint64(mask[8:])}
}

// The tokens of an installment and a payment as the book writes them.
var (
	tokDueDate   = newToken(`{"due_date":`)
	tokPrincipal = newToken(`,"principal":`)
	tokInterest  = newToken(`,"interest":`)
	tokFee       = newToken(`,"fee":`)
	tokDate      = newToken(`{"date":`)
	tokAmount    = newToken(`,"amount":`)
)

// tok consumes t exactly where the scanner stands (no whitespace
// skipped).
func (p *scanner) tok(t *token) bool {
	if b := p.b[p.i:]; len(b) >= 16 {
		le := binary.LittleEndian
		if (le.Uint64(b)^t.lo)&t.loMask|(le.Uint64(b[8:])^t.hi)&t.hiMask != 0 {
			return false
		}
	} else if len(b) < len(t.s) || string(b[:len(t.s)]) != t.s {
		return false
	}
	p.i += len(t.s)
	return true
}

// next consumes the byte c where the scanner stands.
func (p *scanner) next(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str consumes a string of ASCII without control bytes or escapes; raw
// includes the quotes, s does not.
func (p *scanner) str() (raw, s []byte, ok bool) {
	p.skip()
	b, i := p.b, p.i
	if i >= len(b) || b[i] != '"' {
		return nil, nil, false
	}
	j := i + 1
	for j < len(b) && plain[b[j]] {
		j++
	}
	if j >= len(b) || b[j] != '"' {
		return nil, nil, false
	}
	p.i = j + 1
	return b[i : j+1], b[i+1 : j], true
}

// int consumes a whole number in JSON's form (no fraction, no exponent,
// no leading zeros) of at most 9 digits.
func (p *scanner) int() (int, bool) {
	p.skip()
	neg := p.i < len(p.b) && p.b[p.i] == '-'
	if neg {
		p.i++
	}
	start, v := p.i, 0
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		v = v*10 + int(p.b[p.i]-'0')
		p.i++
	}
	n := p.i - start
	if n == 0 || n > 9 || n > 1 && p.b[start] == '0' {
		return 0, false
	}
	if p.i < len(p.b) {
		switch p.b[p.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	if neg {
		v = -v
	}
	return v, true
}

// object consumes an object whose keys are the names of fields (at most
// 16): field(k) consumes the value of key names[k]. An unknown or repeated
// key declines, and so does a missing required one (bit k of required:
// the fields tagged required:"true", which money.DecodeJSON insists on).
// Keys are looked for in names from the one after the last found, the
// order they are usually written in.
func (p *scanner) object(names []string, required uint16, field func(k int) bool) bool {
	if !p.lit('{') {
		return false
	}
	if p.lit('}') {
		return required == 0
	}
	var seen uint16
	next := 0
	for {
		_, key, ok := p.str()
		if !ok || !p.lit(':') {
			return false
		}
		k := next
		if k >= len(names) || names[k] != string(key) {
			k = 0
			for k < len(names) && names[k] != string(key) {
				k++
			}
		}
		if k == len(names) || seen&(1<<k) != 0 {
			return false
		}
		seen |= 1 << k
		next = k + 1
		if !field(k) {
			return false
		}
		if !p.lit(',') {
			return p.lit('}') && seen&required == required
		}
	}
}

// array consumes an array, elem consuming each element.
func (p *scanner) array(elem func() bool) bool {
	if !p.lit('[') {
		return false
	}
	if p.lit(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if !p.lit(',') {
			return p.lit(']')
		}
	}
}

// date consumes a date. The common form is read here exactly as
// money.ParseDate reads it (the same checks, then money.NewDate); anything
// else goes to Date.UnmarshalText.
func (p *scanner) date(d *money.Date) bool {
	p.skip()
	if b := p.b[p.i:]; len(b) >= 12 && b[0] == '"' && b[5] == '-' && b[8] == '-' && b[11] == '"' {
		if max(dec(b[1]), dec(b[2]), dec(b[3]), dec(b[4]), dec(b[6]), dec(b[7]), dec(b[9]), dec(b[10])) <= 9 {
			y := dec(b[1])*1000 + dec(b[2])*100 + dec(b[3])*10 + dec(b[4])
			m := dec(b[6])*10 + dec(b[7])
			dd := dec(b[9])*10 + dec(b[10])
			if m >= 1 && m <= 12 && dd >= 1 && dd <= daysIn(y, m) && y >= money.MinYear && y <= money.MaxYear {
				*d = p.dateOf(y, m, dd)
				p.i += 12
				return true
			}
		}
	}
	_, s, ok := p.str()
	return ok && d.UnmarshalText(s) == nil
}

// dateOf returns money.NewDate(y, m, dd) for a valid date: as the first
// of the month plus dd − 1 days, the first of the month found from the
// last date's month when it is the same one or the next.
func (p *scanner) dateOf(y, m, dd int) money.Date {
	if y != p.year || m != p.month {
		switch {
		case p.monthDays > 0 && (y == p.year && m == p.month+1 || y == p.year+1 && m == 1 && p.month == 12):
			p.monthStart = p.monthStart.AddDays(p.monthDays)
		default:
			p.monthStart = money.NewDate(y, time.Month(m), 1)
		}
		p.year, p.month, p.monthDays = y, m, daysIn(y, m)
	}
	return p.monthStart.AddDays(dd - 1)
}

// dec is c's value as a decimal digit, or more than 9 if it is not one.
func dec(c byte) int { return int(c - '0') }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if money.IsLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// number consumes a string of plain digits with an optional point and
// returns its digits as one integer: intDigits before the point (at
// least 1), places after it (at least 1 if there is a point), 18 digits
// in all. Any other string — a sign, an exponent, more digits —
// declines. The string, quotes included, is what number consumed after
// any whitespace: p.b[p.i-n:p.i] for its n = intDigits + places + 2, + 1
// if places > 0.
func (p *scanner) number() (u uint64, intDigits, places int, ok bool) {
	p.skip()
	b := p.b[p.i:]
	if len(b) == 0 || b[0] != '"' {
		return 0, 0, 0, false
	}
	if len(b) >= 16 {
		// Most amounts have 1 to 7 integer digits and two places: read
		// their integer digits as one word.
		x := binary.LittleEndian.Uint64(b[1:])
		if n := leadingDigits(x); n > 0 && n < 8 && b[1+n] == '.' && b[2+n]-'0' <= 9 && b[3+n]-'0' <= 9 && b[4+n] == '"' {
			p.i += n + 5
			return eightDigits(x<<(64-8*n))*100 + uint64(b[2+n]-'0')*10 + uint64(b[3+n]-'0'), n, 2, true
		}
	}
	j := 1
	for j < len(b) && b[j]-'0' <= 9 {
		u = u*10 + uint64(b[j]-'0') // wraps only past 19 digits, declined below
		j++
	}
	intDigits = j - 1
	if j < len(b) && b[j] == '.' {
		j++
		k := j
		for j < len(b) && b[j]-'0' <= 9 {
			u = u*10 + uint64(b[j]-'0')
			j++
		}
		if places = j - k; places == 0 {
			return 0, 0, 0, false
		}
	}
	if j >= len(b) || b[j] != '"' || intDigits == 0 || intDigits+places > 18 {
		return 0, 0, 0, false
	}
	p.i += j + 1
	return u, intDigits, places, true
}

// leadingDigits returns how many of the bytes of x, from its lowest
// (the first in memory), are ASCII digits before the first that is not.
func leadingDigits(x uint64) int {
	// A lane of t is its byte less '0': 0 to 9 for a digit, whose high
	// bit stays clear in t and in t + 0x76; any other byte sets it in one
	// of the two. Borrows and carries run only upward from a lane that is
	// not a digit, so the lowest lane flagged is the first non-digit.
	t := x - 0x3030303030303030
	notDigit := (t | (t + 0x7676767676767676)) & 0x8080808080808080
	return bits.TrailingZeros64(notDigit) >> 3
}

// eightDigits returns the value of x's bytes read as ASCII digits, the
// lowest byte the most significant digit (zero bytes count as 0, as
// x << k leaves them): pairs, then fours, then the eight combined by
// multiplication.
func eightDigits(x uint64) uint64 {
	x &= 0x0f0f0f0f0f0f0f0f
	x = (x * (1 + 10<<8)) >> 8 & 0x00ff00ff00ff00ff
	x = (x * (1 + 100<<16)) >> 16 & 0x0000ffff0000ffff
	return (x * (1 + 10000<<32)) >> 32
}

// numberLen is the length of the string number read, quotes included,
// of intDigits digits and places places.
func numberLen(intDigits, places int) int {
	if places > 0 {
		return intDigits + places + 3
	}
	return intDigits + 2
}

// amount consumes an amount. The common form — up to 15 integer digits,
// optionally a point and 1 to 12 decimals, 18 digits in all — is read here
// as Amount.UnmarshalJSON reads it (money.New of its digits and places;
// zero is left to UnmarshalJSON); anything else declines.
func (p *scanner) amount(a *money.Amount) bool {
	u, n, f, ok := p.number()
	if !ok || n > 15 || f > money.MaxPlaces {
		// Any other form ("1e3", "-1.00", more than 15 integer digits):
		// money's strict decoder holds a request's amounts to a tighter
		// bound than Amount.UnmarshalJSON does, so the slow path decides.
		return false
	}
	if u != 0 {
		*a = money.New(int64(u), f)
		return true
	}
	if p.haveZero&(1<<f) == 0 {
		if p.zeros[f].UnmarshalJSON(p.b[p.i-numberLen(n, f):p.i]) != nil {
			return false
		}
		p.haveZero |= 1 << f
	}
	*a = p.zeros[f]
	return true
}

// rate consumes a rate. The common form — up to 6 integer digits,
// optionally a point and 1 to 12 decimals — is read here as
// Rate.UnmarshalJSON reads it (money.NewRate of its digits and places;
// zero is left to UnmarshalJSON). Anything else ("1e-1", a sign, 7 or
// more integer digits) declines: a request's rates are held to 10^6 by
// money's strict decoder, a tighter bound than Rate.UnmarshalJSON's.
func (p *scanner) rate(r *money.Rate) bool {
	u, n, f, ok := p.number()
	if !ok || n > 6 || f > money.MaxPlaces {
		return false
	}
	if u != 0 {
		*r = money.NewRate(int64(u), f)
		return true
	}
	if p.haveZeroRate&(1<<f) == 0 {
		if p.zeroRates[f].UnmarshalJSON(p.b[p.i-numberLen(n, f):p.i]) != nil {
			return false
		}
		p.haveZeroRate |= 1 << f
	}
	*r = p.zeroRates[f]
	return true
}

// text consumes a string and hands it to an UnmarshalText method.
func (p *scanner) text(unmarshal func([]byte) error) bool {
	_, s, ok := p.str()
	return ok && unmarshal(s) == nil
}

// The keys of each object, required ones first (see object).
var (
	accountKeys     = []string{"as_of", "installments", "payments", "policy"}
	installmentKeys = []string{"due_date", "principal", "interest", "fee"}
	paymentKeys     = []string{"date", "amount"}
	policyKeys      = []string{"penalty_rate", "base", "grace_days", "grace_mode", "late_fee", "stop_after_days", "cap", "accrual_rounding", "allocation_scope"}
	penaltyRateKeys = []string{"rate", "unit", "day_count", "markup"}
	lateFeeKeys     = []string{"kind", "amount", "rate", "min", "max"}
)

func (p *scanner) account(a *penalty.Account) bool {
	return p.object(accountKeys, 0b11, func(k int) bool {
		switch k {
		case 0:
			return p.date(&a.AsOf)
		case 1:
			return p.installments(&a.Installments)
		case 2:
			return p.payments(&a.Payments)
		}
		return p.policy(&a.Policy)
	})
}

// maxStack is how many installments or payments are decoded into a
// buffer on the stack before the slice is made, of exactly their number
// (more spill to the heap): the book's longest plan has 24.
const maxStack = 32

// installments consumes the array of installments. It and payments are
// written out, not one generic reader with an element function: calling
// that function with a pointer into the buffer would move the buffer to
// the heap.
func (p *scanner) installments(dst *[]penalty.Installment) bool {
	if !p.lit('[') {
		return false
	}
	var buf [maxStack]penalty.Installment
	ins := buf[:0]
	if !p.lit(']') {
		for {
			ins = append(ins, penalty.Installment{})
			if !p.installment(&ins[len(ins)-1]) {
				return false
			}
			if !p.lit(',') {
				if !p.lit(']') {
					return false
				}
				break
			}
		}
	}
	*dst = make([]penalty.Installment, len(ins))
	copy(*dst, ins)
	return true
}

// installment consumes one installment: as the book writes it, else by
// the general object reader.
func (p *scanner) installment(in *penalty.Installment) bool {
	p.skip()
	start := p.i
	if p.tok(&tokDueDate) && p.date(&in.DueDate) &&
		p.tok(&tokPrincipal) && p.amount(&in.Principal) &&
		p.tok(&tokInterest) && p.amount(&in.Interest) &&
		p.tok(&tokFee) && p.amount(&in.Fee) && p.next('}') {
		return true
	}
	p.i, *in = start, penalty.Installment{}
	return p.object(installmentKeys, 0b11, func(k int) bool {
		switch k {
		case 0:
			return p.date(&in.DueDate)
		case 1:
			return p.amount(&in.Principal)
		case 2:
			return p.amount(&in.Interest)
		}
		return p.amount(&in.Fee)
	})
}

// payments consumes the array of payments.
func (p *scanner) payments(dst *[]penalty.Payment) bool {
	if !p.lit('[') {
		return false
	}
	var buf [maxStack]penalty.Payment
	pays := buf[:0]
	if !p.lit(']') {
		for {
			pays = append(pays, penalty.Payment{})
			if !p.payment(&pays[len(pays)-1]) {
				return false
			}
			if !p.lit(',') {
				if !p.lit(']') {
					return false
				}
				break
			}
		}
	}
	*dst = make([]penalty.Payment, len(pays))
	copy(*dst, pays)
	return true
}

// payment consumes one payment: as the book writes it, else by the
// general object reader.
func (p *scanner) payment(pay *penalty.Payment) bool {
	p.skip()
	start := p.i
	if p.tok(&tokDate) && p.date(&pay.Date) && p.tok(&tokAmount) && p.amount(&pay.Amount) && p.next('}') {
		return true
	}
	p.i, *pay = start, penalty.Payment{}
	return p.object(paymentKeys, 0b11, func(k int) bool {
		if k == 0 {
			return p.date(&pay.Date)
		}
		return p.amount(&pay.Amount)
	})
}

func (p *scanner) policy(pol *penalty.Policy) bool {
	return p.object(policyKeys, 0, func(k int) bool {
		switch k {
		case 0:
			r := &pol.PenaltyRate
			return p.object(penaltyRateKeys, 0b1, func(k int) bool {
				switch k {
				case 0:
					return p.rate(&r.Rate)
				case 1:
					return p.text(r.Unit.UnmarshalText)
				case 2:
					return p.text(r.DayCount.UnmarshalText)
				}
				return p.rate(&r.Markup)
			})
		case 1:
			return p.text(pol.Base.UnmarshalText)
		case 2:
			var ok bool
			pol.GraceDays, ok = p.int()
			return ok
		case 3:
			return p.text(pol.GraceMode.UnmarshalText)
		case 4:
			f := &pol.LateFee
			return p.object(lateFeeKeys, 0b1, func(k int) bool {
				switch k {
				case 0:
					return p.text(f.Kind.UnmarshalText)
				case 1:
					return p.amount(&f.Amount)
				case 2:
					return p.rate(&f.Rate)
				case 3:
					return p.amount(&f.Min)
				}
				return p.amount(&f.Max)
			})
		case 5:
			var ok bool
			pol.StopAfterDays, ok = p.int()
			return ok
		case 6:
			pol.Cap = new(money.Rate)
			return p.rate(pol.Cap)
		case 7:
			return p.text(pol.AccrualRounding.UnmarshalText)
		}
		return p.text(pol.AllocationScope.UnmarshalText)
	})
}
