package plan

import (
	"testing"
	"time"

	"github.com/repayplan/repayplan/money"
)

func TestWorstCaseTiming(t *testing.T) {
	for _, c := range []struct {
		ar, fee string
		m       PricingMethod
	}{{"10", "0", EqualInstallment}, {"0.0001", "0", EqualInstallment}, {"0", "0.0001", FlatFee}, {"0", "1", FlatFee}, {"0", "0.05", FlatFee}, {"0.5", "0", EqualPrincipal}} {
		p := CNCardPolicy()
		p.Terms = []int{1200, 1199, 1198, 1197, 1196, 1195, 1194, 1193, 1192, 1191, 1190, 1189}
		p.DeferralTerm = 1188
		p.DeferralMonths = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
		p.AnnualRate = money.MustParseRate(c.ar)
		p.Installment = Pricing{Method: c.m, AnnualRate: money.MustParseRate(c.ar), FeeRate: money.MustParseRate(c.fee)}
		if c.m == FlatFee {
			p.Installment.AnnualRate = money.Rate{}
		} else {
			p.Installment.FeeRate = money.Rate{}
		}
		r := OfferRequest{Outstanding: Outstanding{Principal: money.MustParse("999999999999999")}, StartDate: date("1900-01-01"), AffordablePayment: amt("1"), Policy: &p}
		start := time.Now()
		set, err := Offers(r)
		t.Log(time.Since(start), err, len(set.Offers))
		for _, o := range set.Offers {
			if o.Note != "" {
				t.Log(o.Option, o.Term, o.Note)
				break
			}
		}
	}
}
