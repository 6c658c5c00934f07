package eval

import (
	"strings"
	"testing"
)

const taggingCoNLLU = `# sent_id = a
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	Kabul	Kabul	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = b
1	It	it	PRON	PRP	_	2	nsubj	_	_
2	failed	fail	VERB	VBD	_	0	root	_	_
`

// fixedTagger tags from a word -> "XPOS/UPOS" table, NN/NOUN otherwise.
type fixedTagger map[string]string

func (f fixedTagger) Tag(words []string, xpos, upos []string) {
	for i, w := range words {
		x, u, ok := strings.Cut(f[w], "/")
		if !ok {
			x, u = "NN", "NOUN"
		}
		xpos[i], upos[i] = x, u
	}
}

// lowerLemmatizer lower-cases words, and strips a final "ed" from VBD.
type lowerLemmatizer struct{}

func (lowerLemmatizer) Lemma(w, xpos string) string {
	w = strings.ToLower(w)
	if xpos == "VBD" {
		w = strings.TrimSuffix(w, "ed")
	}
	return w
}

func TestTagging(t *testing.T) {
	tagger := fixedTagger{"Rebels": "NNS/NOUN", "attacked": "VBN/VERB", "Kabul": "NNP/PROPN", ".": "./PUNCT", "It": "PRP/PRON", "failed": "VBD/VERB"}
	r, err := Tagging(strings.NewReader(taggingCoNLLU), "test", tagger, lowerLemmatizer{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want float64
	}{
		{"XPOS", r.XPOS(), 100 * 5 / 6.0},
		{"UPOS", r.UPOS(), 100},
		// Lemmas: rebels (wrong), attacked/VBN -> attacked (wrong),
		// kabul (wrong case), ., it, fail: 3 of 6.
		{"lemma", r.Lemma(), 50},
		// With gold tags attacked/VBD -> attack is right: 4 of 6.
		{"lemma gold", r.LemmaGold(), 100 * 4 / 6.0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if d := tc.got - tc.want; d > 1e-9 || d < -1e-9 {
				t.Errorf("got %.4f, want %.4f", tc.got, tc.want)
			}
		})
	}
	if r.Sentences != 2 || r.Words != 6 {
		t.Errorf("counted %d sentences, %d words; want 2, 6", r.Sentences, r.Words)
	}
	if r.Confusions["VBD->VBN"] != 1 {
		t.Errorf("confusions %v, want VBD->VBN once", r.Confusions)
	}
}

func TestTaggingErrors(t *testing.T) {
	if _, err := Tagging(strings.NewReader("1\tbad line\n"), "bad", fixedTagger{}, nil); err == nil {
		t.Error("malformed CoNLL-U accepted")
	}
	empty := taggerFunc(func(words, xpos, upos []string) {})
	if _, err := Tagging(strings.NewReader(taggingCoNLLU), "test", empty, nil); err == nil {
		t.Error("a tagger that gives no tags was scored without error")
	}
}

type taggerFunc func(words, xpos, upos []string)

func (f taggerFunc) Tag(words, xpos, upos []string) { f(words, xpos, upos) }
