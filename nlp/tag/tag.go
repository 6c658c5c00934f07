package tag

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"math"
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
	cache  *wordCache // nil until Tag first needs it
	info   *infoCache // nil until Tag first needs it
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

// WithSureMargin returns a tagger with t's model in which a word keeps its
// first-pass class, without a second pass, when that class scores at least
// margin (in weight units) above the next best; 0 rescores every word.
// The default, 40, leaves the tags of the embedded model unchanged; a
// model with many classes (a supertagger) may trade a little accuracy for
// speed with a lower margin.
func (t *Tagger) WithSureMargin(margin float64) *Tagger {
	m := *t.m
	q := newTagger(&m)
	q.m.sureMargin = int32(math.Round(max(margin, 0) * weightScale))
	return q
}

// Pruned returns a tagger with t's model without its weights of magnitude
// below min (as TrainOptions.Prune does when training): a smaller model,
// faster to score, for a small loss of accuracy.
func (t *Tagger) Pruned(min float64) *Tagger {
	m := *t.m
	m.passes = make([]*weights, len(t.m.passes))
	units := int32(math.Round(min * weightScale))
	for i, w := range t.m.passes {
		m.passes[i] = w.pruned(units)
	}
	q := newTagger(&m)
	q.m.sureMargin = t.m.sureMargin
	return q
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
	t.TagAux(words, nil, xpos, upos)
}

// TagAux is Tag for a model trained with auxiliary tags (Example.Aux):
// aux[i] is the auxiliary tag of words[i]. Other models ignore aux.
func (t *Tagger) TagAux(words, aux []string, xpos, upos []string) {
	if len(words) == 0 {
		return
	}
	s := t.scratch.Get().(*scratch)
	if s.info == nil {
		s.info = new(infoCache)
	}
	s.ws = t.m.analyzeCached(s.ws, words, s.info)
	t.m.setAux(s.ws, aux)
	s.first = grow(s.first, len(words))
	s.second = grow(s.second, len(words))
	if s.cache == nil {
		s.cache = newWordCache(len(t.m.xpos), len(t.m.passes))
	}
	cls := t.m.classes(s.ws, words, s.scores, s.first, s.second, s.cache)
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
// With a cache (and the words ws were analysed from) the weights of the
// features of a word alone are added up once per word rather than at each
// of its occurrences.
func (m *model) classes(ws []wordInfo, words []string, scores []int32, first, second []uint16, cache *wordCache) []uint16 {
	sc := sentenceCase(ws)
	var feats [maxFeatures]uint64
	p1, p2 := uint64(noTag), uint64(noTag)
	for i := range ws {
		c := ws[i].sure - 1
		if ws[i].sure == 0 {
			n := m.features(&feats, ws, i, p1, p2, sc, nil)
			b, margin := m.score(0, feats[:n], scores, cache, words, i)
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
				n := m.features(&feats, ws, i, p1, p2, sc, first)
				b, _ := m.score(1, feats[:n], scores, cache, words, i)
				c = uint16(b)
			}
		}
		second[i] = c
		p2, p1 = p1, uint64(c)
	}
	return second
}

// score returns the best class of word i of words for pass p, whose
// feature keys are feats, and its margin over the second best.
func (m *model) score(p int, feats []uint64, scores []int32, cache *wordCache, words []string, i int) (int, int32) {
	w := m.passes[p]
	if cache == nil {
		return w.predict(feats, scores)
	}
	copy(scores, cache.sums(p, w, feats, words[i], i == 0))
	var rest [maxFeatures]uint64
	n := 0
	for j, k := range feats {
		if !wordOnly[j] {
			rest[n] = k
			n++
		}
	}
	w.add(rest[:n], scores)
	return best(scores)
}

// wordOnly marks the features of extract that depend on nothing but the
// word itself and whether it begins its sentence (flagFirst).
var wordOnly = func() (t [maxFeatures]bool) {
	for _, j := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 42, 44, 46, 47, 48} {
		t[j] = true
	}
	return t
}()

// cacheSize is the number of words a wordCache holds per pass.
const cacheSize = 2048

// wordCache holds, for recently seen words, the sums of the weights of
// their wordOnly features, per pass. Sums of integers do not depend on
// their order, so the scores are exactly those of predict.
type wordCache struct {
	nc   int
	slot [][cacheSize]cachedWord // per pass
	sum  [][]int32               // per pass, cacheSize * nc
}

// maxCachedWord is the longest word (in bytes) a wordCache keeps.
const maxCachedWord = 30

// cachedWord is the word whose sums a cache slot holds, copied so that
// the cache keeps no text alive and allocates nothing.
type cachedWord struct {
	n     uint8 // length; 0 is an empty slot
	first bool
	b     [maxCachedWord]byte
}

func newWordCache(nc, passes int) *wordCache {
	c := &wordCache{nc: nc, slot: make([][cacheSize]cachedWord, passes), sum: make([][]int32, passes)}
	for p := range c.sum {
		c.sum[p] = make([]int32, cacheSize*nc)
	}
	return c
}

// sums returns the summed weights of pass p (with weights w) of the
// wordOnly features among feats, the features of word, which begins its
// sentence when first is true.
func (c *wordCache) sums(p int, w *weights, feats []uint64, word string, first bool) []int32 {
	h := hashString(word)
	if first {
		h = ^h
	}
	slot := int(mix(h) & (cacheSize - 1))
	s := c.sum[p][slot*c.nc : (slot+1)*c.nc]
	cw := &c.slot[p][slot]
	keep := word != "" && len(word) <= maxCachedWord
	if keep && int(cw.n) == len(word) && cw.first == first && string(cw.b[:cw.n]) == word {
		return s
	}
	var own [numFeatures]uint64
	n := 0
	for j, k := range feats[:numFeatures] {
		if wordOnly[j] {
			own[n] = k
			n++
		}
	}
	clear(s)
	w.add(own[:n], s)
	if keep {
		cw.n, cw.first = uint8(copy(cw.b[:], word)), first
	} else {
		cw.n = 0
	}
	return s
}

// infoCacheSize is the number of words an infoCache holds.
const infoCacheSize = 4096

// infoCache holds the analyses of recently seen words (not first in their
// sentence), with their sure class and lexicon classes: everything
// analyzeAll finds depends on the word alone, but for flagFirst.
type infoCache struct {
	word [infoCacheSize]cachedWord
	info [infoCacheSize]wordInfo
}

// analyzeCached is analyzeAll through the cache c.
func (m *model) analyzeCached(ws []wordInfo, words []string, c *infoCache) []wordInfo {
	if cap(ws) < len(words) {
		ws = make([]wordInfo, len(words)+16)
	}
	ws = ws[:len(words)]
	for i, w := range words {
		keep := w != "" && len(w) <= maxCachedWord
		slot := int(mix(hashString(w)) & (infoCacheSize - 1))
		cw := &c.word[slot]
		if !keep || int(cw.n) != len(w) || string(cw.b[:cw.n]) != w {
			wi := &c.info[slot]
			analyze(wi, w, 1)
			wi.sure = m.sure[wi.word]
			wi.lex = 0
			if len(m.lexicon) > 0 {
				wi.lex = m.lexiconClass(w)
			}
			cw.n = 0
			if keep {
				cw.n = uint8(copy(cw.b[:], w))
			}
		}
		ws[i] = c.info[slot]
		if i == 0 {
			ws[i].flags |= flagFirst
		}
	}
	return ws
}

// setAux sets the auxiliary tags of the analysed words ws of a model with
// them (a missing tag hashes as the empty string).
func (m *model) setAux(ws []wordInfo, aux []string) {
	if !m.aux {
		return
	}
	for i := range ws {
		a := ""
		if i < len(aux) {
			a = aux[i]
		}
		ws[i].aux = hashString(a)
	}
}

// analyzeAll analyses every word of a sentence into ws, reusing its
// storage; aux are the words' auxiliary tags (for a model with them).
func (m *model) analyzeAll(ws []wordInfo, words, aux []string) []wordInfo {
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
	m.setAux(ws, aux)
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
