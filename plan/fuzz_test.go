package plan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/repayplan/repayplan/money"
)

// planKinds decodes and runs each plan request kind; FuzzDecodePlanKinds
// picks one by its index.
var planKinds = []struct {
	name string
	run  func([]byte) error
}{
	{"minimum_payment", decodeRun(Minimum)},
	{"payoff_projection", decodeRun(ProjectPayoff)},
	{"deferral", decodeRun(Defer)},
	{"installment_plan", decodeRun(Restructure)},
	{"settlement", decodeRun(Settle)},
	{"offers", decodeRun(Offers)},
}

func decodeRun[Req, Res any](f func(Req) (Res, error)) func([]byte) error {
	return func(b []byte) error {
		var req Req
		if err := money.DecodeJSON(b, &req); err != nil {
			return err
		}
		_, err := f(req)
		return err
	}
}

// FuzzDecodePlanKinds feeds arbitrary bytes to every plan kind: each must
// return a result or a *money.Error, never panic or hang.
func FuzzDecodePlanKinds(f *testing.F) {
	addVectorSeeds(f)
	f.Add(uint8(5), []byte(`{"outstanding":{"principal":"1e999999999"},"affordable_payment":"1"}`))
	f.Add(uint8(2), []byte(`{"terms":{"principal":"1","annual_rate":"0","periods":1200,"start_date":"1900-01-01"},"from_period":1200,"periods":1}`))
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		k := planKinds[int(kind)%len(planKinds)]
		if err := k.run(data); err != nil {
			requireInvalid(t, err)
		}
	})
}

// addVectorSeeds seeds the corpus with the inputs of the plan-kind
// conformance vectors.
func addVectorSeeds(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "vectors", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var v struct {
			Kind  string          `json:"kind"`
			Input json.RawMessage `json:"input"`
		}
		if json.Unmarshal(b, &v) != nil {
			continue
		}
		for i, k := range planKinds {
			if k.name == v.Kind {
				f.Add(uint8(i), []byte(v.Input))
			}
		}
	}
}

// FuzzOffers builds offer requests from random numbers: Offers must never
// panic or hang, and every set it returns must keep the invariants of
// checkOffers.
func FuzzOffers(f *testing.F) {
	f.Add(int64(2_000_000), int64(150_000), int64(30_000), int64(80_000), int64(20_000), int64(150_000), 0, 24, uint16(1800), uint16(60), uint8(0), uint16(2025*12))
	f.Add(int64(1), int64(0), int64(0), int64(0), int64(0), int64(1), 1200, 0, uint16(0), uint16(0), uint8(3), uint16(2200*12+11))
	f.Add(int64(1e17), int64(-5), int64(0), int64(0), int64(0), int64(1), 60, 1, uint16(65535), uint16(65535), uint8(255), uint16(0))
	f.Fuzz(func(t *testing.T, principal, interest, fee, pen, late, afford int64, maxPeriods, cap int,
		annualBP, feeBP uint16, method uint8, month uint16) {
		p := CNCardPolicy()
		p.AnnualRate = money.NewRate(int64(annualBP), 4)
		p.Installment = Pricing{Method: PricingMethod(method % 5), FeeRate: money.NewRate(int64(feeBP), 5)}
		if p.Installment.Method != PricingFlatFee {
			p.Installment.FeeRate = money.Rate{}
			p.Installment.AnnualRate = money.NewRate(int64(annualBP), 4)
		}
		if p.Installment.Method == PricingInterestFree {
			p.Installment.AnnualRate = money.Rate{}
		}
		p.Terms = []int{6, 12, int(method) + 1}
		r := OfferRequest{
			Outstanding: Outstanding{
				Principal: money.New(principal, 2), Interest: money.New(interest, 2), Fee: money.New(fee, 2),
				Penalty: money.New(pen, 2), LateFee: money.New(late, 2),
			},
			StartDate:         money.NewDate(int(month)/12, 1+monthOf(month), 28),
			AffordablePayment: money.New(afford, 2),
			Limits:            Limits{MaxPeriods: maxPeriods, APRCap: money.NewRate(int64(cap), 2)},
			Policy:            &p,
		}
		set, err := Offers(r)
		if err != nil {
			requireInvalid(t, err)
			return
		}
		checkOffers(t, set)
	})
}

func monthOf(m uint16) time.Month { return time.Month(int(m) % 12) }
