package parse_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/herald-events/herald/nlp/parse"
	"github.com/herald-events/herald/nlp/tag"
)

func TestSupertags(t *testing.T) {
	for _, tc := range []struct {
		heads []int
		rels  []string
		want  []string
	}{
		{[]int{1, -1, 1}, []string{"nsubj", "root", "obj"}, []string{"Rnsubj", "0root<>", "Lobj"}},
		{[]int{-1}, []string{"root"}, []string{"0root"}},
		{[]int{2, 2, -1, 2}, []string{"det", "amod", "root", "punct"}, []string{"Rdet", "Ramod", "0root<>", "Lpunct"}},
		{[]int{-1, 0, 1}, []string{"root", "obj", "nmod:poss"}, []string{"0root>", "Lobj>", "Lnmod:poss"}},
		{[]int{1, 2, -1}, []string{"det", "nsubj", "root"}, []string{"Rdet", "Rnsubj<", "0root<"}},
		{nil, nil, []string{}},
	} {
		if got := parse.Supertags(tc.heads, tc.rels); !slices.Equal(got, tc.want) {
			t.Errorf("Supertags(%v, %v) = %v, want %v", tc.heads, tc.rels, got, tc.want)
		}
	}
}

func TestTrainSupertagger(t *testing.T) {
	train := func() ([]parse.Sentence, []byte) {
		data := readSentences(t, "testdata/mini.conllu")
		st, err := parse.TrainSupertagger(data, 3, tag.TrainOptions{Iterations: 10, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := st.WriteModel(&b); err != nil {
			t.Fatal(err)
		}
		// The full supertagger knows the heads' sides and the relations
		// of its own training sentences (rare supertags, all of them
		// here, lose their dependent marks in training).
		right, total := 0, 0
		for _, s := range data {
			got, u := make([]string, len(s.Words)), make([]string, len(s.Words))
			st.TagAux(s.Words, s.XPOS, got, u)
			for i, g := range parse.Supertags(s.Heads, s.Rels) {
				total++
				if strings.TrimRight(got[i], "<>") == strings.TrimRight(g, "<>") {
					right++
				}
			}
		}
		if right*10 < total*9 {
			t.Errorf("supertagger gets %d of %d supertags of its training data right", right, total)
		}
		return data, b.Bytes()
	}
	d1, m1 := train()
	d2, m2 := train()
	if !bytes.Equal(m1, m2) {
		t.Error("two trainings wrote different supertagger models")
	}
	for i := range d1 {
		if len(d1[i].ST) != len(d1[i].Words) {
			t.Fatalf("sentence %d: %d supertags for %d words", i, len(d1[i].ST), len(d1[i].Words))
		}
		if !slices.Equal(d1[i].ST, d2[i].ST) {
			t.Errorf("sentence %d: jackknifed supertags differ between trainings", i)
		}
		for _, s := range d1[i].ST {
			if s == "" || !strings.ContainsRune("LR0", rune(s[0])) {
				t.Errorf("sentence %d: bad supertag %q", i, s)
			}
		}
	}
}

func TestTrainSupertaggerErrors(t *testing.T) {
	data := readSentences(t, "testdata/mini.conllu")
	if _, err := parse.TrainSupertagger(data, 1, tag.TrainOptions{}); err == nil {
		t.Error("1 fold: no error")
	}
	data[2].Heads = data[2].Heads[:1]
	if _, err := parse.TrainSupertagger(data, 2, tag.TrainOptions{}); err == nil || !strings.Contains(err.Error(), "sentence 3") {
		t.Errorf("sentence without heads: err %v, want one naming sentence 3", err)
	}
}

// A parser trained with supertags reads them: given its training
// sentences' true supertags it parses them right (but for punctuation the
// convention re-attaches), and misleading supertags
// change its parses.
func TestParseUsesSupertags(t *testing.T) {
	data := readSentences(t, "testdata/mini.conllu")
	for i := range data {
		data[i].ST = parse.Supertags(data[i].Heads, data[i].Rels)
	}
	p, err := parse.Train(data, parse.TrainConfig{Epochs: 10, Seed: 3, MinWordFreq: 1})
	if err != nil {
		t.Fatal(err)
	}
	changed, right, total := 0, 0, 0
	for _, s := range data {
		n := len(s.Words)
		heads, rels := make([]int, n), make([]string, n)
		p.ParseST(s.Words, s.XPOS, s.UPOS, s.ST, heads, rels)
		checkTree(t, heads, rels)
		for i, h := range heads {
			total++
			if h == s.Heads[i] {
				right++
			}
		}
		wrong := make([]string, n)
		for i := range wrong {
			wrong[i] = "Lpunct"
		}
		p.ParseST(s.Words, s.XPOS, s.UPOS, wrong, heads, rels)
		checkTree(t, heads, rels)
		if !slices.Equal(heads, s.Heads) || !slices.Equal(rels, s.Rels) {
			changed++
		}
	}
	if right*20 < total*19 {
		t.Errorf("with true supertags %d of %d heads right", right, total)
	}
	if changed == 0 {
		t.Error("misleading supertags changed no parse")
	}
}
