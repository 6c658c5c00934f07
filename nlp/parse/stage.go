package parse

import (
	"context"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/pipeline"
)

// Stage returns the pipeline stage that parses every sentence of a Doc. It
// needs tokens, sentences and tags and fills Token.Head (a Doc token index,
// -1 for the root of a sentence) and Token.Dep.
func (p *Parser) Stage() pipeline.Stage { return stage{p} }

type stage struct{ p *Parser }

var _ pipeline.Stage = stage{}

func (stage) Name() string        { return "parse" }
func (stage) Requires() doc.Layer { return doc.LayerTokens | doc.LayerSentences | doc.LayerTags }
func (stage) Provides() doc.Layer { return doc.LayerDeps }

func (s stage) Process(ctx context.Context, d *doc.Doc) error {
	var words, xpos, upos, rels []string
	var heads []int
	for _, sp := range d.Sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := sp.Len()
		if n == 0 {
			continue
		}
		words, xpos, upos = words[:0], xpos[:0], upos[:0]
		for i := sp.Start; i < sp.End; i++ {
			t := &d.Tokens[i]
			words = append(words, d.Text[t.Start:t.End])
			xpos = append(xpos, t.Tag)
			upos = append(upos, t.UPOS)
		}
		heads = append(heads[:0], make([]int, n)...)
		rels = append(rels[:0], make([]string, n)...)
		s.p.Parse(words, xpos, upos, heads, rels)
		for j := range n {
			t := &d.Tokens[int(sp.Start)+j]
			if heads[j] < 0 {
				t.Head = -1
			} else {
				t.Head = sp.Start + int32(heads[j])
			}
			t.Dep = rels[j]
		}
	}
	d.Mark(doc.LayerDeps)
	return nil
}
