// Package book is what examples/portfolio and examples/beam share about a
// book of accounts: the synthetic book they both run ([NewGenerator],
// [Write], [AppendAccount], and [LineWriter] for many lines), its strict
// line decoder ([DecodeAccount], and [Decoder] for many lines), and the
// collections manager's views of it: the bucket table ([Buckets]) and the
// roll-rate matrix between two as-of dates ([Roll]).
//
// A book is JSON lines. A line is a bare accrual request
// (penalty.Account) — the format of every book so far — or an
// account of any kind in an envelope, {"kind": "accrual" |
// "loan_statement" | "card_statement", "account": the request of that
// kind}: [DecodeLine] reads both, [Line.Accrue] computes either.
//
// # Choices where the usual rules leave it open
//
//   - The bucket table adds up each bucket's statements: accounts, and the
//     outstanding principal, penalty, late fee and total (Totals of
//     penalty.Statement), exactly, with no rounding: the statements are
//     rounded already, and their sums are shown with every place they
//     have (at least two).
//   - A roll-rate matrix counts an account in cell (i, j) when it is in
//     bucket i as of the first date and j as of the second, accruing the
//     same ledger at both dates (payments and waivers after the first date
//     are ignored there). Its balance is the account's total
//     outstanding, both as of the first date (the balance that rolled: the
//     roll rate by balance weighs by it) and as of the second (what it has
//     become); the CSV has both.
//   - Roll rates are shares of the row (of the bucket as of the first
//     date), to one place half up, computed exactly; an empty row shows
//     "-". The balance table shows whole units to stay narrow; the CSV has
//     every cent.
//   - An account whose line does not decode, or that fails either
//     accrual, is in no bucket and no cell; the programs count and list it.
//   - The figures of a line, by kind: an accrual ledger's are its
//     statement's Totals (principal, penalty, late fee and outstanding of
//     every installment listed, due or not: a ledger's installments are
//     what was billed). A loan's are its payoff's (提前结清: principal,
//     penalty, late fee, total) — what settles it today, not the interest
//     of the schedule not yet earned, which is not owed. A card's
//     principal is its purchases and cash advances outstanding, its penalty
//     0 (a card accrues interest, not 罚息), its late fee the 违约金
//     outstanding, and its outstanding the payoff (balance + accrued
//     interest − credit). The bucket is each statement's own.
//   - A line is an envelope when it is an object with a "kind" key; any
//     other line is a bare accrual request, whose errors stay word for
//     word what they were. An envelope's errors name the path from the
//     line: "account.terms.periods: …".
package book
