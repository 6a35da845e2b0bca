package book

import (
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
// does. The fast path scans the bytes once and hands every leaf value to
// the very method encoding/json would call (Amount and Rate UnmarshalJSON,
// Date and enum UnmarshalText), so the values are parsed by the library's
// own code; only the JSON structure is parsed here.
func DecodeAccount(data []byte, a *penalty.Account) error {
	if decodeFast(data, a) {
		return nil
	}
	*a = penalty.Account{}
	return money.DecodeJSON(data, a)
}

// decodeFast accepts a strict subset of the accrual request JSON and
// reports false on anything outside it — leaving a in no particular
// state — so that money.DecodeJSON decides (and words the error). The
// subset: keys spelled exactly (encoding/json also matches them
// case-insensitively) and each at most once; string values of printable
// ASCII without escapes; amounts, rates and dates as strings; whole
// numbers in JSON's integer form; no null; no waivers, allocation or
// rounding (rare in a book; they take the slow path); only JSON
// whitespace around the value. Everything it accepts is valid JSON that
// money.DecodeJSON decodes to the same Account: the tests check this on
// generated books, by hand-made cases and by fuzzing.
func decodeFast(data []byte, a *penalty.Account) bool {
	*a = penalty.Account{}
	p := scanner{b: data}
	if !p.account(a) {
		return false
	}
	p.ws()
	return p.i == len(p.b)
}

type scanner struct {
	b []byte
	i int
	// zeros[f] is what Amount.UnmarshalJSON reads a zero written with f
	// places as, once asked (bit f of haveZero): whether "0.00" keeps its
	// places is money's choice, and a ledger has many zeros.
	zeros    [13]money.Amount
	haveZero uint16
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
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str consumes a string of printable ASCII without escapes; raw includes
// the quotes, s does not.
func (p *scanner) str() (raw, s []byte, ok bool) {
	p.ws()
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, nil, false
	}
	start := p.i
	for p.i++; p.i < len(p.b); p.i++ {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return p.b[start:p.i], p.b[start+1 : p.i-1], true
		case c < 0x20 || c >= 0x80 || c == '\\':
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// int consumes a whole number in JSON's form (no fraction, no exponent,
// no leading zeros) of at most 9 digits.
func (p *scanner) int() (int, bool) {
	p.ws()
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
func (p *scanner) object(names []string, required uint16, field func(k int) bool) bool {
	if !p.lit('{') {
		return false
	}
	if p.lit('}') {
		return required == 0
	}
	var seen uint16
	for {
		_, key, ok := p.str()
		if !ok || !p.lit(':') {
			return false
		}
		k := 0
		for k < len(names) && names[k] != string(key) {
			k++
		}
		if k == len(names) || seen&(1<<k) != 0 {
			return false
		}
		seen |= 1 << k
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
	_, s, ok := p.str()
	if !ok {
		return false
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, okY := digits(s[:4])
		m, okM := digits(s[5:7])
		dd, okD := digits(s[8:])
		if okY && okM && okD && m >= 1 && m <= 12 && dd >= 1 && dd <= int64(daysIn(int(y), int(m))) &&
			y >= money.MinYear && y <= money.MaxYear {
			*d = money.NewDate(int(y), time.Month(m), int(dd))
			return true
		}
	}
	return d.UnmarshalText(s) == nil
}

// digits reads up to 18 decimal digits.
func digits(s []byte) (int64, bool) {
	var v int64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

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

// amount consumes an amount. The common form — up to 15 integer digits,
// optionally a point and 1 to 12 decimals, 18 digits in all — is read here
// as Amount.UnmarshalJSON reads it (money.New of its digits and places;
// zero is left to UnmarshalJSON); anything else declines.
func (p *scanner) amount(a *money.Amount) bool {
	raw, s, ok := p.str()
	if !ok {
		return false
	}
	intPart, frac := s, []byte(nil)
	for i, c := range s {
		if c == '.' {
			intPart, frac = s[:i], s[i+1:]
			break
		}
	}
	if n, f := len(intPart), len(frac); n >= 1 && n <= 15 && (f >= 1 && f <= 12 || f == 0 && len(s) == n) && n+f <= 18 {
		i, okI := digits(intPart)
		d, okF := digits(frac)
		if okI && okF {
			u := i
			for range f {
				u *= 10
			}
			if u += d; u != 0 {
				*a = money.New(u, f)
				return true
			}
			if p.haveZero&(1<<f) == 0 {
				if p.zeros[f].UnmarshalJSON(raw) != nil {
					return false
				}
				p.haveZero |= 1 << f
			}
			*a = p.zeros[f]
			return true
		}
	}
	// Any other form ("1e3", "-1.00", more than 15 integer digits): money's
	// strict decoder holds a request's amounts to a tighter bound than
	// Amount.UnmarshalJSON does, so the slow path decides.
	return false
}

func (p *scanner) rate(r *money.Rate) bool {
	raw, _, ok := p.str()
	return ok && r.UnmarshalJSON(raw) == nil
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
			a.Installments = make([]penalty.Installment, 0, 16)
			return p.array(func() bool {
				var in penalty.Installment
				ok := p.object(installmentKeys, 0b11, func(k int) bool {
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
				a.Installments = append(a.Installments, in)
				return ok
			})
		case 2:
			a.Payments = make([]penalty.Payment, 0, 8)
			return p.array(func() bool {
				var pay penalty.Payment
				ok := p.object(paymentKeys, 0b11, func(k int) bool {
					if k == 0 {
						return p.date(&pay.Date)
					}
					return p.amount(&pay.Amount)
				})
				a.Payments = append(a.Payments, pay)
				return ok
			})
		}
		return p.policy(&a.Policy)
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
