package tag

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/herald-events/herald/internal/swar"
)

// randomWeights returns weights of nf features over nc classes with random
// entries: many features have entries for most classes, some weights are
// outside the range of a lane, and some keys collide once shortened.
func randomWeights(r *rand.Rand, nc, nf int) (*weights, []uint64) {
	feats := make(map[uint64][]entry, nf)
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
		big := r.IntN(5) == 0 // weights beyond a lane's range
		classes := r.Perm(nc)[:n]
		slices.Sort(classes)
		es := make([]entry, n)
		for j, c := range classes {
			w := r.NormFloat64() * 100
			if big && j == n/2 {
				w = float64(swar.Bias)/weightScale + 1 + r.Float64()*1e4
				if r.IntN(2) == 0 {
					w = -w
				}
			}
			if r.IntN(40) == 0 {
				// Right at the edges of the lane range.
				w = []float64{-swar.Bias, swar.Bias - 1, swar.Bias}[r.IntN(3)] / weightScale
			}
			es[j] = entry{class: uint8(c), w: float32(w)}
		}
		feats[r.Uint64()] = es
	}
	keys := make([]uint64, 0, len(feats))
	for k := range feats {
		keys = append(keys, k)
	}
	return newWeights(feats), keys
}

// TestDenseAddExact checks that add, with dense packed rows, gives exactly
// the scores of the plain scatter-add, for random models and feature sets.
func TestDenseAddExact(t *testing.T) {
	for _, nc := range []int{2, 3, 7, 50, 100, 199, 200, 256} {
		t.Run(fmt.Sprint(nc), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(nc), 11))
			m, keys := randomWeights(r, nc, 3000)
			if m.nc != nc {
				t.Fatalf("nc = %d, want %d", m.nc, nc)
			}
			dense, wide := 0, 0
			for f := range m.keys {
				es := m.ent[m.start[f]:m.start[f+1]]
				if len(es) < denseMin(nc) {
					continue
				}
				if _, ok := denseRow(es, m.nc); ok {
					dense++
				} else {
					wide++
				}
			}
			if len(m.dense) != dense*m.nw || dense == 0 || wide == 0 {
				t.Fatalf("%d dense words for %d dense rows of %d words, %d features too wide: want some of both", len(m.dense), dense, m.nw, wide)
			}
			got, want := make([]int32, nc), make([]int32, nc)
			feats := make([]uint64, 0, maxFeatures)
			for range 2000 {
				feats = feats[:r.IntN(maxFeatures+1)]
				for j := range feats {
					if r.IntN(8) == 0 {
						feats[j] = r.Uint64() // most likely absent
					} else {
						feats[j] = keys[r.IntN(len(keys))]
					}
				}
				for j := range got {
					got[j] = r.Int32N(1000) - 500
				}
				copy(want, got)
				m.add(feats, got)
				m.addScatter(feats, want)
				if !slices.Equal(got, want) {
					t.Fatalf("features %x: add gives %v, scatter-add %v", feats, got, want)
				}
			}
		})
	}
}

// TestDenseManyRows checks that summing more rows than the lanes can hold
// at once (swar.MaxRows) still gives exact scores.
func TestDenseManyRows(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const nc = 200
	m, _ := randomWeights(r, nc, 500)
	var rows []uint32
	want := make([]int32, nc)
	for f, k := range m.keys {
		s := m.slot(k)
		if s&slotDense == 0 {
			continue
		}
		// Every feature with the largest weights possible in a lane, many
		// times over.
		for range 3 {
			rows = append(rows, uint32(s&slotOffset))
			for _, e := range m.ent[m.start[f]:m.start[f+1]] {
				want[uint8(e)] += int32(e) >> 8
			}
		}
	}
	if len(rows) < 3*swar.MaxRows {
		t.Fatalf("only %d dense rows", len(rows))
	}
	got := make([]int32, nc)
	m.addDense(rows, got)
	if !slices.Equal(got, want) {
		t.Fatalf("%d rows: got %v, want %v", len(rows), got, want)
	}
}

// slot returns the slot of feature key k (shortened), which must be in m.
func (m *weights) slot(k uint64) uint64 {
	i := k & m.mask
	for m.slots[i]>>24 != k {
		i = (i + 1) & m.mask
	}
	return m.slots[i]
}

// TestDenseEmbeddedModel checks that the embedded model (or the model
// file HERALD_TAG_MODEL), with its dense rows, gives word by word the
// scores of the scatter-add and the classes of the model without dense
// rows.
func TestDenseEmbeddedModel(t *testing.T) {
	tg, err := New()
	if p := os.Getenv("HERALD_TAG_MODEL"); p != "" {
		f, ferr := os.Open(p)
		if ferr != nil {
			t.Fatal(ferr)
		}
		tg, err = Load(f)
		f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	sparse := *m
	sparse.passes = nil
	for p, w := range m.passes {
		if len(w.dense) == 0 {
			t.Fatalf("pass %d has no dense rows", p)
		}
		s := *w
		s.buildTableDense(math.MaxInt)
		if len(s.dense) != 0 {
			t.Fatal("dense rows built with no feature dense")
		}
		sparse.passes = append(sparse.passes, &s)
	}
	nc := len(m.xpos)
	scores, a, b := make([]int32, nc), make([]int32, nc), make([]int32, nc)
	var ws []wordInfo
	var feats [maxFeatures]uint64
	for si, words := range cacheSentences(t) {
		ws = m.analyzeAll(ws, words, nil)
		want := slices.Clone(sparse.classes(ws, nil, scores, make([]uint16, len(ws)), make([]uint16, len(ws)), nil))
		got := m.classes(ws, nil, scores, make([]uint16, len(ws)), make([]uint16, len(ws)), nil)
		if !slices.Equal(got, want) {
			t.Fatalf("sentence %d %q: classes %v with dense rows, %v without", si, words, got, want)
		}
		sc := sentenceCase(ws)
		for i := range ws {
			p1, p2 := uint64(noTag), uint64(noTag)
			if i > 0 {
				p1 = uint64(got[i-1])
			}
			if i > 1 {
				p2 = uint64(got[i-2])
			}
			for p, w := range m.passes {
				var fi []uint16
				if p == 1 {
					fi = got
				}
				f := feats[:m.features(&feats, ws, i, p1, p2, sc, fi)]
				clear(a)
				clear(b)
				w.add(f, a)
				w.addScatter(f, b)
				if !slices.Equal(a, b) {
					t.Fatalf("sentence %d word %d %q pass %d: add %v, scatter-add %v", si, i, words[i], p, a, b)
				}
			}
		}
	}
}

// TestNoEntries checks weights whose features have no entries (a model
// file may hold such features): they add nothing.
func TestNoEntries(t *testing.T) {
	m := &weights{keys: []uint64{5, 9}, start: []uint32{0, 0, 0}}
	m.buildTable()
	scores := []int32{1, 2, 3}
	m.add([]uint64{5 << keyShift, 9 << keyShift, 7 << keyShift}, scores)
	if !slices.Equal(scores, []int32{1, 2, 3}) {
		t.Errorf("scores %v, want [1 2 3]", scores)
	}
}
