package main

import (
	"bufio"
	"bytes"
	"context"
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

// chunk is a run of consecutive lines: read by the reader (or drawn by
// the generator as accounts, gen, which the worker writes as lines),
// decoded by one decoder, yielded in order.
type chunk struct {
	gen    []penalty.Account // a generated chunk's accounts, until written
	first  int               // a generated chunk's first line number
	data   []byte            // the lines, line endings stripped
	ends   []int             // end of each line in data
	lines  []int             // line number of each line (blank lines are skipped)
	accts  []penalty.Account
	errs   []error
	others []*otherLine
	err    error // the error that ended the input after these lines
	done   chan struct{}
}

// A source fills chunks and hands each to the workers (work) and, in
// order, to the consumer (order), until its input ends, fails or quit is
// closed; then it closes both.
type source func(work, order chan<- *chunk, quit <-chan struct{})

// readerSource is the source of the lines read from r.
func readerSource(r io.Reader) source {
	return func(work, order chan<- *chunk, quit <-chan struct{}) { readChunks(r, work, order, quit) }
}

// generatedSource is the source of the book of seed (book.Write's): n
// accounts as of asOf, stopping with ctx's error if it is done first. The
// accounts are drawn here, one after another: the book is one random
// sequence, and drawing parts of it in parallel would make another book.
// The workers write them as lines (chunk.decode, chunk.write), which
// costs a few times more than drawing them.
func generatedSource(ctx context.Context, n int, seed uint64, asOf money.Date) source {
	return func(work, order chan<- *chunk, quit <-chan struct{}) {
		defer close(order)
		defer close(work)
		g := book.NewGenerator(seed, asOf)
		for first := 0; first < n; first += chunkLines {
			c := &chunk{first: first + 1, done: make(chan struct{})}
			if c.err = ctx.Err(); c.err == nil {
				c.gen = make([]penalty.Account, min(chunkLines, n-first))
				for i := range c.gen {
					c.gen[i] = g.Account()
				}
			}
			if !send(c, work, order, quit) || c.err != nil {
				return
			}
		}
	}
}

// chunks runs src, processes each chunk on workers goroutines and yields
// the chunks in order, each once process is done with it, at most
// 2 × workers chunks ahead of the consumer, so memory stays flat however
// long the input. Every goroutine has exited when the iteration returns
// (provided the source's reads return).
func chunks(src source, workers int, process func(*chunk)) iter.Seq[*chunk] {
	return func(yield func(*chunk) bool) {
		work := make(chan *chunk, workers)
		order := make(chan *chunk, 2*workers)
		quit := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1 + workers)
		go func() {
			defer wg.Done()
			src(work, order, quit)
		}()
		for range workers {
			go func() {
				defer wg.Done()
				for c := range work {
					process(c)
					close(c.done)
				}
			}()
		}
		defer func() {
			close(quit)
			for range order { // unblock the source
			}
			wg.Wait()
		}()
		for c := range order {
			<-c.done
			if !yield(c) {
				return
			}
		}
	}
}

// decodeLines yields the accounts of the JSON lines of src, in order,
// each decoded strictly as money.DecodeJSON does (unknown keys, bad values
// and trailing data are errors; see book.DecodeAccount). Decoding runs on
// workers goroutines, a chunk of lines each (see chunks). Loan and card
// lines are computed as of each of dates while decoding (see lineKey). A
// line that does not decode is yielded as a zero Account with the error
// in its key; blank lines are skipped. An error of the source (a read
// error, or the generator's context done) ends the sequence and is
// reported by readErr.
func decodeLines(src source, workers int, dates ...money.Date) (seq iter.Seq2[lineKey, penalty.Account], readErr func() error) {
	var rerr error
	seq = func(yield func(lineKey, penalty.Account) bool) {
		for c := range chunks(src, workers, func(c *chunk) { c.decode(dates) }) {
			for i := range c.accts {
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

// write writes a generated chunk's accounts as its lines (for -out).
func (c *chunk) write() {
	if c.gen == nil {
		return
	}
	var w book.LineWriter
	c.data = slabs.Get().([]byte)[:0]
	c.ends = make([]int, len(c.gen))
	c.lines = make([]int, len(c.gen))
	for i := range c.gen {
		c.data = w.Append(c.data, &c.gen[i])
		c.ends[i], c.lines[i] = len(c.data), c.first+i
	}
	c.gen = nil
}

// decode decodes every line of the chunk and computes its loan and card
// lines as of dates. A generated chunk's accounts are written as lines
// one at a time, each decoded at once from a small buffer while it is in
// the cache (writing them all first would pass a chunk's lines through
// memory twice).
func (c *chunk) decode(dates []money.Date) {
	n := len(c.ends)
	if c.gen != nil {
		n = len(c.gen)
	}
	c.accts = make([]penalty.Account, n)
	c.errs = make([]error, n)
	c.others = make([]*otherLine, n)
	var d book.Decoder
	var l book.Line
	if c.gen != nil {
		var w book.LineWriter
		line := make([]byte, 0, 4<<10)
		c.lines = make([]int, n)
		for i := range c.gen {
			line = w.Append(line[:0], &c.gen[i])
			c.lines[i] = c.first + i
			c.decodeLine(i, line, &d, &l, dates)
		}
		c.gen = nil
		return
	}
	start := 0
	for i, end := range c.ends {
		c.decodeLine(i, c.data[start:end], &d, &l, dates)
		start = end
	}
	c.release()
}

// decodeLine decodes line i, with d and l.
func (c *chunk) decodeLine(i int, line []byte, d *book.Decoder, l *book.Line, dates []money.Date) {
	err := d.DecodeLine(line, l)
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
}

// release gives the chunk's line buffer back.
func (c *chunk) release() {
	if c.data != nil {
		slabs.Put(c.data[:0])
		c.data = nil
	}
}
