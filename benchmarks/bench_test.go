package benchmarks

import (
	"testing"

	"github.com/repayplan/repayplan/schedule"
)

var (
	librarySink schedule.Schedule
	floatSink   Schedule[float64]
	intSink     Schedule[int64]
	shopSink    any
	govSink     any
)

// benchPeers runs every implementation on l, each with its inputs already
// in its own types (as the library's Terms are): the float64 loop is the
// baseline the table's ratios divide by.
func benchPeers(b *testing.B, l loan) {
	b.Run("library", func(b *testing.B) {
		t := l.terms()
		b.ReportAllocs()
		for b.Loop() {
			s, err := schedule.Amortize(t)
			if err != nil {
				b.Fatal(err)
			}
			librarySink = s
		}
	})
	b.Run("shopspring", func(b *testing.B) {
		p, a := l.shopspring()
		b.ReportAllocs()
		for b.Loop() {
			shopSink = Shopspring(p, a, l.months, l.start)
		}
	})
	b.Run("govalues", func(b *testing.B) {
		p, a := l.govalues()
		b.ReportAllocs()
		for b.Loop() {
			s, err := Govalues(p, a, l.months, l.start)
			if err != nil {
				b.Fatal(err)
			}
			govSink = s
		}
	})
	b.Run("float64", func(b *testing.B) {
		p, a := l.float64s()
		b.ReportAllocs()
		for b.Loop() {
			floatSink = Float64(p, a, l.months, l.start)
		}
	})
	b.Run("int64", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := Int64(l.cents, l.millionths, l.months, l.start)
			if err != nil {
				b.Fatal(err)
			}
			intSink = s
		}
	})
}

// BenchmarkPeers360 is SPEC §7's budget schedule, 1 000 000 at 4.9 % over
// 360 months, by every implementation.
func BenchmarkPeers360(b *testing.B) { benchPeers(b, mortgage) }

// BenchmarkPeers12 is a 12-row consumer loan, 12 000 at 6 %, by every
// implementation.
func BenchmarkPeers12(b *testing.B) { benchPeers(b, consumer) }
