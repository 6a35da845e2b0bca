// Command beam accrues a book of accounts on Apache Beam: the portfolio of
// examples/portfolio, on an engine that spreads it over a cluster's
// workers. It reads the book as JSON lines — a bare accrual request per line, or a loan or card account in an envelope,
// {"kind": "loan_statement" | "card_statement" | "accrual", "account":
// {…}} (package examples/portfolio/book) — decodes and computes
// each account in a ParDo (the same strict decoder as examples/portfolio,
// the same penalty.Accrue, loan.Accrue and card.Compute), and writes
//
//   - statements.jsonl (statements-0000k-of-0000n.jsonl when the run had n
//     bundles): one line per account, {"file", "line", "kind",
//     "statement"};
//   - deadletter.jsonl: one line per bad line of the book, {"file", "line",
//     "error", "input"}, the error naming the field and the rule;
//   - buckets.csv: per bucket (current, M1 … M7+) the accounts and their
//     principal, penalty, late fees and outstanding (package book says what
//     they are for each kind), summed exactly with a CombinePerKey, then a
//     total row and the failed count.
//
// It lives in its own module so the library keeps its two dependencies;
// it needs Go 1.26 (the Beam Go SDK v2.78.0 does).
//
//	cd examples/beam
//	go run .                                          # a generated 2 000-account book on prism, prints the bucket table
//	go run . -n 20000 -bad 5 -seed 7
//	go run . -in ../../book.jsonl -out ../../out      # a book from a file (or a glob, or .gz files)
//	go run . -in book.jsonl -out out -as-of 2025-06-30 -statements=false
//
// # Runners
//
// With no --runner it runs on prism, Beam's runner in this process: no
// Java, no Docker, no network. The same binary sends the same pipeline to
// a cluster with Beam's own flags; the book and the output must then be
// where the workers can read and write them (gs://… here; the launcher's
// local disk is not theirs):
//
//	# Flink or Spark, through their Beam job server (Docker workers running the Go SDK image)
//	go run . --runner=flink --endpoint=localhost:8099 --environment_type=DOCKER \
//	    --environment_config=apache/beam_go_sdk:2.78.0 -in gs://bucket/book/*.jsonl.gz -out gs://bucket/out
//	go run . --runner=spark --endpoint=localhost:8099 --environment_type=DOCKER ...
//	# any portable runner's job server, or --environment_type=LOOPBACK to run the workers in this process
//	go run . --runner=universal --endpoint=HOST:PORT --environment_type=LOOPBACK ...
//	# Google Cloud Dataflow (the worker binary is cross-compiled and staged for you)
//	go run . --runner=dataflow --project=PROJECT --region=REGION \
//	    --staging_location=gs://bucket/staging --temp_location=gs://bucket/tmp \
//	    -in gs://bucket/book/*.jsonl.gz -out gs://bucket/out
//
// --parallelism (Flink), --job_name, --async and the rest of Beam's flags
// pass through; -v shows the runner's INFO logs.
//
// # Choices where SPEC and the issue are silent
//
//   - Line numbers. textio.Read splits a file into byte ranges read in
//     parallel, and a range cannot know its first line's number; a dead
//     letter must name its line. So each file of the book is read in one
//     pass (fileio, textio's own file layer) and its lines numbered, and a
//     Reshuffle spreads the decoding and accrual over the workers. Reading
//     is cheap next to accruing; a big book is read in parallel by
//     sharding it into files (a glob), each numbered on its own.
//   - Lines are numbered from 1 counting every line; blank lines are
//     skipped, \r\n is accepted, a last line without a newline counts — as
//     in examples/portfolio. A line longer than 64 MiB is a dead letter
//     ("line: longer than … bytes") with its first 4 096 bytes, never read
//     into memory whole; every dead letter's input is cut to 4 096 bytes.
//   - -as-of replaces every line's as_of, as penalty.AccrueAll does; with
//     no -as-of each line keeps its own.
//   - A line that does not decode, that Accrue rejects, or on which
//     Accrue panicked (a bug; the pipeline is not failed and retried
//     forever for one account) is a dead letter and counts as failed, in
//     no bucket.
//   - Statements do not pass through the runner: each bundle writes a
//     part file (hidden while written) and passes on only its name; one
//     step renames the parts into place once every bundle has committed,
//     so a retried bundle leaves no duplicates, and removes earlier runs'
//     statements and orphaned parts in the output directory. Their order
//     within and across files is the order bundles ran: each line names
//     its book line.
//   - The combiner's accumulator carries the four sums as decimal strings
//     (Amount.String), exact, never float64, and a count; exact addition is
//     associative and commutative, so any grouping the runner picks gives
//     the cent-exact sums of one sequential pass. Every bucket has a row,
//     empty ones too.
//   - With no -in, the book is the portfolio's generated one (-n accounts,
//     -seed) as of 2025-06-30, with -bad spoiled lines spread evenly, in a
//     temporary directory, which is kept so the outputs can be looked at.
package main
