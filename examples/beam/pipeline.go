package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Line), error](&numberLinesFn{})
	register.DoFn5x1[context.Context, Line, func(string), func(Numbered), func(string, Agg), error](&accrueFn{})
	register.Emitter1[Line]()
	register.Emitter1[Numbered]()
	register.Emitter2[string, Agg]()
	register.Function2x2(mergeAgg)
	register.Function1x2(zeroBuckets)
	register.DoFn3x1[context.Context, int, func(*Row) bool, error](&writeBucketsFn{})
	register.Function2x1(bucketRow)
	register.Iter1[Row]()
}

// Options are what the pipeline needs besides the Beam flags.
type Options struct {
	In   string     // glob of the book's JSON lines files (gzip by the .gz extension)
	Out  string     // directory or object prefix the outputs are written under
	AsOf money.Date // accrue every account as of this date; zero keeps each line's own as_of
	// NoStatements writes no statements, only the dead letters and the
	// bucket table (what examples/portfolio writes), to time the accrual
	// without the largest output.
	NoStatements bool
}

// Output file names under Options.Out.
const (
	StatementsFile = "statements.jsonl"
	DeadLetterFile = "deadletter.jsonl"
	BucketsFile    = "buckets.csv"
)

// outPath joins the output prefix and a file name, for local paths and
// object-store URLs (gs://) alike.
func outPath(out, name string) string {
	return strings.TrimSuffix(out, "/") + "/" + name
}

// Build adds the portfolio pipeline to s:
//
//	files ─ numberLines ─ Reshuffle ─ accrue ─┬─ part files written ─ finalizeParts: statements.jsonl, or statements-0000k-of-0000n.jsonl
//	                                          ├─ dead letters ─ writeLines deadletter.jsonl
//	                                          └─ (bucket, Agg) ─ CombinePerKey ─ buckets.csv
//
// The statements, by far the largest output (≈ 9 KB an account with its
// explanation), never pass through the runner: each bundle of the accrual
// writes its own part file and passes on only the part's name, as Beam's
// file sinks do; finalizeParts renames the parts into place once every
// bundle has committed, so a bundle that failed and was retried leaves no
// duplicate statements.
func Build(s beam.Scope, opt Options) {
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, opt.In, fileio.MatchEmptyDisallow()))
	lines := beam.ParDo(s, &numberLinesFn{}, files)
	// Reading numbers the lines of a file in one pass on one worker; the
	// reshuffle spreads the decoding and accrual, the costly part, over
	// every worker.
	lines = beam.Reshuffle(s, lines)
	asOf := ""
	if !opt.AsOf.IsZero() {
		asOf = opt.AsOf.String()
	}
	out := opt.Out
	if opt.NoStatements {
		out = ""
	}
	parts, dead, byBucket := beam.ParDo3(s, &accrueFn{AsOf: asOf, Out: out}, lines)
	if !opt.NoStatements {
		finalizeParts(s, opt.Out, parts)
	}
	writeLines(s, outPath(opt.Out, DeadLetterFile), 1, dead)

	// Every bucket (and the failed count) gets a row, even when empty.
	keys := []string{"failed"}
	for i := range book.NumBuckets {
		keys = append(keys, book.BucketName(i))
	}
	zeros := beam.ParDo(s, zeroBuckets, beam.CreateList(s, keys))
	totals := beam.CombinePerKey(s, mergeAgg, beam.Flatten(s, byBucket, zeros))
	rows := beam.ParDo(s, bucketRow, totals)
	beam.ParDo0(s, &writeBucketsFn{Path: outPath(opt.Out, BucketsFile)}, beam.GroupByKey(s, beam.AddFixedKey(s, rows)))
}

// Line is one line of the book: its file, its number in that file (from
// 1, blank lines counted) and its text; Error says why the reader could
// not take it whole (too long), and Text is then its first bytes.
type Line struct {
	File   string
	Number int64
	Text   string
	Error  string
}

// StatementRecord is a line of statements.jsonl: the statement of the
// account on Line of File (a penalty.Statement, loan.Statement or
// card.Statement, by the line's kind).
type StatementRecord struct {
	File      string `json:"file"`
	Line      int64  `json:"line"`
	Kind      string `json:"kind"`
	Statement any    `json:"statement"`
}

// DeadLetter is a line of deadletter.jsonl: a line of the book that did
// not decode or accrue, the error naming the field and the rule, and the
// line itself (cut to maxDeadInput bytes) for whoever mends it.
type DeadLetter struct {
	File  string `json:"file"`
	Line  int64  `json:"line"`
	Error string `json:"error"`
	Input string `json:"input"`
}

const maxDeadInput = 4096

// accrueFn decodes and accrues each line, writing its statement to the
// bundle's part file, or emitting a dead letter, and emitting its totals
// keyed by bucket (a dead letter counts under "failed"). At the end of the
// bundle it emits the part file's name.
type accrueFn struct {
	AsOf string `json:"as_of"` // YYYY-MM-DD or "": Beam serializes a DoFn's exported fields
	Out  string `json:"out"`   // "": write no statements

	asOf money.Date
	part *partFile // of the bundle, opened by its first statement
}

func (f *accrueFn) Setup() error {
	if f.AsOf == "" {
		return nil
	}
	d, err := money.ParseDate(f.AsOf)
	if err != nil {
		return money.Within("as_of", err)
	}
	f.asOf = d
	return nil
}

func (f *accrueFn) ProcessElement(ctx context.Context, l Line, _ func(string), dead func(Numbered), bucket func(string, Agg)) error {
	var r lineResult
	var err error
	if l.Error != "" {
		err = errors.New(l.Error)
	} else {
		r, err = accrueLine([]byte(l.Text), f.asOf)
	}
	if err != nil {
		in := l.Text
		if len(in) > maxDeadInput {
			in = in[:maxDeadInput]
		}
		b, jerr := json.Marshal(DeadLetter{File: l.File, Line: l.Number, Error: err.Error(), Input: in})
		if jerr != nil {
			return jerr
		}
		dead(Numbered{Line: l.Number, Text: string(b)})
		bucket("failed", Agg{Accounts: 1, Principal: "0", Penalty: "0", LateFee: "0", Outstanding: "0"})
		return nil
	}
	if f.Out != "" {
		if f.part == nil {
			if f.part, err = createPart(ctx, f.Out); err != nil {
				return err
			}
		}
		if err := f.part.writeJSON(StatementRecord{File: l.File, Line: l.Number, Kind: r.kind.String(), Statement: r.Statement}); err != nil {
			return err
		}
	}
	bucket(r.Bucket, aggOf(r.Totals))
	return nil
}

func (f *accrueFn) FinishBundle(ctx context.Context, parts func(string), _ func(Numbered), _ func(string, Agg)) error {
	if f.part == nil {
		return nil
	}
	p := f.part
	f.part = nil
	if err := p.close(); err != nil {
		return err
	}
	parts(p.name)
	return nil
}

// Teardown drops a part left open by a bundle that failed; the retried
// bundle writes a part of its own, and finalizeParts removes the orphan.
func (f *accrueFn) Teardown() {
	if f.part != nil {
		f.part.close()
		f.part = nil
	}
}

// lineResult is a line's outcome and its kind.
type lineResult struct {
	book.Result
	kind book.Kind
}

// accrueLine decodes one line of the book strictly (a bare accrual
// request, or a loan or card account in its envelope: book.DecodeLine)
// and computes it as of asOf (zero: its own as_of), as
// examples/portfolio and penalty.AccrueAll do: the same decoder, the same
// engines.
func accrueLine(text []byte, asOf money.Date) (r lineResult, err error) {
	var l book.Line
	if err := book.DecodeLine(text, &l); err != nil {
		return r, err
	}
	defer func() {
		// The engines never panic on any input; should one, the account
		// is a dead letter rather than a failed pipeline retried forever.
		if p := recover(); p != nil {
			r, err = lineResult{}, fmt.Errorf("%s: panicked: %v", l.Kind, p)
		}
	}()
	res, err := l.Accrue(asOf)
	return lineResult{Result: res, kind: l.Kind}, err
}
