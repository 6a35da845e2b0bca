package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/internal/service"
)

// BenchmarkServerSchedule measures the whole service on loopback: concurrent
// clients (b.RunParallel with SetParallelism(4), i.e. 4×GOMAXPROCS
// goroutines) POST scheduleRequest over keep-alive connections to a real
// listener on 127.0.0.1. Reported: req/s beside ns/op and allocations.
//
//	go test -run '^$' -bench ServerSchedule -benchmem ./examples/server
func BenchmarkServerSchedule(b *testing.B) {
	want, err := expectedBody("schedule", []byte(scheduleRequest))
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(service.Handler(service.Options{Logger: slog.New(slog.DiscardHandler)}))
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	defer ts.Close()
	client := loopbackClient(256)
	defer client.CloseIdleConnections()
	url := ts.URL + "/v1/schedule"

	b.SetParallelism(4) // 4×GOMAXPROCS clients
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Post(url, "application/json", strings.NewReader(scheduleRequest))
			if err != nil {
				b.Error(err)
				return
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK || !bytes.Equal(body, want) {
				b.Errorf("status %d, err %v, body %.200s", resp.StatusCode, err, body)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkLibrarySchedule is the same request without HTTP: repayplan.Do
// and json.Marshal, one goroutine. The difference to BenchmarkServerSchedule
// (per core) is the transport's cost.
func BenchmarkLibrarySchedule(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		res, err := repayplan.Do("schedule", []byte(scheduleRequest))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(res); err != nil {
			b.Fatal(err)
		}
	}
}
