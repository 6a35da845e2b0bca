package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[Numbered, func(int, string)](&shardFn{})
	register.DoFn2x0[[]byte, func(int, string)](&shardMarkersFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Emitter2[int, string]()
	register.Iter1[string]()
}

// Numbered is an output line and the number of the book's line it is
// about, which picks its shard.
type Numbered struct {
	Line int64
	Text string
}

// ShardName is the file shard k of shards writes under name: name itself
// for one shard, else name-0000k-of-0000n with name's extension kept
// ("statements-00002-of-00008.jsonl").
func ShardName(name string, k, shards int) string {
	if shards <= 1 {
		return name
	}
	ext := ""
	if i := strings.LastIndexByte(name, '.'); i > strings.LastIndexByte(name, '/') {
		name, ext = name[:i], name[i:]
	}
	return fmt.Sprintf("%s-%05d-of-%05d%s", name, k, shards, ext)
}

// writeLines writes the lines of col as files of JSON lines: shards files
// under path (see ShardName), written in parallel, one per worker. Every
// shard file is written, empty ones too, so that "no dead letters" is an
// empty deadletter.jsonl rather than no file. (textio.Write sends every
// line through one key to one file, and writes nothing for an empty
// collection.) Lines within a file are in no particular order: each
// carries the number of the book's line it is about.
func writeLines(s beam.Scope, path string, shards int, col beam.PCollection) {
	s = s.Scope("writeLines")
	shards = max(shards, 1)
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, col)
	markers := beam.ParDo(s, &shardMarkersFn{Shards: shards}, beam.Impulse(s))
	grouped := beam.GroupByKey(s, beam.Flatten(s, keyed, markers))
	beam.ParDo0(s, &writeShardFn{Path: path, Shards: shards}, grouped)
}

// shardFn spreads lines over the shards by their book line number.
type shardFn struct {
	Shards int `json:"shards"`
}

func (f *shardFn) ProcessElement(l Numbered, emit func(int, string)) {
	emit(int(l.Line%int64(f.Shards)), l.Text)
}

// shardMarkersFn emits an empty line for every shard, so every shard's
// group exists; the writer drops empty lines (an output line is never
// empty).
type shardMarkersFn struct {
	Shards int `json:"shards"`
}

func (f *shardMarkersFn) ProcessElement(_ []byte, emit func(int, string)) {
	for k := range f.Shards {
		emit(k, "")
	}
}

type writeShardFn struct {
	Path   string `json:"path"`
	Shards int    `json:"shards"`
}

func (w *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := ShardName(w.Path, shard, w.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(fd, 1<<20)
	var line string
	for lines(&line) {
		if line == "" {
			continue
		}
		bw.WriteString(line)
		if err := bw.WriteByte('\n'); err != nil {
			fd.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		fd.Close()
		return err
	}
	return fd.Close()
}
