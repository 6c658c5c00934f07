package tag

import (
	"slices"

	"github.com/herald-events/herald/internal/swar"
)

// Dense packed rows (internal/swar).
//
// A frequent feature has a weight for nearly every class, and adding its
// entries one by one to scores (a scatter-add) is a large part of tagging
// with many classes. Such a feature instead gets, in the run-time form of
// the weights only, a packed row of swar.Words(nc) words, summed with the
// others exactly (see internal/swar). A feature with a weight outside the
// lane range keeps its sparse entries: nothing is clipped. A dense feature
// is marked in its lookup slot, with the offset of its row, so its lookup
// loads nothing but the slot.
//
// Measured (BenchmarkTag on EWT dev, GOMAXPROCS=1, sentences per CPU
// second, medians of interleaved runs): the embedded 102-class model
// 32,500 -> 41,900; a 220-class supertagger model 9,900 -> 14,800. The
// threshold (denseMin) made little difference between nc/2 and nc/8 on
// either model; nc/3 keeps the rows few (under 1% of the features).

const (
	slotDense  = 1 << 23       // in a slot: the feature has a dense row
	slotOffset = slotDense - 1 // in a slot: the offset in run + 1, or of the row in dense
)

// denseMin returns the least number of entries for which a feature of a
// model with nc classes gets a dense row.
var denseMin = swar.MinEntries

// denseRow returns the dense row of the entries es of a model with nc
// classes, and false when a class's weight (the sum of its entries) does
// not fit in a lane.
func denseRow(es []uint32, nc int) ([]uint64, bool) {
	var sum [swar.MaxClasses]int64
	for _, e := range es {
		sum[uint8(e)] += int64(int32(e) >> 8)
	}
	return swar.Pack(sum[:nc])
}

// add adds the weights of the feature keys to scores. It returns a value
// of no meaning that keeps the touching loads from being optimised away
// (add is too large to be inlined, so callers may ignore it).
func (m *weights) add(feats []uint64, scores []int32) uint32 {
	// Look every feature up first, without reading its entries, so that
	// the cache misses of the lookups overlap; then touch the first word
	// of every run found, so that those misses overlap too; then add up
	// the weights.
	var runs [maxFeatures]uint32
	var rows [maxFeatures]uint32
	n, nd := 0, 0
	for _, k := range feats {
		k >>= keyShift
		i := k & m.mask
		for {
			s := m.slots[i]
			if s == 0 {
				break
			}
			if s>>24 == k {
				if s&slotDense != 0 {
					rows[nd] = uint32(s & slotOffset)
					nd++
				} else {
					runs[n] = uint32(s&slotOffset) - 1
					n++
				}
				break
			}
			i = (i + 1) & m.mask
		}
	}
	var touch uint32
	for _, o := range runs[:n] {
		touch |= m.run[o]
	}
	for _, o := range runs[:n] {
		for _, e := range m.run[o+1 : o+1+m.run[o]] {
			scores[uint8(e)] += int32(e) >> 8
		}
	}
	if nd > 0 {
		m.addDense(rows[:nd], scores)
	}
	return touch
}

// addDense adds the dense rows starting at the word offsets rows to
// scores.
func (m *weights) addDense(rows []uint32, scores []int32) {
	swar.Add(m.dense, rows, scores[:m.nc])
}

// addScatter adds the weights of the feature keys to scores one entry at a
// time, from the sorted keys: the reference add must match.
func (m *weights) addScatter(feats []uint64, scores []int32) {
	for _, k := range feats {
		f, ok := slices.BinarySearch(m.keys, k>>keyShift)
		if !ok {
			continue
		}
		for _, e := range m.ent[m.start[f]:m.start[f+1]] {
			scores[uint8(e)] += int32(e) >> 8
		}
	}
}
