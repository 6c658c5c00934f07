package parse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"sort"
)

// Model file: gzip of
//
//	magic "herald-parse/1\n"
//	uvarint template fingerprint
//	string lists: words, tags, upos, suffixes (ids idBase...), labels
//	uvarint root label
//	two tables (moves, labels): uvarint classes, float32 step, uvarint rows,
//	then per row in key order: uvarint key delta, uvarint non-zero count,
//	and per non-zero weight uvarint class delta and zigzag varint value/step;
//	for a model trained with a beam only, a last uvarint: the beam width.
//
// A stored key keeps the 40 bits of the feature hash that the run-time
// tables use (see compact.go): the top 16 and the low 24.
const magic = "herald-parse/2\n"

// fingerprint identifies the feature templates a model was trained with.
func fingerprint() uint64 {
	h := fnv.New64a()
	for _, set := range [][][]uint8{moveTemplates, labelTemplates} {
		for _, t := range set {
			h.Write(t)
			h.Write([]byte{255})
		}
		h.Write([]byte{254})
	}
	return h.Sum64()
}

// WriteModel writes p's model compressed: features whose weights are all
// smaller than prune in magnitude are dropped, and weights are rounded to
// multiples of step. The same model always gives the same bytes.
func (p *Parser) WriteModel(w io.Writer, step, prune float32) error {
	if p.moveT == nil {
		return errors.New("parse: only a trained model can be written")
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	sv := func(v int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	list := func(ss []string) {
		uv(uint64(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	bw.WriteString(magic)
	uv(fingerprint())
	for _, m := range []map[string]int32{p.v.words, p.v.tags, p.v.upos, p.v.sfx} {
		list(byID(m))
	}
	list(p.labels)
	uv(uint64(p.root))
	for _, t := range []*table{p.moveT, p.labelT} {
		uv(uint64(t.n))
		binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(step))
		bw.Write(tmp[:4])
		type row struct {
			key uint64
			q   []int64
		}
		var rows []row
		t.each(func(key uint64, r []float32) {
			q := make([]int64, len(r))
			nz, big := false, false
			for c, v := range r {
				q[c] = int64(math.Round(float64(v / step)))
				nz = nz || q[c] != 0
				big = big || math.Abs(float64(v)) >= float64(prune)
			}
			if nz && big {
				rows = append(rows, row{key, q})
			}
		})
		for i := range rows {
			rows[i].key = storedKey(rows[i].key)
		}
		sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
		// merge the rare features whose stored keys coincide
		merged := rows[:0]
		for _, r := range rows {
			if n := len(merged); n > 0 && merged[n-1].key == r.key {
				for c, v := range r.q {
					merged[n-1].q[c] += v
				}
				continue
			}
			merged = append(merged, r)
		}
		rows = merged
		uv(uint64(len(rows)))
		prev := uint64(0)
		for _, r := range rows {
			uv(r.key - prev)
			prev = r.key
			nz := 0
			for _, v := range r.q {
				if v != 0 {
					nz++
				}
			}
			uv(uint64(nz))
			last := 0
			for c, v := range r.q {
				if v != 0 {
					uv(uint64(c - last))
					last = c
					sv(v)
				}
			}
		}
	}
	if p.beam > 1 {
		uv(uint64(p.beam))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// storedKey keeps the bits of a feature hash that the run-time tables use.
func storedKey(k uint64) uint64 { return k>>48<<24 | k&(1<<24-1) }

// loadedKey expands a stored key to a hash with the same run-time bits.
func loadedKey(k uint64) uint64 { return k>>24<<48 | k&(1<<24-1) }

func byID(m map[string]int32) []string {
	out := make([]string, len(m))
	for s, id := range m {
		out[id-idBase] = s
	}
	return out
}

// Load reads a model written by WriteModel.
func Load(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("parse: model: %w", err)
	}
	br := bufio.NewReader(zr)
	p, err := readModel(br)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("parse: model: %w", err)
	}
	return p, nil
}

func readModel(br *bufio.Reader) (*Parser, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, err
	}
	if string(head) != magic {
		return nil, errors.New("not a herald parser model")
	}
	fp, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if fp != fingerprint() {
		return nil, errors.New("model was trained with other feature templates; retrain it")
	}
	readList := func() ([]string, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if n > 1<<24 {
			return nil, errors.New("list too long")
		}
		out := make([]string, 0, min(n, 1024))
		for range n {
			l, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, err
			}
			if l > 1<<16 {
				return nil, errors.New("string too long")
			}
			b := make([]byte, l)
			if _, err := io.ReadFull(br, b); err != nil {
				return nil, err
			}
			out = append(out, string(b))
		}
		return out, nil
	}
	p := &Parser{}
	maps := []*map[string]int32{&p.v.words, &p.v.tags, &p.v.upos, &p.v.sfx}
	for _, m := range maps {
		ss, err := readList()
		if err != nil {
			return nil, err
		}
		*m = make(map[string]int32, len(ss))
		for i, s := range ss {
			(*m)[s] = int32(i + idBase)
		}
	}
	if p.labels, err = readList(); err != nil {
		return nil, err
	}
	root, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if root == 0 || root > uint64(len(p.labels)) {
		return nil, errors.New("bad root label")
	}
	p.root = int16(root)
	p.setPunct()
	for i, want := range []int{nMoves, len(p.labels)} {
		t, err := readTable(br, want, i == 0)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			p.move = t
		} else {
			p.label = t
		}
	}
	// a greedy model ends here; a beam model names its width
	if _, err := br.Peek(1); err == io.EOF {
		return p, nil
	}
	k, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if k < 2 || k > 64 {
		return nil, errors.New("bad beam width")
	}
	p.beam = int(k)
	return p, nil
}

func readTable(br *bufio.Reader, want int, inline bool) (scorer, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if n != uint64(want) || n > 256 {
		return nil, fmt.Errorf("table has %d classes, want %d", n, want)
	}
	var b [4]byte
	if _, err := io.ReadFull(br, b[:]); err != nil {
		return nil, err
	}
	step := math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	if !(step > 0) || math.IsInf(float64(step), 0) {
		return nil, errors.New("bad weight step")
	}
	rows, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if rows > 1<<22 {
		return nil, errors.New("too many rows")
	}
	var mt *moveTable
	var st *sparseTable
	if inline {
		mt = newMoveTable(int(rows), step)
	} else {
		st = newSparseTable(int(rows), step)
	}
	row := make([]float32, n)
	key := uint64(0)
	for r := range rows {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if d == 0 && r > 0 {
			return nil, errors.New("keys out of order")
		}
		key += d
		if key >= 1<<40 {
			return nil, errors.New("bad key")
		}
		clear(row)
		nz, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if nz > n {
			return nil, errors.New("bad row")
		}
		c := uint64(0)
		for range nz {
			dc, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, err
			}
			c += dc
			v, err := binary.ReadVarint(br)
			if err != nil {
				return nil, err
			}
			if c >= n {
				return nil, errors.New("bad class")
			}
			row[c] = float32(v) * step
		}
		if inline {
			mt.put(loadedKey(key), row)
		} else {
			st.put(loadedKey(key), row)
		}
	}
	if inline {
		return mt, nil
	}
	return st, nil
}
