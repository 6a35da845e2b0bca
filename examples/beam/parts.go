package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&finalizePartsFn{})
	register.Function1x1(noPart)
}

// partPrefix starts the name of a part file being written: hidden, so that
// a glob of the outputs (statements*.jsonl) never sees one.
const partPrefix = ".statements-part-"

// partFile is the file one bundle writes its statements to.
type partFile struct {
	name string
	fs   filesystem.Interface
	w    io.WriteCloser
	bw   *bufio.Writer
}

// createPart opens a part file with a random name under out.
func createPart(ctx context.Context, out string) (*partFile, error) {
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, err
	}
	name := outPath(out, partPrefix+hex.EncodeToString(id[:])+".jsonl")
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return &partFile{name: name, fs: fs, w: w, bw: bufio.NewWriterSize(w, 1<<20)}, nil
}

// writeJSON writes v as one line.
func (p *partFile) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	p.bw.Write(b)
	return p.bw.WriteByte('\n')
}

func (p *partFile) close() error {
	err := p.bw.Flush()
	if cerr := p.w.Close(); err == nil {
		err = cerr
	}
	p.fs.Close()
	return err
}

// finalizeParts renames the committed parts into place once every bundle
// is done: one part becomes statements.jsonl; n parts become
// statements-0000k-of-0000n.jsonl (ShardName), in the order of their
// random names. The part names are all that is shuffled.
func finalizeParts(s beam.Scope, out string, parts beam.PCollection) {
	s = s.Scope("finalizeParts")
	// An empty name from an impulse, so the step runs (and writes an
	// empty statements.jsonl) when no bundle wrote a statement.
	marker := beam.ParDo(s, noPart, beam.Impulse(s))
	all := beam.GroupByKey(s, beam.AddFixedKey(s, beam.Flatten(s, parts, marker)))
	beam.ParDo0(s, &finalizePartsFn{Out: out}, all)
}

func noPart([]byte) string { return "" }

type finalizePartsFn struct {
	Out string `json:"out"`
}

func (f *finalizePartsFn) ProcessElement(ctx context.Context, _ int, names func(*string) bool) error {
	var parts []string
	var name string
	for names(&name) {
		if name != "" {
			parts = append(parts, name)
		}
	}
	slices.Sort(parts)
	final := outPath(f.Out, StatementsFile)
	dsts := []string{final}
	if len(parts) > 0 {
		dsts = dsts[:0]
		for k := range parts {
			dsts = append(dsts, ShardName(final, k, len(parts)))
		}
	}
	fs, err := filesystem.New(ctx, final)
	if err != nil {
		return err
	}
	defer fs.Close()
	// Statements of an earlier run into the same directory, and parts of
	// bundles that failed, would be read as this run's: remove them.
	if rm, ok := fs.(filesystem.Remover); ok {
		stale, err := fs.List(ctx, outPath(f.Out, "*statements*.jsonl"))
		if err != nil {
			return err
		}
		for _, st := range stale {
			if !isOutput(st) || slices.Contains(parts, st) || slices.Contains(dsts, st) {
				continue
			}
			if err := rm.Remove(ctx, st); err != nil {
				return err
			}
		}
	}
	if len(parts) == 0 {
		return filesystem.Write(ctx, fs, final, nil)
	}
	for k, p := range parts {
		if _, err := fs.Size(ctx, p); err != nil {
			if _, derr := fs.Size(ctx, dsts[k]); derr == nil {
				continue // renamed by an earlier attempt of this step
			}
			return err
		}
		if err := filesystem.Rename(ctx, fs, p, dsts[k]); err != nil {
			return err
		}
	}
	return nil
}

// isOutput reports whether path is a statements file or part this
// pipeline writes (and may remove).
func isOutput(path string) bool {
	base := path[strings.LastIndexByte(path, '/')+1:]
	return strings.HasPrefix(base, partPrefix) || strings.HasPrefix(base, "statements")
}
