package parse

import (
	_ "embed"
	"errors"
	"sync"

	"github.com/herald-events/herald/nlp/tag"
)

//go:embed model/parser.model.gz
var embedded []byte

// ErrNoModel is returned by New when the binary was built without a model.
var ErrNoModel = errors.New("parse: no embedded model")

// Parser is a greedy transition-based dependency parser. It is safe for
// concurrent use.
type Parser struct {
	v      vocab
	labels []string // UD relations; index i is label i+1
	root   int16    // 1-based label of the root relation
	move   scorer   // 3 moves
	label  scorer   // len(labels) relations
	moveT  *table   // the tables being trained (nil for a loaded model)
	labelT *table
	beam   int         // beam width; 0 or 1 for greedy parsing
	super  *tag.Tagger // supertagger (see supertag.go); nil: none
	// punct is the label of arcs to words tagged PUNCT (1-based; 0: the
	// model has none), whose UPOS id is punctUPOS (see setPunct).
	punct     int16
	punctUPOS int32
	pool      sync.Pool
}

var (
	once      sync.Once
	shared    *Parser
	sharedErr error
)

// New returns the parser of the embedded model, trained on UD English EWT.
// The model is decoded once and shared.
func New() (*Parser, error) {
	once.Do(func() {
		shared, sharedErr = loadEmbedded()
	})
	return shared, sharedErr
}

// scratch is the per-call working memory of Parse.
type scratch struct {
	x      sentence
	s      state
	ctx    []uint64
	keys   []uint64
	scores []float32
	sink   uint32 // see scorer
	beam   beamScratch
	punct  punctFixer
	st     []string // supertags
	stu    []string // the supertagger's unused UPOS column
}

func (p *Parser) scratch() *scratch {
	if sc, ok := p.pool.Get().(*scratch); ok {
		return sc
	}
	n := max(nMoveSlots, nLabelSlots)
	return &scratch{
		ctx:    make([]uint64, n),
		keys:   make([]uint64, 0, max(len(moveTemplates), len(labelTemplates))),
		scores: make([]float32, max(nMoves, len(p.labels))),
	}
}

// Parse assigns a head and a relation to every word of a sentence, given
// its words and their XPOS (Penn) and UPOS tags. heads and rels must have
// len(words) elements; heads[i] receives the 0-based index of the head of
// word i, or -1 for the root, and rels[i] its UD relation.
func (p *Parser) Parse(words, xpos, upos []string, heads []int, rels []string) {
	p.ParseST(words, xpos, upos, nil, heads, rels)
}

// ParseST is Parse given the supertags of the words (see Supertags); when
// st is nil, the parser's supertagger gives them.
func (p *Parser) ParseST(words, xpos, upos, st []string, heads []int, rels []string) {
	if len(words) == 0 {
		return
	}
	sc := p.scratch()
	defer p.pool.Put(sc)
	if st == nil && p.super != nil {
		st = p.supertag(sc, words, xpos)
	}
	sc.x.encode(&p.v, words, xpos, upos, st)
	s := &sc.s
	if p.beam > 1 {
		s = p.runBeam(sc, p.beam)
	} else {
		p.run(sc)
	}
	n := int32(len(words))
	for i := range words {
		h := s.heads[i]
		if h == n || h < 0 {
			heads[i] = -1
		} else {
			heads[i] = int(h)
		}
		if l := s.labels[i]; l > 0 {
			rels[i] = p.labels[l-1]
		} else {
			rels[i] = "dep"
		}
	}
	sc.punct.fix(words, upos, heads)
}

// run parses the encoded sentence in sc greedily.
func (p *Parser) run(sc *scratch) {
	x, s := &sc.x, &sc.s
	s.reset(len(x.word) - 1)
	var ok [nMoves]bool
	for !s.terminal() {
		s.valid(&ok)
		move := onlyValid(&ok)
		if move < 0 {
			// Score the moves only when there is a choice (the stack is
			// often empty, and SHIFT the one move).
			sc.keys = x.moveFeatures(s, sc.ctx, sc.keys)
			scores := sc.scores[:nMoves]
			sc.sink += p.move.score(sc.keys, scores)
			move = argmaxValid(scores, &ok)
		}
		var label int16
		if move != shift {
			label = p.predictLabel(sc, s, move)
		}
		s.apply(move, label)
	}
}

// predictLabel returns the 1-based label of the arc move would make in s.
func (p *Parser) predictLabel(sc *scratch, s *state, move int) int16 {
	h, d := s.arc(move)
	if h == s.n {
		return p.root
	}
	if p.punct > 0 && sc.x.upos[d] == p.punctUPOS {
		return p.punct
	}
	sc.keys = sc.x.labelFeatures(s, h, d, sc.ctx, sc.keys)
	scores := sc.scores[:len(p.labels)]
	sc.sink += p.label.score(sc.keys, scores)
	best, bestScore := -1, float32(0)
	for c, v := range scores {
		if int16(c+1) == p.root {
			continue
		}
		if best < 0 || v > bestScore {
			best, bestScore = c, v
		}
	}
	return int16(best + 1)
}

// setPunct finds the label "punct" and the UPOS id of PUNCT: a word
// tagged PUNCT gets that label without scoring (in UD English EWT train,
// 99.8% of them have it; the rest are roots, which are labelled apart).
func (p *Parser) setPunct() {
	p.punct, p.punctUPOS = 0, -1
	id, ok := p.v.upos["PUNCT"]
	if !ok {
		return
	}
	for i, l := range p.labels {
		if l == "punct" {
			p.punct, p.punctUPOS = int16(i+1), id
		}
	}
}

// onlyValid returns the one valid move, or -1 when there are several.
func onlyValid(ok *[nMoves]bool) int {
	only := -1
	for m := range nMoves {
		if ok[m] {
			if only >= 0 {
				return -1
			}
			only = m
		}
	}
	return only
}

func argmaxValid(scores []float32, ok *[nMoves]bool) int {
	best := -1
	for m := range nMoves {
		if ok[m] && (best < 0 || scores[m] > scores[best]) {
			best = m
		}
	}
	return best
}
