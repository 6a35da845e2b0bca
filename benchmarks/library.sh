#!/bin/sh
# library.sh measures the library's own benchmark pairs — each exact
# benchmark beside its float64 baseline (BenchmarkX / BenchmarkXFloat64, the
# same arithmetic in float64, in the same _test.go file) — in ROUNDS
# interleaved rounds at -cpu 1 and at the default GOMAXPROCS, and prints the
# Markdown table of BENCHMARKS.md (cmd/pairtable: medians and the median of
# per-round ratios). One command, from the repository root:
#
#	sh benchmarks/library.sh            # print the table
#	sh benchmarks/library.sh --update   # rewrite it between <!-- library:begin --> and <!-- library:end --> of BENCHMARKS.md
#
# ROUNDS (default 6) and BENCHTIME (default 300ms) trade time for steadiness.
set -eu
cd "$(dirname "$0")"
root=$(cd .. && pwd)
rounds=${ROUNDS:-6}
benchtime=${BENCHTIME:-300ms}
doc=${BENCHMARKS:-../BENCHMARKS.md}
if [ "${1:-}" = --update ]; then
	exec sh ./section.sh library "$doc" sh ./library.sh
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# package and the benchmarks of it to run (each with its Float64 twin, where it has one)
set -- \
	schedule '^Benchmark(Schedule360|Amortize360|Schedule360Calendar|ScheduleWithRates360|ScheduleOddFirstPeriod360|APR360)(Float64)?$' \
	penalty '^BenchmarkAccrual(Float64)?$' \
	plan '^BenchmarkOffers(Float64)?$' \
	loan '^BenchmarkLoanStatement(Float64)?$' \
	card '^BenchmarkCardStatement(Float64)?$'
pkgs=""
while [ $# -gt 0 ]; do
	(cd "$root" && go test -c -o "$work/$1.test" "./$1")
	echo "$2" >"$work/$1.pattern"
	pkgs="$pkgs $1"
	shift 2
done
i=0
while [ "$i" -lt "$rounds" ]; do
	for p in $pkgs; do
		pat=$(cat "$work/$p.pattern")
		if [ $((i % 2)) -eq 0 ]; then order="1 default"; else order="default 1"; fi
		for cpu in $order; do
			if [ "$cpu" = default ]; then flag=""; else flag="-test.cpu 1"; fi
			(cd "$root/$p" && "$work/$p.test" -test.run '^$' -test.bench "$pat" -test.benchmem -test.benchtime "$benchtime" $flag) >>"$work/bench.txt"
		done
	done
	i=$((i + 1))
done

echo "$(go version | cut -d' ' -f3), $(grep -m1 '^cpu:' "$work/bench.txt" | cut -d' ' -f2- | sed 's/ *$//'), $(nproc) cores, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg);"
echo "\`sh benchmarks/library.sh\` (ROUNDS=$rounds, BENCHTIME=$benchtime). \"cores\" is GOMAXPROCS: 1 is \`-cpu 1\`."
echo
go run ./cmd/pairtable <"$work/bench.txt"
