// Package vectors reads the conformance vectors of testdata/vectors for
// the tests and fuzz targets of this module's packages.
package vectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Inputs returns the "input" of every vector in the module's
// testdata/vectors whose file name matches pattern (such as
// "loan-statement-*.json"), in file-name order. dir is the path from the
// calling test's package to the module root ("..", or "." for the root).
// A file that cannot be read or parsed fails tb.
func Inputs(tb testing.TB, dir, pattern string) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "testdata", "vectors", pattern))
	if err != nil {
		tb.Fatal(err)
	}
	out := make([][]byte, 0, len(files))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		var v struct{ Input json.RawMessage }
		if err := json.Unmarshal(b, &v); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		out = append(out, []byte(v.Input))
	}
	return out
}
