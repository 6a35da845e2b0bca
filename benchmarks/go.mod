module github.com/repayplan/repayplan/benchmarks

go 1.24

replace github.com/repayplan/repayplan => ../

require (
	github.com/govalues/decimal v0.1.36
	github.com/repayplan/repayplan v0.0.0-00010101000000-000000000000
	github.com/shopspring/decimal v1.6.0
)
