package main

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan/internal/service"
)

func TestLoadTestSmall(t *testing.T) {
	rep, err := runLoadTest(t.Context(), service.Options{Logger: slog.New(slog.DiscardHandler)},
		loadConfig{Requests: 200, Concurrency: 4, MaxDuration: 20 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, 0, rep.Failed, rep.FirstError)
	assert.Equal(t, 200, rep.Sent)
	assert.False(t, rep.TimedOut)
	assert.Positive(t, rep.P50)
	assert.LessOrEqual(t, rep.P50, rep.P99)
	assert.LessOrEqual(t, rep.P99, rep.Max)
	assert.True(t, strings.HasPrefix(rep.Addr, "127.0.0.1:"), rep.Addr)
	t.Log(rep)
}

func TestLoadConfigBounds(t *testing.T) {
	for _, c := range []loadConfig{
		{Requests: 0, Concurrency: 1, MaxDuration: time.Second},
		{Requests: maxLoadRequests + 1, Concurrency: 1, MaxDuration: time.Second},
		{Requests: 1, Concurrency: 0, MaxDuration: time.Second},
		{Requests: 1, Concurrency: maxLoadConcurrency + 1, MaxDuration: time.Second},
		{Requests: 1, Concurrency: 1, MaxDuration: 0},
		{Requests: 1, Concurrency: 1, MaxDuration: maxLoadDuration + 1},
	} {
		assert.Error(t, c.validate(), "%+v", c)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, ok := range []string{"127.0.0.1:8080", "[::1]:80", "127.0.0.2:1"} {
		assert.NoError(t, loopbackOnly(ok), ok)
	}
	for _, bad := range []string{"192.0.2.1:80", "[2001:db8::1]:80", "localhost:80", "example.com:443", "0.0.0.0:80", "127.0.0.1"} {
		assert.Error(t, loopbackOnly(bad), bad)
	}
}

func TestPercentile(t *testing.T) {
	d := make([]time.Duration, 100)
	for i := range d {
		d[i] = time.Duration(i + 1)
	}
	assert.Equal(t, time.Duration(50), percentile(d, 50))
	assert.Equal(t, time.Duration(99), percentile(d, 99))
	assert.Equal(t, time.Duration(1), percentile(d[:1], 99))
	assert.Equal(t, time.Duration(0), percentile(nil, 50))
}
