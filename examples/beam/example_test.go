package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/repayplan/repayplan/money"
)

// A book of three lines run on prism: the first owes 1000.00 due
// 2025-05-10, unpaid, so on 2025-06-11 it is 32 days past due (M2) with
// 1000.00 × 0.05 % × 32 = 16.00 of penalty; the second's 500.00 is not
// due until 2025-06-30 (current); the third misspells a key and is a
// dead letter.
func ExampleBuild() {
	dir, err := os.MkdirTemp("", "example-build-")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "book.jsonl")
	book := `{"as_of":"2025-01-01","installments":[{"due_date":"2025-05-10","principal":"1000.00","interest":"0","fee":"0"}],"payments":[],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"}}}
{"as_of":"2025-01-01","installments":[{"due_date":"2025-06-30","principal":"500.00","interest":"0","fee":"0"}],"payments":[],"policy":{"penalty_rate":{"rate":"0.0005","unit":"daily"}}}
{"as_of":"2025-01-01","instalments":[]}
`
	if err := os.WriteFile(in, []byte(book), 0o644); err != nil {
		panic(err)
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{In: in, Out: filepath.Join(dir, "out"), AsOf: money.MustParseDate("2025-06-11")})
	if err := ptest.Run(p); err != nil {
		panic(err)
	}
	table, _ := os.ReadFile(filepath.Join(dir, "out", BucketsFile))
	fmt.Print(string(table))
	dead, _ := os.ReadFile(filepath.Join(dir, "out", DeadLetterFile))
	fmt.Println(strings.Count(string(dead), "\n"), "dead letter:", strings.Contains(string(dead), `"line":3,"error":"instalments: unknown field"`))
	// Output:
	// bucket,accounts,principal,penalty,late_fee,outstanding
	// current,1,500.00,0.00,0.00,500.00
	// M1,0,0.00,0.00,0.00,0.00
	// M2,1,1000.00,16.00,0.00,1016.00
	// M3,0,0.00,0.00,0.00,0.00
	// M4,0,0.00,0.00,0.00,0.00
	// M5,0,0.00,0.00,0.00,0.00
	// M6,0,0.00,0.00,0.00,0.00
	// M7+,0,0.00,0.00,0.00,0.00
	// total,2,1500.00,16.00,0.00,1516.00
	// failed,1,,,,
	// 1 dead letter: true
}
