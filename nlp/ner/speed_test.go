package ner

import (
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
	got := g.matches(lower, lower)
	want := []match{{1, 3, KindPlace, 0}, {5, 8, KindPlace, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("matches = %v, want %v", got, want)
	}
}
