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
	// The library called the loan in 90 days after installment 7 (due
	// 03-15): on 06-13, installments 10–24 became one of 15 × 1500 =
	// 22500.00 principal (fees waived).
	require.Contains(t, s, "贷款于 2025-06-13 宣布提前到期：原第10–24期尚未到期的本金 22,500.00 元全部于当日到期")
	// The payoff: principal 1027.30 (1500 − 472.70 paid on 04-18) + 1500 +
	// 1500 + 22500 = 26527.30; fees 2 × 216 = 432; penalty 32.36 + 49.50 +
	// 27.00 + 22500 × 0.05 % × (4 + 3) = 78.75, so 187.61; late fees 85.80
	// + 85.80 + 200 (5 % of 22500, cut to the 200 maximum) = 371.60; total
	// 26527.30 + 432 + 187.61 + 371.60 = 27518.51.
	require.Contains(t, s, "今日（2025-06-20）提前结清应还 27,518.51 元")
	require.Contains(t, s, "To pay the loan off today (2025-06-20): 27,518.51")
	// The best plan: 停息挂账 over 24 months. Penalty and late fee waived:
	// 27518.51 − 187.61 − 371.60 = 26959.30 at 0 %, round(26959.30/24) =
	// 1123.30, the last row 26959.30 − 23 × 1123.30 = 1123.40.
	require.Contains(t, s, "建议：停息挂账 24 期，每月最多还 1,123.40 元，共 24 期，总还款 26,959.30 元")
	require.Contains(t, s, "Advice: Interest frozen ×24 — at most 1,123.40 a month over 24 months, 26,959.30 in all")
	require.Contains(t, s, "✗ 超出客户的还款能力（26,959.30 元 > 1,200.00 元）")
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
	require.Equal(t, "27518.51", set.TotalOutstanding)
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
