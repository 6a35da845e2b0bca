package main

import (
	"strings"
	"testing"
)

// Two rounds of two implementations at -cpu 1 and -cpu 2, with the noise
// go test prints around them.
const sample = `goos: linux
goarch: amd64
pkg: github.com/repayplan/repayplan/benchmarks
cpu: Intel(R) Xeon(R) Processor
BenchmarkPeers360/library         	    2000	     12000 ns/op	   49152 B/op	       1 allocs/op
BenchmarkPeers360/float64         	    2000	      8000 ns/op	   24576 B/op	       1 allocs/op
BenchmarkPeers360/library-2       	    2000	     15000 ns/op	   49152 B/op	       1 allocs/op
BenchmarkPeers360/float64-2       	    2000	     10000 ns/op	   24576 B/op	       1 allocs/op
PASS
ok  	github.com/repayplan/repayplan/benchmarks	1.126s
BenchmarkPeers360/library         	    2000	     11000 ns/op	   49152 B/op	       1 allocs/op
BenchmarkPeers360/float64         	    2000	     10000 ns/op	   24576 B/op	       1 allocs/op
BenchmarkPeers360/library-2       	    2000	     bogus ns/op
BenchmarkPeers360/library-2       	    2000	     16000 ns/op	   49152 B/op	       1 allocs/op
BenchmarkPeers360/float64-2       	    2000	      8000 ns/op	   24576 B/op	       1 allocs/op
`

func TestParse(t *testing.T) {
	rs, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 8 {
		t.Fatalf("parsed %d lines, want the 8 well-formed benchmark lines", len(rs))
	}
	if r := rs[2]; r != (result{group: "Peers360", impl: "library", procs: 2, ns: 15000, b: 49152, allocs: 1}) {
		t.Fatalf("line 3 parsed as %+v", r)
	}
}

func TestRender(t *testing.T) {
	rs, _ := parse(strings.NewReader(sample))
	var b strings.Builder
	render(&b, rs, "float64")
	out := b.String()
	// library at -cpu 1: rounds 12000/8000 = 1.5 and 11000/10000 = 1.1,
	// median 1.3; times 12000 and 11000, median 11.5 µs. At -cpu 2:
	// 15000/10000 = 1.5 and 16000/8000 = 2, median 1.75 (printed 1.75).
	for _, want := range []string{
		"| Peers360 | library | 11.5 µs | 1.30× (1.10–1.50) | 15.5 µs | 1.75× (1.50–2.00) | 49152 | 1 |",
		"| Peers360 | float64 | 9.0 µs | 1.00× (1.00–1.00) | 9.0 µs | 1.00× (1.00–1.00) | 24576 | 1 |",
		"default (2 cores)",
		"Medians of 2 interleaved rounds",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(c.in); got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// FuzzParse feeds arbitrary text to the parser and the table: neither may
// panic, and every parsed result has a name and a positive time.
func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("BenchmarkX/y-0 1 1 ns/op\nBenchmark/ 1 2 ns/op\nBenchmarkA/b-3 1 NaN ns/op 1 B/op")
	f.Fuzz(func(t *testing.T, s string) {
		rs, err := parse(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.group == "" || r.impl == "" || !(r.ns > 0) || r.procs < 1 {
				t.Fatalf("parsed %+v from %q", r, s)
			}
		}
		var b strings.Builder
		render(&b, rs, "float64")
	})
}
