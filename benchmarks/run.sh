#!/bin/sh
# run.sh regenerates the peers section of BENCHMARKS.md: it builds the
# benchmarks once, runs them in ROUNDS interleaved rounds (each round every
# implementation on both schedules, at -cpu 1 and at the default GOMAXPROCS,
# the two settings alternating which goes first), then prints the Markdown
# table of ratios to the float64 loop (cmd/peertable) and the misrounding
# table of TestMisrounding. One command, from the repository root:
#
#	sh benchmarks/run.sh > /tmp/peers.md
#
# or, to replace the section between the lines <!-- peers:begin --> and
# <!-- peers:end --> of BENCHMARKS.md in place:
#
#	sh benchmarks/run.sh --update
#
# ROUNDS (default 10) and BENCHTIME (default 200ms, per benchmark per round)
# trade time for steadiness: 10 rounds take one to two minutes. BENCHMARKS
# names the file --update writes (default ../BENCHMARKS.md, from benchmarks/).
set -eu
cd "$(dirname "$0")"
rounds=${ROUNDS:-10}
benchtime=${BENCHTIME:-200ms}
doc=${BENCHMARKS:-../BENCHMARKS.md}
if [ "${1:-}" = --update ]; then
	exec sh ./section.sh peers "$doc" sh ./run.sh
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go test -c -o "$work/peers.test" .
bench() {
	"$work/peers.test" -test.run '^$' -test.bench '^BenchmarkPeers' -test.benchmem -test.benchtime "$benchtime" "$@" >>"$work/bench.txt"
}
i=0
while [ "$i" -lt "$rounds" ]; do
	if [ $((i % 2)) -eq 0 ]; then
		bench -test.cpu 1
		bench
	else
		bench
		bench -test.cpu 1
	fi
	i=$((i + 1))
done
"$work/peers.test" -test.run '^TestMisrounding$' -mismatch.md "$work/mismatch.md" >/dev/null

echo "## Peers: the same schedules by hand"
echo
echo "$(go version | cut -d' ' -f3), $(grep -m1 '^cpu:' "$work/bench.txt" | cut -d' ' -f2- | sed 's/ *$//'), $(nproc) cores, $(date -u +%Y-%m-%d);"
echo "\`sh benchmarks/run.sh\` (ROUNDS=$rounds, BENCHTIME=$benchtime). Peers360: 1 000 000 at 4.9 % over 360 months;"
echo "Peers12: 12 000 at 6 % over 12 months; every implementation steps due dates with the library's month iterator."
echo
go run ./cmd/peertable <"$work/bench.txt"
echo
echo "Each implementation against the exact schedule (TestMisrounding: random loans, math/big reference):"
echo
cat "$work/mismatch.md"
echo
echo "razorpay/go-financial (the one Go peer with schedules) is not in the run: the Go module proxy"
echo "refuses it (403). Built from its source (commit 56d3d53, testdata/gofinancial/), its"
echo "1 000 000 / 4.9 % / 360 table takes interest as payment − rounded principal: row 1 interest"
echo "4083.34 (exact 4083.33), last payment 5307.23 (exact 5305.19), total interest 910 617.16 against"
echo "910 615.12, off by 2.04; at 0 % it panics (its Fv divides by the rate: decimal division by 0)."
