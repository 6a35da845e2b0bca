package repayplan_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/money"
)

// FuzzDo runs every kind through Do (issue 13 item 7), seeded with the
// kind and input of every vector in testdata/vectors. The kind is fuzzed
// as an index into Kinds, so every mutation stays on a real kind. The
// FuzzDo<Kind> targets below hold the kind fixed, so each kind can be
// fuzzed for its own time (go test -run '^$' -fuzz '^FuzzDoAccrual$'
// -fuzztime 10m .); checkDo says what each input must satisfy.
func FuzzDo(f *testing.F) {
	kinds := repayplan.Kinds()
	index := map[string]int{}
	for i, k := range kinds {
		index[k] = i
	}
	vk, inputs := vectorRequests(f)
	for i, in := range inputs {
		f.Add(uint8(index[vk[i]]), in)
	}
	f.Fuzz(func(t *testing.T, k uint8, input []byte) {
		checkDo(t, kinds[int(k)%len(kinds)], input)
	})
}

// checkDo: whatever the bytes, Do must not panic; an error must be a
// *money.Error (matching money.ErrInvalid); a result must marshal, and
// decode to itself (roundTrip).
func checkDo(t *testing.T, kind string, input []byte) {
	res, err := repayplan.Do(kind, input)
	if err != nil {
		var me *money.Error
		if !errors.As(err, &me) || !errors.Is(err, money.ErrInvalid) {
			t.Fatalf("%s: error %T %v is not a *money.Error", kind, err, err)
		}
		return
	}
	roundTrip(t, kind, res)
}

// fuzzKind fuzzes one kind through Do, seeded with that kind's vectors.
func fuzzKind(f *testing.F, kind string) {
	vk, inputs := vectorRequests(f)
	seeds := 0
	for i, in := range inputs {
		if vk[i] == kind {
			f.Add(in)
			seeds++
		}
	}
	if seeds == 0 {
		f.Fatalf("no vector of kind %q to seed from", kind)
	}
	f.Fuzz(func(t *testing.T, input []byte) { checkDo(t, kind, input) })
}

func FuzzDoAccrual(f *testing.F)          { fuzzKind(f, "accrual") }
func FuzzDoAPR(f *testing.F)              { fuzzKind(f, "apr") }
func FuzzDoCardStatement(f *testing.F)    { fuzzKind(f, "card_statement") }
func FuzzDoDeferral(f *testing.F)         { fuzzKind(f, "deferral") }
func FuzzDoInstallmentPlan(f *testing.F)  { fuzzKind(f, "installment_plan") }
func FuzzDoLoanStatement(f *testing.F)    { fuzzKind(f, "loan_statement") }
func FuzzDoMinimumPayment(f *testing.F)   { fuzzKind(f, "minimum_payment") }
func FuzzDoOffers(f *testing.F)           { fuzzKind(f, "offers") }
func FuzzDoPayoffProjection(f *testing.F) { fuzzKind(f, "payoff_projection") }
func FuzzDoPrepayment(f *testing.F)       { fuzzKind(f, "prepayment") }
func FuzzDoSchedule(f *testing.F)         { fuzzKind(f, "schedule") }
func FuzzDoSettlement(f *testing.F)       { fuzzKind(f, "settlement") }

// TestFuzzKindsCoverKinds: there is a FuzzDo<Kind> target for every kind
// Do accepts, so a new kind cannot land unfuzzed.
func TestFuzzKindsCoverKinds(t *testing.T) {
	src, err := os.ReadFile("fuzz_do_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range repayplan.Kinds() {
		name := "FuzzDo"
		for _, part := range strings.Split(k, "_") {
			name += strings.ToUpper(part[:1]) + part[1:]
		}
		name = strings.Replace(name, "Apr", "APR", 1)
		if !strings.Contains(string(src), "func "+name+"(f *testing.F)") {
			t.Errorf("kind %q has no fuzz target %s", k, name)
		}
	}
}
