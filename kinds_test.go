package repayplan

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDoDocumentsEveryKind reads the table in Do's doc comment and checks
// it names every kind with its real request and result types, so the doc
// cannot drift from the code.
func TestDoDocumentsEveryKind(t *testing.T) {
	src, err := os.ReadFile("kinds.go")
	require.NoError(t, err)
	row := regexp.MustCompile(`(?m)^//\t(\w+)\s+(\w+\.\w+)\s+→\s+(\w+\.\w+)$`)
	documented := map[string][2]string{}
	for _, m := range row.FindAllStringSubmatch(string(src), -1) {
		documented[m[1]] = [2]string{m[2], m[3]}
	}
	require.Len(t, documented, len(Kinds()))
	for _, name := range Kinds() {
		k, ok := lookup(name)
		require.True(t, ok, name)
		short := func(s string) string { return s[strings.LastIndex(s, "/")+1:] }
		got := [2]string{short(k.request.String()), short(k.result.String())}
		assert.Equal(t, documented[name], got, name)
	}
	_, ok := lookup("no_such_kind")
	assert.False(t, ok)
}

// TestDoContext: a context already done stops the request before any work;
// a nil context and an unknown kind are field-naming errors; a live context
// gives Do's result.
func TestDoContext(t *testing.T) {
	req, err := os.ReadFile("examples/requests/accrual.json")
	require.NoError(t, err)
	want, err := Do("accrual", req)
	require.NoError(t, err)
	got, err := DoContext(context.Background(), "accrual", req)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, k := range Kinds() {
		_, err := DoContext(ctx, k, req)
		assert.ErrorIs(t, err, context.Canceled, k)
	}
	_, err = DoContext(nil, "accrual", req)
	assert.ErrorContains(t, err, "ctx: is required")
	_, err = DoContext(context.Background(), "no_such_kind", req)
	assert.ErrorContains(t, err, "kind: unknown kind")
}
