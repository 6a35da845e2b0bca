package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func defaults() options {
	return options{principal: "1000000", rate: "0.049", years: 30, start: "2024-01-15", show: 3,
		cardPrincipal: "12000", cardFee: "0.006", cardPeriods: 12}
}

func TestQuickstartDefaults(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, defaults()))
	s := out.String()
	// Published figures (see testdata/vectors/schedule-cn-mortgage-*.json):
	// 5307.27 a month by 等额本息, 6861.11 first month by 等额本金, and the
	// card installment's 13.0342 % APR (SPEC §2).
	for _, want := range []string{"5307.27", "6861.11", "910615.12", "737041.08", "13.0342%", "7.2000%"} {
		assert.Contains(t, s, want)
	}
}

func TestQuickstartJSON(t *testing.T) {
	o := defaults()
	o.json = true
	var out bytes.Buffer
	require.NoError(t, run(&out, o))
	var res map[string]map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	assert.Equal(t, float64(360), res["equal_installment"]["row_count"])
	assert.Equal(t, "0.130342", res["card_installment"]["apr"])
}

func TestQuickstartBadFlag(t *testing.T) {
	o := defaults()
	o.rate = "4.9%"
	err := run(&bytes.Buffer{}, o)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rate")
}

// TestQuickstartFlagBounds: flags that would panic (-rows 0) or silently
// mean something absurd (-rate 4.9 is 490 % a year) are refused, naming the
// flag.
func TestQuickstartFlagBounds(t *testing.T) {
	for _, c := range []struct {
		set  func(*options)
		flag string
	}{
		{func(o *options) { o.show = 0 }, "rows"},
		{func(o *options) { o.show = -1 }, "rows"},
		{func(o *options) { o.years = 0 }, "years"},
		{func(o *options) { o.years = 101 }, "years"},
		{func(o *options) { o.cardPeriods = 0 }, "card-periods"},
		{func(o *options) { o.rate = "4.9" }, "rate"},
		{func(o *options) { o.cardFee = "0.6" }, "card-fee"},
	} {
		o := defaults()
		c.set(&o)
		err := run(&bytes.Buffer{}, o)
		require.Error(t, err, c.flag)
		assert.Contains(t, err.Error(), c.flag+":")
	}
	// The bounds themselves are accepted: 100 % a year, one row shown.
	o := defaults()
	o.rate, o.show, o.years = "1", 1, 1
	require.NoError(t, run(&bytes.Buffer{}, o))
}
