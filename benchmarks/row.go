package benchmarks

import "github.com/repayplan/repayplan/money"

// Row is one installment of a peer's schedule, in the peer's own number
// type: the columns an engineer writes for 等额本息, without the library's
// fee and capitalized columns (always zero for these loans).
type Row[T any] struct {
	Number int
	Due    money.Date
	Days   int // since the previous due date, or the start

	Opening, Principal, Interest, Payment, Closing T
}

// Schedule is a peer's rows and their column totals.
type Schedule[T any] struct {
	Rows                         []Row[T]
	Principal, Interest, Payment T
}
