package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/penalty"
)

// cli runs the command with args and stdin, returning its exit status,
// standard output and standard error.
func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(t.Context(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func requestFile(name string) string {
	return filepath.Join("..", "..", "examples", "requests", name)
}

// TestScheduleFromStdinAndFile: the README's command prints exactly what
// repayplan.Do computes for the shipped request, from stdin or a file.
func TestScheduleFromStdinAndFile(t *testing.T) {
	req, err := os.ReadFile(requestFile("schedule.json"))
	require.NoError(t, err)
	want, err := repayplan.Do("schedule", req)
	require.NoError(t, err)
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)

	for _, args := range [][]string{{"schedule"}, {"schedule", requestFile("schedule.json")}, {"schedule", "-"}} {
		code, out, stderr := cli(t, string(req), args...)
		require.Equal(t, exitOK, code, stderr)
		var compact bytes.Buffer
		require.NoError(t, json.Compact(&compact, []byte(out)))
		assert.JSONEq(t, string(wantJSON), compact.String(), "%v", args)
		// The shipped request is the README's mortgage: 5 307.27 a month.
		assert.Contains(t, out, `"payment": "5307.27"`)
	}
}

func TestBadInputExitsTwoNamingTheField(t *testing.T) {
	code, out, stderr := cli(t, `{"principal":"1000","annual_rate":"0.05","periods":0,"start_date":"2024-01-01"}`, "schedule")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "periods: must be at least 1, got 0")

	code, _, stderr = cli(t, `{"principal":"1000",`, "schedule")
	assert.Equal(t, exitUsage, code, "truncated JSON is bad input")
	assert.NotEmpty(t, stderr)
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"no_such_kind"},
		{"schedule", "a.json", "b.json"},
		{"-explain", "fr", "accrual", requestFile("accrual.json")},
		{"-explain", "zh", "schedule", requestFile("schedule.json")}, // a schedule has no explanation
		{"kinds", "extra"},
		{"-nosuchflag", "schedule"},
	} {
		code, _, stderr := cli(t, "", args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, stderr)
		assert.NotEmpty(t, stderr, "%v", args)
	}
}

func TestMissingFileIsOtherError(t *testing.T) {
	code, _, stderr := cli(t, "", "schedule", filepath.Join(t.TempDir(), "absent.json"))
	assert.Equal(t, exitOther, code)
	assert.Contains(t, stderr, "absent.json")
}

func TestKinds(t *testing.T) {
	code, out, _ := cli(t, "", "kinds")
	require.Equal(t, exitOK, code)
	assert.Equal(t, repayplan.Kinds(), strings.Fields(out))
}

// TestExplain prints the accrual's sentences: the Chinese and English
// renderings of the same statement, with the flag before or after KIND.
func TestExplain(t *testing.T) {
	req, err := os.ReadFile(requestFile("accrual.json"))
	require.NoError(t, err)
	code, zh, stderr := cli(t, "", "-explain", "zh", "accrual", requestFile("accrual.json"))
	require.Equal(t, exitOK, code, stderr)
	code, zh2, _ := cli(t, string(req), "accrual", "-explain", "zh")
	require.Equal(t, exitOK, code)
	assert.Equal(t, zh, zh2)
	code, en, _ := cli(t, "", "-explain", "en", "accrual", requestFile("accrual.json"))
	require.Equal(t, exitOK, code)

	res, err := repayplan.Do("accrual", req)
	require.NoError(t, err)
	st := res.(penalty.Statement)
	assert.Equal(t, strings.Join(st.Chinese(), "\n")+"\n", zh)
	assert.Equal(t, strings.Join(st.English(), "\n")+"\n", en)
	assert.Contains(t, zh, "罚息")
	assert.Contains(t, en, "penalty")
}

// TestExplainEveryKindWithSentences: loan and card statements explain
// themselves too; their last sentences state the payoff of the shipped
// requests (the seed vectors: 41,048.97 and 927.25).
func TestExplainEveryKindWithSentences(t *testing.T) {
	for kind, want := range map[string]string{"loan_statement": "41,048.97", "card_statement": "927.25"} {
		code, zh, stderr := cli(t, "", "-explain", "zh", kind, requestFile(kind+".json"))
		require.Equal(t, exitOK, code, stderr)
		assert.Contains(t, zh, want, kind)
		code, en, _ := cli(t, "", "-explain", "en", kind, requestFile(kind+".json"))
		require.Equal(t, exitOK, code)
		assert.Contains(t, en, want, kind)
	}
	// A request that already asks for an explanation is refused, not doubled.
	code, _, stderr := cli(t, `{"explain":["zh"]}`, "-explain", "zh", "accrual")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "already")
}

// TestServe starts the service on a loopback port, asks it for a schedule
// and stops it through the context.
func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() {
		done <- run(ctx, []string{"serve", "-addr", addr}, strings.NewReader(""), &bytes.Buffer{}, &errb)
	}()

	req, err := os.ReadFile(requestFile("schedule.json"))
	require.NoError(t, err)
	var resp *http.Response
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		resp, err = http.Post("http://"+addr+"/v1/schedule", "application/json", bytes.NewReader(req))
		if err == nil {
			break
		}
	}
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	var got map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&got))
	assert.EqualValues(t, 360, got["row_count"])

	cancel()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code, errb.String())
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
}

func TestServeUsage(t *testing.T) {
	code, _, _ := cli(t, "", "serve", "-max-body", "0")
	assert.Equal(t, exitUsage, code)
	code, _, _ = cli(t, "", "serve", "extra")
	assert.Equal(t, exitUsage, code)
}
