package main

import (
	"bufio"
	"context"
	"io"
	"regexp"
	"strings"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
)

// badLine spoils a good line of the book in the k-th of four ways, two
// that the decoder rejects and two that penalty rejects, and returns the
// field its error must name.
func badLine(k int, good string) (line, field string) {
	switch k % 4 {
	case 0: // cut short: not JSON
		return good[:len(good)/2], "malformed JSON"
	case 1: // a typo in a key
		return replaceFirst(good, `"as_of"`, `"asof"`), "asof"
	case 2: // decodes, but penalty's bounds refuse it
		return regexp.MustCompile(`"grace_days":\d+`).ReplaceAllString(good, `"grace_days":9999`), "policy.grace_days"
	default: // an amount the decoder refuses before any arithmetic
		return replaceFirst(good, `"principal":"`, `"principal":"1e999999999`), "principal"
	}
}

func replaceFirst(s, old, new string) string { return strings.Replace(s, old, new, 1) }

// writeDemoBook writes n accounts of the generated book of seed (that of
// examples/portfolio) as JSON lines, with bad lines spoiled by badLine
// spread evenly among them, and returns the line numbers of the bad ones.
func writeDemoBook(ctx context.Context, w io.Writer, n, bad int, seed uint64, asOf money.Date) ([]int64, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	g := book.NewGenerator(seed, asOf)
	every := n + 1
	if bad > 0 {
		every = max(1, n/bad)
	}
	var badAt []int64
	var line []byte
	var lineNo int64
	for i := range n {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		line = book.AppendAccount(line[:0], g.Account())
		if len(badAt) < bad && i%every == every/2 {
			s, _ := badLine(len(badAt), string(line))
			lineNo++
			badAt = append(badAt, lineNo)
			if _, err := bw.WriteString(s + "\n"); err != nil {
				return nil, err
			}
		}
		lineNo++
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return nil, err
		}
	}
	return badAt, bw.Flush()
}
