package parse_test

import (
	"context"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/pipeline"
)

// tagged is a stage that gives the test document fixed tags.
type tagged struct{ xpos, upos []string }

func (tagged) Name() string        { return "fixed-tags" }
func (tagged) Requires() doc.Layer { return doc.LayerTokens | doc.LayerSentences }
func (tagged) Provides() doc.Layer { return doc.LayerTags }
func (s tagged) Process(_ context.Context, d *doc.Doc) error {
	for i := range d.Tokens {
		d.Tokens[i].Tag, d.Tokens[i].UPOS = s.xpos[i], s.upos[i]
	}
	d.Mark(doc.LayerTags)
	return nil
}

func TestStage(t *testing.T) {
	text := "Talks failed. Rebels attacked the convoy."
	d := &doc.Doc{ID: "t", Text: text}
	spans := [][2]int32{{0, 5}, {6, 12}, {12, 13}, {14, 20}, {21, 29}, {30, 33}, {34, 40}, {40, 41}}
	for _, s := range spans {
		d.Tokens = append(d.Tokens, doc.Token{Start: s[0], End: s[1]})
	}
	d.Sents = []doc.Span{{Start: 0, End: 3}, {Start: 3, End: 8}}
	d.Mark(doc.LayerTokens | doc.LayerSentences)
	tags := tagged{
		xpos: []string{"NNS", "VBD", ".", "NNS", "VBD", "DT", "NN", "."},
		upos: []string{"NOUN", "VERB", "PUNCT", "NOUN", "VERB", "DET", "NOUN", "PUNCT"},
	}
	p := newParser(t)
	pl, err := pipeline.NewGiven(doc.LayerTokens|doc.LayerSentences, tags, p.Stage())
	if err != nil {
		t.Fatal(err)
	}
	if err := pl.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !d.Has(doc.LayerDeps) {
		t.Fatal("deps layer not marked")
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	// heads are document indexes inside each sentence
	want := map[int]int32{0: 1, 1: -1, 2: 1, 3: 4, 4: -1, 6: 4, 7: 4}
	for i, h := range want {
		if got := d.Tokens[i].Head; got != h {
			t.Errorf("head of %q = %d, want %d", d.TokenText(i), got, h)
		}
	}
	if got := d.Tokens[4].Dep; got != "root" {
		t.Errorf("relation of %q = %q, want root", d.TokenText(4), got)
	}
	if pipeline.Stage(p.Stage()).Requires() != doc.LayerTokens|doc.LayerSentences|doc.LayerTags {
		t.Error("wrong requirements")
	}
}
