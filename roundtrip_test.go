package repayplan_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
)

// vectorRequests returns the (kind, input) of every vector in
// testdata/vectors, the seeds of the round-trip property and of FuzzDo.
func vectorRequests(tb testing.TB) (kinds []string, inputs [][]byte) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.json"))
	require.NoError(tb, err)
	require.NotEmpty(tb, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(tb, err)
		var v vector
		require.NoError(tb, json.Unmarshal(data, &v), f)
		kinds = append(kinds, v.Kind)
		inputs = append(inputs, []byte(v.Input))
	}
	return kinds, inputs
}

// roundTrip checks decode(encode(result)) == result for one result of
// Do: json.Marshal, json.Unmarshal into a new value of the result's own
// type, json.Marshal again, and the bytes must be equal. It returns the
// first encoding.
func roundTrip(tb testing.TB, kind string, res any) []byte {
	tb.Helper()
	first, err := json.Marshal(res)
	require.NoError(tb, err, "%s: every result marshals", kind)
	back := reflect.New(reflect.TypeOf(res))
	require.NoError(tb, json.Unmarshal(first, back.Interface()), "%s: every result decodes again", kind)
	second, err := json.Marshal(back.Elem().Interface())
	require.NoError(tb, err, kind)
	if !bytes.Equal(first, second) {
		i := 0
		for i < len(first) && i < len(second) && first[i] == second[i] {
			i++
		}
		lo := max(i-80, 0)
		tb.Fatalf("%s: re-encoding differs at byte %d:\n first: …%s\nsecond: …%s", kind, i,
			first[lo:min(i+80, len(first))], second[lo:min(i+80, len(second))])
	}
	return first
}

// decimalString matches a JSON string holding a plain decimal.
var decimalString = regexp.MustCompile(`"(-?)(\d+)(?:\.(\d+))?"`)

// perturb returns input with every decimal string scaled by a random
// factor (½ to 2, kept to the digits written) and every date moved by up
// to ±40 days: a random request shaped like a vector's. Many are invalid
// (a rate above its bound, a date out of order); the property uses those
// Do accepts.
func perturb(rng *rand.Rand, input []byte) []byte {
	out := decimalString.ReplaceAllFunc(input, func(m []byte) []byte {
		g := decimalString.FindSubmatch(m)
		intPart, frac := string(g[2]), string(g[3])
		if len(intPart)+len(frac) > 17 {
			return m
		}
		units, err := strconv.ParseInt(intPart+frac, 10, 64)
		if err != nil {
			return m
		}
		k := 50 + rng.Int64N(151) // percent
		if units > (1<<62)/200 {
			return m
		}
		units = units * k / 100
		s := strconv.FormatInt(units, 10)
		if len(frac) > 0 {
			for len(s) <= len(frac) {
				s = "0" + s
			}
			s = s[:len(s)-len(frac)] + "." + s[len(s)-len(frac):]
		}
		return []byte(`"` + string(g[1]) + s + `"`)
	})
	return dateString.ReplaceAllFunc(out, func(m []byte) []byte {
		d, err := time.Parse("2006-01-02", string(m[1:len(m)-1]))
		if err != nil {
			return m
		}
		return []byte(`"` + d.AddDate(0, 0, rng.IntN(81)-40).Format("2006-01-02") + `"`)
	})
}

var dateString = regexp.MustCompile(`"\d{4}-\d{2}-\d{2}"`)

// Every result of every kind decodes to itself (issue 13 item 6): the
// vectors' requests, then random requests made from them, through Do.
func TestResultsRoundTrip(t *testing.T) {
	kinds, inputs := vectorRequests(t)
	ok := map[string]int{}
	for i, in := range inputs {
		if res, err := repayplan.Do(kinds[i], in); err == nil {
			roundTrip(t, kinds[i], res)
			ok[kinds[i]]++
		}
	}
	rng := rand.New(rand.NewPCG(13, 6))
	n := 3000
	if testing.Short() {
		n = 600
	}
	random := map[string]int{}
	for range n {
		i := rng.IntN(len(inputs))
		if res, err := repayplan.Do(kinds[i], perturb(rng, inputs[i])); err == nil {
			roundTrip(t, kinds[i], res)
			random[kinds[i]]++
		}
	}
	t.Logf("vector results %v, random results %v", ok, random)
	for _, k := range repayplan.Kinds() {
		require.Positive(t, ok[k], "no vector of kind %s succeeded", k)
		require.Positive(t, random[k], "no random request of kind %s succeeded", k)
	}
}
