package penalty

import (
	"encoding/json"
	"math/big"
	"strings"

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

func (s SegmentStatus) String() string                { return money.EnumName(s, statusNames) }
func (s SegmentStatus) MarshalText() ([]byte, error)  { return money.EnumText(s, statusNames) }
func (s *SegmentStatus) UnmarshalText(b []byte) error { return money.ParseEnum(b, statusNames, s) }

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
// exact when the rate is a terminating decimal, else to 16 places.
func (s Segment) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		segmentJSON
		Rate string `json:"rate"`
	}{segmentJSON(s), ratioDecimal(s.Rate, 16)})
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
	x := q.Rat()
	if s, ok := exactDecimal(x, maxPlaces); ok {
		return s
	}
	// Not money.Ratio.FloatString: it cannot go past 12 places.
	return x.FloatString(maxPlaces)
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
