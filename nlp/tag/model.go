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

	"github.com/herald-events/herald/internal/swar"
)

// modelMagic starts every model file (after gzip decompression).
const modelMagic = "HERALD-TAG-4\n"

// modelMagicAux starts a model with auxiliary tags: the format of
// modelMagic, which models without them keep.
const modelMagicAux = "HERALD-TAG-5\n"

// modelMagicV3 starts the previous format, whose feature keys have 64 bits.
const modelMagicV3 = "HERALD-TAG-3\n"

// keyShift drops the low bits of feature keys in a model: 40 bits keep
// collisions among a few hundred thousand features negligible and the
// model file small.
const keyShift = 24

// model is a trained tagger in its compact run-time form: the classes and
// one set of weights per pass.
type model struct {
	xpos, upos []string // per class
	passes     []*weights
	// sureMargin: a word whose first-pass score beats the runner-up by at
	// least this much (in 1/weightScale units) keeps its first-pass class
	// without a second pass; 0 rescores every word.
	sureMargin int32
	sure       map[uint64]uint16 // word hash -> 1 + class, for frequent unambiguous words
	lexicon    map[uint64]uint8  // lower-case word hash -> Lex* classes of an outside dictionary
	// aux: the model reads an auxiliary tag per word (Example.Aux,
	// Tagger.TagAux), such as a predicted part of speech.
	aux bool
}

// weights are averaged perceptron weights of one pass, quantized to
// integers. Each feature key maps, through an open-addressing table, to a
// run of packed (class, weight) entries.
type weights struct {
	keys  []uint64 // feature keys >> keyShift, sorted
	start []uint32 // entries of feature keys[f] are ent[start[f]:start[f+1]]
	ent   []uint32 // class in the low 8 bits, weight*weightScale in the high 24 (signed)
	mask  uint64
	slots []uint64 // key<<24 | (o+1) (or slotDense|row), at key&mask or after it; 0 is empty
	// run holds, at offset o of each feature, the number of its entries
	// followed by the entries: one memory load less per lookup than
	// going through start. A feature with a dense packed row (see
	// swar.go) has instead, in its slot, slotDense | the offset of the
	// row's first word in dense, and nothing in run.
	run []uint32
	// nc is the number of classes the entries cover (largest class + 1)
	// and nw = swar.Words(nc) the words of a dense row.
	nc, nw int
	// dense holds the dense packed rows, nw words each.
	dense []uint64
}

// entry is one feature weight for one class, used while building a model.
type entry struct {
	class uint8
	w     float32
}

const maxWeight = 1<<23 - 1

func packEntry(c uint8, w int64) uint32 {
	w = max(min(w, maxWeight), -maxWeight)
	return uint32(int32(w)<<8) | uint32(c)
}

func newWeights(feats map[uint64][]entry) *weights {
	// Shorten the keys, adding up the weights of keys that become equal.
	short := make(map[uint64][]entry, len(feats))
	full := make([]uint64, 0, len(feats))
	for k := range feats {
		full = append(full, k)
	}
	slices.Sort(full)
	for _, k := range full {
		short[k>>keyShift] = mergeEntries(short[k>>keyShift], feats[k])
	}
	keys := make([]uint64, 0, len(short))
	for k := range short {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	m := &weights{keys: keys, start: make([]uint32, 1, len(keys)+1)}
	kept := keys[:0]
	for _, k := range keys {
		for _, e := range short[k] {
			if w := int64(math.Round(float64(e.w) * weightScale)); w != 0 {
				m.ent = append(m.ent, packEntry(e.class, w))
			}
		}
		if m.start[len(m.start)-1] == uint32(len(m.ent)) {
			continue // every weight rounded to zero: drop the feature
		}
		kept = append(kept, k)
		m.start = append(m.start, uint32(len(m.ent)))
	}
	m.keys = kept
	m.buildTable()
	return m
}

// mergeEntries adds the weights of b to a, class by class, keeping classes
// in order.
func mergeEntries(a, b []entry) []entry {
	if len(a) == 0 {
		return b
	}
	out := append([]entry(nil), a...)
	for _, e := range b {
		found := false
		for j := range out {
			if out[j].class == e.class {
				out[j].w += e.w
				found = true
				break
			}
		}
		if !found {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(x, y entry) int { return int(x.class) - int(y.class) })
	return out
}

// buildTable fills the lookup table from keys, giving the features with
// many entries a dense packed row (see swar.go).
func (m *weights) buildTable() { m.buildTableDense(-1) }

// buildTableDense is buildTable with features of at least minDense entries
// getting a dense row (denseMin's number when minDense is negative).
func (m *weights) buildTableDense(minDense int) {
	size := 16
	for size < 2*len(m.keys) {
		size *= 2
	}
	m.mask = uint64(size - 1)
	m.slots = make([]uint64, size)
	m.nc = 0
	for _, e := range m.ent {
		m.nc = max(m.nc, int(uint8(e))+1)
	}
	m.nw = swar.Words(m.nc)
	if minDense < 0 {
		minDense = denseMin(m.nc)
	}
	// Dense rows first, so that run is made to its size.
	m.dense = nil
	row := make([]int32, len(m.keys)) // per feature: 1 + the offset of its dense row, or 0
	nrun := 0
	for f := range m.keys {
		es := m.ent[m.start[f]:m.start[f+1]]
		if len(es) > 0 && len(es) >= minDense && len(m.dense) <= slotOffset {
			if r, ok := denseRow(es, m.nc); ok {
				row[f] = int32(len(m.dense)) + 1
				m.dense = append(m.dense, r...)
				continue
			}
		}
		nrun += 1 + len(es)
	}
	m.run = make([]uint32, 0, nrun)
	for f, k := range m.keys {
		i := k & m.mask
		for m.slots[i] != 0 {
			i = (i + 1) & m.mask
		}
		if row[f] > 0 {
			m.slots[i] = k<<24 | slotDense | uint64(row[f]-1)
			continue
		}
		o := len(m.run)
		if o+1 > slotOffset {
			panic("tag: model too large for the lookup table")
		}
		m.slots[i] = k<<24 | uint64(o+1)
		es := m.ent[m.start[f]:m.start[f+1]]
		m.run = append(m.run, uint32(len(es)))
		m.run = append(m.run, es...)
	}
}

// predict returns the best class for the feature keys and its margin over
// the second best; scores is scratch space of one int per class.
func (m *weights) predict(feats []uint64, scores []int32) (int, int32) {
	clear(scores)
	m.add(feats, scores)
	return best(scores)
}

// best returns the best class of scores (the first of equals) and its
// margin over the second best.
func best(scores []int32) (int, int32) {
	best, second := 0, int32(math.MinInt32)
	for c, v := range scores {
		if v > scores[best] {
			second = scores[best]
			best = c
		} else if c != best && v > second {
			second = v
		}
	}
	return best, scores[best] - second
}

// weightScale quantizes weights to 1/weightScale steps (format 4). On EWT
// dev, steps of 1/8 tag exactly as unquantized weights do.
const weightScale = 8

// v3Scale is the weight step of format 3.
const v3Scale = 256

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
	if m.aux {
		bw.WriteString(modelMagicAux)
	} else {
		bw.WriteString(modelMagic)
	}
	uv(uint64(len(m.xpos)))
	for i := range m.xpos {
		str(m.xpos[i])
		str(m.upos[i])
	}
	uv(uint64(len(m.passes)))
	for _, p := range m.passes {
		keys := p.keys
		uv(uint64(len(keys)))
		prev := uint64(0)
		for f, k := range keys {
			uv(k - prev)
			prev = k
			a, b := p.start[f], p.start[f+1]
			uv(uint64(b - a))
			for _, e := range p.ent[a:b] {
				bw.WriteByte(uint8(e))
				sv(int64(int32(e) >> 8))
			}
		}
	}
	lk := make([]uint64, 0, len(m.sure))
	for k := range m.sure {
		lk = append(lk, k)
	}
	slices.Sort(lk)
	uv(uint64(len(lk)))
	prev := uint64(0)
	for _, k := range lk {
		uv(k - prev)
		prev = k
		uv(uint64(m.sure[k]))
	}
	lk = lk[:0]
	for k := range m.lexicon {
		lk = append(lk, k)
	}
	slices.Sort(lk)
	uv(uint64(len(lk)))
	prev = 0
	for _, k := range lk {
		// Keys are stored to 40 bits: collisions among a few hundred
		// thousand words are then negligible, and the file stays small.
		uv(k>>24 - prev)
		prev = k >> 24
		bw.WriteByte(m.lexicon[k])
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
	_, err = io.ReadFull(br, magic)
	v3 := string(magic) == modelMagicV3
	aux := string(magic) == modelMagicAux
	if err != nil || (string(magic) != modelMagic && !v3 && !aux) {
		return nil, errors.New("tag: model: not a tagger model (or an older format)")
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
	m := &model{aux: aux}
	for range nc {
		m.xpos = append(m.xpos, strings.Clone(str()))
		m.upos = append(m.upos, strings.Clone(str()))
	}
	np := uv()
	if rerr != nil || np == 0 || np > 2 {
		return nil, fmt.Errorf("tag: model: bad header (%d passes): %v", np, rerr)
	}
	for pass := range np {
		nf := uv()
		if rerr != nil || nf >= 1<<24-1 {
			return nil, fmt.Errorf("tag: model: pass %d: bad feature count: %v", pass, rerr)
		}
		p := &weights{keys: make([]uint64, 0, nf), start: make([]uint32, 1, nf+1)}
		k := uint64(0)
		for f := range nf {
			k += uv()
			n := uv()
			if rerr != nil || n > nc {
				return nil, fmt.Errorf("tag: model: pass %d: bad feature %d: %v", pass, f, rerr)
			}
			if !v3 && (f > 0 && k <= p.keys[f-1] || k >= 1<<(64-keyShift)) {
				return nil, fmt.Errorf("tag: model: pass %d: feature %d out of order", pass, f)
			}
			p.keys = append(p.keys, k)
			for range n {
				c, err := br.ReadByte()
				if err != nil || uint64(c) >= nc {
					return nil, fmt.Errorf("tag: model: pass %d: bad class in feature %d", pass, f)
				}
				x, err := binary.ReadVarint(br)
				if err != nil {
					return nil, fmt.Errorf("tag: model: pass %d: feature %d: %w", pass, f, err)
				}
				p.ent = append(p.ent, packEntry(c, x))
			}
			p.start = append(p.start, uint32(len(p.ent)))
		}
		if v3 {
			p = p.rekeyed()
		}
		p.buildTable()
		m.passes = append(m.passes, p)
	}
	nl := uv()
	if rerr != nil || nl > 1<<24 {
		return nil, fmt.Errorf("tag: model: bad lexicon: %v", rerr)
	}
	m.sure = make(map[uint64]uint16, nl)
	k := uint64(0)
	for range nl {
		k += uv()
		c := uv()
		if rerr != nil || c == 0 || c > nc {
			return nil, fmt.Errorf("tag: model: bad lexicon entry: %v", rerr)
		}
		m.sure[k] = uint16(c)
	}
	nx := uv()
	if rerr != nil || nx > 1<<24 {
		return nil, fmt.Errorf("tag: model: bad word classes: %v", rerr)
	}
	m.lexicon = make(map[uint64]uint8, nx)
	k = 0
	for range nx {
		k += uv()
		b, err := br.ReadByte()
		if rerr != nil || err != nil {
			return nil, fmt.Errorf("tag: model: bad word class entry: %v", rerr)
		}
		m.lexicon[k<<24] = b
	}
	return m, nil
}

// pruned returns a copy of m without the entries whose weight magnitude
// is below min (in model units, 1/weightScale), and without the features
// left with no entries.
func (m *weights) pruned(min int32) *weights {
	feats := map[uint64][]entry{}
	for f, k := range m.keys {
		var out []entry
		for _, e := range m.ent[m.start[f]:m.start[f+1]] {
			if w := int32(e) >> 8; w >= min || w <= -min {
				out = append(out, entry{class: uint8(e), w: float32(w) / weightScale})
			}
		}
		if len(out) > 0 {
			feats[k<<keyShift] = out
		}
	}
	return newWeights(feats)
}

// rekeyed converts weights read with full 64-bit keys and 1/256 steps
// (format 3).
func (m *weights) rekeyed() *weights {
	feats := make(map[uint64][]entry, len(m.keys))
	for f, k := range m.keys {
		es := m.ent[m.start[f]:m.start[f+1]]
		out := make([]entry, len(es))
		for j, e := range es {
			out[j] = entry{class: uint8(e), w: float32(int32(e)>>8) / v3Scale}
		}
		feats[k] = mergeEntries(feats[k], out)
	}
	return newWeights(feats)
}
