package quote_test

import (
	"context"
	"strings"
	"testing"

	dictherald "github.com/herald-events/herald/dict/herald"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/extract/quote"
	"github.com/herald-events/herald/ingest/text"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/coref"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

func basicPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.New(tokenize.New(), segment.New(), coref.New(), quote.New())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSampleDump checks the project's sample dump: every direct quotation
// of the first article is Ali Khamenei's, the scare-quoted "Israel" is a
// quoted term, and the second article's claims are the Foreign Policy
// report's.
func TestSampleDump(t *testing.T) {
	raw := devdata.ReadFile(t, "news", "sample-dump.txt")
	docs := text.Read(string(raw))
	if len(docs) != 2 {
		t.Fatalf("sample dump: got %d articles, want 2", len(docs))
	}
	p := basicPipeline(t)
	for _, d := range docs {
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, q := range d.Quotes {
			t.Logf("%s cue=%q speaker=%q name=%q content=%q", q.Kind, d.Text[q.Cue.Start:q.Cue.End], d.Text[q.Speaker.Start:q.Speaker.End], q.Speaker.Name, d.Text[q.Content.Start:q.Content.End])
		}
		for _, c := range d.Chains {
			t.Logf("chain %q %s: %d mentions", c.Name, c.Label, len(c.Mentions))
		}
	}
	first, second := docs[0], docs[1]
	direct := 0
	for _, q := range first.Quotes {
		if q.Kind == doc.QuoteIndirect {
			continue
		}
		direct++
		if q.Speaker.Name != "Ali Khamenei" {
			t.Errorf("first article: quotation %q attributed to %q, want Ali Khamenei", first.Text[q.Content.Start:q.Content.End], q.Speaker.Name)
		}
		if c := first.Text[q.Content.Start:q.Content.End]; strings.Trim(c, `"“”'. `) == "Israel" {
			t.Errorf("first article: scare-quoted %q taken as a quotation", c)
		}
	}
	if direct < 3 {
		t.Errorf("first article: %d direct quotations, want at least 3", direct)
	}
	israel := 0
	for _, s := range first.QuotedTerms {
		if strings.Contains(first.Text[s.Start:s.End], "Israel") {
			israel++
		}
	}
	if israel == 0 {
		t.Errorf("first article: the scare-quoted \"Israel\" is not a quoted term (terms: %v)", first.QuotedTerms)
	}
	reported := 0
	for _, q := range second.Quotes {
		if strings.Contains(q.Speaker.Name, "Foreign Policy") {
			reported++
		} else {
			t.Errorf("second article: %q attributed to %q, want the Foreign Policy report", second.Text[q.Content.Start:q.Content.End], q.Speaker.Name)
		}
	}
	if reported < 3 {
		t.Errorf("second article: %d claims attributed to the Foreign Policy report, want at least 3", reported)
	}
}

func TestActorCodes(t *testing.T) {
	set, err := dictherald.Set()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(tokenize.New(), segment.New(), coref.New(), quote.New(quote.WithActors(set.Actors)))
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{Text: "Iran's Supreme Leader Ali Khamenei spoke in Tehran on Sunday. He said the region would never accept the plan."}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 {
		t.Fatalf("got %d quotations, want 1", len(d.Quotes))
	}
	if s := d.Quotes[0].Speaker; s.Name != "Ali Khamenei" || !strings.HasPrefix(s.Code, "IRN") {
		t.Errorf("speaker %+v, want Ali Khamenei with an Iranian code", s)
	}
}
