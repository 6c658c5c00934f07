package parse

// Dense packed rows ("SWAR": SIMD within a register) for the label table,
// after nlp/tag/swar.go.
//
// A frequent label feature has a weight for most relations, and adding its
// entries one by one (a scatter-add) was about half the time of labelling
// an arc. Such a feature instead gets, in the run-time form of the table
// only (the model file is unchanged), a dense row of nw = ceil(nc/3) uint64
// words: lane j (bits 21j to 21j+20) of word q holds the weight of class
// 3q+j plus laneBias, so that a weight in [-laneBias, laneBias) becomes a
// value in [0, 2*laneBias). Classes without an entry hold laneBias. The
// rows of the features of an arc are summed word by word with plain uint64
// additions: up to maxRows rows, each lane stays below
// maxRows*2*laneBias < 1<<21, so no carry crosses into the next lane. Each
// lane, less rows*laneBias, is then added to its class's sum. Integer sums
// do not depend on their order, so the sums, and so the float32 scores and
// the labels, are exactly those of the scatter-add. A feature with a
// weight outside the lane range keeps its sparse entries: nothing is
// clipped. A dense feature is marked in its slot (n = slotDense, off = its
// first word), so its lookup loads nothing but the slot.
//
// Measured on the embedded model (51 relations, rows of 17 words; 5,087 of
// 69,097 label features dense, none too wide; GOMAXPROCS=1, interleaved
// runs, medians): BenchmarkLabelScore on the 23,198 arcs of EWT dev
// 1,548 -> 1,130 ns per call (5 runs); BenchmarkParse 9,490 -> 10,530 and
// BenchmarkTagParse 7,050 -> 7,260 sentences per CPU second (6 runs,
// noisy); in CPU profiles of cmd/herald BenchmarkRun, sparseTable.score
// 14.3% -> 10.1% and 13.3% -> 10.4% of all CPU. Label weights take 2.33
// MB instead of 2.09. Lower thresholds were a little faster in
// BenchmarkLabelScore (nc/4: -5%, nc/8: -12%) at 2.7 and 4.2 MB; nc/3
// keeps the table small. The move table (three int16 inline per slot) is
// bound by its cache misses, not its three additions, so packed lanes,
// which would need a wider slot, are not used there.

const (
	lanes     = 3  // lanes per uint64 word
	laneBits  = 21 // bits per lane
	laneMask  = 1<<laneBits - 1
	laneBias  = 1 << 14 // added to each weight in a lane
	maxRows   = 63      // rows summed before the lanes must be unpacked
	slotDense = 1 << 15 // sparseSlot.n of a feature with a dense row
	// maxWords is the number of words of a dense row for 256 classes.
	maxWords = (256 + lanes - 1) / lanes
	// maxFound is the most rows score adds for one call.
	maxFound = 128
)

// denseMin returns the least number of entries for which a feature of a
// table with nc classes gets a dense row.
var denseMin = func(nc int) int { return (nc + 2) / 3 }

// denseRow returns the dense row of nw words of the entries es (at most one
// per class), and false when a weight does not fit in a lane.
func denseRow(es []uint32, nw int) ([]uint64, bool) {
	row := make([]uint64, nw)
	for q := range row {
		row[q] = laneBias | laneBias<<laneBits | laneBias<<(2*laneBits)
	}
	for _, e := range es {
		w := int64(int16(e >> 16))
		if w < -laneBias || w >= laneBias {
			return nil, false
		}
		c := int(uint16(e))
		sh := laneBits * (c % lanes)
		row[c/lanes] += uint64(w) << sh // wraps: laneBias+w stays in [0, 2*laneBias)
	}
	return row, true
}

// addDense adds the dense rows starting at the words rows to the sums acc.
func (t *sparseTable) addDense(rows []uint32, acc *[maxWords * lanes]int32) {
	var buf [maxWords]uint64
	nw := t.nw
	sum := buf[:nw]
	for len(rows) > 0 {
		part := rows[:min(len(rows), maxRows)]
		rows = rows[len(part):]
		off := int32(len(part)) * laneBias
		clear(sum)
		// Four rows at a time: one load and store of the sum serves four
		// rows.
		for ; len(part) >= 4; part = part[4:] {
			r0 := t.dense[part[0]:][:len(sum)]
			r1 := t.dense[part[1]:][:len(sum)]
			r2 := t.dense[part[2]:][:len(sum)]
			r3 := t.dense[part[3]:][:len(sum)]
			for q := range sum {
				sum[q] += r0[q] + r1[q] + r2[q] + r3[q]
			}
		}
		for _, r := range part {
			row := t.dense[r:][:len(sum)]
			for q, v := range row {
				sum[q] += v
			}
		}
		a := acc[:nw*lanes]
		for q, v := range sum {
			s := a[lanes*q:][:lanes]
			s[0] += int32(v&laneMask) - off
			s[1] += int32(v>>laneBits&laneMask) - off
			s[2] += int32(v>>(2*laneBits)) - off
		}
	}
}
