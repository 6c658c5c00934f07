package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/ingest/dedup"
	"github.com/herald-events/herald/ingest/feed"
	"github.com/herald-events/herald/ingest/html"
	"github.com/herald-events/herald/ingest/jsonl"
	"github.com/herald-events/herald/ingest/text"
	"github.com/herald-events/herald/ingest/warc"
)

// Sentinel errors of ReadBytes and Walk, wrapped with the input's name.
var (
	ErrNoDocument = errors.New("no document in input")
	ErrTable      = errors.New("tab-separated table, not an article")
	ErrXML        = errors.New("XML that is neither a feed nor a web page")
	ErrTooLarge   = errors.New("decompressed input larger than the limit")
)

// MaxDecompressed bounds the size of a gunzipped input.
const MaxDecompressed = 1 << 30

// Failure is an input, or a part of one, that yielded no document.
type Failure struct {
	Input string // file name, "-" for standard input; name#N or name:line for a part
	Err   error  // what went wrong; its text names the input and the place
}

// Error returns the text of the underlying error.
func (f Failure) Error() string { return f.Err.Error() }

// Summary counts what a Walk read.
type Summary struct {
	Inputs         int // files (and standard input) read
	Docs           int // documents emitted
	Duplicates     int // exact duplicates merged (not emitted)
	NearDuplicates int // documents emitted with DuplicateOf set
	Failures       []Failure
	Merged         []Merged // the exact duplicates, in the order read
}

// Merged is an exact duplicate that Walk did not emit.
type Merged struct {
	Source string // where the duplicate was read
	Of     string // ID of the emitted document with the same text
}

// Options control Walk.
type Options struct {
	Stdin io.Reader // read for the input "-"
	// Dedup merges exact duplicates and flags near duplicates.
	Dedup bool
	// NearThreshold is the estimated Jaccard similarity of word 3-shingles
	// from which a document is a near duplicate; 0 means
	// dedup.DefaultThreshold.
	NearThreshold float64
}

// Walk reads every input in order: files, directories (recursively, in
// lexical order, skipping names that start with "."), and "-" for
// Options.Stdin. It calls emit for each document. Inputs or parts that
// yield no document are collected in Summary.Failures, never dropped
// silently. An error from emit, or ctx being done, stops the walk and is
// returned; failures of inputs are not errors of Walk.
func Walk(ctx context.Context, inputs []string, opt Options, emit func(*doc.Doc) error) (Summary, error) {
	var sum Summary
	var idx *dedup.Index
	if opt.Dedup {
		idx = dedup.New(opt.NearThreshold)
	}
	fail := func(input string, err error) { sum.Failures = append(sum.Failures, Failure{Input: input, Err: err}) }
	readOne := func(name string, data []byte) error {
		sum.Inputs++
		docs, errs := ReadBytes(name, data)
		for _, err := range errs {
			fail(failedPart(name, err), err)
		}
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if idx != nil {
				exact, near := idx.Add(d.ID, d.Title, d.Text)
				if exact != "" {
					sum.Duplicates++
					sum.Merged = append(sum.Merged, Merged{Source: d.Source, Of: exact})
					continue
				}
				if near != "" {
					d.DuplicateOf = near
					sum.NearDuplicates++
				}
			}
			if err := emit(d); err != nil {
				return err
			}
			sum.Docs++
		}
		return nil
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if in == "-" {
			if opt.Stdin == nil {
				fail(in, errors.New("-: no standard input"))
				continue
			}
			data, err := io.ReadAll(opt.Stdin)
			if err != nil {
				sum.Inputs++
				fail(in, fmt.Errorf("-: %w", err))
				continue
			}
			if err := readOne(in, data); err != nil {
				return sum, err
			}
			continue
		}
		err := filepath.WalkDir(in, func(path string, de fs.DirEntry, err error) error {
			if err != nil {
				sum.Inputs++
				fail(path, err)
				if de != nil && de.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if path != in && strings.HasPrefix(de.Name(), ".") {
				if de.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if de.IsDir() || !de.Type().IsRegular() && de.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				sum.Inputs++
				fail(path, err)
				return nil
			}
			return readOne(path, data)
		})
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// failedPart names the part of input that err is about, when the error
// says (a JSON line, a feed item), else the input.
func failedPart(input string, err error) string {
	var le *jsonl.LineError
	if errors.As(err, &le) {
		return fmt.Sprintf("%s:%d", input, le.Line)
	}
	msg := err.Error()
	if strings.HasPrefix(msg, input+"#") {
		if i := strings.Index(msg, ": "); i > 0 {
			return msg[:i]
		}
	}
	return input
}

// ReadBytes reads one input held in memory: it gunzips it when compressed,
// decodes its text, sniffs its format and runs the matching reader. Every
// document gets an ID (ContentID unless the input gave one) and a Source
// (name, or name#N for the N-th document when the input holds several,
// unless the reader set one). The errors name the input and the place; an
// input that yields neither a document nor an error yields ErrNoDocument.
func ReadBytes(name string, data []byte) ([]*doc.Doc, []error) {
	docs, errs := read(name, data)
	for i, d := range docs {
		if d.ID == "" {
			d.ID = ContentID(d.Title, d.Text)
		}
		if d.Source == "" {
			d.Source = name
			if len(docs) > 1 {
				d.Source = fmt.Sprintf("%s#%d", name, i+1)
			}
		}
	}
	if len(docs) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: %w", name, ErrNoDocument))
	}
	return docs, errs
}

func read(name string, data []byte) ([]*doc.Doc, []error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		var err error
		if data, err = gunzip(data); err != nil {
			return nil, []error{fmt.Errorf("%s: gzip: %w", name, err)}
		}
	}
	one := func(err error) []error { return []error{err} }
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		s, _, err := Decode(name, data)
		if err != nil {
			return nil, one(err)
		}
		data = []byte(s)
	}
	switch Sniff(name, data) {
	case WARC:
		return warc.Read(name, data)
	case Feed:
		return feed.Read(name, data)
	case HTML:
		d, err := html.Read(name, data, "", "")
		if err != nil {
			return nil, one(err)
		}
		return []*doc.Doc{d}, nil
	case XML:
		return nil, one(fmt.Errorf("%s: %w", name, ErrXML))
	case JSONL:
		s, _, err := Decode(name, data)
		if err != nil {
			return nil, one(err)
		}
		return jsonl.Read(name, s)
	}
	s, _, err := Decode(name, data)
	if err != nil {
		return nil, one(err)
	}
	if isTable(s) {
		return nil, one(fmt.Errorf("%s: %w", name, ErrTable))
	}
	return text.Read(s), nil
}

func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, MaxDecompressed+1))
	if err != nil {
		return nil, err
	}
	if len(out) > MaxDecompressed {
		return nil, ErrTooLarge
	}
	return out, nil
}

// isTable reports whether s is tab-separated data: at least three
// non-blank lines, nearly all of them (90%) with the same number of tabs
// as the first, which has at least one.
func isTable(s string) bool {
	want, lines, same := -1, 0, 0
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		s = rest
		if strings.TrimSpace(line) == "" {
			continue
		}
		n := strings.Count(line, "\t")
		if want < 0 {
			if n == 0 {
				return false
			}
			want = n
		}
		lines++
		if n == want {
			same++
		}
	}
	return lines >= 3 && same*10 >= lines*9
}
