package parse

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/herald-events/herald/nlp/cluster"
	"github.com/herald-events/herald/nlp/tag"
)

// Sentence is a training or evaluation sentence: words, their tags and the
// gold tree (Heads 0-based, -1 for the root).
type Sentence struct {
	Words, XPOS, UPOS []string
	ST                []string // supertags (optional; see TrainSupertagger)
	Heads             []int
	Rels              []string
}

// TrainConfig sets the training of a model.
type TrainConfig struct {
	Epochs       int        // passes over the data (default 15)
	Seed         uint64     // seed of the shuffling and exploration
	MinWordFreq  int        // words seen fewer times are unknown (default 2)
	Explore      float64    // probability of following a wrong prediction after the first epoch (default 0.9)
	Dropout      float64    // share of move features hidden at random from each training step (0 = none)
	Beam         int        // beam width; > 1 trains globally with early update (Explore and Dropout unused)
	MaxViolation bool       // with Beam, update at the largest violation instead of the first
	Dev          []Sentence // when set, scored after each epoch and written to Log
	// Supertagger, when set, is the tagger that gave the training
	// sentences their supertags (ST, see TrainSupertagger); the parser
	// keeps it and uses it for sentences given without supertags, such as
	// Dev's.
	Supertagger *tag.Tagger
	Log         io.Writer // progress; nil for none
}

// trainer holds an averaged perceptron table: w plus the sums of
// time-weighted updates (Daumé's trick: average = w - u/c).
type trainer struct {
	t *table
	u []float64
}

func (tr *trainer) update(keys []uint64, class int, delta float32, c float64) {
	n := tr.t.n
	for _, k := range keys {
		r := int(tr.t.add(k))
		if len(tr.u) < len(tr.t.w) {
			tr.u = append(tr.u, make([]float64, len(tr.t.w)-len(tr.u))...)
		}
		tr.t.w[r*n+class] += delta
		tr.u[r*n+class] += c * float64(delta)
	}
}

func (tr *trainer) average(c float64) {
	for i := range tr.t.w {
		tr.t.w[i] -= float32(tr.u[i] / c)
	}
}

// Train learns a parser from data (which must have gold trees) with a
// dynamic oracle and averaged perceptrons. Non-projective trees are
// projectivised by lifting for training. The same data and config give the
// same model.
func Train(data []Sentence, cfg TrainConfig) (*Parser, error) {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 15
	}
	if cfg.MinWordFreq <= 0 {
		cfg.MinWordFreq = 2
	}
	if cfg.Explore == 0 {
		cfg.Explore = 0.9
	}
	if len(data) == 0 {
		return nil, errors.New("parse: no training sentences")
	}
	for i, s := range data {
		if err := s.check(); err != nil {
			return nil, fmt.Errorf("parse: training sentence %d: %w", i+1, err)
		}
	}
	p := &Parser{super: cfg.Supertagger}
	p.buildVocab(data, cfg.MinWordFreq)
	if len(p.labels) > 255 {
		return nil, fmt.Errorf("parse: %d relations, at most 255 supported", len(p.labels))
	}
	labelID := make(map[string]int16, len(p.labels))
	for i, l := range p.labels {
		labelID[l] = int16(i + 1)
	}
	mv := &trainer{t: newTable(nMoves, 1<<16)}
	lb := &trainer{t: newTable(len(p.labels), 1<<16)}
	p.move, p.label = mv.t, lb.t
	p.moveT, p.labelT = mv.t, lb.t
	if cfg.Beam > 1 {
		p.beam = cfg.Beam
	}

	// encode once
	type item struct {
		x      sentence
		gold   []int32 // projectivised heads, n for the root
		labels []int16
	}
	items := make([]item, len(data))
	for i, s := range data {
		it := &items[i]
		it.x.encode(&p.v, s.Words, s.XPOS, s.UPOS, s.ST)
		n := len(s.Words)
		it.gold = make([]int32, n)
		it.labels = make([]int16, n)
		for j, h := range s.Heads {
			if h < 0 {
				it.gold[j] = int32(n)
			} else {
				it.gold[j] = int32(h)
			}
			it.labels[j] = labelID[s.Rels[j]]
		}
		projectivize(it.gold)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	sc := p.scratch()
	var c float64 = 1
	var ok [nMoves]bool
	var cost [nMoves]int
	for epoch := range cfg.Epochs {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var moves, moveErr, arcs, labelErr int
		for _, idx := range order {
			it := &items[idx]
			if cfg.Beam > 1 {
				sc.x = it.x
				moves++
				train := p.trainBeam
				if cfg.MaxViolation {
					train = p.trainBeamMaxViolation
				}
				if train(sc, it.gold, it.labels, cfg.Beam, mv, lb, c) {
					moveErr++
				}
				c++
				continue
			}
			s := &sc.s
			s.reset(len(it.gold))
			for !s.terminal() {
				sc.keys = it.x.moveFeatures(s, sc.ctx, sc.keys)
				if cfg.Dropout > 0 {
					sc.keys = dropKeys(sc.keys, cfg.Dropout, rng)
				}
				scores := sc.scores[:nMoves]
				p.move.score(sc.keys, scores)
				s.valid(&ok)
				s.costs(it.gold, &cost)
				pred := argmaxValid(scores, &ok)
				minCost := -1
				for m := range nMoves {
					if ok[m] && (minCost < 0 || cost[m] < minCost) {
						minCost = cost[m]
					}
				}
				best := -1
				for m := range nMoves {
					if ok[m] && cost[m] == minCost && (best < 0 || scores[m] > scores[best]) {
						best = m
					}
				}
				moves++
				next := pred
				if cost[pred] > minCost {
					moveErr++
					mv.update(sc.keys, best, 1, c)
					mv.update(sc.keys, pred, -1, c)
					if epoch == 0 || rng.Float64() >= cfg.Explore {
						next = best
					}
				}
				var label int16
				if next != shift {
					h, d := s.arc(next)
					if h == s.n {
						label = p.root
					} else {
						sc.keys = it.x.labelFeatures(s, h, d, sc.ctx, sc.keys)
						lscores := sc.scores[:len(p.labels)]
						p.label.score(sc.keys, lscores)
						bestL := -1
						for l, v := range lscores {
							if int16(l+1) != p.root && (bestL < 0 || v > lscores[bestL]) {
								bestL = l
							}
						}
						label = int16(bestL + 1)
						if it.gold[d] == h {
							arcs++
							if gl := it.labels[d]; gl != label && gl != p.root {
								labelErr++
								lb.update(sc.keys, int(gl-1), 1, c)
								lb.update(sc.keys, bestL, -1, c)
								label = gl
							}
						}
					}
				}
				s.apply(next, label)
				c++
			}
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "epoch %d: move errors %.2f%%, label errors %.2f%%, %d+%d features, %s",
				epoch+1, 100*float64(moveErr)/float64(moves), 100*float64(labelErr)/float64(max(arcs, 1)),
				mv.t.count, lb.t.count, time.Since(start).Round(time.Millisecond))
			if len(cfg.Dev) > 0 {
				// score the averaged weights without disturbing training
				saved := append([]float32(nil), mv.t.w...)
				savedL := append([]float32(nil), lb.t.w...)
				mv.average(c)
				lb.average(c)
				uas, las := p.Score(cfg.Dev)
				copy(mv.t.w, saved)
				copy(lb.t.w, savedL)
				fmt.Fprintf(cfg.Log, ", dev UAS %.2f LAS %.2f", uas, las)
			}
			fmt.Fprintln(cfg.Log)
		}
	}
	mv.average(c)
	lb.average(c)
	return p, nil
}

// dropKeys removes each key with probability p, keeping the order of the
// others, so that no weight learns to lean on one feature alone.
func dropKeys(keys []uint64, p float64, rng *rand.Rand) []uint64 {
	out := keys[:0]
	for _, k := range keys {
		if rng.Float64() >= p {
			out = append(out, k)
		}
	}
	return out
}

// Score parses the sentences of gold with their given tags and returns the
// unlabelled and labelled attachment scores in percent over every word,
// punctuation included.
func (p *Parser) Score(gold []Sentence) (uas, las float64) {
	var total, uh, lh int
	var heads []int
	var rels []string
	for _, s := range gold {
		n := len(s.Words)
		heads = append(heads[:0], make([]int, n)...)
		rels = append(rels[:0], make([]string, n)...)
		p.ParseST(s.Words, s.XPOS, s.UPOS, s.ST, heads, rels)
		for i := range n {
			total++
			if heads[i] == s.Heads[i] {
				uh++
				if rels[i] == s.Rels[i] {
					lh++
				}
			}
		}
	}
	if total == 0 {
		return 0, 0
	}
	return 100 * float64(uh) / float64(total), 100 * float64(lh) / float64(total)
}

func (s Sentence) check() error {
	n := len(s.Words)
	if len(s.XPOS) != n || len(s.UPOS) != n || len(s.Heads) != n || len(s.Rels) != n {
		return errors.New("columns of different lengths")
	}
	roots := 0
	for i, h := range s.Heads {
		if h < -1 || h >= n || h == i {
			return fmt.Errorf("word %d has bad head %d", i+1, h)
		}
		if h == -1 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots, want 1", roots)
	}
	// every word must reach the root
	for i := range s.Heads {
		j, steps := i, 0
		for j != -1 {
			j = s.Heads[j]
			if steps++; steps > n {
				return fmt.Errorf("word %d is in a cycle", i+1)
			}
		}
	}
	return nil
}

func (p *Parser) buildVocab(data []Sentence, minFreq int) {
	words := map[string]int{}
	sfx := map[string]int{}
	tags := map[string]bool{}
	upos := map[string]bool{}
	labels := map[string]bool{}
	var buf []byte
	for _, s := range data {
		for i, w := range s.Words {
			buf = cluster.Normalize(buf, w)
			words[string(buf)]++
			sfx[string(suffix(buf))]++
			tags[s.XPOS[i]] = true
			upos[s.UPOS[i]] = true
			labels[s.Rels[i]] = true
		}
	}
	// rare words are replaced by classes of their shape and ending, which
	// unknown words share at run time
	var ubuf []byte
	for _, s := range data {
		for _, w := range s.Words {
			buf = cluster.Normalize(buf, w)
			if words[string(buf)] < minFreq {
				ubuf = unknownClass(ubuf, w, buf)
				words[string(ubuf)] = minFreq
			}
		}
	}
	p.v.words = idMap(words, minFreq)
	p.v.sfx = idMap(sfx, minFreq)
	p.v.tags = idMap(boolCounts(tags), 1)
	p.v.upos = idMap(boolCounts(upos), 1)
	labels["root"] = true
	for l := range labels {
		p.labels = append(p.labels, l)
	}
	sort.Strings(p.labels)
	for i, l := range p.labels {
		if l == "root" {
			p.root = int16(i + 1)
		}
	}
	p.setPunct()
}

func boolCounts(m map[string]bool) map[string]int {
	out := make(map[string]int, len(m))
	for k := range m {
		out[k] = 1
	}
	return out
}

// idMap numbers the keys seen at least min times, in sorted order, from idBase.
func idMap(counts map[string]int, min int) map[string]int32 {
	var keys []string
	for k, c := range counts {
		if c >= min {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	m := make(map[string]int32, len(keys))
	for i, k := range keys {
		m[k] = int32(i + idBase)
	}
	return m
}

// Average returns the parser whose weights are the mean of the weights of
// ps, trained models of the same data (the same vocabularies and relations)
// with different seeds: parameter mixing, which smooths the weights of
// perceptrons the way averaging over updates does.
func Average(ps []*Parser) (*Parser, error) {
	if len(ps) == 0 {
		return nil, errors.New("parse: no parsers to average")
	}
	first := ps[0]
	for _, p := range ps {
		if p.moveT == nil || p.labelT == nil {
			return nil, errors.New("parse: only trained models can be averaged")
		}
		if len(p.labels) != len(first.labels) || len(p.v.words) != len(first.v.words) || p.root != first.root || p.beam != first.beam {
			return nil, errors.New("parse: models of different data cannot be averaged")
		}
		for i, l := range p.labels {
			if first.labels[i] != l {
				return nil, errors.New("parse: models of different relations cannot be averaged")
			}
		}
	}
	out := &Parser{v: first.v, labels: first.labels, root: first.root, beam: first.beam, super: first.super, punct: first.punct, punctUPOS: first.punctUPOS}
	out.moveT = newTable(nMoves, first.moveT.count)
	out.labelT = newTable(len(first.labels), first.labelT.count)
	out.move, out.label = out.moveT, out.labelT
	scale := 1 / float32(len(ps))
	for _, p := range ps {
		for _, pair := range [][2]*table{{p.moveT, out.moveT}, {p.labelT, out.labelT}} {
			src, dst := pair[0], pair[1]
			src.each(func(key uint64, row []float32) {
				r := int(dst.add(key))
				for c, v := range row {
					dst.w[r*dst.n+c] += v * scale
				}
			})
		}
	}
	return out, nil
}
