package phrase

import (
	"fmt"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/ptb"
)

// TreeOf returns the phrase tree of sentence sent of d, which must carry tags
// and dependencies, and for each leaf the index of its doc token. Its
// signature is that of the event stage's TreeFunc.
//
// The tree is built directly from the phrase nodes, exactly as ptb.Parse
// would read Bracketed's text (byte offsets included), without writing
// and re-reading that text; a sentence whose words or tags the text would
// split (white space other than spaces, empty words) goes through the
// text, so that it keeps Parse's result or error.
func TreeOf(d *doc.Doc, sent int) (*ptb.Tree, []int, error) {
	if !d.Has(doc.LayerTags | doc.LayerDeps) {
		return nil, nil, fmt.Errorf("phrase: document %s has no tags and dependencies", d.ID)
	}
	sp := d.Sents[sent]
	n := sp.Len()
	s := Sentence{Words: make([]string, n), Tags: make([]string, n), Heads: make([]int, n), Rels: make([]string, n)}
	toks := make([]int, n)
	for i := range n {
		t := d.Tokens[int(sp.Start)+i]
		s.Words[i] = d.Text[t.Start:t.End]
		s.Tags[i] = t.Tag
		s.Rels[i] = t.Dep
		s.Heads[i] = -1
		if t.Head >= sp.Start && t.Head < sp.End {
			s.Heads[i] = int(t.Head - sp.Start)
		}
		toks[i] = int(sp.Start) + i
	}
	if tr, ok := tree(s); ok {
		return tr, toks, nil
	}
	tr, err := ptb.Parse(Bracketed(s))
	if err != nil {
		return nil, nil, fmt.Errorf("phrase: document %s sentence %d: %w", d.ID, sent, err)
	}
	return tr, toks, nil
}
