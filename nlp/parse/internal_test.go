package parse

import (
	"os"
	"slices"
	"testing"

	"github.com/herald-events/herald/conllu"

	"github.com/herald-events/herald/nlp/cluster"
)

func readMini(t testing.TB) []Sentence {
	t.Helper()
	f, err := os.Open("testdata/mini.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.Read(f, "testdata/mini.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return toSentences(sents)
}

func toSentences(sents []conllu.Sentence) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		var ps Sentence
		for _, w := range s.Words {
			ps.Words = append(ps.Words, w.Form)
			ps.XPOS = append(ps.XPOS, w.XPOS)
			ps.UPOS = append(ps.UPOS, w.UPOS)
			ps.Heads = append(ps.Heads, w.Head-1)
			ps.Rels = append(ps.Rels, w.Deprel)
		}
		out[i] = ps
	}
	return out
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name      string
		heads     []int32 // n = root
		want      []int32
		projected bool
	}{
		{"projective", []int32{1, 3, 1}, []int32{1, 3, 1}, false},
		// 3 -> 1 spans word 2, whose head is the root: lift 1 to 3's head
		{"crossing", []int32{2, 3, 4, 2}, []int32{2, 2, 4, 2}, true},
		// two crossings, the shorter one lifted first
		{"nested", []int32{3, 4, 5, 5, 2, 6}[:6], nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := slices.Clone(tc.heads)
			projectivize(h)
			n := int32(len(h))
			for d := range n {
				if h[d] != n && !projectiveArc(h, h[d], d) {
					t.Fatalf("arc %d->%d still crosses: %v", h[d], d, h)
				}
			}
			if tc.want != nil && !slices.Equal(h, tc.want) {
				t.Errorf("got %v, want %v", h, tc.want)
			}
			if !tc.projected && !slices.Equal(h, tc.heads) {
				t.Errorf("projective tree changed: %v -> %v", tc.heads, h)
			}
		})
	}
}

// TestOracle checks that following zero-cost moves rebuilds every gold tree
// of the test corpus, so the dynamic oracle is exact on projective trees.
func TestOracle(t *testing.T) {
	for i, s := range readMini(t) {
		n := len(s.Words)
		gold := make([]int32, n)
		for j, h := range s.Heads {
			gold[j] = int32(h)
			if h < 0 {
				gold[j] = int32(n)
			}
		}
		var st state
		st.reset(n)
		var ok [nMoves]bool
		var cost [nMoves]int
		for !st.terminal() {
			st.valid(&ok)
			st.costs(gold, &cost)
			move := -1
			for m := range nMoves {
				if ok[m] && cost[m] == 0 {
					move = m
					break
				}
			}
			if move < 0 {
				t.Fatalf("sentence %d: no zero-cost move (costs %v, valid %v)", i, cost, ok)
			}
			st.apply(move, 1)
		}
		if !slices.Equal(st.heads[:n], gold) {
			t.Errorf("sentence %d: oracle built %v, gold %v", i, st.heads[:n], gold)
		}
	}
}

// Words are keyed by their normalised form (package cluster) and suffix.
func TestNormalizeSuffix(t *testing.T) {
	tests := []struct{ in, want, sfx string }{
		{"Hello", "hello", "llo"},
		{"1,250", "0,000", "000"},
		{"Éric", "éric", "ric"},
		{"a", "a", "a"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := cluster.Normalize(nil, tc.in)
			if string(got) != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if s := string(suffix(got)); s != tc.sfx {
				t.Errorf("suffix = %q, want %q", s, tc.sfx)
			}
		})
	}
}

func TestOnlyValid(t *testing.T) {
	for _, tc := range []struct {
		ok   [nMoves]bool
		want int
	}{
		{[nMoves]bool{true, false, false}, 0},
		{[nMoves]bool{false, false, true}, 2},
		{[nMoves]bool{true, true, false}, -1},
		{[nMoves]bool{true, true, true}, -1},
	} {
		if got := onlyValid(&tc.ok); got != tc.want {
			t.Errorf("onlyValid(%v) = %d, want %d", tc.ok, got, tc.want)
		}
	}
}

// TestPunctShortcut checks that the embedded model finds the label of
// punctuation, which words tagged PUNCT get without scoring.
func TestPunctShortcut(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if p.punct <= 0 || p.labels[p.punct-1] != "punct" || p.punctUPOS != p.v.upos["PUNCT"] {
		t.Fatalf("punct label %d, PUNCT id %d", p.punct, p.punctUPOS)
	}
	words := []string{"Talks", "resumed", ",", "officials", "said", "."}
	xpos := []string{"NNS", "VBD", ",", "NNS", "VBD", "."}
	upos := []string{"NOUN", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"}
	heads, rels := make([]int, len(words)), make([]string, len(words))
	p.Parse(words, xpos, upos, heads, rels)
	if rels[2] != "punct" || rels[5] != "punct" {
		t.Errorf("relations %v, want punct for the marks", rels)
	}
}
