// Package repayplan answers, to the cent, the two questions every overdue
// loan or card account raises: how much penalty interest (罚息) and late fee
// (滞纳金 / 违约金) has accrued and why, and what the ways out cost.
//
// The work is done by three packages:
//
//   - [github.com/repayplan/repayplan/schedule]: amortization schedules, APR and IRR,
//     prepayment and repricing.
//   - [github.com/repayplan/repayplan/penalty]: accrual of penalty interest and late
//     fees on a ledger of installments and payments, with an itemized explanation.
//   - [github.com/repayplan/repayplan/plan]: minimum payment, deferral, installment
//     restructuring, settlement, and offers compared against what a customer can afford.
//
// Their shared primitives (amounts, rounding, rates, dates, day counts) are in
// [github.com/repayplan/repayplan/money].
//
// This package maps each request kind of the JSON contract to its
// computation, so a service can expose every kind through one call to [Do].
// [OpenAPI] describes the same contract, for the HTTP service, as an
// OpenAPI 3.1 document generated from the request and result types.
package repayplan
