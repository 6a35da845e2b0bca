package service

import (
	"bufio"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func quietService(opts Options) *server {
	opts.Logger = slog.New(slog.DiscardHandler)
	return newService(opts)
}

// TestOverloadAnswers503: with every computation slot taken, a request is
// answered at once with 503 and Retry-After (not queued), /readyz says
// overloaded, and /healthz still answers ok; once a slot frees, both
// recover.
func TestOverloadAnswers503(t *testing.T) {
	s := quietService(Options{MaxConcurrent: 1})
	ts := httptest.NewServer(s.routes())
	t.Cleanup(ts.Close)

	s.slots <- struct{}{} // a computation in flight
	start := time.Now()
	r := postJSON(t, ts, "schedule", []byte(validSchedule))
	e := decodeError(t, r, http.StatusServiceUnavailable)
	assert.Equal(t, "overloaded", e.Code)
	assert.Equal(t, "1", r.Header.Get("Retry-After"))
	assert.Less(t, time.Since(start), 2*time.Second, "refused at once, not queued")

	ready := do(t, ts, http.MethodGet, "/readyz", "", nil)
	assert.Equal(t, http.StatusServiceUnavailable, ready.Status)
	assert.JSONEq(t, `{"status":"overloaded","running":1,"limit":1}`, string(ready.Body))
	assert.Equal(t, http.StatusOK, do(t, ts, http.MethodGet, "/healthz", "", nil).Status)

	<-s.slots
	assert.Equal(t, http.StatusOK, postJSON(t, ts, "schedule", []byte(validSchedule)).Status)
	ready = do(t, ts, http.MethodGet, "/readyz", "", nil)
	assert.Equal(t, http.StatusOK, ready.Status)
	assert.JSONEq(t, `{"status":"ready","running":0,"limit":1}`, string(ready.Body))
	assert.Empty(t, s.slots, "the computation gave its slot back")
}

// TestComputeDeadline: a computation past its deadline is answered 503
// deadline_exceeded, and its slot is given back when it ends.
func TestComputeDeadline(t *testing.T) {
	s := quietService(Options{ComputeTimeout: time.Nanosecond})
	ts := httptest.NewServer(s.routes())
	t.Cleanup(ts.Close)
	e := decodeError(t, postJSON(t, ts, "schedule", []byte(validSchedule)), http.StatusServiceUnavailable)
	assert.Equal(t, "deadline_exceeded", e.Code)
	require.Eventually(t, func() bool { return len(s.slots) == 0 }, 5*time.Second, time.Millisecond)
}

// TestResponseCap: a result larger than MaxResponse is refused with 422.
func TestResponseCap(t *testing.T) {
	ts := httptest.NewServer(quietService(Options{MaxResponse: 200}).routes())
	t.Cleanup(ts.Close)
	e := decodeError(t, postJSON(t, ts, "schedule", []byte(validSchedule)), http.StatusUnprocessableEntity)
	assert.Equal(t, "result_too_large", e.Code)
	assert.Contains(t, e.Reason, "over the limit of 200")
}

// TestBodyLimitBeforeContinue: a request that declares a body over the
// limit and asks "Expect: 100-continue" is refused with 413 before the
// server invites the body — the client never sends it.
func TestBodyLimitBeforeContinue(t *testing.T) {
	ts := httptest.NewServer(quietService(Options{MaxBody: 1000}).routes())
	t.Cleanup(ts.Close)
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = fmt.Fprintf(conn, "POST /v1/schedule HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"+
		"Content-Length: 5000000\r\nExpect: 100-continue\r\n\r\n")
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, "no 100 Continue first")
	var body errorBody
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	assert.Equal(t, "body_too_large", body.Error.Code)
}

// TestErrorBodiesEchoNoClientText: the unknown path, kind and content type
// the client sent appear in no answer.
func TestErrorBodiesEchoNoClientText(t *testing.T) {
	ts := httptest.NewServer(quietService(Options{}).routes())
	t.Cleanup(ts.Close)
	const secret = "zz<script>secret"
	for _, r := range []response{
		do(t, ts, http.MethodGet, "/"+secret, "", nil),
		do(t, ts, http.MethodPost, "/v1/"+secret, "application/json", strings.NewReader("{}")),
		do(t, ts, http.MethodPost, "/v1/schedule", "text/"+secret, strings.NewReader("{}")),
	} {
		assert.NotContains(t, string(r.Body), "secret", "%d %s", r.Status, r.Body)
		assert.GreaterOrEqual(t, r.Status, 400)
	}
}

// TestLimitListener: with a cap of one connection, a second is accepted
// only after the first closes.
func TestLimitListener(t *testing.T) {
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ln := newLimitListener(inner, 1)
	t.Cleanup(func() { ln.Close() })
	accepted := make(chan net.Conn, 2)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	c1, err := net.Dial("tcp", inner.Addr().String())
	require.NoError(t, err)
	defer c1.Close()
	c2, err := net.Dial("tcp", inner.Addr().String()) // queued by the kernel, not accepted
	require.NoError(t, err)
	defer c2.Close()
	first := <-accepted
	select {
	case <-accepted:
		t.Fatal("a second connection was accepted while the first was open")
	case <-time.After(200 * time.Millisecond):
	}
	require.NoError(t, first.Close())
	select {
	case c := <-accepted:
		c.Close()
	case <-time.After(5 * time.Second):
		t.Fatal("the second connection was not accepted after the first closed")
	}
	_ = first.Close() // a second Close gives back nothing more
	// The accept loop now waits in Accept holding the one slot; closing
	// the listener gives it back, and no slot is left over.
	require.NoError(t, ln.Close())
	require.Eventually(t, func() bool { return len(ln.slots) == 0 }, 5*time.Second, time.Millisecond)
}
