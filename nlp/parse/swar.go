package parse

import "github.com/herald-events/herald/internal/swar"

// Dense packed rows (internal/swar) for the label table, as in
// nlp/tag/swar.go.
//
// A frequent label feature has a weight for most relations, and adding its
// entries one by one (a scatter-add) was about half the time of labelling
// an arc. Such a feature instead gets, in the run-time form of the table
// only (the model file is unchanged), a packed row of swar.Words(nc)
// words, summed with the others exactly (see internal/swar): the sums, and
// so the float32 scores and the labels, are those of the scatter-add. A
// feature with a weight outside the lane range keeps its sparse entries:
// nothing is clipped. A dense feature is marked in its slot (n = slotDense, off = its
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
	slotDense = 1 << 15 // sparseSlot.n of a feature with a dense row
	// maxFound is the most rows score adds for one call.
	maxFound = 128
)

// denseMin returns the least number of entries for which a feature of a
// table with nc classes gets a dense row.
var denseMin = swar.MinEntries

// denseRow returns the dense row of the entries es (at most one per class)
// of a table with nc classes, and false when a weight does not fit in a
// lane.
func denseRow(es []uint32, nc int) ([]uint64, bool) {
	var w [swar.MaxClasses]int64
	for _, e := range es {
		w[uint16(e)] = int64(int16(e >> 16))
	}
	return swar.Pack(w[:nc])
}
