package quote_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/extract/quote"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/coref"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// benchText returns news text: the sample dump when HERALD_SHARED is set,
// else the article of testdata.
func benchText(b *testing.B) string {
	if shared, ok := devdata.Lookup(); ok {
		if raw, err := os.ReadFile(filepath.Join(shared, "data", "news", "sample-dump.txt")); err == nil {
			return string(raw)
		}
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

func segmented(b *testing.B, text string) *doc.Doc {
	d := &doc.Doc{Text: text}
	ctx := context.Background()
	if err := tokenize.New().Process(ctx, d); err != nil {
		b.Fatal(err)
	}
	if err := segment.New().Process(ctx, d); err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkTokenizeSegment is the baseline: tokens and sentences of the
// text.
func BenchmarkTokenizeSegment(b *testing.B) {
	text := benchText(b)
	ctx := context.Background()
	tk, sg := tokenize.New(), segment.New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d := &doc.Doc{Text: text}
		_ = tk.Process(ctx, d)
		_ = sg.Process(ctx, d)
	}
}

// BenchmarkCorefQuote measures coreference and quotation extraction on a
// segmented text, to compare with BenchmarkTokenizeSegment.
func BenchmarkCorefQuote(b *testing.B) {
	text := benchText(b)
	d := segmented(b, text)
	ctx := context.Background()
	cr, qs := coref.New(), quote.New()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = cr.Process(ctx, d)
		_ = qs.Process(ctx, d)
	}
}

func ExampleNew() {
	d := &doc.Doc{Text: `"We will rebuild the bridge," Mayor Ana Ruiz said on Monday.`}
	ctx := context.Background()
	for _, s := range []interface {
		Process(context.Context, *doc.Doc) error
	}{tokenize.New(), segment.New(), coref.New(), quote.New()} {
		if err := s.Process(ctx, d); err != nil {
			panic(err)
		}
	}
	for _, q := range d.Quotes {
		println := func(k, v string) { os.Stdout.WriteString(k + ": " + v + "\n") }
		println("kind", q.Kind)
		println("content", strings.TrimSpace(d.Text[q.Content.Start:q.Content.End]))
		println("cue", d.Text[q.Cue.Start:q.Cue.End])
		println("speaker", q.Speaker.Name)
	}
	// Output:
	// kind: direct
	// content: We will rebuild the bridge,
	// cue: said
	// speaker: Ana Ruiz
}

// BenchmarkTokenizeSegmentTag is the part of herald run before coreference
// that always runs (tokens, sentences, part-of-speech tags), for the share
// of BenchmarkCorefQuote in a run.
func BenchmarkTokenizeSegmentTag(b *testing.B) {
	text := benchText(b)
	tg, err := tag.New()
	if err != nil {
		b.Skip(err)
	}
	p, err := pipeline.New(tokenize.New(), segment.New(), tg.Stage())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = p.Process(ctx, &doc.Doc{Text: text})
	}
}
