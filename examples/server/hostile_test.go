package main

import (
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/internal/service"
)

// TestHeavyShapesAreValidRequests: each shape is well-formed JSON of its
// kind under the body limit, and the library either computes it or refuses
// it with a field-naming error — never anything else.
func TestHeavyShapesAreValidRequests(t *testing.T) {
	for _, sh := range heavyShapes() {
		require.True(t, json.Valid(sh.body), sh.name)
		assert.Less(t, int64(len(sh.body)), service.DefaultMaxBody, sh.name)
		_, err := repayplan.Do(sh.kind, sh.body)
		t.Logf("%s: %d bytes, err=%v", sh.name, len(sh.body), err)
	}
}

// TestHostileSmall runs the hostile test briefly. The bound on /healthz is
// looser than the program's default 100 ms because the test may share the
// machine with a whole CI run; BENCHMARKS.md records the full run.
func TestHostileSmall(t *testing.T) {
	d := 4 * time.Second
	if testing.Short() {
		d = time.Second
	}
	opts := service.Options{Logger: slog.New(slog.DiscardHandler)}
	srv, err := startInProcess(opts, 1<<30)
	require.NoError(t, err)
	rep, err := runHostile(t.Context(), srv, service.DefaultComputeTimeout,
		hostileConfig{Concurrency: 2, Duration: d, MemoryLimit: 1 << 30, HealthBound: 2 * time.Second})
	require.NoError(t, err)
	t.Log(rep)
	assert.True(t, rep.OK(), rep.String())
	assert.Positive(t, rep.HealthChecks)
	for _, s := range rep.Shapes {
		n := 0
		for _, c := range s.Statuses {
			n += c
		}
		assert.Positive(t, n, "%s got answers", s.Name)
	}
}

func TestHostileConfigBounds(t *testing.T) {
	for _, c := range []hostileConfig{
		{Concurrency: 0, Duration: time.Second, MemoryLimit: 1 << 30, HealthBound: time.Second},
		{Concurrency: maxHostileConcurrency + 1, Duration: time.Second, MemoryLimit: 1 << 30, HealthBound: time.Second},
		{Concurrency: 1, Duration: 0, MemoryLimit: 1 << 30, HealthBound: time.Second},
		{Concurrency: 1, Duration: maxHostileDuration + 1, MemoryLimit: 1 << 30, HealthBound: time.Second},
		{Concurrency: 1, Duration: time.Second, MemoryLimit: 1 << 20, HealthBound: time.Second},
		{Concurrency: 1, Duration: time.Second, MemoryLimit: 1 << 30, HealthBound: 0},
	} {
		assert.Error(t, c.validate(), "%+v", c)
	}
}
