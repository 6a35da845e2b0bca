package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/repayplan/repayplan/internal/service"
)

// The hostile load test sends valid but costly requests — the shapes a
// security review found took the service down — from many clients at once,
// under a memory limit, while a separate client polls /healthz. It passes
// when the server stays up, every answer is a result or a clear refusal
// (a 4xx or a 503 with the service's JSON error body) within the compute
// deadline, /healthz always answers within its bound, and the process's
// peak resident memory stays under the limit.

// heavyShape is one costly request.
type heavyShape struct {
	name string
	kind string
	body []byte
}

// heavyShapes builds the requests: each is valid JSON of its kind, under
// the service's 1 MiB body limit.
func heavyShapes() []heavyShape {
	return []heavyShape{
		{"waivers 1200 installments × 10 000 percent waivers", "accrual", waiverBomb()},
		{"contingent grace 1200 installments × 160 payment dates", "accrual", graceBomb()},
		{"act/act segments over 100 years", "accrual", actActBomb()},
		{"24 000 payments", "accrual", paymentBomb()},
	}
}

// installmentsJSON writes n monthly installments from 2001-01-15.
func installmentsJSON(b *bytes.Buffer, n int, principal string) {
	b.WriteString(`"installments":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		y, m := 2001+i/12, i%12+1
		fmt.Fprintf(b, `{"due_date":"%04d-%02d-15","principal":%q,"interest":"1.00","fee":"0"}`, y, m, principal)
	}
	b.WriteString(`]`)
}

func waiverBomb() []byte {
	var b bytes.Buffer
	b.WriteString(`{"as_of":"2100-12-31",`)
	installmentsJSON(&b, 1200, "100.00")
	b.WriteString(`,"payments":[],"waivers":[`)
	for i := range 10_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		// Dates through 2100, each a waiver of every installment due by then.
		d := time.Date(2073, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		fmt.Fprintf(&b, `{"date":%q,"component":"penalty","percent":"0.01"}`, d.Format("2006-01-02"))
	}
	b.WriteString(`],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"}}}`)
	return b.Bytes()
}

func graceBomb() []byte {
	var b bytes.Buffer
	b.WriteString(`{"as_of":"2100-12-31",`)
	installmentsJSON(&b, 1200, "100.00")
	b.WriteString(`,"payments":[`)
	for i := range 160 {
		if i > 0 {
			b.WriteByte(',')
		}
		d := time.Date(2001, 2, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 230*i)
		fmt.Fprintf(&b, `{"date":%q,"amount":"1.00"}`, d.Format("2006-01-02"))
	}
	b.WriteString(`],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"},"grace_days":3650,"grace_mode":"forgive"}}`)
	return b.Bytes()
}

func actActBomb() []byte {
	var b bytes.Buffer
	b.WriteString(`{"as_of":"2100-12-31",`)
	installmentsJSON(&b, 1200, "100.00")
	b.WriteString(`,"payments":[],"policy":{"penalty_rate":{"rate":"0.18","unit":"annual","day_count":"act/act"},"base":"principal_and_interest"}}`)
	return b.Bytes()
}

func paymentBomb() []byte {
	var b bytes.Buffer
	b.WriteString(`{"as_of":"2100-12-31",`)
	installmentsJSON(&b, 1200, "100000.00")
	b.WriteString(`,"payments":[`)
	for i := range 24_000 {
		if i > 0 {
			b.WriteByte(',')
		}
		d := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		fmt.Fprintf(&b, `{"date":%q,"amount":"0.01"}`, d.Format("2006-01-02"))
	}
	b.WriteString(`],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"}}}`)
	return b.Bytes()
}

// Bounds of the hostile test, so a typo cannot turn it into a soak test.
const (
	maxHostileDuration    = 5 * time.Minute
	maxHostileConcurrency = 256
)

type hostileConfig struct {
	Concurrency int           // clients per shape
	Duration    time.Duration // how long the clients send
	MemoryLimit int64         // bytes: the Go memory limit, and the bound on peak RSS
	HealthBound time.Duration // every /healthz must answer within this
}

func (c hostileConfig) validate() error {
	switch {
	case c.Concurrency < 1 || c.Concurrency > maxHostileConcurrency:
		return fmt.Errorf("-c must be in 1..%d, got %d", maxHostileConcurrency, c.Concurrency)
	case c.Duration <= 0 || c.Duration > maxHostileDuration:
		return fmt.Errorf("-duration must be in (0, %s], got %s", maxHostileDuration, c.Duration)
	case c.MemoryLimit < 64<<20:
		return fmt.Errorf("-memory-limit must be at least 64 MiB, got %d bytes", c.MemoryLimit)
	case c.HealthBound <= 0:
		return fmt.Errorf("-health-bound must be positive, got %s", c.HealthBound)
	}
	return nil
}

// shapeCount tallies one shape's answers.
type shapeCount struct {
	Name     string
	Statuses map[int]int // HTTP status → answers
	Codes    map[string]int
	Unclear  int // transport errors, 5xx other than 503, bodies that are not the service's JSON
	Late     int // answers past the compute deadline plus a margin
	Max      time.Duration
}

type hostileReport struct {
	Addr         string
	Server       string // what served: "in-process" or the child process
	Elapsed      time.Duration
	Shapes       []shapeCount
	HealthChecks int
	HealthFailed int
	HealthMax    time.Duration
	PeakRSS      int64 // bytes: the server's peak resident set
	StopFailed   bool  // the server did not stop cleanly (it crashed, or shutdown failed)
	MemoryLimit  int64
	FirstProblem string
}

// OK reports whether the run met every bound.
func (r hostileReport) OK() bool {
	if r.StopFailed || r.HealthFailed > 0 || r.HealthChecks == 0 || (r.PeakRSS > 0 && r.PeakRSS > r.MemoryLimit) {
		return false
	}
	for _, s := range r.Shapes {
		if s.Unclear > 0 || s.Late > 0 {
			return false
		}
	}
	return true
}

func (r hostileReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "hostile load test on %s (%s) for %.1fs\n", r.Addr, r.Server, r.Elapsed.Seconds())
	for _, s := range r.Shapes {
		statuses := make([]int, 0, len(s.Statuses))
		for st := range s.Statuses {
			statuses = append(statuses, st)
		}
		sort.Ints(statuses)
		var parts []string
		for _, st := range statuses {
			parts = append(parts, fmt.Sprintf("%d×%d", s.Statuses[st], st))
		}
		codes := make([]string, 0, len(s.Codes))
		for c, n := range s.Codes {
			codes = append(codes, fmt.Sprintf("%s %d", c, n))
		}
		sort.Strings(codes)
		fmt.Fprintf(&b, "  %-55s %s  [%s]  unclear %d  late %d  slowest %s\n",
			s.Name, strings.Join(parts, " "), strings.Join(codes, ", "), s.Unclear, s.Late, s.Max.Round(time.Millisecond))
	}
	fmt.Fprintf(&b, "  /healthz: %d checks, %d over the bound or failed, slowest %s\n",
		r.HealthChecks, r.HealthFailed, r.HealthMax.Round(100*time.Microsecond))
	fmt.Fprintf(&b, "  peak RSS %.1f MiB (limit %.0f MiB)", float64(r.PeakRSS)/(1<<20), float64(r.MemoryLimit)/(1<<20))
	if r.FirstProblem != "" {
		fmt.Fprintf(&b, "\n  first problem: %s", r.FirstProblem)
	}
	if r.OK() {
		b.WriteString("\n  PASS: the server stayed up; every answer was a result or a clear refusal in time")
	} else {
		b.WriteString("\n  FAIL")
	}
	return b.String()
}

// target is the server under attack: where it listens, and how to stop it
// and read its peak resident memory.
type target struct {
	Addr string
	// Kind says what the server is ("child process 1234", "in-process").
	Kind string
	// stop ends the server and returns its peak RSS in bytes (0 where the
	// system does not say).
	stop func() (int64, error)
}

// startInProcess serves service.Handler(opts) on an ephemeral loopback
// port in this process, under the Go memory limit memLimit. Its peak RSS
// is the whole process's: the server and the clients attacking it.
func startInProcess(opts service.Options, memLimit int64) (target, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return target{}, err
	}
	old := debug.SetMemoryLimit(memLimit)
	srv := service.NewServer(service.Handler(opts), opts.Logger)
	go func() { _ = srv.Serve(ln) }()
	return target{Addr: ln.Addr().String(), Kind: "in-process", stop: func() (int64, error) {
		defer debug.SetMemoryLimit(old)
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := srv.Shutdown(sctx)
		return peakRSS(), err
	}}, nil
}

// startChild runs this program as the server, in a process of its own —
// exactly what "go run ./examples/server" serves, with its connection
// limit and logs — on an ephemeral loopback port with GOMEMLIMIT set to
// memLimit, so the attack's clients neither share its heap nor its
// scheduler. args are the server's flags; the child's address is read from
// its "listening" log line. Its peak RSS is the child's own maximum
// resident set, as the kernel reports it when the child exits.
func startChild(exe string, args []string, memLimit int64) (target, error) {
	cmd := exec.Command(exe, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "GOMEMLIMIT="+strconv.FormatInt(memLimit, 10))
	logs, err := cmd.StderrPipe()
	if err != nil {
		return target{}, err
	}
	if err := cmd.Start(); err != nil {
		return target{}, err
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(logs)
		found := false
		for sc.Scan() {
			line := sc.Text()
			if !found && strings.Contains(line, "msg=listening") {
				if _, a, ok := strings.Cut(line, " addr="); ok {
					found = true
					addr <- strings.Fields(a)[0]
				}
			}
		}
		if !found {
			close(addr)
		}
	}()
	stop := func() (int64, error) {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		err := cmd.Wait()
		var rss int64
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss << 10 // kilobytes on Linux
		}
		return rss, err
	}
	select {
	case a, ok := <-addr:
		if !ok {
			_, err := stop()
			return target{}, fmt.Errorf("the server exited before listening: %v", err)
		}
		return target{Addr: a, Kind: fmt.Sprintf("child process %d, GOMEMLIMIT=%d", cmd.Process.Pid, memLimit), stop: stop}, nil
	case <-time.After(10 * time.Second):
		_, _ = stop()
		return target{}, fmt.Errorf("the server did not log its address within 10s")
	}
}

// runHostile attacks srv with cfg.Concurrency clients per heavy shape for
// cfg.Duration, while polling /healthz, then stops srv. computeTimeout is
// the server's compute deadline: an answer later than it plus a margin
// counts as late.
func runHostile(ctx context.Context, srv target, computeTimeout time.Duration, cfg hostileConfig) (hostileReport, error) {
	if err := cfg.validate(); err != nil {
		_, _ = srv.stop()
		return hostileReport{}, err
	}
	base := "http://" + srv.Addr

	shapes := heavyShapes()
	rep := hostileReport{Addr: srv.Addr, Server: srv.Kind, MemoryLimit: cfg.MemoryLimit, Shapes: make([]shapeCount, len(shapes))}
	var mu sync.Mutex // guards rep
	problem := func(s string) {
		if rep.FirstProblem == "" {
			rep.FirstProblem = s
		}
	}
	// An answer may take the compute deadline, plus reading and writing.
	deadline := computeTimeout + 3*time.Second

	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup

	// The health poller has its own client, so its connection is never
	// queued behind the attack's.
	wg.Add(1)
	go func() {
		defer wg.Done()
		hc := loopbackClient(1)
		defer hc.CloseIdleConnections()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			t0 := time.Now()
			ok := healthOK(hc, base+"/healthz")
			d := time.Since(t0)
			mu.Lock()
			rep.HealthChecks++
			rep.HealthMax = max(rep.HealthMax, d)
			if !ok || d > cfg.HealthBound {
				rep.HealthFailed++
				problem(fmt.Sprintf("/healthz took %s (ok=%v)", d.Round(time.Millisecond), ok))
			}
			mu.Unlock()
		}
	}()

	for i, sh := range shapes {
		rep.Shapes[i] = shapeCount{Name: sh.name, Statuses: map[int]int{}, Codes: map[string]int{}}
		client := loopbackClient(cfg.Concurrency)
		client.Timeout = deadline + 5*time.Second
		defer client.CloseIdleConnections()
		for range cfg.Concurrency {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ctx.Err() == nil {
					status, code, d, err := attack(client, base+"/v1/"+sh.kind, sh.body)
					mu.Lock()
					c := &rep.Shapes[i]
					c.Max = max(c.Max, d)
					switch {
					case err != nil:
						c.Unclear++
						problem(fmt.Sprintf("%s: %v", sh.name, err))
					default:
						c.Statuses[status]++
						c.Codes[code]++
						if d > deadline {
							c.Late++
							problem(fmt.Sprintf("%s: answered %d after %s", sh.name, status, d.Round(time.Millisecond)))
						}
					}
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	rep.Elapsed = time.Since(start)
	rss, err := srv.stop()
	rep.PeakRSS = rss
	if err != nil {
		problem(fmt.Sprintf("stopping the server: %v", err))
		rep.StopFailed = true
	}
	return rep, nil
}

// attack posts body and classifies the answer: a 200 with a JSON result, or
// a 4xx / 503 with the service's JSON error body, is clear (code is the
// error code, or "result"); anything else is an error.
func attack(client *http.Client, url string, body []byte) (status int, code string, d time.Duration, err error) {
	t0 := time.Now()
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, "", time.Since(t0), err
	}
	// A result may be large: read it, but keep only its start.
	head, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if err == nil {
		_, err = io.Copy(io.Discard, resp.Body)
	}
	resp.Body.Close()
	d = time.Since(t0)
	if err != nil {
		return resp.StatusCode, "", d, err
	}
	switch {
	case resp.StatusCode == http.StatusOK:
		if len(head) == 0 || head[0] != '{' {
			return resp.StatusCode, "", d, fmt.Errorf("200 without a JSON object")
		}
		return resp.StatusCode, "result", d, nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500 || resp.StatusCode == http.StatusServiceUnavailable:
		var e struct {
			Error struct {
				Code string `json:"code"`
			} `json:"error"`
		}
		if json.Unmarshal(head, &e) != nil || e.Error.Code == "" {
			return resp.StatusCode, "", d, fmt.Errorf("status %d without the JSON error body: %.80q", resp.StatusCode, head)
		}
		return resp.StatusCode, e.Error.Code, d, nil
	}
	return resp.StatusCode, "", d, fmt.Errorf("status %d: %.80q", resp.StatusCode, head)
}

func healthOK(client *http.Client, url string) bool {
	resp, err := client.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK
}

// peakRSS is the process's peak resident set (VmHWM), in bytes; 0 where
// /proc is not available.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
