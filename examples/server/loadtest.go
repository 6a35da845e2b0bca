package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/repayplan/repayplan"
	"github.com/repayplan/repayplan/internal/service"
)

// scheduleRequest is the request the load test and BenchmarkServerSchedule
// send: a 1,000,000 loan at 4.9 % over 30 years, 360 rows (the
// benchmark schedule).
const scheduleRequest = `{"principal":"1000000","annual_rate":"0.049","periods":360,` +
	`"method":"equal_installment","start_date":"2024-01-15"}`

// Bounds of the load test, so a typo cannot turn it into a soak test.
const (
	maxLoadRequests    = 10_000_000
	maxLoadConcurrency = 1024
	maxLoadDuration    = 5 * time.Minute
)

type loadConfig struct {
	Requests    int           // total requests to send
	Concurrency int           // clients sending at once
	MaxDuration time.Duration // stop after this long even if Requests is not reached
}

func (c loadConfig) validate() error {
	switch {
	case c.Requests < 1 || c.Requests > maxLoadRequests:
		return fmt.Errorf("-n must be in 1..%d, got %d", maxLoadRequests, c.Requests)
	case c.Concurrency < 1 || c.Concurrency > maxLoadConcurrency:
		return fmt.Errorf("-c must be in 1..%d, got %d", maxLoadConcurrency, c.Concurrency)
	case c.MaxDuration <= 0 || c.MaxDuration > maxLoadDuration:
		return fmt.Errorf("-duration must be in (0, %s], got %s", maxLoadDuration, c.MaxDuration)
	}
	return nil
}

type loadReport struct {
	Addr        string
	Concurrency int
	Sent        int // requests completed (successfully or not)
	Failed      int // transport errors, non-200 answers or wrong bodies
	Elapsed     time.Duration
	TimedOut    bool // stopped by MaxDuration before Requests were sent
	P50, P99    time.Duration
	Max         time.Duration
	FirstError  string
}

func (r loadReport) ReqPerSec() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Sent) / r.Elapsed.Seconds()
}

func (r loadReport) String() string {
	s := fmt.Sprintf("loadtest POST /v1/schedule (360 rows) on %s: %d requests, %d clients, %d failed, %.3fs\n"+
		"  %.0f req/s   p50 %s   p99 %s   max %s",
		r.Addr, r.Sent, r.Concurrency, r.Failed, r.Elapsed.Seconds(),
		r.ReqPerSec(), r.P50.Round(time.Microsecond), r.P99.Round(time.Microsecond), r.Max.Round(time.Microsecond))
	if r.TimedOut {
		s += "\n  (stopped by -duration before -n was reached)"
	}
	if r.FirstError != "" {
		s += "\n  first error: " + r.FirstError
	}
	return s
}

// runLoadTest serves service.Handler(opts) on an ephemeral 127.0.0.1 port and
// sends cfg.Requests schedule requests from cfg.Concurrency clients,
// checking every answer against repayplan.Do's result. A zero
// opts.MaxConcurrent gives one computation slot per client.
func runLoadTest(ctx context.Context, opts service.Options, cfg loadConfig) (loadReport, error) {
	if err := cfg.validate(); err != nil {
		return loadReport{}, err
	}
	if opts.MaxConcurrent <= 0 {
		// The load test measures throughput, not shedding: one slot per
		// client.
		opts.MaxConcurrent = cfg.Concurrency
	}
	want, err := expectedBody("schedule", []byte(scheduleRequest))
	if err != nil {
		return loadReport{}, fmt.Errorf("the library rejects the load-test request: %w", err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return loadReport{}, err
	}
	srv := service.NewServer(service.Handler(opts), opts.Logger)
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()

	client := loopbackClient(cfg.Concurrency)
	defer client.CloseIdleConnections()
	url := "http://" + ln.Addr().String() + "/v1/schedule"

	// One request up front: fail fast, and open a first connection.
	if _, err := post(ctx, client, url, want); err != nil {
		return loadReport{}, fmt.Errorf("first request: %w", err)
	}

	ctx, cancel := context.WithTimeout(ctx, cfg.MaxDuration)
	defer cancel()
	var (
		next     atomic.Int64
		failed   atomic.Int64
		errOnce  sync.Once
		firstErr string
		wg       sync.WaitGroup
	)
	lat := make([][]time.Duration, cfg.Concurrency)
	per := cfg.Requests/cfg.Concurrency + 1
	start := time.Now()
	for w := range cfg.Concurrency {
		lat[w] = make([]time.Duration, 0, per)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(cfg.Requests) && ctx.Err() == nil {
				d, err := post(ctx, client, url, want)
				if err != nil {
					if ctx.Err() != nil { // cut off by MaxDuration: not a failure
						return
					}
					failed.Add(1)
					errOnce.Do(func() { firstErr = err.Error() })
				}
				lat[w] = append(lat[w], d)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	all := slices.Concat(lat...)
	slices.Sort(all)
	rep := loadReport{
		Addr:        ln.Addr().String(),
		Concurrency: cfg.Concurrency,
		Sent:        len(all),
		Failed:      int(failed.Load()),
		Elapsed:     elapsed,
		TimedOut:    len(all) < cfg.Requests,
		P50:         percentile(all, 50),
		P99:         percentile(all, 99),
		FirstError:  firstErr,
	}
	if len(all) > 0 {
		rep.Max = all[len(all)-1]
	}
	return rep, nil
}

// loopbackClient is an HTTP client that keeps up to conns connections open,
// ignores proxy settings, and refuses to dial anything but a loopback IP.
func loopbackClient(conns int) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			Proxy: nil,
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				if err := loopbackOnly(addr); err != nil {
					return nil, err
				}
				return dialer.DialContext(ctx, network, addr)
			},
			MaxIdleConns:        conns,
			MaxIdleConnsPerHost: conns,
			DisableCompression:  true,
		},
	}
}

// loopbackOnly accepts a host:port whose host is a literal loopback IP.
// Names are refused too, so nothing is ever resolved.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("refusing to dial %s: loopback IPs only", addr)
	}
	return nil
}

// post sends scheduleRequest to url and checks the answer is 200 with body
// want. It returns the latency, response fully read, either way.
func post(ctx context.Context, client *http.Client, url string, want []byte) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader([]byte(scheduleRequest)))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	t0 := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return time.Since(t0), err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(t0)
	switch {
	case err != nil:
		return d, err
	case resp.StatusCode != http.StatusOK:
		return d, fmt.Errorf("status %d: %s", resp.StatusCode, bytes.TrimSpace(body))
	case !bytes.Equal(body, want):
		return d, errors.New("answer differs from repayplan.Do's result")
	}
	return d, nil
}

// expectedBody is what POST /v1/{kind} answers with for a request the
// library accepts: json.Marshal of repayplan.Do's result and a newline.
func expectedBody(kind string, request []byte) ([]byte, error) {
	res, err := repayplan.Do(kind, request)
	if err != nil {
		return nil, err
	}
	out, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// percentile returns the nearest-rank p-th percentile of sorted.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100 // ceil(n·p/100), 1-based
	if i < 1 {
		i = 1
	}
	return sorted[i-1]
}
