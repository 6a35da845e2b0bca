#!/bin/sh
# instructions.sh counts the instructions one operation of each library
# benchmark pair executes — the exact benchmark and its float64 baseline —
# under valgrind (cachegrind, no cache simulation), and prints the Markdown
# table of BENCHMARKS.md. A count does not depend on what else the machine
# runs, so on a shared, noisy machine it is the steady companion of the
# timed ratios (library.sh); it leaves out what counts miss — cache misses,
# the GC's other threads — which the timings keep. Each count is the
# difference of a run of N and of 2N operations, divided by N, so start-up
# and the benchmark's set-up cancel. One command, from the repository root:
#
#	sh benchmarks/instructions.sh            # print the table
#	sh benchmarks/instructions.sh --update   # rewrite it between <!-- instructions:begin --> and <!-- instructions:end -->
#
# It needs valgrind (Debian: apt-get install valgrind); it takes a few minutes.
set -eu
cd "$(dirname "$0")"
root=$(cd .. && pwd)
doc=${BENCHMARKS:-../BENCHMARKS.md}
if [ "${1:-}" = --update ]; then
	exec sh ./section.sh instructions "$doc" sh ./instructions.sh
fi
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# count BIN DIR BENCHMARK N: instructions per operation.
count() {
	one() {
		(cd "$2" && valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
			"$1" -test.run '^$' -test.bench "^$3\$" -test.benchtime "$4x" -test.cpu 1 2>&1 >/dev/null) |
			awk '/I *refs/ { gsub(",", "", $4); print $4 }'
	}
	a=$(one "$1" "$2" "$3" "$4")
	b=$(one "$1" "$2" "$3" $(($4 * 2)))
	echo $(((b - a) / $4))
}

echo "$(go version | cut -d' ' -f3), $(valgrind --version), $(date -u +%Y-%m-%d); \`sh benchmarks/instructions.sh\`."
echo
echo "| benchmark | beside | instructions, exact | instructions, baseline | ratio |"
echo "|---|---|---:|---:|---:|"
# package, exact benchmark, its baseline, operations per count
while read -r pkg exact base n; do
	[ -f "$work/$pkg.test" ] || (cd "$root" && go test -c -o "$work/$pkg.test" "./$pkg")
	x=$(count "$work/$pkg.test" "$root/$pkg" "$exact" "$n")
	f=$(count "$work/$pkg.test" "$root/$pkg" "$base" "$n")
	echo "$exact $base $x $f" | awk '{ printf "| `%s` | `%s` | %d | %d | %.2f× |\n", $1, $2, $3, $4, $3 / $4 }'
done <<'PAIRS'
schedule BenchmarkSchedule360 BenchmarkSchedule360Float64 400
schedule BenchmarkScheduleWithRates360 BenchmarkScheduleWithRates360Float64 300
schedule BenchmarkAPR360 BenchmarkAPR360Float64 300
schedule BenchmarkAPR360 BenchmarkPrice360 300
schedule BenchmarkSchedule360Calendar BenchmarkAmortize360 300
schedule BenchmarkScheduleOddFirstPeriod360 BenchmarkScheduleOddFirstPeriod360Float64 300
penalty BenchmarkAccrual BenchmarkAccrualFloat64 2000
plan BenchmarkOffers BenchmarkOffersFloat64 200
loan BenchmarkLoanStatement BenchmarkLoanStatementFloat64 300
card BenchmarkCardStatement BenchmarkCardStatementFloat64 300
PAIRS
