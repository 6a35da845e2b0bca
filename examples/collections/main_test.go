package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func defaults() options {
	return options{afford: "1200", asOf: "2025-06-20", aprCap: "0.24", maxPeriods: 60, lang: "both"}
}

func TestScreen(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, defaults()))
	s := out.String()
	// The statement's bottom line: 26527.30 + 0 + 432 + 165.11 + 371.60.
	require.Contains(t, s, "合计应还 27496.01")
	require.Contains(t, s, "Total owed as of 2025-06-20: 27496.01")
	// The best plan: 停息挂账 over 24 months. Penalty and late fee waived:
	// 27496.01 − 165.11 − 371.60 = 26959.30 at 0 %, round(26959.30/24) =
	// 1123.30, the last row 26959.30 − 23 × 1123.30 = 1123.40.
	require.Contains(t, s, "建议：停息挂账 24 期，每月 1,123.40")
	require.Contains(t, s, "Advice: Interest frozen ×24 — 1,123.40 a month")
	require.Contains(t, s, "✗ 超出还款能力（26,959.30 > 1,200.00）")
}

func TestJSON(t *testing.T) {
	o := defaults()
	o.json = true
	var out bytes.Buffer
	require.NoError(t, run(&out, o))
	var set struct {
		TotalOutstanding string           `json:"total_outstanding"`
		Offers           []map[string]any `json:"offers"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &set))
	require.Equal(t, "27496.01", set.TotalOutstanding)
	require.Len(t, set.Offers, 15)
}

func TestBadFlags(t *testing.T) {
	for _, edit := range []func(*options){
		func(o *options) { o.afford = "lots" },
		func(o *options) { o.asOf = "2025-02-30" },
		func(o *options) { o.aprCap = "x" },
		func(o *options) { o.lang = "fr" },
		func(o *options) { o.maxPeriods = 5000 },
	} {
		o := defaults()
		edit(&o)
		err := run(&bytes.Buffer{}, o)
		require.Error(t, err)
		require.False(t, strings.Contains(err.Error(), "panic"))
	}
}
