// Package swar adds up rows of small integer weights packed three to a
// 64-bit word ("SIMD within a register"), exactly. nlp/tag and nlp/parse
// keep the features that carry a weight for most classes as such packed
// rows, in the run-time form of their models only.
//
// A packed row of nc classes has Words(nc) words: lane j (bits 21j to
// 21j+20) of word q holds the weight of class 3q+j plus Bias, so that a
// weight in [-Bias, Bias) becomes a value in [0, 2*Bias). Rows are summed
// word by word with plain uint64 additions: up to MaxRows rows, each lane
// stays below MaxRows*2*Bias < 1<<21, so no carry crosses into the next
// lane. Each lane, less rows*Bias, is then added to its class's sum.
// Integer sums do not depend on their order, so the sums are exactly those
// of adding the weights one by one. A weight outside the lane range does
// not fit (Pack says so): the caller keeps such a feature's weights as
// they were, and nothing is clipped.
package swar

const (
	lanes    = 3  // lanes per uint64 word
	laneBits = 21 // bits per lane
	laneMask = 1<<laneBits - 1
	// Bias is added to each weight in a lane: a weight w fits when
	// -Bias <= w < Bias.
	Bias = 1 << 14
	// MaxRows is the most rows summed before the lanes are unpacked.
	MaxRows = 63
	// MaxClasses is the most classes a row may have.
	MaxClasses = 256
	maxWords   = (MaxClasses + lanes - 1) / lanes
)

// Words returns the number of words of a packed row of nc classes.
func Words(nc int) int { return (nc + lanes - 1) / lanes }

// MinEntries returns the least number of weights for which a feature of nc
// classes is worth a packed row: a third of the classes (on the tagger and
// the labeller, thresholds from nc/2 to nc/8 were about as fast, and nc/3
// keeps the rows few).
func MinEntries(nc int) int { return (nc + 2) / 3 }

// Pack returns the packed row of the weights w, one per class (at most
// MaxClasses), and false when one does not fit in a lane.
func Pack(w []int64) ([]uint64, bool) {
	row := make([]uint64, Words(len(w)))
	for c, x := range w {
		if x < -Bias || x >= Bias {
			return nil, false
		}
		row[c/lanes] |= uint64(x+Bias) << (laneBits * (c % lanes))
	}
	return row, true
}

// Add adds to sums, one per class (at most MaxClasses), the packed rows of
// data that start at the word offsets rows, each Words(len(sums)) words.
func Add(data []uint64, rows []uint32, sums []int32) {
	var buf [maxWords]uint64
	acc := buf[:Words(len(sums))]
	for len(rows) > 0 {
		part := rows[:min(len(rows), MaxRows)]
		rows = rows[len(part):]
		off := int32(len(part)) * Bias
		clear(acc)
		// Four rows at a time: one load and store of the accumulator
		// serves four rows.
		for ; len(part) >= 4; part = part[4:] {
			r0 := data[part[0]:][:len(acc)]
			r1 := data[part[1]:][:len(acc)]
			r2 := data[part[2]:][:len(acc)]
			r3 := data[part[3]:][:len(acc)]
			for q := range acc {
				acc[q] += r0[q] + r1[q] + r2[q] + r3[q]
			}
		}
		for _, r := range part {
			row := data[r:][:len(acc)]
			for q, v := range row {
				acc[q] += v
			}
		}
		full := len(sums) / lanes
		for q, v := range acc[:full] {
			s := sums[lanes*q:][:lanes]
			s[0] += int32(v&laneMask) - off
			s[1] += int32(v>>laneBits&laneMask) - off
			s[2] += int32(v>>(2*laneBits)) - off
		}
		if tail := sums[full*lanes:]; len(tail) > 0 {
			v := acc[full]
			for j := range tail {
				tail[j] += int32(v>>(laneBits*j)&laneMask) - off
			}
		}
	}
}
