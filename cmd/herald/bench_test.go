package main

import (
	"os"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/ingest"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// reutersFiles reads the Reuters plain-text sample of HERALD_SHARED.
func reutersFiles(b *testing.B) (names []string, data [][]byte, total int64) {
	for _, p := range devdata.Glob(b, "news/reuters21578-plaintext-sample/*.txt") {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names, data = append(names, p), append(data, d)
		total += int64(len(d))
	}
	return names, data, total
}

// BenchmarkReadTokenize measures reading (sniffing, decoding, article
// splitting), tokenizing and sentence splitting of the Reuters sample, with
// the token and sentence buffers reused from document to document as a
// streaming reader does.
func BenchmarkReadTokenize(b *testing.B) {
	names, data, total := reutersFiles(b)
	var toks []doc.Token
	var sents []doc.Span
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for i := range data {
			docs, _ := ingest.ReadBytes(names[i], data[i])
			for _, d := range docs {
				toks = tokenize.Tokens(d.Text, toks[:0])
				sents = segment.Sentences(d.Text, toks, sents[:0])
			}
		}
	}
}

// BenchmarkRun measures the whole annotation of herald run (every stage,
// one worker, batches as herald run makes them) on the Reuters sample, in
// sentences per second.
func BenchmarkRun(b *testing.B) {
	names, data, _ := reutersFiles(b)
	p, err := buildPipeline(pipelineOptions{}, os.Stderr)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	sents := 0
	for range b.N {
		in := make(chan *doc.Doc, pipeline.BatchSize)
		out := make(chan *doc.Doc, pipeline.BatchSize)
		go func() {
			defer close(in)
			for i := range data {
				docs, _ := ingest.ReadBytes(names[i], data[i])
				for _, d := range docs {
					in <- d
				}
			}
		}()
		go p.Run(b.Context(), 1, in, out)
		for d := range out {
			sents += len(d.Sents)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}
