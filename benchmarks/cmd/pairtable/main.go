// Command pairtable turns interleaved `go test -bench` output of the
// library's benchmark pairs — BenchmarkX beside BenchmarkXFloat64, the
// float64 baseline of the same arithmetic — into the Markdown table of
// BENCHMARKS.md: for each pair and each GOMAXPROCS setting, the median
// time per op of both sides, the median of the per-round ratios (the i-th
// exact result over the i-th float64 result of the same setting, so a busy
// moment slows both sides of one ratio) with its range, and the exact
// side's bytes and allocations per op. A benchmark with no Float64 twin is
// listed with its time alone. library.sh produces the input.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
)

type sample struct{ ns, b, allocs float64 }

type key struct {
	name  string // without the -N suffix
	procs int
}

func parse(r io.Reader) (map[key][]sample, []string, error) {
	out := map[key][]sample{}
	var order []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name, procs := f[0], 1
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if p, err := strconv.Atoi(name[i+1:]); err == nil && p > 0 {
				name, procs = name[:i], p
			}
		}
		var s sample
		ok := false
		for i := 2; i+1 < len(f); i++ {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				s.ns, ok = v, true
			case "B/op":
				s.b = v
			case "allocs/op":
				s.allocs = v
			}
		}
		if !ok {
			continue
		}
		k := key{name, procs}
		out[k] = append(out[k], s)
		if !seen[name] {
			seen[name] = true
			order = append(order, name)
		}
	}
	return out, order, sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func dur(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func field(ss []sample, f func(sample) float64) []float64 {
	out := make([]float64, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}

func table(w io.Writer, data map[key][]sample, order []string) {
	fmt.Fprintln(w, "| benchmark | cores | exact | float64 baseline | ratio (range) | B/op | allocs/op |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	var procs []int
	for k := range data {
		if !slices.Contains(procs, k.procs) {
			procs = append(procs, k.procs)
		}
	}
	sort.Ints(procs)
	for _, name := range order {
		if strings.HasSuffix(name, "Float64") {
			continue
		}
		for _, p := range procs {
			ex, ok := data[key{name, p}]
			if !ok {
				continue
			}
			ns := field(ex, func(s sample) float64 { return s.ns })
			b := median(field(ex, func(s sample) float64 { return s.b }))
			a := median(field(ex, func(s sample) float64 { return s.allocs }))
			fl, twin := data[key{name + "Float64", p}]
			if !twin {
				fmt.Fprintf(w, "| `%s` | %d | %s | — | — | %.0f | %.0f |\n", name, p, dur(median(ns)), b, a)
				continue
			}
			fns := field(fl, func(s sample) float64 { return s.ns })
			n := min(len(ns), len(fns))
			ratios := make([]float64, n)
			for i := range n {
				ratios[i] = ns[i] / fns[i]
			}
			lo, hi := slices.Min(ratios), slices.Max(ratios)
			fmt.Fprintf(w, "| `%s` | %d | %s | %s | %.2f× (%.2f–%.2f) | %.0f | %.0f |\n",
				name, p, dur(median(ns)), dur(median(fns)), median(ratios), lo, hi, b, a)
		}
	}
}

func main() {
	data, order, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pairtable:", err)
		os.Exit(1)
	}
	if len(order) == 0 {
		fmt.Fprintln(os.Stderr, "pairtable: no benchmark lines on standard input")
		os.Exit(1)
	}
	table(os.Stdout, data, order)
}
