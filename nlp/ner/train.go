package ner

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// Example is one training sentence: its words, their Penn Treebank tags
// (nil when unknown) and their IOB2 tags.
type Example struct {
	Words, XPOS, Tags []string
}

// Tagged is one sentence of unlabelled text with Universal POS tags, read
// to build the word-class table (how often each word is a proper noun and
// how often it is capitalised).
type Tagged struct {
	Words, UPOS []string
	// Heads (1-based, 0 for the root) and Rels hold the dependency tree of
	// the sentence; both may be nil, which leaves the word out of the
	// syntactic profiles.
	Heads []int
	Rels  []string
}

// TrainConfig sets how Train learns a model.
type TrainConfig struct {
	Epochs int    // passes over the examples; 0 means 10
	Seed   uint64 // seed of the example order shuffle and of Dropout
	// Classes is the word-class table the model reads (see BuildWordClasses);
	// nil leaves the word-class features out.
	Classes *WordClasses
	// Dropout leaves out each feature of a token with this probability
	// on each training pass, so that the model does not lean on word
	// identity alone; 0 keeps every feature.
	Dropout float64
	// Ensemble averages the weights of this many perceptrons trained on
	// different orders of the examples (seeds Seed, Seed+1, ...), which
	// steadies the model; 0 means 1.
	Ensemble int
}

// Train learns a recognizer from IOB2-tagged examples with an averaged
// structured perceptron. Training is deterministic: the same examples and
// configuration give the same model bytes.
func Train(examples []Example, cfg TrainConfig) (*Recognizer, error) {
	if len(examples) == 0 {
		return nil, errors.New("ner: no training examples")
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	wc := cfg.Classes
	if wc == nil {
		wc = &WordClasses{}
	}
	return train(g, wc, examples, cfg)
}

func train(g *Gazetteer, wc *WordClasses, examples []Example, cfg TrainConfig) (*Recognizer, error) {
	tagSet := map[string]bool{"O": true}
	for i, ex := range examples {
		if len(ex.Tags) != len(ex.Words) || (ex.XPOS != nil && len(ex.XPOS) != len(ex.Words)) {
			return nil, fmt.Errorf("ner: example %d: %d words, %d tags, %d POS tags", i, len(ex.Words), len(ex.Tags), len(ex.XPOS))
		}
		for _, t := range ex.Tags {
			if !validTag(t) {
				return nil, fmt.Errorf("ner: example %d: bad IOB2 tag %q", i, t)
			}
			tagSet[t] = true
			if t != "O" {
				tagSet["B-"+t[2:]], tagSet["I-"+t[2:]] = true, true
			}
		}
	}
	var tags []string
	for t := range tagSet {
		if t != "O" {
			tags = append(tags, t)
		}
	}
	sort.Slice(tags, func(i, j int) bool {
		a, b := tags[i], tags[j]
		if a[2:] != b[2:] {
			return a[2:] < b[2:]
		}
		return a < b
	})
	tags = append([]string{"O"}, tags...)
	tagIndex := map[string]int{}
	for i, t := range tags {
		tagIndex[t] = i
	}
	m := &model{classes: wc.m, prof: wc.prof, rows: map[uint64]int32{}}
	m.setTags(tags)
	nt := len(tags)

	// Features of every token, as weight rows.
	seqs := make([]seq, len(examples))
	var keys []uint64
	for si, ex := range examples {
		s := m.prepare(g, ex.Words, ex.XPOS)
		sq := seq{feats: make([][]int32, len(ex.Words)), gold: make([]int, len(ex.Words))}
		for i := range ex.Words {
			keys = s.features(g, i, keys[:0])
			ids := make([]int32, 0, len(keys))
			for _, k := range keys {
				r, ok := m.rows[k]
				if !ok {
					r = int32(len(m.rows))
					m.rows[k] = r
				}
				ids = append(ids, r)
			}
			sq.feats[i] = ids
			sq.gold[i] = tagIndex[ex.Tags[i]]
		}
		seqs[si] = sq
	}
	nr := len(m.rows)
	runs := max(cfg.Ensemble, 1)
	m.weights = make([]float32, nr*nt)
	m.trans = make([]float32, (nt+1)*nt)
	for run := range runs {
		w, tr := perceptron(seqs, nr, nt, m.allowed, cfg, cfg.Seed+uint64(run))
		for i, x := range w {
			m.weights[i] += x / float32(runs)
		}
		for i, x := range tr {
			m.trans[i] += x / float32(runs)
		}
	}
	return &Recognizer{m: m, g: g}, nil
}

// WordClasses is a table of word classes read from unlabelled tagged text:
// for each word (lowercased), how often it is a proper noun, how often it is
// capitalised inside a sentence, and how frequent it is.
type WordClasses struct {
	m    map[string]uint8
	prof map[string]uint32
}

// Len returns the number of words in the table.
func (wc *WordClasses) Len() int { return len(wc.m) }

// WordClasses returns the word-class table of the recognizer's model, to
// train other models with the same table; nil when it has none.
func (r *Recognizer) WordClasses() *WordClasses {
	if r.m.classes == nil {
		return nil
	}
	return &WordClasses{r.m.classes, r.m.prof}
}

// BuildWordClasses builds the word-class table from tagged text (such as
// the UD English EWT training treebank).
func BuildWordClasses(lex []Tagged) *WordClasses {
	return &WordClasses{wordClasses(lex), profiles(lex)}
}

func wordClasses(lex []Tagged) map[string]uint8 {
	if len(lex) == 0 {
		return nil
	}
	type count struct{ n, propn, inner, caps int }
	counts := map[string]*count{}
	for _, s := range lex {
		for i, w := range s.Words {
			lw := strings.ToLower(w)
			c := counts[lw]
			if c == nil {
				c = &count{}
				counts[lw] = c
			}
			c.n++
			if i < len(s.UPOS) && s.UPOS[i] == "PROPN" {
				c.propn++
			}
			if i > 0 {
				c.inner++
				if capitalized(w) {
					c.caps++
				}
			}
		}
	}
	bucket := func(k, n int) int {
		switch {
		case n == 0 || k == 0:
			return 0
		case 2*k < n:
			return 1
		case k < n:
			return 2
		}
		return 3
	}
	out := make(map[string]uint8, len(counts))
	for w, c := range counts {
		f := 0
		switch {
		case c.n >= 10:
			f = 2
		case c.n >= 2:
			f = 1
		}
		out[w] = uint8(1 + bucket(c.propn, c.n)*12 + bucket(c.caps, c.inner)*3 + f)
	}
	return out
}

// seq is one training sentence as weight rows per token and gold tags.
type seq struct {
	feats [][]int32
	gold  []int
}

// perceptron trains one averaged structured perceptron over seqs and returns
// its averaged emission and transition weights.
func perceptron(seqs []seq, nr, nt int, allowed [][]bool, cfg TrainConfig, seed uint64) (w, tr []float32) {
	w = make([]float32, nr*nt)
	acc := make([]float32, nr*nt) // sum over updates of step * delta
	tr = make([]float32, (nt+1)*nt)
	tracc := make([]float32, (nt+1)*nt)
	order := make([]int, len(seqs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e6572))
	step := float32(1)
	var sc []float32
	var kept []int32
	var active [][]int32
	for range cfg.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			sq := seqs[si]
			n := len(sq.gold)
			if cap(sc) < n*nt {
				sc = make([]float32, n*nt)
			}
			sc = sc[:n*nt]
			clear(sc)
			for len(active) < n {
				active = append(active, nil)
			}
			for i, ids := range sq.feats {
				row := sc[i*nt : (i+1)*nt]
				if cfg.Dropout > 0 {
					kept = kept[:0]
					for _, r := range ids {
						if rng.Float64() >= cfg.Dropout {
							kept = append(kept, r)
						}
					}
					active[i] = append(active[i][:0], kept...)
					ids = active[i]
				}
				for _, r := range ids {
					for t, x := range w[int(r)*nt : int(r+1)*nt] {
						row[t] += x
					}
				}
			}
			pred := viterbi(nt, n, sc, tr, allowed)
			for i := 0; i < n; i++ {
				gi, pi := sq.gold[i], pred[i]
				if gi != pi {
					ids := sq.feats[i]
					if cfg.Dropout > 0 {
						ids = active[i]
					}
					for _, r := range ids {
						w[int(r)*nt+gi]++
						acc[int(r)*nt+gi] += step
						w[int(r)*nt+pi]--
						acc[int(r)*nt+pi] -= step
					}
				}
				gp, pp := nt, nt
				if i > 0 {
					gp, pp = sq.gold[i-1], pred[i-1]
				}
				if gp != pp || gi != pi {
					tr[gp*nt+gi]++
					tracc[gp*nt+gi] += step
					tr[pp*nt+pi]--
					tracc[pp*nt+pi] -= step
				}
			}
			step++
		}
	}
	for i := range w {
		w[i] -= acc[i] / step
	}
	for i := range tr {
		tr[i] -= tracc[i] / step
	}
	return w, tr
}

// profiles reads the syntactic profile of each word of a treebank: how
// often it takes part in a flat relation, the relation of UD's multi-word
// names (Bill flat Clinton), as flatShare unpacks it. Words of sentences
// without a tree are left out.
func profiles(lex []Tagged) map[string]uint32 {
	type count struct{ n, flat int }
	counts := map[string]*count{}
	for _, s := range lex {
		if len(s.Heads) != len(s.Words) || len(s.Rels) != len(s.Words) {
			continue
		}
		flat := make([]bool, len(s.Words))
		for i, h := range s.Heads {
			if h >= 1 && h <= len(s.Words) && s.Rels[i] == "flat" {
				flat[h-1], flat[i] = true, true
			}
		}
		for i, w := range s.Words {
			lw := strings.ToLower(w)
			c := counts[lw]
			if c == nil {
				c = &count{}
				counts[lw] = c
			}
			c.n++
			if flat[i] {
				c.flat++
			}
		}
	}
	if len(counts) == 0 {
		return nil
	}
	out := make(map[string]uint32, len(counts))
	for w, c := range counts {
		share := uint32(0)
		switch {
		case c.flat == 0:
		case 4*c.flat < c.n:
			share = 1
		case 2*c.flat < c.n:
			share = 2
		default:
			share = 3
		}
		out[w] = 1<<28 | share<<16
	}
	return out
}

// flatShare unpacks the flat-relation share of a syntactic profile: 0
// never (or a word the treebank lacks), 1 under a quarter of the time, 2
// under half, 3 at least half.
func flatShare(p uint32) byte { return byte(p>>16) & 15 }
