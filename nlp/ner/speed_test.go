package ner

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// affixKeys returns the prefix and suffix feature keys of a word as the
// rune-slicing definition gives them.
func affixKeys(lw string) []uint64 {
	var out []uint64
	rs := []rune(lw)
	for k := 1; k <= 4 && k <= len(rs); k++ {
		if k <= 3 {
			out = append(out, uint64(newHash(fPrefix).str(string(rs[:k]))))
		}
		out = append(out, uint64(newHash(fSuffix).str(string(rs[len(rs)-k:]))))
	}
	return out
}

// TestAffixFeatures checks that features cuts prefixes and suffixes of
// one to four runes exactly as slicing the word's runes does.
func TestAffixFeatures(t *testing.T) {
	m := &model{}
	g := &Gazetteer{kinds: map[string]Kind{}, exact: map[string]Kind{}, prefixes: map[string]struct{}{}}
	for _, w := range []string{"", "a", "ab", "abc", "abcd", "abcde", "Zürich", "日本", "日本語です", "naïve", "x\xffy", "ÉÉÉÉÉ", "€"} {
		s := m.prepare(g, []string{w}, nil)
		lw := strings.ToLower(w)
		got := s.features(g, 0, nil)
		for _, k := range affixKeys(lw) {
			if !slices.Contains(got, k) {
				t.Errorf("%q: affix key %x missing", w, k)
			}
		}
		// bias, word, lower, shape, short, affixes, then context.
		if n := len(affixKeys(lw)); !slices.Equal(got[5:5+n], affixKeys(lw)) {
			t.Errorf("%q: affix keys %x, want %x", w, got[5:5+n], affixKeys(lw))
		}
	}
}

// TestClusterFeatures checks the word-cluster features: words of one
// leaf cluster share the keys, other words do not, and they are part of
// the word's own features, the same in any context.
func TestClusterFeatures(t *testing.T) {
	m := &model{}
	g := &Gazetteer{kinds: map[string]Kind{}, exact: map[string]Kind{}, prefixes: map[string]struct{}{}}
	// own returns the cluster keys among the own features of the word at
	// i of the sentence words.
	own := func(words []string, i int) []uint64 {
		s := m.prepare(g, words, nil)
		n := len(s.ownKeys(i, nil))
		return s.features(g, i, nil)[n-4 : n]
	}
	leaf := func(w string) uint64 { return own([]string{w}, 0)[0] }
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Monday", "Tuesday", true},
		{"monday", "Tuesday", true},
		{"Monday", "Accenture", false},
		{"Qzxqzxqzx", "Zyxwzyxw", true}, // both unknown: cluster 0
		{"Qzxqzxqzx", "Accenture", false},
	} {
		if got := leaf(tc.a) == leaf(tc.b); got != tc.same {
			t.Errorf("leaf keys of %q and %q equal: %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
	// The same word in two sentences has the same cluster keys.
	a := own([]string{"Accenture", "hired", "him"}, 0)
	b := own([]string{"He", "joined", "Accenture", "."}, 2)
	if !slices.Equal(a, b) {
		t.Errorf("cluster keys of Accenture differ by context: %x, %x", a, b)
	}
	// Case changes the shape keys only.
	c := own([]string{"accenture"}, 0)
	if c[0] != a[0] || c[1] != a[1] || c[2] == a[2] {
		t.Errorf("accenture %x, Accenture %x: want the same leaf and mid keys, other shape keys", c, a)
	}
}

// TestMatchesPrefixes checks that matches finds names through words that
// hold spaces themselves, as the joined keys of kinds do.
func TestMatchesPrefixes(t *testing.T) {
	g := &Gazetteer{kinds: map[string]Kind{}, exact: map[string]Kind{}, prefixes: map[string]struct{}{}}
	for _, name := range []string{"new york city", "new", "gulf of mexico"} {
		g.kinds[name] = KindPlace
		g.maxLen = max(g.maxLen, len(strings.Fields(name)))
		for j := range len(name) {
			if name[j] == ' ' {
				g.prefixes[name[:j]] = struct{}{}
			}
		}
	}
	lower := []string{"in", "new york", "city", "and", "the", "gulf", "of", "mexico"}
	got := g.matches(lower, lower, nil, nil)
	want := []match{{1, 3, KindPlace, 0}, {5, 8, KindPlace, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("matches = %v, want %v", got, want)
	}
	// The one-word kinds prepare reads give the same matches.
	one, pre := make([]Kind, len(lower)), make([]bool, len(lower))
	for i, w := range lower {
		one[i] = g.kinds[w]
		_, pre[i] = g.prefixes[w]
	}
	if got := g.matches(lower, lower, one, pre); !slices.Equal(got, want) {
		t.Errorf("matches with one and pre = %v, want %v", got, want)
	}
}

// TestRowCacheExact checks that the scores tag sums through the cache of
// each word's own features are bit for bit those of summing every feature
// in order, for words seen again in other contexts.
func TestRowCacheExact(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	nt := len(r.m.tags)
	c := newRowCache(nt)
	want, got := make([]float32, nt), make([]float32, nt)
	sents := []string{
		"Iran 's supreme leader Ali Khamenei accused Muslim states of betraying the Palestinians .",
		"The Palestinians said Iran 's leader spoke in Tehran on Tuesday .",
		"IRAN SAYS PALESTINIANS BETRAYED",
		"Zürich and São Paulo traded , said Ali .",
		"a",
	}
	for range 2 {
		for _, line := range sents {
			words := strings.Fields(line)
			s := r.m.prepare(r.g, words, nil)
			for i, w := range words {
				keys := s.features(r.g, i, nil)
				r.m.scoreRow(keys, want)
				lw := strings.ToLower(w)
				own := 5 + min(len([]rune(lw)), 3) + min(len([]rune(lw)), 4) + 4 // + clusters
				if ok := s.ownKeys(i, nil); !slices.Equal(ok, keys[:own]) {
					t.Fatalf("%q: own keys %x, want the first %d features %x", w, ok, own, keys[:own])
				}
				copy(got, c.prefix(r.m, w, keys[:own]))
				r.m.addRows(keys[own:], got)
				if !slices.Equal(got, want) {
					t.Fatalf("%q in %q: scores %v through the cache, %v without", w, line, got, want)
				}
			}
		}
	}
	// And through emissions, as tag sums them.
	for range 2 {
		for _, line := range sents {
			words := strings.Fields(line)
			s := r.m.prepare(r.g, words, nil)
			sc := make([]float32, len(words)*nt)
			for i := range words {
				r.m.scoreRow(s.features(r.g, i, nil), sc[i*nt:(i+1)*nt])
			}
			if e := r.emissions(s, c); !slices.Equal(e, sc) {
				t.Errorf("%q: emissions %v, the plain sum %v", line, e, sc)
			}
		}
	}
}

// TestLookupCases checks Lookup and hasCase against their definitions
// with strings.Join, strings.ToLower and strings.ToUpper.
func TestLookupCases(t *testing.T) {
	g := &Gazetteer{kinds: map[string]Kind{"new york": KindPlace, "zürich": KindPlace, "\uFFFD": KindOrg},
		exact: map[string]Kind{"New York": KindPlace, "Zürich": KindPlace}}
	for _, toks := range [][]string{{"New", "York"}, {"NEW", "YORK"}, {"new", "york"}, {"Zürich"}, {"ZÜRICH"}, {"\xff"}, {"A" + strings.Repeat("b", 100)}, {}, {""}} {
		key := strings.Join(toks, " ")
		wantAny, wantExact := g.kinds[strings.ToLower(key)], g.exact[key]
		if a, e := g.Lookup(toks); a != wantAny || e != wantExact {
			t.Errorf("Lookup(%q) = %v, %v, want %v, %v", toks, a, e, wantAny, wantExact)
		}
	}
	for _, w := range []string{"", "abc", "ABC", "123", "a1", "ß", "ǆ", "日本", "\xff", "x\xff", ".", "é"} {
		if got, want := hasCase(w), strings.ToUpper(w) != w; got != want {
			t.Errorf("hasCase(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestPrepareCached checks that prepare reads the same sentence through
// the word cache as without it, for words seen again and for words that
// share a cache slot.
func TestPrepareCached(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c := newRowCache(len(r.m.tags))
	// Two words of one slot.
	var a, b string
	slots := map[int]string{}
	for i := 0; a == ""; i++ {
		w := fmt.Sprintf("Word%d", i)
		if o, ok := slots[c.slot(w)]; ok {
			a, b = o, w
		}
		slots[c.slot(w)] = w
	}
	sents := []string{
		"Iran 's supreme leader Ali Khamenei accused Muslim states of betraying the Palestinians .",
		"IRAN SAYS PALESTINIANS BETRAYED , said iran",
		"Zürich and São Paulo traded , said Ali in the U.S. on Tuesday .",
		a + " met " + b + " and " + a + " left " + b,
		"",
	}
	for range 3 {
		for _, line := range sents {
			words := strings.Fields(line)
			xpos := make([]string, len(words))
			for i := range xpos {
				xpos[i] = "NNP"
			}
			want := r.m.prepare(r.g, words, xpos)
			if got := r.m.prepareCached(r.g, words, xpos, c); !reflect.DeepEqual(got, want) {
				t.Errorf("%q: through the cache %+v, without %+v", line, got, want)
			}
		}
	}
}

// TestViterbiScratch checks that Viterbi through reused (dirty) tables
// finds the paths it finds with fresh ones.
func TestViterbiScratch(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	nt := len(r.m.tags)
	rng := rand.New(rand.NewPCG(1, 2))
	var v viterbiScratch
	for _, n := range []int{30, 1, 7, 0, 25, 3, 40} {
		sc := make([]float32, n*nt)
		for i := range sc {
			sc[i] = rng.Float32()*8 - 4
		}
		want := viterbi(nt, n, sc, r.m.trans, r.m.allowed)
		if got := viterbiIn(nt, n, sc, r.m.trans, r.m.allowed, &v); !slices.Equal(got, want) {
			t.Errorf("n=%d: with scratch %v, without %v", n, got, want)
		}
	}
}
