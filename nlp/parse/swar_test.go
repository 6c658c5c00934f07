package parse

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/internal/swar"
)

// readSentencesInternal reads the CoNLL-U file at path.
func readSentencesInternal(t testing.TB, path string) []Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return toSentences(sents)
}

// scoreScatter is sparseTable.score as it was before dense rows: the
// reference the packed rows must match. t must have no dense rows.
func (t *sparseTable) scoreScatter(keys []uint64, scores []float32) {
	var rows [maxFound]sparseSlot
	nr := 0
	for _, k := range keys {
		tag := slotTag(k)
		i := k & t.mask
		for {
			s := &t.slots[i]
			if s.tag == tag {
				if nr < len(rows) && s.n > 0 {
					rows[nr] = *s
					nr++
				}
				break
			}
			if s.tag == 0 {
				break
			}
			i = (i + 1) & t.mask
		}
	}
	var acc [256]int32
	for _, r := range rows[:nr] {
		for _, e := range t.entries[r.off : r.off+uint32(r.n)] {
			acc[uint8(e)] += int32(int16(e >> 16))
		}
	}
	for c := range scores {
		scores[c] = float32(acc[c]) * t.step
	}
}

// withoutDense runs f with no feature given a dense row.
func withoutDense(f func()) {
	old := denseMin
	denseMin = func(int) int { return math.MaxInt }
	defer func() { denseMin = old }()
	f()
}

// randomTables returns the same random table of nf features over nc
// classes twice, with dense rows and without, and its keys. Many features
// have entries for most classes; some have weights at the edges of a
// lane's range or beyond it, up to the largest weight a table holds.
func randomTables(r *rand.Rand, nc, nf int) (dense, sparse *sparseTable, keys []uint64) {
	const step = 0.01
	dense, sparse = newSparseTable(nf, step), newSparseTable(nf, step)
	sparse.minDense = math.MaxInt
	row := make([]float32, nc)
	for range nf {
		var n int
		switch r.IntN(4) {
		case 0:
			n = 1 + r.IntN(min(4, nc))
		case 1:
			n = 1 + r.IntN(nc)
		default:
			n = nc - r.IntN(nc/4+1)
		}
		big := r.IntN(5) == 0 // a weight beyond a lane's range
		clear(row)
		for j, c := range r.Perm(nc)[:n] {
			q := math.Round(r.NormFloat64() * 3000)
			switch {
			case big && j == 0:
				q = float64(swar.Bias + r.IntN(32767-swar.Bias+1))
				if r.IntN(2) == 0 {
					q = -q
				}
			case r.IntN(30) == 0:
				q = []float64{-swar.Bias, swar.Bias - 1, -32767, 32767, 1, -1}[r.IntN(6)]
			}
			row[c] = float32(q) * step
		}
		k := r.Uint64()
		keys = append(keys, k)
		dense.put(k, row)
		sparse.put(k, row)
	}
	return dense, sparse, keys
}

// TestDenseScoreExact checks that score, with dense packed rows, gives
// exactly the scores of the scatter-add, for random tables and key sets.
func TestDenseScoreExact(t *testing.T) {
	for _, nc := range []int{2, 3, 50, 64, 200, 256} {
		t.Run(fmt.Sprint(nc), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(nc), 7))
			dt, st, keys := randomTables(r, nc, 3000)
			nd, wide := 0, 0
			for i, s := range dt.slots {
				if s.n&slotDense != 0 {
					nd++
				} else if int(s.n) >= dt.minDense {
					wide++
				}
				if st.slots[i].n&slotDense != 0 {
					t.Fatal("dense row in the table without dense rows")
				}
			}
			if nd == 0 || wide == 0 || len(dt.dense) != nd*dt.nw {
				t.Fatalf("%d dense rows (%d words of %d), %d rows too wide: want some of both", nd, len(dt.dense), dt.nw, wide)
			}
			got, want := make([]float32, nc), make([]float32, nc)
			ks := make([]uint64, 0, maxFound+20)
			for it := range 3000 {
				n := r.IntN(len(labelTemplates) + 1)
				if it%100 == 0 {
					n = cap(ks) // beyond maxFound rows
				}
				ks = ks[:n]
				for j := range ks {
					if r.IntN(8) == 0 {
						ks[j] = r.Uint64() // most likely absent
					} else {
						ks[j] = keys[r.IntN(len(keys))]
					}
				}
				dt.score(ks, got)
				st.scoreScatter(ks, want)
				for c := range got {
					if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
						t.Fatalf("keys %x: class %d: packed %v, scatter-add %v", ks, c, got[c], want[c])
					}
				}
			}
		})
	}
}

// TestDenseManyRows checks that summing more dense rows than the lanes can
// hold at once (swar.MaxRows), all at the edges of the lane range, stays exact.
func TestDenseManyRows(t *testing.T) {
	for _, nc := range []int{3, 50, 256} {
		dt, st := newSparseTable(200, 1), newSparseTable(200, 1)
		st.minDense = math.MaxInt
		row := make([]float32, nc)
		var keys []uint64
		for k := range uint64(200) {
			for c := range row {
				row[c] = swar.Bias - 1
				if (c+int(k))%2 == 0 {
					row[c] = -swar.Bias
				}
			}
			key := k<<48 | k*977
			keys = append(keys, key)
			dt.put(key, row)
			st.put(key, row)
		}
		if len(dt.dense) != 200*dt.nw {
			t.Fatalf("nc %d: %d dense words, want %d", nc, len(dt.dense), 200*dt.nw)
		}
		got, want := make([]float32, nc), make([]float32, nc)
		for _, n := range []int{swar.MaxRows - 1, swar.MaxRows, swar.MaxRows + 1, 2*swar.MaxRows + 1, maxFound} {
			dt.score(keys[:n], got)
			st.scoreScatter(keys[:n], want)
			if !slices.Equal(got, want) {
				t.Fatalf("nc %d, %d rows: packed %v, scatter-add %v", nc, n, got, want)
			}
		}
	}
}

// denseAndSparse decodes the embedded model twice, with dense label rows
// and without.
func denseAndSparse(t testing.TB) (dense, sparse *Parser) {
	if len(embedded) == 0 {
		t.Skip("no embedded model")
	}
	dense, err := Load(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	withoutDense(func() { sparse, err = Load(bytes.NewReader(embedded)) })
	if err != nil {
		t.Fatal(err)
	}
	return dense, sparse
}

// checkScorer scores with the packed table and checks each call against
// the scatter-add of the same table without dense rows.
type checkScorer struct {
	t          testing.TB
	dense      *sparseTable
	ref        *sparseTable
	calls, bad int
	buf        []float32
}

func (c *checkScorer) score(keys []uint64, scores []float32) uint32 {
	c.calls++
	sink := c.dense.score(keys, scores)
	c.buf = c.buf[:0]
	c.buf = append(c.buf, scores...)
	c.ref.scoreScatter(keys, c.buf)
	if !slices.Equal(c.buf, scores) {
		c.bad++
	}
	return sink
}

// TestDenseEmbeddedParser checks that the embedded parser gives, with dense
// label rows, exactly the label scores of the scatter-add at every arc and
// the parses of the parser without dense rows, on the test corpus (and on
// EWT dev with HERALD_SHARED).
func TestDenseEmbeddedParser(t *testing.T) {
	p, ref := denseAndSparse(t)
	dt, st := p.label.(*sparseTable), ref.label.(*sparseTable)
	if len(dt.dense) == 0 || len(st.dense) != 0 {
		t.Fatalf("%d dense words with dense rows, %d without", len(dt.dense), len(st.dense))
	}
	cs := &checkScorer{t: t, dense: dt, ref: st}
	p.label = cs
	sents := readMini(t)
	if _, ok := devdata.Lookup(); ok {
		sents = append(sents, readSentencesInternal(t, devdata.Path(t, "ud-en-ewt/en_ewt-ud-dev.conllu"))...)
	}
	for i, s := range sents {
		n := len(s.Words)
		h1, h2 := make([]int, n), make([]int, n)
		r1, r2 := make([]string, n), make([]string, n)
		p.Parse(s.Words, s.XPOS, s.UPOS, h1, r1)
		ref.Parse(s.Words, s.XPOS, s.UPOS, h2, r2)
		if !slices.Equal(h1, h2) || !slices.Equal(r1, r2) {
			t.Fatalf("sentence %d %q: %v %v with dense rows, %v %v without", i, s.Words, h1, r1, h2, r2)
		}
	}
	if cs.calls == 0 || cs.bad != 0 {
		t.Fatalf("%d of %d label scorings differ from the scatter-add", cs.bad, cs.calls)
	}
	t.Logf("%d sentences, %d label scorings identical", len(sents), cs.calls)
}

// recordScorer records the keys of each call.
type recordScorer struct {
	s    scorer
	keys [][]uint64
}

func (r *recordScorer) score(keys []uint64, scores []float32) uint32 {
	r.keys = append(r.keys, slices.Clone(keys))
	return r.s.score(keys, scores)
}

// BenchmarkLabelScore scores the label keys of the arcs of the test corpus
// (EWT dev with HERALD_SHARED) with the embedded label table, with dense
// rows (packed) and without (scatter).
func BenchmarkLabelScore(b *testing.B) {
	p, ref := denseAndSparse(b)
	rec := &recordScorer{s: p.label}
	p.label = rec
	sents := readMini(b)
	if _, ok := devdata.Lookup(); ok {
		sents = readSentencesInternal(b, devdata.Path(b, "ud-en-ewt/en_ewt-ud-dev.conllu"))
	}
	for _, s := range sents {
		n := len(s.Words)
		p.Parse(s.Words, s.XPOS, s.UPOS, make([]int, n), make([]string, n))
	}
	scores := make([]float32, len(p.labels))
	for _, c := range []struct {
		name string
		t    scorer
	}{{"packed", rec.s}, {"scatter", ref.label}} {
		b.Run(c.name, func(b *testing.B) {
			var sink uint32
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				sink += c.t.score(rec.keys[i%len(rec.keys)], scores)
			}
			_ = sink
		})
	}
}
