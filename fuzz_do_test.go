package repayplan_test

import (
	"errors"
	"testing"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/money"
)

// FuzzDo runs every kind through Do (issue 13 item 7), seeded with the
// kind and input of every vector in testdata/vectors. Whatever the bytes,
// Do must not panic; an error must be a *money.Error (matching
// money.ErrInvalid); a result must marshal, and decode to itself
// (roundTrip). The kind is fuzzed as an index into Kinds, so every
// mutation stays on a real kind.
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
		kind := kinds[int(k)%len(kinds)]
		res, err := repayplan.Do(kind, input)
		if err != nil {
			var me *money.Error
			if !errors.As(err, &me) || !errors.Is(err, money.ErrInvalid) {
				t.Fatalf("%s: error %T %v is not a *money.Error", kind, err, err)
			}
			return
		}
		roundTrip(t, kind, res)
	})
}
