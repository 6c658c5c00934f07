package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/herald-events/herald/doc"
)

type fake struct {
	name      string
	req, prov doc.Layer
	fail      func(d *doc.Doc) bool
}

func (f fake) Name() string        { return f.name }
func (f fake) Requires() doc.Layer { return f.req }
func (f fake) Provides() doc.Layer { return f.prov }
func (f fake) Process(_ context.Context, d *doc.Doc) error {
	if f.fail != nil && f.fail(d) {
		return errors.New("cannot " + f.name + " " + d.ID)
	}
	d.Text += "|" + f.name
	d.Mark(f.prov)
	return nil
}

var (
	tokenize = fake{name: "tokenize", prov: doc.LayerTokens | doc.LayerSentences}
	tagger   = fake{name: "tag", req: doc.LayerTokens | doc.LayerSentences, prov: doc.LayerTags}
	parser   = fake{name: "parse", req: doc.LayerTags, prov: doc.LayerDeps}
)

func TestNewChecksRequirements(t *testing.T) {
	if _, err := New(tokenize, tagger, parser); err != nil {
		t.Fatalf("valid pipeline rejected: %v", err)
	}
	_, err := New(tokenize, parser)
	if err == nil || !strings.Contains(err.Error(), `"parse" needs layer tags`) {
		t.Fatalf("New without tagger: %v", err)
	}
	if _, err := NewGiven(doc.LayerTokens|doc.LayerSentences|doc.LayerTags, parser); err != nil {
		t.Fatalf("given layers not honoured: %v", err)
	}
}

func TestProcessRecordsErrorsAndSkipsDependents(t *testing.T) {
	bad := tagger
	bad.fail = func(d *doc.Doc) bool { return d.ID == "bad" }
	p, err := New(tokenize, bad, parser)
	if err != nil {
		t.Fatal(err)
	}
	good := &doc.Doc{ID: "good"}
	if err := p.Process(context.Background(), good); err != nil {
		t.Fatal(err)
	}
	if good.Text != "|tokenize|tag|parse" || !good.Has(doc.LayerDeps) {
		t.Errorf("good doc: text %q layers %s", good.Text, good.Layers())
	}
	d := &doc.Doc{ID: "bad"}
	err = p.Process(context.Background(), d)
	if err == nil || len(d.Errs) != 1 || !strings.Contains(d.Errs[0].Error(), "tag: cannot tag bad") {
		t.Fatalf("err %v, doc errs %v", err, d.Errs)
	}
	if d.Text != "|tokenize" || d.Has(doc.LayerTags) || d.Has(doc.LayerDeps) {
		t.Errorf("failed doc: text %q layers %s", d.Text, d.Layers())
	}
}

func TestRunKeepsOrder(t *testing.T) {
	p, err := New(tokenize, tagger)
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan *doc.Doc)
	out := make(chan *doc.Doc)
	go func() {
		for i := range 200 {
			in <- &doc.Doc{ID: string(rune('a' + i%26)), Source: strings.Repeat("x", i)}
		}
		close(in)
	}()
	go p.Run(context.Background(), 4, in, out)
	n := 0
	for d := range out {
		if len(d.Source) != n || d.Text != "|tokenize|tag" {
			t.Fatalf("doc %d out of order or unprocessed: %d %q", n, len(d.Source), d.Text)
		}
		n++
	}
	if n != 200 {
		t.Fatalf("got %d docs", n)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	p, _ := New(tokenize)
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan *doc.Doc)
	out := make(chan *doc.Doc)
	go p.Run(ctx, 2, in, out)
	in <- &doc.Doc{ID: "1"}
	<-out
	cancel()
	for range out { // must be closed after cancel
	}
}

func TestProcessBatchGoesStageByStage(t *testing.T) {
	bad := tagger
	bad.fail = func(d *doc.Doc) bool { return d.ID == "b" }
	p, err := New(tokenize, bad, parser)
	if err != nil {
		t.Fatal(err)
	}
	ds := []*doc.Doc{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	if err := p.ProcessBatch(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		want := "|tokenize|tag|parse"
		if d.ID == "b" {
			want = "|tokenize"
		}
		if d.Text != want {
			t.Errorf("doc %s: stages %q, want %q", d.ID, d.Text, want)
		}
	}
	if len(ds[1].Errs) != 1 || len(ds[0].Errs) != 0 {
		t.Errorf("errors: a %v, b %v", ds[0].Errs, ds[1].Errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.ProcessBatch(ctx, []*doc.Doc{{ID: "d"}}); err == nil {
		t.Error("cancelled batch returned no error")
	}
}
