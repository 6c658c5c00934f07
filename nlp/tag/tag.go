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
	scores []int32
	first  []uint16
	second []uint16
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

// defaultSureMargin is the first-pass margin (40 weight units) above which
// a word keeps its first-pass class: on EWT dev this skips the second pass
// for most words without changing accuracy.
const defaultSureMargin = 40 * weightScale

func newTagger(m *model) *Tagger {
	m.sureMargin = defaultSureMargin
	t := &Tagger{m: m}
	t.scratch.New = func() any { return &scratch{scores: make([]int32, len(m.xpos))} }
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
	s.ws = t.m.analyzeAll(s.ws, words)
	s.first = grow(s.first, len(words))
	s.second = grow(s.second, len(words))
	cls := t.m.classes(s.ws, s.scores, s.first, s.second)
	for i, c := range cls {
		xpos[i], upos[i] = t.m.xpos[c], t.m.upos[c]
	}
	t.scratch.Put(s)
}

func grow(b []uint16, n int) []uint16 {
	if cap(b) < n {
		return make([]uint16, n, n+16)
	}
	return b[:n]
}

// classes tags the analysed words ws with every pass of m and returns the
// classes of the last pass (first or second, which must be len(ws) long).
func (m *model) classes(ws []wordInfo, scores []int32, first, second []uint16) []uint16 {
	sc := sentenceCase(ws)
	var feats [numFeatures + numRight]uint64
	p1, p2 := uint64(noTag), uint64(noTag)
	for i := range ws {
		c := ws[i].sure - 1
		if ws[i].sure == 0 {
			extract(&feats, ws, i, p1, p2, sc)
			b, margin := m.passes[0].predict(feats[:numFeatures], scores)
			c = uint16(b)
			if m.sureMargin > 0 && margin >= m.sureMargin && len(m.passes) > 1 {
				second[i] = 1 // keep c in the second pass
			} else if second != nil {
				second[i] = 0
			}
		}
		first[i] = c
		p2, p1 = p1, uint64(c)
	}
	if len(m.passes) == 1 {
		return first
	}
	p1, p2 = uint64(noTag), uint64(noTag)
	for i := range ws {
		c := ws[i].sure - 1
		if ws[i].sure == 0 {
			if second[i] == 1 {
				c = first[i]
			} else {
				extract(&feats, ws, i, p1, p2, sc)
				extractRight(&feats, ws, first, i, p1)
				b, _ := m.passes[1].predict(feats[:], scores)
				c = uint16(b)
			}
		}
		second[i] = c
		p2, p1 = p1, uint64(c)
	}
	return second
}

// analyzeAll analyses every word of a sentence into ws, reusing its storage.
func (m *model) analyzeAll(ws []wordInfo, words []string) []wordInfo {
	if cap(ws) < len(words) {
		ws = make([]wordInfo, len(words)+16)
	}
	ws = ws[:len(words)]
	for i, w := range words {
		analyze(&ws[i], w, i)
		ws[i].sure = m.sure[ws[i].word]
		if len(m.lexicon) > 0 {
			ws[i].lex = m.lexiconClass(w)
		}
	}
	return ws
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
