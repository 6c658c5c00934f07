package parse

import (
	"math"

	"github.com/herald-events/herald/internal/swar"
)

// Run-time weight tables, decoded from a model file. Weights are 16-bit
// multiples of the model's step. A slot keeps 16 bits of a feature's hash as
// its tag while the low bits of the hash choose the slot, so a lookup
// usually touches one cache line and a table of a million features fits in
// a few megabytes.

// scorer sets scores to the sums of the weight rows of feature keys. The
// result is meaningless; callers keep it so that the compiler keeps the
// loads that warm the cache.
type scorer interface {
	score(keys []uint64, scores []float32) uint32
}

func slotTag(key uint64) uint16 { return uint16(key>>48) | 1 }

// tableSize returns a power of two at least 1.5 times rows. Model files
// keep only the low 24 bits of the keys for the slot index, so the size
// must stay at most 1<<24 (rows at most 1<<22).
func tableSize(rows int) int {
	size := 1024
	for size < rows+rows/2 {
		size <<= 1
	}
	return size
}

func quant(w, step float32) int16 {
	q := math.Round(float64(w / step))
	return int16(max(-32767, min(32767, q)))
}

// moveSlot holds the weights of one feature for the three moves inline.
type moveSlot struct {
	tag uint16
	w   [nMoves]int16
}

type moveTable struct {
	mask  uint64
	step  float32
	slots []moveSlot
}

func newMoveTable(rows int, step float32) *moveTable {
	size := tableSize(rows)
	return &moveTable{mask: uint64(size - 1), step: step, slots: make([]moveSlot, size)}
}

func (t *moveTable) put(key uint64, w []float32) {
	i := key & t.mask
	for t.slots[i].tag != 0 {
		i = (i + 1) & t.mask
	}
	s := &t.slots[i]
	s.tag = slotTag(key)
	for c := range s.w {
		s.w[c] = quant(w[c], t.step)
	}
}

func (t *moveTable) score(keys []uint64, scores []float32) uint32 {
	// Touch the home slot of every key first: the loads are independent,
	// so the processor overlaps their cache misses; the probing below then
	// mostly hits the cache.
	var touch uint16
	for _, k := range keys {
		touch |= t.slots[k&t.mask].tag
	}
	var s0, s1, s2 int32
	for _, k := range keys {
		tag := slotTag(k)
		i := k & t.mask
		for {
			s := &t.slots[i]
			if s.tag == tag {
				s0 += int32(s.w[0])
				s1 += int32(s.w[1])
				s2 += int32(s.w[2])
				break
			}
			if s.tag == 0 {
				break
			}
			i = (i + 1) & t.mask
		}
	}
	scores[0], scores[1], scores[2] = float32(s0)*t.step, float32(s1)*t.step, float32(s2)*t.step
	return uint32(touch)
}

// sparseSlot points to the non-zero weights of one feature, or, when n has
// the bit slotDense, to its dense packed row (see swar.go).
type sparseSlot struct {
	tag uint16
	n   uint16 // number of entries, or slotDense
	off uint32 // first entry, or first word of the dense row
}

// an entry is a class (low 16 bits) and a weight (high 16 bits)
type sparseTable struct {
	mask    uint64
	step    float32
	slots   []sparseSlot
	entries []uint32
	dense   []uint64 // dense packed rows of nw words
	nc, nw  int      // classes; words of a dense row
	// minDense is the least number of entries of a feature given a dense
	// row, set from denseMin at the first put.
	minDense int
}

func newSparseTable(rows int, step float32) *sparseTable {
	size := tableSize(rows)
	return &sparseTable{mask: uint64(size - 1), step: step, slots: make([]sparseSlot, size)}
}

func (t *sparseTable) put(key uint64, row []float32) {
	if t.nc == 0 {
		t.nc, t.nw = len(row), swar.Words(len(row))
		if t.minDense == 0 {
			t.minDense = max(1, denseMin(len(row)))
		}
	}
	i := key & t.mask
	for t.slots[i].tag != 0 {
		i = (i + 1) & t.mask
	}
	off := len(t.entries)
	for c, w := range row {
		if q := quant(w, t.step); q != 0 {
			t.entries = append(t.entries, uint32(c)|uint32(uint16(q))<<16)
		}
	}
	n := len(t.entries) - off
	if n >= t.minDense && len(row) == t.nc {
		if d, ok := denseRow(t.entries[off:], t.nc); ok {
			t.entries = t.entries[:off]
			t.slots[i] = sparseSlot{tag: slotTag(key), n: slotDense, off: uint32(len(t.dense))}
			t.dense = append(t.dense, d...)
			return
		}
	}
	t.slots[i] = sparseSlot{tag: slotTag(key), n: uint16(n), off: uint32(off)}
}

func (t *sparseTable) score(keys []uint64, scores []float32) uint32 {
	var touch uint16
	for _, k := range keys {
		touch |= t.slots[k&t.mask].tag
	}
	// find the rows, touching their first entries or words
	var rows [maxFound]sparseSlot
	var drows [maxFound]uint32
	nr, nd := 0, 0
	var etouch uint32
	var dtouch uint64
	for _, k := range keys {
		tag := slotTag(k)
		i := k & t.mask
		for {
			s := &t.slots[i]
			if s.tag == tag {
				if nr+nd < maxFound {
					if s.n&slotDense != 0 {
						drows[nd] = s.off
						nd++
						dtouch |= t.dense[s.off]
					} else if s.n > 0 {
						rows[nr] = *s
						nr++
						etouch |= t.entries[s.off]
					}
				}
				break
			}
			if s.tag == 0 {
				break
			}
			i = (i + 1) & t.mask
		}
	}
	var acc [swar.MaxClasses]int32
	for _, r := range rows[:nr] {
		for _, e := range t.entries[r.off : r.off+uint32(r.n)] {
			acc[uint8(e)] += int32(int16(e >> 16))
		}
	}
	if nd > 0 {
		swar.Add(t.dense, drows[:nd], acc[:t.nc])
	}
	for c := range scores {
		scores[c] = float32(acc[c]) * t.step
	}
	return uint32(touch) | etouch | uint32(dtouch)
}
