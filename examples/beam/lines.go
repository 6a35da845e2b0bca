package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
)

// maxLine is the longest line read whole, as in examples/portfolio: a
// ledger at penalty's bounds fits easily. A longer line is a dead letter
// (its first bytes, and the error), never a line held in memory.
const maxLine = 64 << 20

// numberLinesFn reads a file of the book and emits its lines with their
// numbers. textio.Read splits a file into byte ranges read in parallel,
// which cannot know a line's number; a dead letter must name its line, so
// each file is read in one pass, on fileio (textio's own file layer: local
// paths and gs://, gzip). Sharding the book into several files reads
// them in parallel.
type numberLinesFn struct{}

func (numberLinesFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Line)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer rc.Close()
	return numberLines(rc, file.Metadata.Path, maxLine, emit)
}

// numberLines emits the lines of r numbered from 1, line endings (\n or
// \r\n) stripped; blank lines are counted but not emitted. A line longer
// than limit bytes (without its \n) is emitted cut to its first maxDeadInput bytes with an
// Error, so it becomes a dead letter naming that line; memory stays
// bounded by limit.
func numberLines(r io.Reader, path string, limit int, emit func(Line)) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var n int64
	var buf []byte
	for {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			if !tooLong {
				buf = append(buf, frag...)
				if len(buf) > limit+1 { // +1: the line ending is not the line's
					buf, tooLong = buf[:min(len(buf), maxDeadInput)], true
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err == io.EOF && len(buf) == 0 {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s line %d: %w", path, n+1, err)
		}
		n++
		line := bytes.TrimSuffix(buf, []byte("\n"))
		if tooLong = tooLong || len(line) > limit; tooLong {
			line = line[:min(len(line), maxDeadInput)]
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		switch {
		case tooLong:
			emit(Line{File: path, Number: n, Text: string(line), Error: fmt.Sprintf("line: longer than %d bytes", limit)})
		case len(bytes.TrimSpace(line)) > 0:
			emit(Line{File: path, Number: n, Text: string(line)})
		}
		if err == io.EOF {
			return nil
		}
	}
}
