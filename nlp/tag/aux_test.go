package tag

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// auxExamples makes sentences whose class of each word is given by the
// auxiliary tag of the word before it: a model without the auxiliary tags
// cannot learn it from the words, which are drawn at random.
func auxExamples(n int, seed uint64) []Example {
	rng := rand.New(rand.NewPCG(seed, 7))
	vocab := strings.Fields("report talks rates bank minister army border peace aid vote")
	var out []Example
	for range n {
		k := 4 + rng.IntN(8)
		ex := Example{Words: make([]string, k), Aux: make([]string, k), XPOS: make([]string, k), UPOS: make([]string, k)}
		for i := range k {
			ex.Words[i] = vocab[rng.IntN(len(vocab))]
			ex.Aux[i] = []string{"A", "B"}[rng.IntN(2)]
		}
		for i := range k {
			ex.XPOS[i], ex.UPOS[i] = "X", "X"
			if i > 0 && ex.Aux[i-1] == "B" {
				ex.XPOS[i] = "Y"
			}
		}
		out = append(out, ex)
	}
	return out
}

func accuracy(t *testing.T, tg *Tagger, exs []Example, aux bool) float64 {
	t.Helper()
	right, total := 0, 0
	for _, ex := range exs {
		xp, up := make([]string, len(ex.Words)), make([]string, len(ex.Words))
		if aux {
			tg.TagAux(ex.Words, ex.Aux, xp, up)
		} else {
			tg.Tag(ex.Words, xp, up)
		}
		for i := range xp {
			total++
			if xp[i] == ex.XPOS[i] {
				right++
			}
		}
	}
	return float64(right) / float64(total)
}

func TestTrainWithAux(t *testing.T) {
	tg, err := Train(auxExamples(400, 1), TrainOptions{Iterations: 5})
	if err != nil {
		t.Fatal(err)
	}
	test := auxExamples(100, 2)
	if acc := accuracy(t, tg, test, true); acc < 0.99 {
		t.Errorf("accuracy with auxiliary tags %.3f, want at least 0.99", acc)
	}
	if acc := accuracy(t, tg, test, false); acc > 0.9 {
		t.Errorf("accuracy without auxiliary tags %.3f: the words alone should not tell the classes", acc)
	}
	// The model file keeps that the model reads auxiliary tags.
	var buf bytes.Buffer
	if err := tg.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !back.m.aux {
		t.Fatal("model read back without auxiliary tags")
	}
	if acc := accuracy(t, back, test, true); acc < 0.99 {
		t.Errorf("model read back: accuracy %.3f, want at least 0.99", acc)
	}
}

func TestTrainAuxOnSomeExamples(t *testing.T) {
	exs := auxExamples(10, 3)
	exs[4].Aux = nil
	if _, err := Train(exs, TrainOptions{Iterations: 1}); err == nil || !strings.Contains(err.Error(), "example 4") {
		t.Errorf("Aux on some examples only: error %v, want one naming example 4", err)
	}
	exs = auxExamples(10, 3)
	exs[2].Aux = exs[2].Aux[:1]
	if _, err := Train(exs, TrainOptions{Iterations: 1}); err == nil || !strings.Contains(err.Error(), "example 2") {
		t.Errorf("short Aux: error %v, want one naming example 2", err)
	}
}

// TestWithSureMargin checks that a margin no first pass reaches rescores
// every word, as a margin of 0 does, and that the original tagger keeps
// its margin.
func TestWithSureMargin(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	all, none := tg.WithSureMargin(0), tg.WithSureMargin(1e6)
	if tg.m.sureMargin != defaultSureMargin {
		t.Fatalf("WithSureMargin changed the original tagger's margin to %d", tg.m.sureMargin)
	}
	for _, words := range cacheSentences(t) {
		a, b := make([]string, len(words)), make([]string, len(words))
		u := make([]string, len(words))
		all.Tag(words, a, u)
		none.Tag(words, b, u)
		if !slices.Equal(a, b) {
			t.Fatalf("%q: margin 0 gives %v, a margin never reached %v", words, a, b)
		}
	}
}

func TestPruned(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	same := tg.Pruned(0)
	small := tg.Pruned(1)
	for p := range tg.m.passes {
		before, after := len(tg.m.passes[p].ent), len(small.m.passes[p].ent)
		if after >= before || after == 0 {
			t.Errorf("pass %d: %d entries pruned at 1 from %d", p, after, before)
		}
		for _, e := range small.m.passes[p].ent {
			if w := int32(e) >> 8; w > -weightScale && w < weightScale {
				t.Fatalf("pass %d: weight %d/%d kept below 1", p, w, weightScale)
			}
		}
	}
	for _, words := range cacheSentences(t) {
		a, b := make([]string, len(words)), make([]string, len(words))
		u := make([]string, len(words))
		tg.Tag(words, a, u)
		same.Tag(words, b, u)
		if !slices.Equal(a, b) {
			t.Fatalf("%q: pruned at 0 tags %v, the model %v", words, b, a)
		}
	}
}
