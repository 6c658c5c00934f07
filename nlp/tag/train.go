package tag

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one training sentence: its words and their gold tags.
type Example struct {
	Words, XPOS, UPOS []string
	// Aux, when set (on every example or none), is an auxiliary tag per
	// word that the model reads as features of the word and its
	// neighbours: a supertagger, say, reads predicted parts of speech.
	// A model trained with Aux tags with Tagger.TagAux.
	Aux []string
}

// TrainOptions control Train. The zero value uses the defaults.
type TrainOptions struct {
	Iterations int     // passes over the data (default 10)
	Seed       uint64  // shuffling seed (default 1)
	Prune      float32 // drop averaged weights whose magnitude is below this (default 0.05)
	Passes     int     // 1: left to right only; 2 (default): a second pass also sees the first pass's tags to the right
	Folds      int     // jackknife folds for the second pass (default 8)
	// Words seen at least SureCount times (default 20) with one class in
	// at least SureRatio of their uses (default 0.99) get that class
	// without scoring.
	SureCount int
	SureRatio float64
	// Lexicon, when set, gives word classes of an outside dictionary:
	// lower-case word -> set of LexNoun, LexVerb, LexAdj, LexAdv, LexProper.
	// The model keeps it (hashed) and also derives the classes of
	// regular inflections (plurals, -ed, -ing, -er, -est) from it.
	Lexicon map[string]uint8
	// LexiconOf, when Lexicon is nil, takes the word classes of another
	// tagger's model (such as the embedded one from New), so that a model
	// trained on other data sees the same dictionary.
	LexiconOf *Tagger
	// Progress, when set, is called after each iteration of the last
	// model trained with the iteration number and its training accuracy.
	Progress func(iter int, acc float64)
}

// Word classes of TrainOptions.Lexicon.
const (
	LexNoun uint8 = 1 << iota
	LexVerb
	LexAdj
	LexAdv
	LexProper // a proper noun (capitalized in the dictionary)
)

// trainWeight is one (feature, class) weight with its averaging state.
type trainWeight struct {
	w     float32
	total float64 // sum of w over the updates so far, up to ts
	ts    int32   // update step when total was last brought up to date
	class uint8
}

// Train learns a tagger from examples with a greedy averaged perceptron:
// each word is tagged left to right from features of the words around it
// and the two tags predicted before it, and weights are updated on every
// mistake. The class is the pair (XPOS, UPOS). Training is deterministic:
// the same examples and options give the same model.
func Train(examples []Example, opt TrainOptions) (*Tagger, error) {
	if opt.Iterations <= 0 {
		opt.Iterations = 10
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Prune == 0 {
		opt.Prune = 0.05
	}
	if opt.Passes == 0 {
		opt.Passes = 2
	}
	if opt.Passes < 1 || opt.Passes > 2 {
		return nil, fmt.Errorf("tag: %d passes, want 1 or 2", opt.Passes)
	}
	if opt.SureCount <= 0 {
		opt.SureCount = 20
	}
	if opt.SureRatio <= 0 {
		opt.SureRatio = 0.99
	}
	if opt.Folds <= 1 {
		opt.Folds = 8
	}
	// Classes, sorted for a stable numbering.
	type pair struct{ x, u string }
	seen := map[pair]bool{}
	for i, ex := range examples {
		if len(ex.XPOS) != len(ex.Words) || len(ex.UPOS) != len(ex.Words) {
			return nil, fmt.Errorf("tag: example %d: %d words but %d XPOS and %d UPOS tags", i, len(ex.Words), len(ex.XPOS), len(ex.UPOS))
		}
		for j := range ex.Words {
			seen[pair{ex.XPOS[j], ex.UPOS[j]}] = true
		}
	}
	aux := len(examples) > 0 && examples[0].Aux != nil
	for i, ex := range examples {
		if (ex.Aux != nil) != aux || (aux && len(ex.Aux) != len(ex.Words)) {
			return nil, fmt.Errorf("tag: example %d: %d auxiliary tags for %d words (every example needs Aux, or none)", i, len(ex.Aux), len(ex.Words))
		}
	}
	if len(seen) == 0 {
		return nil, errors.New("tag: no training words")
	}
	if len(seen) > 256 {
		return nil, fmt.Errorf("tag: %d tag pairs, at most 256 supported", len(seen))
	}
	pairs := make([]pair, 0, len(seen))
	for p := range seen {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if a.x != b.x {
			if a.x < b.x {
				return -1
			}
			return 1
		}
		if a.u < b.u {
			return -1
		}
		if a.u > b.u {
			return 1
		}
		return 0
	})
	classOf := make(map[pair]uint8, len(pairs))
	xpos, upos := make([]string, len(pairs)), make([]string, len(pairs))
	for i, p := range pairs {
		classOf[p] = uint8(i)
		xpos[i], upos[i] = p.x, p.u
	}
	gold := make([][]uint8, len(examples))
	for i, ex := range examples {
		gold[i] = make([]uint8, len(ex.Words))
		for j := range ex.Words {
			gold[i][j] = classOf[pair{ex.XPOS[j], ex.UPOS[j]}]
		}
	}

	lexicon := make(map[uint64]uint8, len(opt.Lexicon))
	for w, b := range opt.Lexicon {
		if b != 0 {
			lexicon[hashLower(w)>>24<<24] |= b
		}
	}
	if opt.Lexicon == nil && opt.LexiconOf != nil {
		lexicon = opt.LexiconOf.m.lexicon
	}
	all := make([]int, len(examples))
	for i := range all {
		all[i] = i
	}
	m := &model{xpos: xpos, upos: upos, sure: buildSure(examples, gold, all, opt), lexicon: lexicon, aux: aux}
	if opt.Passes == 2 {
		// Jackknife: tag each fold with a first pass trained on the other
		// folds, so that the second pass learns from first-pass tags as
		// noisy as those it will see on new text.
		first := make([][]uint16, len(examples))
		var ws []wordInfo
		scores := make([]int32, len(pairs))
		for fold := range opt.Folds {
			var trainIdx, heldOut []int
			for i := range examples {
				if i%opt.Folds == fold {
					heldOut = append(heldOut, i)
				} else {
					trainIdx = append(trainIdx, i)
				}
			}
			fm := &model{xpos: xpos, upos: upos, sure: buildSure(examples, gold, trainIdx, opt), lexicon: lexicon, aux: aux}
			fm.passes = []*weights{newWeights(trainPass(examples, gold, trainIdx, nil, fm, len(pairs), opt, nil))}
			for _, i := range heldOut {
				ws = fm.analyzeAll(ws, examples[i].Words, examples[i].Aux)
				first[i] = make([]uint16, len(ws))
				fm.classes(ws, nil, scores, first[i], nil, nil)
			}
		}
		m.passes = []*weights{
			newWeights(trainPass(examples, gold, all, nil, m, len(pairs), opt, nil)),
			newWeights(trainPass(examples, gold, all, first, m, len(pairs), opt, opt.Progress)),
		}
	} else {
		m.passes = []*weights{newWeights(trainPass(examples, gold, all, nil, m, len(pairs), opt, opt.Progress))}
	}
	return newTagger(m), nil
}

// trainPass trains the weights of one pass on the examples listed in idx.
// With first (the first-pass classes of every example) it trains a second
// pass.
func trainPass(examples []Example, gold [][]uint8, idx []int, first [][]uint16, lx *model, nclasses int, opt TrainOptions, progress func(int, float64)) map[uint64][]entry {
	index := map[uint64]int32{}
	var weights [][]trainWeight
	step := int32(0)
	scores := make([]float32, nclasses)
	update := func(k uint64, c uint8, delta float32) {
		f, ok := index[k]
		if !ok {
			f = int32(len(weights))
			index[k] = f
			weights = append(weights, nil)
		}
		ws := weights[f]
		for j := range ws {
			if ws[j].class == c {
				w := &ws[j]
				w.total += float64(step-w.ts) * float64(w.w)
				w.ts = step
				w.w += delta
				return
			}
		}
		weights[f] = append(ws, trainWeight{w: delta, ts: step, class: c})
	}
	predict := func(feats []uint64) uint8 {
		clear(scores)
		for _, k := range feats {
			if f, ok := index[k]; ok {
				for _, w := range weights[f] {
					scores[w.class] += w.w
				}
			}
		}
		best := 0
		for c, v := range scores {
			if v > scores[best] {
				best = c
			}
		}
		return uint8(best)
	}

	order := append([]int(nil), idx...)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6865726c64))
	var ws []wordInfo
	var featArr [maxFeatures]uint64
	for iter := 1; iter <= opt.Iterations; iter++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, ei := range order {
			ex := examples[ei]
			ws = lx.analyzeAll(ws, ex.Words, ex.Aux)
			sc := sentenceCase(ws)
			p1, p2 := uint64(noTag), uint64(noTag)
			for i := range ex.Words {
				if ws[i].sure != 0 {
					p2, p1 = p1, uint64(ws[i].sure-1)
					continue
				}
				var fi []uint16
				if first != nil {
					fi = first[ei]
				}
				feats := featArr[:lx.features(&featArr, ws, i, p1, p2, sc, fi)]
				guess := predict(feats)
				g := gold[ei][i]
				step++
				if guess != g {
					for _, k := range feats {
						update(k, g, 1)
						update(k, guess, -1)
					}
				} else {
					correct++
				}
				total++
				// Train on the predicted history, as at run time.
				p2, p1 = p1, uint64(guess)
			}
		}
		if progress != nil {
			progress(iter, float64(correct)/float64(total))
		}
	}

	// Average and prune.
	out := make(map[uint64][]entry, len(index))
	for k, f := range index {
		var es []entry
		for _, w := range weights[f] {
			tot := w.total + float64(step-w.ts)*float64(w.w)
			avg := float32(tot / float64(step))
			if float32(math.Abs(float64(avg))) < opt.Prune {
				continue
			}
			es = append(es, entry{class: w.class, w: avg})
		}
		if len(es) > 0 {
			slices.SortFunc(es, func(a, b entry) int { return int(a.class) - int(b.class) })
			out[k] = es
		}
	}
	return out
}

// buildSure finds the words of the examples of idx seen at least
// opt.SureCount times whose commonest class has at least opt.SureRatio of
// their uses, and maps their hashes to 1 + that class.
func buildSure(examples []Example, gold [][]uint8, idx []int, opt TrainOptions) map[uint64]uint16 {
	counts := map[uint64]map[uint8]int{}
	for _, i := range idx {
		for j, w := range examples[i].Words {
			h := hashString(w)
			c := counts[h]
			if c == nil {
				c = map[uint8]int{}
				counts[h] = c
			}
			c[gold[i][j]]++
		}
	}
	sure := map[uint64]uint16{}
	for h, c := range counts {
		n, best, bn := 0, uint8(0), 0
		for cl, k := range c {
			n += k
			if k > bn || (k == bn && cl < best) {
				best, bn = cl, k
			}
		}
		if n >= opt.SureCount && float64(bn) >= opt.SureRatio*float64(n) {
			sure[h] = uint16(best) + 1
		}
	}
	return sure
}
