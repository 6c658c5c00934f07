package tag

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// modelMagic starts every model file (after gzip decompression).
const modelMagic = "HERALD-TAG-1\n"

// model is a trained averaged perceptron in its compact run-time form: the
// feature keys map to a run of (class, weight) entries.
type model struct {
	xpos, upos []string // per class
	index      map[uint64]uint32
	offs       []uint32 // entries of feature f are offs[f]:offs[f+1]
	cls        []uint8
	w          []float32
}

// entry is one feature weight for one class, used while building a model.
type entry struct {
	class uint8
	w     float32
}

func newModel(xpos, upos []string, feats map[uint64][]entry) *model {
	keys := make([]uint64, 0, len(feats))
	for k := range feats {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	m := &model{xpos: xpos, upos: upos, index: make(map[uint64]uint32, len(keys)), offs: make([]uint32, 1, len(keys)+1)}
	for i, k := range keys {
		m.index[k] = uint32(i)
		for _, e := range feats[k] {
			m.cls = append(m.cls, e.class)
			m.w = append(m.w, quantize(e.w))
		}
		m.offs = append(m.offs, uint32(len(m.cls)))
	}
	return m
}

// weightScale quantizes weights to 1/weightScale steps in the model file.
const weightScale = 256

// quantize rounds w to the precision the model file keeps, so that a
// trained model and its reloaded copy tag alike.
func quantize(w float32) float32 {
	return float32(math.Round(float64(w)*weightScale)) / weightScale
}

// write writes m gzip-compressed. Equal models give equal bytes.
func (m *model) write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	sv := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(modelMagic)
	uv(uint64(len(m.xpos)))
	for i := range m.xpos {
		str(m.xpos[i])
		str(m.upos[i])
	}
	keys := make([]uint64, len(m.index))
	for k, i := range m.index {
		keys[i] = k
	}
	uv(uint64(len(keys)))
	prev := uint64(0)
	for f, k := range keys {
		uv(k - prev)
		prev = k
		a, b := m.offs[f], m.offs[f+1]
		uv(uint64(b - a))
		for j := a; j < b; j++ {
			bw.WriteByte(m.cls[j])
			sv(int64(math.Round(float64(m.w[j]) * weightScale)))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readModel reads a model written by write.
func readModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("tag: model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("tag: model: not a tagger model")
	}
	var rerr error
	uv := func() uint64 {
		x, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	str := func() string {
		n := uv()
		if n > 1<<10 {
			rerr = errors.New("string too long")
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil && rerr == nil {
			rerr = err
		}
		return string(b)
	}
	nc := uv()
	if nc == 0 || nc > 256 {
		return nil, fmt.Errorf("tag: model: bad class count %d", nc)
	}
	m := &model{}
	for range nc {
		m.xpos = append(m.xpos, strings.Clone(str()))
		m.upos = append(m.upos, strings.Clone(str()))
	}
	nf := uv()
	if rerr != nil || nf > 1<<26 {
		return nil, fmt.Errorf("tag: model: bad header: %v", rerr)
	}
	m.index = make(map[uint64]uint32, nf)
	m.offs = make([]uint32, 1, nf+1)
	k := uint64(0)
	for f := range nf {
		k += uv()
		n := uv()
		if rerr != nil || n > nc {
			return nil, fmt.Errorf("tag: model: bad feature %d: %v", f, rerr)
		}
		m.index[k] = uint32(f)
		for range n {
			c, err := br.ReadByte()
			if err != nil || uint64(c) >= nc {
				return nil, fmt.Errorf("tag: model: bad class in feature %d", f)
			}
			x, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("tag: model: feature %d: %w", f, err)
			}
			m.cls = append(m.cls, c)
			m.w = append(m.w, float32(x)/weightScale)
		}
		m.offs = append(m.offs, uint32(len(m.cls)))
	}
	return m, nil
}
