package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"sync"

	"github.com/repayplan/repayplan/examples/portfolio/book"
	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// lineKey identifies an account by its line in the book (from 1) and
// carries the error decoding that line, if any. A loan or card line
// (book.DecodeLine) is computed by the decoder itself, on the decoding
// goroutines, as of each date asked for: other holds its results (or
// error), and the accrual ledger that goes with it through AccrueAll is
// empty and its result ignored.
type lineKey struct {
	line  int
	err   error
	other *otherLine
}

// otherLine is a loan or card line's outcome as of each date.
type otherLine struct {
	kind    book.Kind
	results []book.Result
	err     error
}

const (
	chunkLines = 256      // lines decoded by one goroutine at a time
	maxLine    = 64 << 20 // the longest line accepted: a ledger at penalty's bounds fits easily
)

// chunk is a run of consecutive lines: read by the reader, decoded by one
// decoder, yielded in order.
type chunk struct {
	data   []byte // the lines, line endings stripped
	ends   []int  // end of each line in data
	lines  []int  // line number of each line (blank lines are skipped)
	accts  []penalty.Account
	errs   []error
	others []*otherLine
	err    error // the read error that ended the input after these lines
	done   chan struct{}
}

// decodeLines yields the accounts of the JSON lines read from r, in order,
// each decoded strictly as money.DecodeJSON does (unknown keys, bad values
// and trailing data are errors; see book.DecodeAccount). Decoding runs on
// workers goroutines, a chunk of lines each, at most 2 × workers chunks
// ahead of the consumer, so memory stays flat however long the input.
// Loan and card lines are computed as of each of dates while decoding
// (see lineKey). A line that does not decode is
// yielded as a zero Account with the error in its key; blank lines are
// skipped. A read error ends the sequence and is reported by readErr.
// Every goroutine has exited when the iteration returns (provided r's
// Read returns).
func decodeLines(r io.Reader, workers int, dates ...money.Date) (seq iter.Seq2[lineKey, penalty.Account], readErr func() error) {
	var rerr error
	seq = func(yield func(lineKey, penalty.Account) bool) {
		work := make(chan *chunk, workers)
		order := make(chan *chunk, 2*workers)
		quit := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1 + workers)
		go func() {
			defer wg.Done()
			readChunks(r, work, order, quit)
		}()
		for range workers {
			go func() {
				defer wg.Done()
				for c := range work {
					c.decode(dates)
				}
			}()
		}
		defer func() {
			close(quit)
			for range order { // unblock the reader
			}
			wg.Wait()
		}()
		for c := range order {
			<-c.done
			for i := range c.ends {
				if !yield(lineKey{line: c.lines[i], err: c.errs[i], other: c.others[i]}, c.accts[i]) {
					return
				}
				c.accts[i] = penalty.Account{} // the consumer has it now
			}
			if c.err != nil {
				rerr = c.err
				return
			}
		}
	}
	return seq, func() error { return rerr }
}

// readChunks reads lines from r into chunks and hands each to the decoders
// (work) and, in order, to the consumer (order), until EOF, a read error
// or quit.
func readChunks(r io.Reader, work, order chan<- *chunk, quit <-chan struct{}) {
	defer close(order)
	defer close(work)
	br := bufio.NewReaderSize(r, 1<<20)
	line := 0
	for {
		c := &chunk{data: slabs.Get().([]byte)[:0], done: make(chan struct{})}
		var err error
		for len(c.ends) < chunkLines {
			start := len(c.data)
			if c.data, err = appendLine(br, c.data); err != nil {
				break
			}
			line++
			if len(bytes.TrimSpace(c.data[start:])) == 0 {
				c.data = c.data[:start]
				continue
			}
			c.ends = append(c.ends, len(c.data))
			c.lines = append(c.lines, line)
		}
		eof := err == io.EOF
		if err != nil && !eof {
			c.err = fmt.Errorf("line %d: %w", line+1, err)
		}
		if len(c.ends) > 0 || c.err != nil {
			if !send(c, work, order, quit) {
				return
			}
		}
		if eof || c.err != nil {
			return
		}
	}
}

// slabs recycles the chunks' line buffers.
var slabs = sync.Pool{New: func() any { return make([]byte, 0, 512<<10) }}

var errLineTooLong = fmt.Errorf("longer than %d bytes", maxLine)

// appendLine appends the next line of br, without its line ending, to dst.
// It returns io.EOF, with dst unchanged, when there is no line left.
func appendLine(br *bufio.Reader, dst []byte) ([]byte, error) {
	start := len(dst)
	for {
		frag, err := br.ReadSlice('\n')
		dst = append(dst, frag...)
		switch {
		case err == bufio.ErrBufferFull:
			if len(dst)-start > maxLine {
				return dst[:start], errLineTooLong
			}
		case err == nil || err == io.EOF && len(dst) > start:
			dst = bytes.TrimSuffix(dst, []byte("\n"))
			return bytes.TrimSuffix(dst, []byte("\r")), nil
		default:
			return dst[:start], err
		}
	}
}

func send(c *chunk, work, order chan<- *chunk, quit <-chan struct{}) bool {
	select {
	case order <- c:
	case <-quit:
		return false
	}
	select {
	case work <- c:
		return true
	case <-quit:
		close(c.done)
		return false
	}
}

// decode decodes every line of the chunk, computes its loan and card
// lines as of dates, and marks it done.
func (c *chunk) decode(dates []money.Date) {
	defer close(c.done)
	c.accts = make([]penalty.Account, len(c.ends))
	c.errs = make([]error, len(c.ends))
	c.others = make([]*otherLine, len(c.ends))
	start := 0
	var l book.Line
	for i, end := range c.ends {
		err := book.DecodeLine(c.data[start:end], &l)
		switch {
		case err != nil:
			c.errs[i] = err
		case l.Kind == book.Accrual:
			c.accts[i] = l.Accrual
		default:
			o := &otherLine{kind: l.Kind}
			for _, d := range dates {
				r, err := l.Accrue(d)
				if err != nil {
					o.results, o.err = nil, err
					break
				}
				o.results = append(o.results, r)
			}
			c.others[i] = o
		}
		start = end
	}
	slabs.Put(c.data[:0])
	c.data = nil
}
