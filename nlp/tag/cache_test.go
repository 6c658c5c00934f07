package tag

import (
	"slices"
	"strings"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
)

// cacheSentences returns the words of EWT dev when HERALD_SHARED is set,
// and a few built-in sentences otherwise.
func cacheSentences(t *testing.T) [][]string {
	out := [][]string{
		strings.Fields("Iran 's supreme leader accused Muslim states of betraying the Palestinians ."),
		strings.Fields("The central bank raised interest rates by half a point on Tuesday , officials said ."),
		strings.Fields("the bank said rates would rise . The Bank said so ."),
		strings.Fields("Rates rose ; rates fell ; RATES ROSE"),
		strings.Fields("Rates Rise As Bank Sector Rallies"),
		strings.Fields("Rates rise as the bank sector rallies ."),
		// Words longer than a cache slot holds, twice.
		strings.Fields("Counter-internationalization-supercalifragilistic rates rose ; counter-internationalization-supercalifragilistic rates fell"),
	}
	if _, ok := devdata.Lookup(); !ok {
		return out
	}
	for _, s := range devdata.CoNLLU(t, "ud-en-ewt", "en_ewt-ud-dev.conllu") {
		var ws []string
		for _, w := range s.Words {
			ws = append(ws, w.Form)
		}
		out = append(out, ws)
	}
	return out
}

// TestWordCacheExact checks that tagging with the per-word cache of
// weight sums gives exactly the classes of tagging without it, for words
// seen again (at the start of a sentence and elsewhere) and for words
// that share a cache slot.
func TestWordCacheExact(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	cache := newWordCache(len(m.xpos), len(m.passes))
	scores := make([]int32, len(m.xpos))
	var ws []wordInfo
	sents := cacheSentences(t)
	for round := range 2 {
		for si, words := range sents {
			ws = m.analyzeAll(ws, words, nil)
			a1, a2 := make([]uint16, len(words)), make([]uint16, len(words))
			want := slices.Clone(m.classes(ws, nil, scores, a1, a2, nil))
			b1, b2 := make([]uint16, len(words)), make([]uint16, len(words))
			got := m.classes(ws, words, scores, b1, b2, cache)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d sentence %d %q: classes %v with the cache, %v without", round, si, words, got, want)
			}
		}
	}
}

// TestWordCacheScores checks, word by word and for both passes, that the
// scores summed through the cache equal those of predict, whatever the
// previous classes.
func TestWordCacheScores(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	cache := newWordCache(len(m.xpos), len(m.passes))
	a, b := make([]int32, len(m.xpos)), make([]int32, len(m.xpos))
	var ws []wordInfo
	var feats [maxFeatures]uint64
	prev := uint64(0)
	for round := range 2 {
		for si, words := range cacheSentences(t) {
			ws = m.analyzeAll(ws, words, nil)
			sc := sentenceCase(ws)
			first := make([]uint16, len(words))
			for i := range words {
				first[i] = uint16((prev + uint64(i)) % uint64(len(m.xpos)))
			}
			for i := range words {
				p1, p2 := prev%uint64(len(m.xpos)), (prev/7)%uint64(len(m.xpos))
				prev = prev*31 + 17
				for p := range m.passes {
					var fi []uint16
					if p == 1 {
						fi = first
					}
					n := m.features(&feats, ws, i, p1, p2, sc, fi)
					m.score(p, feats[:n], a, cache, words, i)
					m.passes[p].predict(feats[:n], b)
					if !slices.Equal(a, b) {
						t.Fatalf("round %d sentence %d word %d %q pass %d: scores differ with the cache", round, si, i, words[i], p)
					}
				}
			}
		}
	}
}

// TestLookupTable checks that the lookup table adds, for every feature of
// the embedded model, exactly the feature's entries, and nothing for keys
// it lacks.
func TestLookupTable(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	nc := len(tg.m.xpos)
	got, want := make([]int32, nc), make([]int32, nc)
	for p, w := range tg.m.passes {
		for f, k := range w.keys {
			clear(got)
			clear(want)
			w.add([]uint64{k << keyShift}, got)
			for _, e := range w.ent[w.start[f]:w.start[f+1]] {
				want[uint8(e)] += int32(e) >> 8
			}
			if !slices.Equal(got, want) {
				t.Fatalf("pass %d feature %d: adds %v, want %v", p, f, got, want)
			}
		}
		// Keys absent from the model add nothing.
		clear(got)
		for k := uint64(1); k < 2000; k++ {
			key := k * 0x9e3779b97f4a7c15 >> keyShift
			if _, ok := slices.BinarySearch(w.keys, key); !ok {
				w.add([]uint64{key << keyShift}, got)
			}
		}
		if !slices.Equal(got, make([]int32, nc)) {
			t.Errorf("pass %d: absent keys add %v", p, got)
		}
	}
}

// TestInfoCacheExact checks that analyzeCached gives exactly the word
// analyses of analyzeAll, for words seen again at and after the start of
// a sentence and for words too long for the cache.
func TestInfoCacheExact(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	c := new(infoCache)
	var a, b []wordInfo
	sents := cacheSentences(t)
	for round := range 2 {
		for si, words := range sents {
			a = m.analyzeAll(a, words, nil)
			b = m.analyzeCached(b, words, c)
			if !slices.Equal(a, b) {
				t.Fatalf("round %d sentence %d %q: analyses differ through the cache", round, si, words)
			}
		}
	}
}
