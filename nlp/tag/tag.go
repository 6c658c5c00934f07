package tag

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"sync"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/pipeline"
)

//go:embed model/tagger.bin.gz
var embeddedModel []byte

var (
	embeddedOnce   sync.Once
	embeddedTagger *Tagger
	embeddedErr    error
)

// Tagger assigns Penn Treebank (XPOS) and Universal (UPOS) part-of-speech
// tags to the words of a sentence. It does not change after it is built and
// is safe for concurrent use.
type Tagger struct {
	m       *model
	scratch sync.Pool // *scratch
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	ws     []wordInfo
	scores []float32
	words  []string
	xpos   []string
	upos   []string
}

// New returns the tagger of the embedded model, trained on UD English EWT.
// The model is decoded once; every call returns the same Tagger.
func New() (*Tagger, error) {
	embeddedOnce.Do(func() {
		embeddedTagger, embeddedErr = Load(bytes.NewReader(embeddedModel))
	})
	return embeddedTagger, embeddedErr
}

// Load reads a model written by Tagger.WriteModel (or by "herald train tag").
func Load(r io.Reader) (*Tagger, error) {
	m, err := readModel(r)
	if err != nil {
		return nil, err
	}
	return newTagger(m), nil
}

func newTagger(m *model) *Tagger {
	t := &Tagger{m: m}
	t.scratch.New = func() any { return &scratch{scores: make([]float32, len(m.xpos))} }
	return t
}

// WriteModel writes the model of t in its compact file form (gzip). The
// same model always gives the same bytes.
func (t *Tagger) WriteModel(w io.Writer) error { return t.m.write(w) }

// Tags returns the (XPOS, UPOS) pairs the tagger can assign, in class order.
func (t *Tagger) Tags() (xpos, upos []string) {
	return append([]string(nil), t.m.xpos...), append([]string(nil), t.m.upos...)
}

// Tag fills xpos[i] and upos[i] with the tags of words[i], for one sentence.
// xpos and upos must be at least as long as words.
func (t *Tagger) Tag(words []string, xpos, upos []string) {
	if len(words) == 0 {
		return
	}
	s := t.scratch.Get().(*scratch)
	s.ws = analyzeAll(s.ws, words)
	m := t.m
	var feats [numFeatures]uint64
	p1, p2 := uint64(noTag), uint64(noTag)
	for i := range words {
		extract(&feats, s.ws, i, p1, p2)
		c := m.predict(&feats, s.scores)
		xpos[i], upos[i] = m.xpos[c], m.upos[c]
		p2, p1 = p1, uint64(c)
	}
	t.scratch.Put(s)
}

// analyzeAll analyses every word of a sentence into ws, reusing its storage.
func analyzeAll(ws []wordInfo, words []string) []wordInfo {
	if cap(ws) < len(words) {
		ws = make([]wordInfo, len(words)+16)
	}
	ws = ws[:len(words)]
	for i, w := range words {
		analyze(&ws[i], w, i)
	}
	return ws
}

// predict returns the best class for the features; scores is scratch space
// of one float per class.
func (m *model) predict(feats *[numFeatures]uint64, scores []float32) int {
	clear(scores)
	for _, k := range feats {
		f, ok := m.index[k]
		if !ok {
			continue
		}
		a, b := m.offs[f], m.offs[f+1]
		cls, w := m.cls[a:b], m.w[a:b]
		for j, c := range cls {
			scores[c] += w[j]
		}
	}
	best := 0
	for c, v := range scores {
		if v > scores[best] {
			best = c
		}
	}
	return best
}

// Stage returns the pipeline stage that tags every sentence of a Doc. It
// requires tokens and sentences and provides tags (Token.Tag, Token.UPOS).
func (t *Tagger) Stage() pipeline.Stage { return stage{t} }

type stage struct{ t *Tagger }

func (stage) Name() string        { return "tag" }
func (stage) Requires() doc.Layer { return doc.LayerTokens | doc.LayerSentences }
func (stage) Provides() doc.Layer { return doc.LayerTags }
func (s stage) Process(ctx context.Context, d *doc.Doc) error {
	sc := s.t.scratch.Get().(*scratch)
	defer s.t.scratch.Put(sc)
	for si, sent := range d.Sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sent.Start < 0 || sent.End > int32(len(d.Tokens)) || sent.End < sent.Start {
			return fmt.Errorf("sentence %d has bad token range [%d,%d)", si, sent.Start, sent.End)
		}
		n := sent.Len()
		sc.words = sc.words[:0]
		for i := sent.Start; i < sent.End; i++ {
			sc.words = append(sc.words, d.TokenText(int(i)))
		}
		if cap(sc.xpos) < n {
			sc.xpos, sc.upos = make([]string, n), make([]string, n)
		}
		xp, up := sc.xpos[:n], sc.upos[:n]
		s.t.Tag(sc.words, xp, up)
		for j := range n {
			tok := &d.Tokens[int(sent.Start)+j]
			tok.Tag, tok.UPOS = xp[j], up[j]
		}
	}
	d.Mark(doc.LayerTags)
	return nil
}
