package repayplan_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
)

// vector is one conformance case (SPEC §6).
type vector struct {
	Name   string          `json:"name"`
	Source string          `json:"source"`
	Kind   string          `json:"kind"`
	Input  json.RawMessage `json:"input"`
	Expect json.RawMessage `json:"expect"`
}

// TestConformance runs every vector in testdata/vectors and, when
// REPAY_VECTORS names a directory, every *.json there too.
func TestConformance(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	own := len(files)
	if dir := os.Getenv("REPAY_VECTORS"); dir != "" {
		more, err := filepath.Glob(filepath.Join(dir, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, more, "REPAY_VECTORS=%s holds no *.json", dir)
		files = append(files, more...)
	}
	for i, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			runVector(t, f, i < own)
		})
	}
}

// runVector checks one vector file. Our own vectors must cite a source and
// hold nothing but the five keys; vectors from elsewhere are read as they come.
func runVector(t *testing.T, path string, own bool) {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var v vector
	dec := json.NewDecoder(bytes.NewReader(data))
	if own {
		dec.DisallowUnknownFields()
	}
	require.NoError(t, dec.Decode(&v), "vector file")
	if own {
		require.NotEmpty(t, v.Source, "every vector cites its source")
	}
	expect := decodeGeneric(t, v.Expect).(map[string]any)

	result, err := repayplan.Do(v.Kind, v.Input)
	if want, ok := expect["error"]; ok {
		require.Error(t, err, "request must be rejected")
		require.Contains(t, err.Error(), want.(string))
		return
	}
	require.NoError(t, err)
	out, err := json.Marshal(result)
	require.NoError(t, err)
	got := decodeGeneric(t, out)
	var problems []string
	matchPartial("", expect, got, &problems)
	if len(problems) > 0 {
		t.Errorf("%s (%s):\n  %s", v.Name, v.Kind, strings.Join(problems, "\n  "))
	}
}

func decodeGeneric(t *testing.T, raw []byte) any {
	var x any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&x))
	return x
}

// matchPartial checks that every key of want is in got with an equal value.
// "rows" and "installments" maps are keyed by the element's "number".
func matchPartial(path string, want, got any, problems *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			if list, isList := got.([]any); isList {
				g = byNumber(list)
			} else {
				*problems = append(*problems, fmt.Sprintf("%s: want an object, got %v", path, got))
				return
			}
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gv, present := g[k]
			if !present {
				*problems = append(*problems, fmt.Sprintf("%s.%s: missing", path, k))
				continue
			}
			matchPartial(path+"."+k, w[k], gv, problems)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*problems = append(*problems, fmt.Sprintf("%s: want %v, got %v", path, w, got))
			return
		}
		for i := range w {
			matchPartial(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], problems)
		}
	default:
		if !scalarEqual(want, got) {
			*problems = append(*problems, fmt.Sprintf("%s: want %v, got %v", path, want, got))
		}
	}
}

func byNumber(list []any) map[string]any {
	m := make(map[string]any, len(list))
	for _, e := range list {
		if obj, ok := e.(map[string]any); ok {
			m[fmt.Sprint(obj["number"])] = obj
		}
	}
	return m
}

// scalarEqual compares decimals (strings or numbers) by value and anything
// else exactly.
func scalarEqual(want, got any) bool {
	wd, werr := decimal.NewFromString(fmt.Sprint(want))
	gd, gerr := decimal.NewFromString(fmt.Sprint(got))
	if werr == nil && gerr == nil {
		return wd.Equal(gd)
	}
	return fmt.Sprint(want) == fmt.Sprint(got)
}
