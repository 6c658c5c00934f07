package eval

import (
	"strings"
	"testing"
)

const parsingGold = `# sent_id = 1
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	a	a	DET	DT	_	4	det	_	_
4	convoy	convoy	NOUN	NN	_	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = 2
1	His	he	PRON	PRP$	_	2	nmod:poss	_	_
2	aide	aide	NOUN	NN	_	3	nsubj	_	_
3	resigned	resign	VERB	VBD	_	0	root	_	_

`

// fixedParser returns canned trees, keyed by the first word.
type fixedParser map[string]struct {
	heads []int
	rels  []string
}

func (f fixedParser) Parse(words, xpos, upos []string, heads []int, rels []string) {
	t := f[words[0]]
	copy(heads, t.heads)
	copy(rels, t.rels)
}

// upperTagger tags every word "X" and checks that it is called.
type upperTagger struct{ calls *int }

func (u upperTagger) Tag(words []string, xpos, upos []string) {
	*u.calls++
	for i := range words {
		xpos[i], upos[i] = "X", "X"
	}
}

func TestParsing(t *testing.T) {
	p := fixedParser{
		// one wrong head (the period), one wrong label (a: amod)
		"Rebels": {[]int{1, -1, 3, 1, 3}, []string{"nsubj", "root", "amod", "obj", "punct"}},
		// right heads, the subtype of nmod:poss lost
		"His": {[]int{1, 2, -1}, []string{"nmod", "nsubj", "root"}},
	}
	calls := 0
	r, err := ParsingReader(strings.NewReader(parsingGold), "gold", upperTagger{&calls}, p)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("tagger called %d times, want 2", calls)
	}
	tests := []struct {
		name      string
		got, want float64
	}{
		{"UAS", r.UAS(), 100 * 7 / 8.0},
		{"LAS", r.LAS(), 100 * 5 / 8.0},
		{"BaseLAS", r.BaseLAS(), 100 * 6 / 8.0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := tc.got - tc.want; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("%s = %.3f, want %.3f", tc.name, tc.got, tc.want)
			}
		})
	}
	if r.Sentences != 2 || r.Words != 8 {
		t.Errorf("counted %d sentences, %d words", r.Sentences, r.Words)
	}
	if r.Errors["det->amod"] != 1 || r.Errors["nmod:poss->nmod"] != 1 {
		t.Errorf("errors = %v", r.Errors)
	}
}

func TestParsingGoldTags(t *testing.T) {
	var seen []string
	p := parserFunc(func(words, xpos, upos []string, heads []int, rels []string) {
		seen = append(seen, xpos...)
		for i := range heads {
			heads[i] = -1
			rels[i] = "root"
		}
	})
	if _, err := ParsingReader(strings.NewReader(parsingGold), "gold", nil, p); err != nil {
		t.Fatal(err)
	}
	if strings.Join(seen, " ") != "NNS VBD DT NN . PRP$ NN VBD" {
		t.Errorf("parser saw tags %v, want the gold ones", seen)
	}
}

func TestParsingBadHead(t *testing.T) {
	p := parserFunc(func(words, xpos, upos []string, heads []int, rels []string) {
		for i := range heads {
			heads[i] = 99
		}
	})
	if _, err := ParsingReader(strings.NewReader(parsingGold), "gold", nil, p); err == nil {
		t.Error("no error for a head out of range")
	}
}

type parserFunc func(words, xpos, upos []string, heads []int, rels []string)

func (f parserFunc) Parse(words, xpos, upos []string, heads []int, rels []string) {
	f(words, xpos, upos, heads, rels)
}
