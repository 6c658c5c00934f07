package phrase

import (
	"reflect"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/ptb"
)

// checkTree checks that tree gives exactly what ptb.Parse reads from
// Bracketed, or declines when Parse fails.
func checkTree(t *testing.T, name string, s Sentence) (built bool) {
	t.Helper()
	want, werr := ptb.Parse(Bracketed(s))
	got, ok := tree(s)
	if !ok {
		return false
	}
	if werr != nil {
		t.Errorf("%s: tree built a tree where Parse fails: %v", name, werr)
		return true
	}
	// Parse sizes its slices from the text; compare contents only.
	for i := range want.Nodes {
		if len(want.Nodes[i].Children) == 0 {
			want.Nodes[i].Children = nil
		}
	}
	if !reflect.DeepEqual(got.Leaves, want.Leaves) || !reflect.DeepEqual(got.Nodes, want.Nodes) {
		t.Errorf("%s: tree gives\n%s\n%+v\nParse gives\n%s\n%+v", name, got, got.Nodes, want, want.Nodes)
	}
	return true
}

func TestTreeMatchesParse(t *testing.T) {
	tests := []struct {
		name, in string
		built    bool
	}{
		{"transitive with PP", "Iran|NNP|2|nsubj condemned|VBD|0|root the|DT|4|det strikes|NNS|2|obj on|IN|6|case Gaza|NNP|4|nmod .|.|2|punct", true},
		{"brackets", "(|-LRB-|2|punct Iran|NNP|0|root )|-RRB-|2|punct", true},
		{"no tag", "Iran|_|2|nsubj won|VBD|0|root", true},
		{"cycle", "a|DT|2|det b|NN|1|dep", true},
		{"two roots", "Yes|UH|0|root no|UH|0|root", true},
		{"odd tag", "a|X(Y|0|root", true},
	}
	for _, tc := range tests {
		if built := checkTree(t, tc.name, sent(tc.in)); built != tc.built {
			t.Errorf("%s: built %v, want %v", tc.name, built, tc.built)
		}
	}
	// White space that escapeWord and escapeTag leave, which Parse splits on.
	cr := Sentence{Words: []string{"a\rb", "c"}, Tags: []string{"NN", "VBD"}, Heads: []int{1, -1}, Rels: []string{"nsubj", "root"}}
	if checkTree(t, "carriage return", cr) {
		t.Errorf("carriage return: built a tree")
	}
	cr.Words[0], cr.Tags[1] = "ab", "VB\fD"
	if checkTree(t, "form feed in a tag", cr) {
		t.Errorf("form feed in a tag: built a tree")
	}
	// Empty words and words with spaces (tokens of outside input).
	s := Sentence{Words: []string{"", "a b", "c"}, Tags: []string{"NN", "NN", "VBD"}, Heads: []int{2, 2, -1}, Rels: []string{"nsubj", "compound", "root"}}
	if checkTree(t, "empty word", s) {
		t.Errorf("empty word: built a tree")
	}
	s.Words[0] = "x"
	if !checkTree(t, "word with a space", s) {
		t.Errorf("word with a space: no tree")
	}
}

func TestTreeMatchesParseOnTreebank(t *testing.T) {
	ss := devdata.CoNLLU(t, "ud-en-ewt", "en_ewt-ud-dev.conllu")
	built := 0
	for _, cs := range ss {
		if checkTree(t, cs.ID, goldSentence(cs)) {
			built++
		}
	}
	if built < len(ss)*99/100 {
		t.Errorf("tree built %d of %d sentences", built, len(ss))
	}
}
