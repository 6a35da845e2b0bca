// Command godo reads "kind<TAB>request JSON" lines on standard input and
// writes, one line each, the result JSON of repayplan.Do or {"error": …}.
// differential.py uses it to compare the library with reference.py on
// random requests. (It lives under testdata, so `go test ./...` and
// `go vet ./...` leave it alone; run it with `go run ./testdata/reference/godo`.)
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/repayplan/repayplan"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		kind, req, _ := strings.Cut(sc.Text(), "\t")
		res, err := repayplan.Do(kind, []byte(req))
		if err != nil {
			b, _ := json.Marshal(map[string]string{"error": err.Error()})
			fmt.Fprintln(w, string(b))
			continue
		}
		b, err := json.Marshal(res)
		if err != nil {
			b, _ = json.Marshal(map[string]string{"error": "marshal: " + err.Error()})
		}
		fmt.Fprintln(w, string(b))
	}
}
