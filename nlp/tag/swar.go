package tag

import "slices"

// Dense packed rows ("SWAR": SIMD within a register).
//
// A frequent feature has a weight for nearly every class, and adding its
// entries one by one to scores (a scatter-add) is a large part of tagging
// with many classes. Such a feature instead gets, in the run-time form of
// the weights only, a dense row of nw = ceil(nc/3) uint64 words: lane j
// (bits 21j to 21j+20) of word q holds the weight of class 3q+j plus
// laneBias, so that a weight in [-laneBias, laneBias) becomes a value in
// [0, 2*laneBias). Classes without an entry hold laneBias. The rows of the
// features of a word are summed word by word with plain uint64 additions:
// up to maxRows rows, each lane stays below maxRows*2*laneBias < 1<<21, so
// no carry crosses into the next lane. Each lane, less rows*laneBias, is
// then added to its class's score. Integer sums do not depend on their
// order, so scores are exactly those of the scatter-add. A feature with a
// weight outside the lane range keeps its sparse entries: nothing is
// clipped. A dense feature is marked in its lookup slot, so its lookup
// loads nothing but the slot.
//
// Measured (BenchmarkTag on EWT dev, GOMAXPROCS=1, sentences per CPU
// second, medians of interleaved runs): the embedded 102-class model
// 32,500 -> 41,900; a 220-class supertagger model 9,900 -> 14,800. The
// threshold (denseMin) made little difference between nc/2 and nc/8 on
// either model; nc/3 keeps the rows few (under 1% of the features).

const (
	lanes      = 3  // lanes per uint64 word
	laneBits   = 21 // bits per lane
	laneMask   = 1<<laneBits - 1
	laneBias   = 1 << 14       // added to each weight in a lane
	maxRows    = 63            // rows summed before the lanes must be unpacked
	slotDense  = 1 << 23       // in a slot: the feature has a dense row
	slotOffset = slotDense - 1 // in a slot: the offset in run + 1, or the row
	// maxWords is the number of words of a dense row for 256 classes.
	maxWords = (256 + lanes - 1) / lanes
)

// denseMin returns the least number of entries for which a feature of a
// model with nc classes gets a dense row.
var denseMin = func(nc int) int { return (nc + 2) / 3 }

// denseRow returns the dense row of nw words of the entries es, and false
// when a class's weight (the sum of its entries) does not fit in a lane.
func denseRow(es []uint32, nw int) ([]uint64, bool) {
	var sum [maxWords * lanes]int64
	for _, e := range es {
		sum[uint8(e)] += int64(int32(e) >> 8)
	}
	row := make([]uint64, nw)
	for c, w := range sum[:nw*lanes] {
		if w < -laneBias || w >= laneBias {
			return nil, false
		}
		row[c/lanes] |= uint64(w+laneBias) << (laneBits * (c % lanes))
	}
	return row, true
}

// add adds the weights of the feature keys to scores.
func (m *weights) add(feats []uint64, scores []int32) {
	// Look every feature up first, so that the memory loads of the lookups
	// overlap, then add up the weights.
	var found [maxFeatures][]uint32
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
				} else if o := uint32(s&slotOffset) - 1; m.run[o] > 0 {
					found[n] = m.run[o+1 : o+1+m.run[o]]
					n++
				}
				break
			}
			i = (i + 1) & m.mask
		}
	}
	for _, es := range found[:n] {
		for _, e := range es {
			scores[uint8(e)] += int32(e) >> 8
		}
	}
	if nd > 0 {
		m.addDense(rows[:nd], scores)
	}
}

// addDense adds the dense rows to scores.
func (m *weights) addDense(rows []uint32, scores []int32) {
	var buf [maxWords]uint64
	nw := m.nw
	acc := buf[:nw]
	scores = scores[:m.nc]
	for len(rows) > 0 {
		part := rows[:min(len(rows), maxRows)]
		rows = rows[len(part):]
		off := int32(len(part)) * laneBias
		clear(acc)
		// Four rows at a time: one load and store of the accumulator
		// serves four rows.
		for ; len(part) >= 4; part = part[4:] {
			r0 := m.dense[int(part[0])*nw:][:len(acc)]
			r1 := m.dense[int(part[1])*nw:][:len(acc)]
			r2 := m.dense[int(part[2])*nw:][:len(acc)]
			r3 := m.dense[int(part[3])*nw:][:len(acc)]
			for q := range acc {
				acc[q] += r0[q] + r1[q] + r2[q] + r3[q]
			}
		}
		for _, r := range part {
			row := m.dense[int(r)*nw:][:len(acc)]
			for q, v := range row {
				acc[q] += v
			}
		}
		full := len(scores) / lanes
		for q, v := range acc[:full] {
			s := scores[lanes*q:][:lanes]
			s[0] += int32(v&laneMask) - off
			s[1] += int32(v>>laneBits&laneMask) - off
			s[2] += int32(v>>(2*laneBits)) - off
		}
		if tail := scores[full*lanes:]; len(tail) > 0 {
			v := acc[full]
			for j := range tail {
				tail[j] += int32(v>>(laneBits*j)&laneMask) - off
			}
		}
	}
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
