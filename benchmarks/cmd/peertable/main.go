// Command peertable turns interleaved `go test -bench` output of the peers
// benchmarks into the Markdown table of BENCHMARKS.md: for each schedule,
// each implementation's median time per op on one core (-cpu 1) and with
// the default GOMAXPROCS, its ratio to the float64 loop of the same
// schedule and setting, and its bytes and allocations per op.
//
// The ratio is the median of the per-round ratios: the i-th result of an
// implementation is divided by the i-th float64 result of the same
// schedule and cpu setting, so a round that ran while the machine was busy
// slows both sides of its ratio; the range beside it is the spread over
// rounds. run.sh produces the input:
//
//	go test -c -o peers.test . && for each round: ./peers.test -test.bench . -test.benchmem [-test.cpu 1]
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// result is one benchmark line: BenchmarkPeers360/shopspring-2  N  t ns/op  b B/op  a allocs/op.
type result struct {
	group, impl   string // "Peers360", "shopspring"
	procs         int    // the -N suffix; 1 when absent
	ns, b, allocs float64
}

// parse reads benchmark lines, ignoring every other line. A malformed
// benchmark line is skipped, not fatal: go test interleaves log output.
func parse(r io.Reader) ([]result, error) {
	var out []result
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if res, ok := parseLine(sc.Text()); ok {
			out = append(out, res)
		}
	}
	return out, sc.Err()
}

func parseLine(line string) (result, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
		return result{}, false
	}
	name, procs := f[0], 1
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if p, err := strconv.Atoi(name[i+1:]); err == nil && p > 0 {
			name, procs = name[:i], p
		}
	}
	group, impl, ok := strings.Cut(strings.TrimPrefix(name, "Benchmark"), "/")
	if !ok || group == "" || impl == "" {
		return result{}, false
	}
	res := result{group: group, impl: impl, procs: procs}
	seen := false
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil || v < 0 || v != v {
			return result{}, false
		}
		switch f[i+1] {
		case "ns/op":
			res.ns, seen = v, true
		case "B/op":
			res.b = v
		case "allocs/op":
			res.allocs = v
		}
	}
	return res, seen && res.ns > 0
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

type key struct {
	group, impl string
	procs       int
}

// cell is one implementation at one cpu setting, over all rounds.
type cell struct {
	ns, b, allocs, ratio []float64
}

// summarize groups the results and pairs each with the float64 result of
// the same round, schedule and cpu setting.
func summarize(rs []result, baseline string) map[key]*cell {
	cells := map[key]*cell{}
	for _, r := range rs {
		k := key{r.group, r.impl, r.procs}
		c := cells[k]
		if c == nil {
			c = &cell{}
			cells[k] = c
		}
		c.ns, c.b, c.allocs = append(c.ns, r.ns), append(c.b, r.b), append(c.allocs, r.allocs)
	}
	for k, c := range cells {
		base := cells[key{k.group, baseline, k.procs}]
		if base == nil {
			continue
		}
		for i := range min(len(c.ns), len(base.ns)) {
			c.ratio = append(c.ratio, c.ns[i]/base.ns[i])
		}
	}
	return cells
}

func duration(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func ratio(c *cell) string {
	if c == nil || len(c.ratio) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f× (%.2f–%.2f)", median(c.ratio), slices.Min(c.ratio), slices.Max(c.ratio))
}

// render writes the table: one row per schedule and implementation, in
// the order they first appear, with the one-core and the widest setting
// side by side.
func render(w io.Writer, rs []result, baseline string) {
	cells := summarize(rs, baseline)
	var order []key
	procs := 1
	for _, r := range rs {
		procs = max(procs, r.procs)
		if k := (key{r.group, r.impl, 0}); !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	rounds := 0
	for _, c := range cells {
		rounds = max(rounds, len(c.ns))
	}
	fmt.Fprintf(w, "| schedule | implementation | `-cpu 1` | ratio to %s | default (%d cores) | ratio to %s | B/op | allocs/op |\n", baseline, procs, baseline)
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|")
	for _, k := range order {
		one, all := cells[key{k.group, k.impl, 1}], cells[key{k.group, k.impl, procs}]
		t := func(c *cell) string {
			if c == nil {
				return "—"
			}
			return duration(median(c.ns))
		}
		mem := one
		if mem == nil {
			mem = all
		}
		if mem == nil {
			continue // measured only at a setting between one core and the widest
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %.0f | %.0f |\n", k.group, k.impl, t(one), ratio(one), t(all), ratio(all),
			median(mem.b), median(mem.allocs))
	}
	fmt.Fprintf(w, "\nMedians of %d interleaved rounds; each ratio is the median of the per-round ratios (range in brackets).\n", rounds)
}

func main() {
	rs, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peertable:", err)
		os.Exit(1)
	}
	if len(rs) == 0 {
		fmt.Fprintln(os.Stderr, "peertable: no benchmark lines on standard input")
		os.Exit(1)
	}
	render(os.Stdout, rs, "float64")
}
