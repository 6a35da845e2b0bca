package penalty_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/repayplan/repayplan/penalty"
)

func TestZZDump(t *testing.T) {
	dir := "/tmp/diffcases"
	os.MkdirAll(dir, 0o755)
	for seed := range uint64(5000) {
		rng := rand.New(rand.NewPCG(seed, 12345))
		a := randomAccount(rng)
		s, err := penalty.Accrue(a)
		if err != nil {
			t.Fatal(err)
		}
		in, _ := json.Marshal(a)
		out, _ := json.Marshal(s)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.in.json", seed)), in, 0o644)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.out.json", seed)), out, 0o644)
	}
}
