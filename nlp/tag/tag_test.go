package tag_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/pipeline"
)

// synthetic returns n sentences of a tiny grammar: determiner, optional
// adjective, noun, verb (past or present), determiner, noun, full stop.
// Nouns and adjectives are drawn from open classes so that suffix
// features must generalize.
func synthetic(n int, seed uint64) []tag.Example {
	r := rand.New(rand.NewPCG(seed, 7))
	dets := []string{"the", "a", "this", "every"}
	nouns := []string{"cat", "dog", "bank", "minister", "army", "farmer", "city", "reporter"}
	adjs := []string{"big", "quiet", "careful", "angry", "local"}
	verbsPast := []string{"saw", "visited", "accused", "praised", "met"}
	verbsPres := []string{"sees", "visits", "accuses", "praises", "meets"}
	out := make([]tag.Example, n)
	for i := range out {
		var ex tag.Example
		add := func(w, x, u string) {
			ex.Words = append(ex.Words, w)
			ex.XPOS = append(ex.XPOS, x)
			ex.UPOS = append(ex.UPOS, u)
		}
		for part := 0; part < 2; part++ {
			d := dets[r.IntN(len(dets))]
			if part == 0 && r.IntN(2) == 0 {
				d = strings.ToUpper(d[:1]) + d[1:]
			}
			add(d, "DT", "DET")
			if r.IntN(2) == 0 {
				add(adjs[r.IntN(len(adjs))], "JJ", "ADJ")
			}
			if r.IntN(3) == 0 {
				add(nouns[r.IntN(len(nouns))]+"s", "NNS", "NOUN")
			} else {
				add(nouns[r.IntN(len(nouns))], "NN", "NOUN")
			}
			if part == 0 {
				if r.IntN(2) == 0 {
					add(verbsPast[r.IntN(len(verbsPast))], "VBD", "VERB")
				} else {
					add(verbsPres[r.IntN(len(verbsPres))], "VBZ", "VERB")
				}
			}
		}
		add(".", ".", "PUNCT")
		out[i] = ex
	}
	return out
}

func train(t testing.TB, ex []tag.Example, passes int) *tag.Tagger {
	t.Helper()
	tg, err := tag.Train(ex, tag.TrainOptions{Iterations: 4, Passes: passes, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func modelBytes(t testing.TB, tg *tag.Tagger) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := tg.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainReproducible(t *testing.T) {
	ex := synthetic(300, 1)
	for _, passes := range []int{1, 2} {
		t.Run(fmt.Sprintf("passes=%d", passes), func(t *testing.T) {
			a := modelBytes(t, train(t, ex, passes))
			b := modelBytes(t, train(t, ex, passes))
			if !bytes.Equal(a, b) {
				t.Fatalf("two trainings on the same data gave different model bytes (%d and %d bytes)", len(a), len(b))
			}
			// A reloaded model writes the same bytes and tags alike.
			tg, err := tag.Load(bytes.NewReader(a))
			if err != nil {
				t.Fatal(err)
			}
			if c := modelBytes(t, tg); !bytes.Equal(a, c) {
				t.Fatal("reloaded model writes different bytes")
			}
		})
	}
}

func TestTrainGeneralizes(t *testing.T) {
	trainSet, test := synthetic(400, 1), synthetic(100, 2)
	for _, passes := range []int{1, 2} {
		t.Run(fmt.Sprintf("passes=%d", passes), func(t *testing.T) {
			tg := train(t, trainSet, passes)
			n, ok := 0, 0
			for _, ex := range test {
				xp, up := make([]string, len(ex.Words)), make([]string, len(ex.Words))
				tg.Tag(ex.Words, xp, up)
				for i := range ex.Words {
					n++
					if xp[i] == ex.XPOS[i] && up[i] == ex.UPOS[i] {
						ok++
					}
				}
			}
			if acc := float64(ok) / float64(n); acc < 0.98 {
				t.Errorf("accuracy on held-out synthetic sentences %.3f, want at least 0.98", acc)
			}
		})
	}
}

func TestTrainErrors(t *testing.T) {
	tests := []struct {
		name string
		ex   []tag.Example
	}{
		{"empty", nil},
		{"mismatched lengths", []tag.Example{{Words: []string{"a", "b"}, XPOS: []string{"DT"}, UPOS: []string{"DET", "NOUN"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tag.Train(tc.ex, tag.TrainOptions{}); err == nil {
				t.Error("Train succeeded, want an error")
			}
		})
	}
}

func TestLoadRejectsBadInput(t *testing.T) {
	good := modelBytes(t, train(t, synthetic(50, 1), 1))
	tests := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)/2],
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := tag.Load(bytes.NewReader(data)); err == nil {
				t.Error("Load succeeded, want an error")
			}
		})
	}
}

// FuzzLoad checks that Load never panics on corrupt model files.
func FuzzLoad(f *testing.F) {
	f.Add(modelBytes(f, train(f, synthetic(20, 1), 1)))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		tg, err := tag.Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		// A model that loads must tag without panicking.
		xp, up := make([]string, 2), make([]string, 2)
		tg.Tag([]string{"The", "cat"}, xp, up)
	})
}

func TestEmbeddedModel(t *testing.T) {
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	if tg2, _ := tag.New(); tg2 != tg {
		t.Error("New returned a different Tagger on the second call")
	}
	// Words whose tag is clear in context; sentences of news and web text.
	tests := []struct {
		sent string
		want map[int][2]string // word index -> XPOS, UPOS
	}{
		{"The central bank said it would raise interest rates on Tuesday .", map[int][2]string{0: {"DT", "DET"}, 2: {"NN", "NOUN"}, 3: {"VBD", "VERB"}, 4: {"PRP", "PRON"}, 5: {"MD", "AUX"}, 6: {"VB", "VERB"}, 8: {"NNS", "NOUN"}, 9: {"IN", "ADP"}, 10: {"NNP", "PROPN"}, 11: {".", "PUNCT"}}},
		{"I would n't recommend this place to anyone !", map[int][2]string{0: {"PRP", "PRON"}, 1: {"MD", "AUX"}, 2: {"RB", "PART"}, 3: {"VB", "VERB"}, 5: {"NN", "NOUN"}}},
		{"Officials said the army had killed 12 militants .", map[int][2]string{0: {"NNS", "NOUN"}, 1: {"VBD", "VERB"}, 4: {"VBD", "AUX"}, 5: {"VBN", "VERB"}, 6: {"CD", "NUM"}}},
	}
	for _, tc := range tests {
		t.Run(tc.sent, func(t *testing.T) {
			words := strings.Fields(tc.sent)
			xp, up := make([]string, len(words)), make([]string, len(words))
			tg.Tag(words, xp, up)
			for i, w := range tc.want {
				if xp[i] != w[0] || up[i] != w[1] {
					t.Errorf("%q: got %s/%s, want %s/%s (all: %v)", words[i], xp[i], up[i], w[0], w[1], xp)
				}
			}
		})
	}
}

func TestConcurrentTagging(t *testing.T) {
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Protesters gathered outside the embassy in Tehran on Friday .")
	want := make([]string, len(words))
	tg.Tag(words, want, make([]string, len(words)))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				xp, up := make([]string, len(words)), make([]string, len(words))
				tg.Tag(words, xp, up)
				for i := range xp {
					if xp[i] != want[i] {
						t.Errorf("concurrent Tag gave %v, want %v", xp, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestStage(t *testing.T) {
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Rebels attacked the town. Police said nothing."
	d := &doc.Doc{ID: "t", Text: text}
	off := 0
	for _, w := range strings.Fields(strings.NewReplacer(".", " .").Replace(text)) {
		i := strings.Index(text[off:], w) + off
		d.Tokens = append(d.Tokens, doc.Token{Start: int32(i), End: int32(i + len(w)), Head: -1})
		off = i + len(w)
	}
	d.Sents = []doc.Span{{Start: 0, End: 5}, {Start: 5, End: 9}}
	d.Mark(doc.LayerTokens | doc.LayerSentences)
	p, err := pipeline.New(tg.Stage())
	if err == nil {
		t.Fatal("pipeline without tokens and sentences accepted the tag stage")
	}
	p, err = pipeline.NewGiven(doc.LayerTokens|doc.LayerSentences, tg.Stage())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !d.Has(doc.LayerTags) {
		t.Fatal("tags layer not marked")
	}
	want := []string{"NNS", "VBD", "DT", "NN", ".", "NNS", "VBD", "NN", "."}
	for i, tok := range d.Tokens {
		if tok.Tag != want[i] || tok.UPOS == "" {
			t.Errorf("token %d %q: tag %q/%q, want %q", i, d.TokenText(i), tok.Tag, tok.UPOS, want[i])
		}
	}
}

func ExampleTagger_Tag() {
	t, err := tag.New()
	if err != nil {
		panic(err)
	}
	words := []string{"The", "minister", "visited", "Cairo", "."}
	xpos, upos := make([]string, len(words)), make([]string, len(words))
	t.Tag(words, xpos, upos)
	for i, w := range words {
		fmt.Println(w, xpos[i], upos[i])
	}
	// Output:
	// The DT DET
	// minister NN NOUN
	// visited VBD VERB
	// Cairo NNP PROPN
	// . . PUNCT
}
