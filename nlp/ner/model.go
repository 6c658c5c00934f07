package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
)

// model is an averaged-perceptron sequence model over IOB2 tags, decoded
// with Viterbi under the IOB2 constraint (I-X only after B-X or I-X).
type model struct {
	tags    []string         // IOB2 tags; tags[0] is "O"
	rows    map[uint64]int32 // feature key -> row of weights
	weights []float32        // len(rows) * len(tags)
	trans   []float32        // (len(tags)+1) * len(tags); the last row is the start
	classes map[string]uint8 // lowercased word -> word class, from unlabelled text
	// prof maps a lowercased word to its syntactic profile in a treebank
	// (see profiles in train.go): how often it is part of a flat name.
	prof    map[string]uint32
	allowed [][]bool // allowed[prev][cur]; prev == len(tags) is the start

	// table holds rows for scoreRow, built on first use (after training
	// has filled rows).
	tableOnce sync.Once
	table     rowTable

	// lex holds classes and prof in one map, built on first use, so that
	// prepare reads both with one lookup per word.
	lexOnce sync.Once
	lex     map[string]lexEntry
}

// lexEntry is what the model knows of one lowercased word: its class
// (classes, 0 if absent) and its profile (prof, 0 if absent).
type lexEntry struct {
	class uint8
	prof  uint32
}

func (m *model) buildLex() {
	m.lex = make(map[string]lexEntry, len(m.classes))
	for w, c := range m.classes {
		e := m.lex[w]
		e.class = c
		m.lex[w] = e
	}
	for w, p := range m.prof {
		e := m.lex[w]
		e.prof = p
		m.lex[w] = e
	}
}

// lexOf returns classOf(lower) and prof[lower] with one map lookup.
func (m *model) lexOf(lower string) (string, uint32) {
	m.lexOnce.Do(m.buildLex)
	e := m.lex[lower]
	if m.classes == nil || int(e.class) >= len(classNames) {
		return classNames[0], e.prof
	}
	return classNames[e.class], e.prof
}

// Word classes, read from a treebank's part-of-speech tags and capitals:
// how often a word is a proper noun, and how often it is written with a
// capital letter inside a sentence.
var classNames = func() []string {
	out := []string{"unk"}
	for _, p := range []string{"p0", "p1", "p2", "p3"} {
		for _, c := range []string{"c0", "c1", "c2", "c3"} {
			for _, f := range []string{"f1", "f2", "f3"} {
				out = append(out, p+c+f)
			}
		}
	}
	return out
}()

func (m *model) classOf(lower string) string {
	if m.classes == nil {
		return classNames[0]
	}
	c := m.classes[lower]
	if int(c) >= len(classNames) {
		return classNames[0]
	}
	return classNames[c]
}

func (m *model) setTags(tags []string) {
	m.tags = tags
	n := len(tags)
	m.allowed = make([][]bool, n+1)
	for p := 0; p <= n; p++ {
		m.allowed[p] = make([]bool, n)
		for c := 0; c < n; c++ {
			ct := tags[c]
			if strings.HasPrefix(ct, "I-") {
				if p == n {
					continue
				}
				pt := tags[p]
				m.allowed[p][c] = len(pt) > 2 && pt[2:] == ct[2:]
				continue
			}
			m.allowed[p][c] = true
		}
	}
}

// scoreRow fills row (len(tags)) with the emission scores of one token's
// features fs, adding the weight rows in the order of fs.
func (m *model) scoreRow(fs []uint64, row []float32) {
	clear(row[:len(m.tags)])
	m.addRows(fs, row)
}

// addRows adds to row the weight rows of the features fs, in order.
func (m *model) addRows(fs []uint64, row []float32) {
	m.tableOnce.Do(m.buildTable)
	nt := len(m.tags)
	row = row[:nt]
	for _, f := range fs {
		r := m.table.find(f)
		if r < 0 {
			continue
		}
		w := m.weights[int(r)*nt : int(r+1)*nt]
		for t := range row {
			row[t] += w[t]
		}
	}
}

// rowTable maps feature keys to weight rows by open addressing: faster
// than a Go map for the dozens of lookups per token. A key and its row lie
// side by side, so a lookup costs one memory load.
type rowTable struct {
	slots []rowSlot
	mask  uint64
}

type rowSlot struct {
	key uint64
	row int32 // -1: empty slot
}

func (m *model) buildTable() {
	size := 16
	for size < 2*len(m.rows) {
		size *= 2
	}
	t := rowTable{slots: make([]rowSlot, size), mask: uint64(size - 1)}
	for i := range t.slots {
		t.slots[i].row = -1
	}
	for k, r := range m.rows {
		i := mix(k) & t.mask
		for t.slots[i].row >= 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = rowSlot{k, r}
	}
	m.table = t
}

// grow returns b resized to n, reallocated only when too small; its
// contents are not kept.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// mix spreads the bits of a feature key over the table index.
func mix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

// find returns the weight row of key k, or -1.
func (t *rowTable) find(k uint64) int32 {
	i := mix(k) & t.mask
	for {
		s := &t.slots[i]
		if s.row < 0 || s.key == k {
			return s.row
		}
		i = (i + 1) & t.mask
	}
}

// viterbi returns the best tag indexes for the emission scores sc.
func viterbi(nt int, n int, sc, trans []float32, allowed [][]bool) []int {
	return viterbiIn(nt, n, sc, trans, allowed, nil)
}

// viterbiScratch holds the tables of viterbiIn for reuse; it writes every
// cell it reads, so they need no clearing.
type viterbiScratch struct {
	delta []float32
	back  []int32
}

// viterbiIn is viterbi with its tables in v (if not nil).
func viterbiIn(nt int, n int, sc, trans []float32, allowed [][]bool, v *viterbiScratch) []int {
	if n == 0 {
		return nil
	}
	neg := float32(math.Inf(-1))
	var delta []float32
	var back []int32
	if v != nil {
		v.delta, v.back = grow(v.delta, n*nt), grow(v.back, n*nt)
		delta, back = v.delta, v.back
	} else {
		delta, back = make([]float32, n*nt), make([]int32, n*nt)
	}
	for c := 0; c < nt; c++ {
		if allowed[nt][c] {
			delta[c] = sc[c] + trans[nt*nt+c]
		} else {
			delta[c] = neg
		}
	}
	for i := 1; i < n; i++ {
		for c := 0; c < nt; c++ {
			best, arg := neg, int32(0)
			for p := 0; p < nt; p++ {
				if !allowed[p][c] {
					continue
				}
				v := delta[(i-1)*nt+p] + trans[p*nt+c]
				if v > best {
					best, arg = v, int32(p)
				}
			}
			delta[i*nt+c] = best + sc[i*nt+c]
			back[i*nt+c] = arg
		}
	}
	out := make([]int, n)
	best := neg
	for c := 0; c < nt; c++ {
		if v := delta[(n-1)*nt+c]; v > best {
			best, out[n-1] = v, c
		}
	}
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*nt+out[i]])
	}
	return out
}

const modelMagic = "HERALD-NER\x00\x03"

// encode writes m in the compact binary form decode reads: a gzip stream of
// the tags, the word classes and the non-zero weight rows in key order.
// The same model always encodes to the same bytes.
func (m *model) encode(w io.Writer) error {
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	uv := func(x uint64) { buf.Write(binary.AppendUvarint(nil, x)) }
	str := func(s string) { uv(uint64(len(s))); buf.WriteString(s) }
	f32 := func(f float32) { buf.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(f))) }
	uv(uint64(len(m.tags)))
	for _, t := range m.tags {
		str(t)
	}
	for _, f := range m.trans {
		f32(f)
	}
	words := make([]string, 0, len(m.classes))
	for w := range m.classes {
		words = append(words, w)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, w := range words {
		str(w)
		buf.WriteByte(m.classes[w])
		uv(uint64(m.prof[w]))
	}
	nt := len(m.tags)
	keys := make([]uint64, 0, len(m.rows))
	for k, r := range m.rows {
		ws := m.weights[int(r)*nt : int(r+1)*nt]
		for _, x := range ws {
			if x != 0 {
				keys = append(keys, k)
				break
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		uv(k - prev) // delta coding of sorted keys
		prev = k
		r := m.rows[k]
		for _, x := range m.weights[int(r)*nt : int(r+1)*nt] {
			f32(x)
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

var errModel = errors.New("ner: malformed model")

// decode reads a model written by encode.
func decode(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errModel, err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic[:len(magic)-1]) != modelMagic[:len(modelMagic)-1] {
		return nil, fmt.Errorf("%w: bad header", errModel)
	}
	// Version 2 models have no syntactic profiles.
	version := magic[len(magic)-1]
	if version != 2 && version != 3 {
		return nil, fmt.Errorf("%w: unknown version %d", errModel, version)
	}
	var rerr error
	uv := func() uint64 {
		if rerr != nil {
			return 0
		}
		x, err := binary.ReadUvarint(br)
		if err != nil {
			rerr = err
		}
		return x
	}
	const maxLen = 1 << 26
	str := func() string {
		n := uv()
		if rerr != nil || n > 1<<16 {
			if rerr == nil {
				rerr = errors.New("string too long")
			}
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			rerr = err
		}
		return string(b)
	}
	var b4 [4]byte
	f32 := func() float32 {
		if rerr != nil {
			return 0
		}
		if _, err := io.ReadFull(br, b4[:]); err != nil {
			rerr = err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(b4[:]))
	}
	m := &model{}
	nt := uv()
	if rerr != nil || nt == 0 || nt > 64 {
		return nil, fmt.Errorf("%w: bad tag count", errModel)
	}
	tags := make([]string, nt)
	for i := range tags {
		tags[i] = str()
	}
	m.setTags(tags)
	m.trans = make([]float32, (nt+1)*nt)
	for i := range m.trans {
		m.trans[i] = f32()
	}
	nw := uv()
	if nw > maxLen {
		return nil, fmt.Errorf("%w: bad word count", errModel)
	}
	m.classes = make(map[string]uint8, nw)
	for range nw {
		w := str()
		c, err := br.ReadByte()
		if err != nil && rerr == nil {
			rerr = err
		}
		m.classes[w] = c
		if version >= 3 {
			if p := uv(); p != 0 {
				if m.prof == nil {
					m.prof = map[string]uint32{}
				}
				m.prof[w] = uint32(p)
			}
		}
		if rerr != nil {
			break
		}
	}
	nk := uv()
	if nk > maxLen {
		return nil, fmt.Errorf("%w: bad feature count", errModel)
	}
	m.rows = make(map[uint64]int32, nk)
	m.weights = make([]float32, 0, int(nk)*int(nt))
	prev := uint64(0)
	for i := range nk {
		k := prev + uv()
		prev = k
		m.rows[k] = int32(i)
		for range nt {
			m.weights = append(m.weights, f32())
		}
		if rerr != nil {
			break
		}
	}
	if rerr != nil {
		return nil, fmt.Errorf("%w: %v", errModel, rerr)
	}
	return m, nil
}
