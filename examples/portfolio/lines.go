package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"sync"

	"github.com/repayplan/repayplan/money"
	"github.com/repayplan/repayplan/penalty"
)

// lineKey identifies an account by its line in the book (from 1) and
// carries the error decoding that line, if any.
type lineKey struct {
	line int
	err  error
}

const (
	chunkLines = 256      // lines decoded by one goroutine at a time
	maxLine    = 64 << 20 // the longest line accepted: a ledger at penalty's bounds fits easily
)

// chunk is a run of consecutive lines: read by the reader, decoded by one
// decoder, yielded in order.
type chunk struct {
	first int      // line number of the first line
	data  []byte   // the lines, newlines stripped
	ends  []int    // end of each line in data
	lines []int    // line number of each line (blank lines are skipped)
	accts []penalty.Account
	errs  []error
	err   error // the read error that ended the input after these lines
	done  chan struct{}
}

// decodeLines yields the accounts of the JSON lines read from r, in order,
// each decoded strictly (money.DecodeJSON: unknown keys, bad values and
// trailing data are errors). Decoding runs on workers goroutines, a chunk
// of lines each, no more than a few chunks ahead of the consumer, so
// memory stays flat however long the input. A line that does not decode is
// yielded as a zero Account with the error in its key; blank lines are
// skipped. A read error ends the sequence and is reported by readErr.
// Every goroutine has exited when the iteration returns (provided r's
// Read returns).
func decodeLines(r io.Reader, workers int) (seq iter.Seq2[lineKey, penalty.Account], readErr func() error) {
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
					c.decode()
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
			start := 0
			for i, end := range c.ends {
				if !yield(lineKey{line: c.lines[i], err: c.errs[i]}, c.accts[i]) {
					return
				}
				c.accts[i] = penalty.Account{}
				start = end
			}
			_ = start
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
		c := &chunk{first: line + 1, data: make([]byte, 0, 512<<10), done: make(chan struct{})}
		for len(c.ends) < chunkLines && c.err == nil {
			start := len(c.data)
			for {
				frag, err := br.ReadSlice('\n')
				c.data = append(c.data, frag...)
				if err == bufio.ErrBufferFull {
					if len(c.data)-start > maxLine {
						c.err = fmt.Errorf("line %d: longer than %d bytes", line+1, maxLine)
						break
					}
					continue
				}
				if err != nil && err != io.EOF {
					c.err = fmt.Errorf("after line %d: %w", line, err)
				}
				if err == io.EOF && len(c.data) == start {
					c.err = io.EOF
				}
				break
			}
			if c.err != nil && c.err != io.EOF && !errors.Is(c.err, io.EOF) && len(c.data) > start {
				c.data = c.data[:start] // a line cut short by a read error is not decoded
			}
			if len(c.data) == start {
				continue
			}
			line++
			c.data = bytes.TrimRight(c.data, "\r\n")
			if len(bytes.TrimSpace(c.data[start:])) == 0 {
				c.data = c.data[:start]
				continue
			}
			c.ends = append(c.ends, len(c.data))
			c.lines = append(c.lines, line)
			if c.err == nil && br.Buffered() == 0 {
				// Peek so that EOF right after this line ends the chunk.
				if _, err := br.Peek(1); err == io.EOF {
					c.err = io.EOF
				}
			}
		}
		if c.err == io.EOF {
			c.err = nil
			if len(c.ends) == 0 {
				return
			}
			send(c, work, order, quit)
			return
		}
		if !send(c, work, order, quit) || c.err != nil {
			return
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

// decode decodes every line of the chunk and marks it done.
func (c *chunk) decode() {
	defer close(c.done)
	c.accts = make([]penalty.Account, len(c.ends))
	c.errs = make([]error, len(c.ends))
	start := 0
	for i, end := range c.ends {
		if err := money.DecodeJSON(c.data[start:end], &c.accts[i]); err != nil {
			c.accts[i] = penalty.Account{}
			c.errs[i] = err
		}
		start = end
	}
	c.data = nil
}
