package penalty

import (
	"encoding/json"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/repayplan/repayplan/internal/enum"
	"github.com/repayplan/repayplan/money"
)

// Explanation is the itemized account of a statement, as data: every
// penalty segment, late-fee assessment, payment and waiver, in date order.
// The Chinese and English sentences are rendered from it. An installment's
// payable segments add up to its PenaltyAccrued exactly.
type Explanation struct {
	Policy   Policy               `json:"policy"` // the rules the amounts follow
	Segments []Segment            `json:"segments"`
	LateFees []LateFeeAssessment  `json:"late_fees"`
	Payments []PaymentApplication `json:"payments"`
	Waivers  []WaiverApplication  `json:"waivers"`
	// Moves lists the installments whose due date the policy's calendar
	// moved, and why; absent when none moved.
	Moves []DueDateMove `json:"moves,omitempty"`
}

// DueDateMove is one installment's due date moved by the policy's
// calendar: DueDate is not a business day (Closure says why), so the
// installment is due on EffectiveDueDate and everything counts from there.
type DueDateMove struct {
	Installment      int           `json:"installment"`
	DueDate          money.Date    `json:"due_date"`
	EffectiveDueDate money.Date    `json:"effective_due_date"`
	Closure          money.Closure `json:"closure"`
}

// Segment is one installment's penalty between two consecutive boundaries:
// Days = To − From days on Base at the daily Rate. Amount is what the
// segment accrued; when Capped, the cap cut it down from Uncapped.
type Segment struct {
	Installment int           `json:"installment"`
	From        money.Date    `json:"from"`
	To          money.Date    `json:"to"`
	Days        int           `json:"days"`
	Base        money.Amount  `json:"base"`
	Rate        money.Ratio   `json:"-"`              // exact daily rate; in JSON as "rate", a decimal
	Basis       int           `json:"basis,omitzero"` // days in the year the rate was divided by; 0 for a daily rate
	Amount      money.Amount  `json:"amount"`
	Uncapped    money.Amount  `json:"uncapped,omitzero"`
	Capped      bool          `json:"capped"`
	Status      SegmentStatus `json:"status"`
}

// SegmentStatus says whether a segment's penalty is owed.
type SegmentStatus uint8

const (
	Payable    SegmentStatus = iota // owed
	Contingent                      // accrued in a forgiving grace that has not ended
	Forgiven                        // accrued in a grace the installment was paid within
)

var statusNames = []string{"payable", "contingent", "forgiven"}

func (s SegmentStatus) String() string                { return enum.Name(s, statusNames) }
func (s SegmentStatus) MarshalText() ([]byte, error)  { return enum.Text(s, statusNames) }
func (s *SegmentStatus) UnmarshalText(b []byte) error { return enum.Parse(b, statusNames, s) }

// LateFeeAssessment is one late fee: on Date, Rule applied to the Unpaid
// principal+interest+fee gave Computed (after min and max); Amount is what
// was charged, less than Computed only when Capped.
type LateFeeAssessment struct {
	Installment int          `json:"installment"`
	Date        money.Date   `json:"date"`
	Unpaid      money.Amount `json:"unpaid"`
	Rule        LateFee      `json:"rule"`
	Computed    money.Amount `json:"computed"`
	Amount      money.Amount `json:"amount"`
	Capped      bool         `json:"capped"`
}

// PaymentApplication is one payment and where it went.
type PaymentApplication struct {
	Date        money.Date   `json:"date"`
	Amount      money.Amount `json:"amount"`
	Allocations []Allocation `json:"allocations"`
	Unapplied   money.Amount `json:"unapplied"`
}

// Allocation is an amount applied to (or waived from) one component of
// one installment.
type Allocation struct {
	Installment int          `json:"installment"`
	Component   Component    `json:"component"`
	Amount      money.Amount `json:"amount"`
}

// WaiverApplication is one waiver as granted and what it took off each
// installment.
type WaiverApplication struct {
	Waiver  Waiver       `json:"waiver"`
	Applied []Allocation `json:"applied"`
	Total   money.Amount `json:"total"`
}

type segmentJSON Segment

// MarshalJSON writes the segment with its daily rate as a decimal string:
// exact when the rate is a terminating decimal, else to 16 places. It
// writes the same bytes as json.Marshal of the fields followed by "rate"
// would (a test holds it to that), by hand: an explanation holds up to
// MaxExplanationRecords segments, and reflection over each cost ten times
// the accrual itself.
func (s Segment) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 224)
	b = append(b, `{"installment":`...)
	b = strconv.AppendInt(b, int64(s.Installment), 10)
	b = appendQuoted(b, `,"from":`, s.From.String())
	b = appendQuoted(b, `,"to":`, s.To.String())
	b = append(b, `,"days":`...)
	b = strconv.AppendInt(b, int64(s.Days), 10)
	var err error
	if b, err = appendAmount(b, `,"base":`, s.Base); err != nil {
		return nil, err
	}
	if s.Basis != 0 {
		b = append(b, `,"basis":`...)
		b = strconv.AppendInt(b, int64(s.Basis), 10)
	}
	if b, err = appendAmount(b, `,"amount":`, s.Amount); err != nil {
		return nil, err
	}
	if !s.Uncapped.IsZero() {
		if b, err = appendAmount(b, `,"uncapped":`, s.Uncapped); err != nil {
			return nil, err
		}
	}
	b = append(b, `,"capped":`...)
	b = strconv.AppendBool(b, s.Capped)
	status, err := s.Status.MarshalText()
	if err != nil {
		return nil, err
	}
	b = appendQuoted(b, `,"status":`, string(status))
	b = appendQuoted(b, `,"rate":`, ratioDecimal(s.Rate, 16))
	return append(b, '}'), nil
}

// appendQuoted appends key and v as a JSON string; v is a date, a decimal
// or an enum name, which need no escaping.
func appendQuoted(b []byte, key, v string) []byte {
	b = append(b, key...)
	b = append(b, '"')
	b = append(b, v...)
	return append(b, '"')
}

func appendAmount(b []byte, key string, a money.Amount) ([]byte, error) {
	t, err := a.MarshalText()
	if err != nil {
		return nil, err
	}
	return appendQuoted(b, key, string(t)), nil
}

// UnmarshalJSON reads what MarshalJSON writes; a rate written to 16 places
// comes back as that decimal.
func (s *Segment) UnmarshalJSON(b []byte) error {
	var v struct {
		segmentJSON
		Rate string `json:"rate"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	q, ok := new(big.Rat).SetString(v.Rate)
	if !ok || !q.Num().IsInt64() || !q.Denom().IsInt64() {
		return money.Errorf("rate", "must be a decimal, got %q", v.Rate)
	}
	*s = Segment(v.segmentJSON)
	s.Rate = money.NewRatio(q.Num().Int64(), q.Denom().Int64())
	return nil
}

// ratioDecimal writes q in decimal: exactly if it terminates within
// maxPlaces places, else rounded half up to maxPlaces.
func ratioDecimal(q money.Ratio, maxPlaces int) string {
	if s, ok := smallDecimal(q, maxPlaces); ok {
		return s
	}
	x := q.Rat()
	if s, ok := exactDecimal(x, maxPlaces); ok {
		return s
	}
	// Not money.Ratio.FloatString: it cannot go past 12 places. Trailing
	// zeros are dropped, as for an exact decimal, so the rate decodes to a
	// value that writes the same again.
	s := x.FloatString(maxPlaces)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// smallDecimal is ratioDecimal on machine integers for the common case —
// a non-negative rate whose numerator and denominator fit in int64 and
// whose digits fit in uint64 — which is every segment's daily rate; it
// reports false otherwise, and ratioDecimal takes the math/big path. An
// explanation writes up to MaxExplanationRecords rates.
func smallDecimal(q money.Ratio, maxPlaces int) (string, bool) {
	num, den, ok := q.Parts()
	if !ok || num < 0 || den <= 0 || maxPlaces > 18 {
		return "", false
	}
	// Digits to maxPlaces places, half up: ⌊(2·num·10^p + den) / (2·den)⌋.
	scale := uint64(1)
	for range maxPlaces {
		scale *= 10
	}
	hi, lo := bits.Mul64(uint64(num), scale)
	hi, lo = hi<<1|lo>>63, lo<<1
	var carry uint64
	lo, carry = bits.Add64(lo, uint64(den), 0)
	hi += carry
	d2 := 2 * uint64(den)
	if d2 < uint64(den) || hi >= d2 {
		return "", false // the quotient would not fit in 64 bits
	}
	digits, _ := bits.Div64(hi, lo, d2)
	s := strconv.FormatUint(digits, 10)
	for len(s) <= maxPlaces {
		s = "0" + s
	}
	s = s[:len(s)-maxPlaces] + "." + s[len(s)-maxPlaces:]
	return strings.TrimRight(strings.TrimRight(s, "0"), "."), true
}

// exactDecimal writes x as a plain decimal if it has at most maxPlaces
// decimal places.
func exactDecimal(x *big.Rat, maxPlaces int) (string, bool) {
	d := new(big.Int).Set(x.Denom())
	twos, fives := 0, 0
	two, five, rem := big.NewInt(2), big.NewInt(5), new(big.Int)
	for d.Cmp(big.NewInt(1)) != 0 {
		switch {
		case rem.Mod(d, two).Sign() == 0:
			d.Quo(d, two)
			twos++
		case rem.Mod(d, five).Sign() == 0:
			d.Quo(d, five)
			fives++
		default:
			return "", false
		}
		if twos > maxPlaces || fives > maxPlaces {
			return "", false
		}
	}
	s := x.FloatString(max(twos, fives))
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s, true
}
