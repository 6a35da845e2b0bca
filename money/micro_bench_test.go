package money

import "testing"

var dsink Date
var asink Amount

func BenchmarkAddMonths(b *testing.B) {
	d := MustParseDate("2024-01-31")
	for i := 0; b.Loop(); i++ {
		dsink = d.AddMonths(i & 255)
	}
}

func BenchmarkMulRatio(b *testing.B) {
	a := New(99877606, 2)
	q := NewRatio(49, 12000)
	r := Rounding{}
	for b.Loop() {
		asink = a.MulRatio(q, r)
	}
}

func BenchmarkAdd(b *testing.B) {
	a := New(99877606, 2)
	c := New(12345, 2)
	for b.Loop() {
		asink = a.Add(c)
	}
}
