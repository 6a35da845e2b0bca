// Package benchmarks holds the library's peers: the same equal_installment
// (等额本息) schedule written the way an engineer would write it with
// github.com/shopspring/decimal ([Shopspring]), with
// github.com/govalues/decimal ([Govalues]), in float64 ([Float64]) and on
// int64 minor units ([Int64]), so that `go test -bench` can time them beside
// schedule.Amortize in one run and the tests can say, to the cent, where
// each one misrounds. It is a module of its own so that the library keeps
// its two dependencies; run.sh turns one interleaved run into the peers
// table of BENCHMARKS.md.
//
// Every peer computes what SPEC §2 says: r = annual/12, the payment
// A = P·r·(1+r)^n / ((1+r)^n − 1) rounded half up to cents (P/n at 0 %),
// each row's interest round(opening balance × r), principal A − interest,
// the last row repaying the balance, and the column totals. Over 3 000
// random loans (TestMisrounding) the library matches an exact math/big
// schedule on every row; the peers do not, and in ways their arithmetic
// predicts:
//
//   - shopspring: annual/12 is stated to 16 places (what Div does by
//     default), so an interest of exactly half a cent on a rate whose
//     twelfth does not terminate reads 0.4999… and rounds down. Computing
//     round(balance × annual / 12) in one DivRound would be exact.
//   - govalues: 19-digit operations lose the same half cents, and Round is
//     half to even (there is no half-up mode), so a half cent on an exact
//     rate such as 6 %/12 = 0.005 goes to the even cent too.
//   - float64: a binary half cent falls either way.
//   - int64: the interest is exact; only the payment comes from math.Pow,
//     and on these loans it was right every time.
//
// None of them stops at a zero balance: where a payment rounded up closes
// the loan before its last row (a high rate over a long term), the library
// repays no more than the balance and pays nothing after it, while the
// peers run the balance negative and the last row pays it back.
//
// Choices where the contract is silent:
//   - The peers step due dates with the library's own month iterator
//     (money.Date.Months), as the library's float64 baseline does, so the
//     benchmarks compare the arithmetic and the rows, not calendar code.
//   - A peer's row has the columns an engineer would write (number, due
//     date, days, opening, principal, interest, payment, closing); the
//     library's row also carries fee and capitalized, zero here.
//   - The rate reaches [Int64] in millionths (4.9 % is 49 000), the finest
//     unit that keeps cents × rate inside int64 for loans up to 10^9.
//   - razorpay/go-financial, the one Go library with amortization tables,
//     is not in the benchmarks: the Go module proxy refuses it. It was
//     checked by hand from its source (testdata/gofinancial).
package benchmarks
