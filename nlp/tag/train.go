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
}

// TrainOptions control Train. The zero value uses the defaults.
type TrainOptions struct {
	Iterations int     // passes over the data (default 8)
	Seed       uint64  // shuffling seed (default 1)
	Prune      float32 // drop averaged weights whose magnitude is below this (default 0.02)
	// Progress, when set, is called after each pass with the pass number
	// and the training accuracy of that pass.
	Progress func(iter int, acc float64)
}

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
		opt.Iterations = 8
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Prune == 0 {
		opt.Prune = 0.02
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

	index := map[uint64]int32{}
	var weights [][]trainWeight
	step := int32(0)
	scores := make([]float32, len(pairs))
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
	predict := func(feats *[numFeatures]uint64) uint8 {
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

	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6865726c64))
	var ws []wordInfo
	var feats [numFeatures]uint64
	for iter := 1; iter <= opt.Iterations; iter++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, ei := range order {
			ex := examples[ei]
			ws = analyzeAll(ws, ex.Words)
			p1, p2 := uint64(noTag), uint64(noTag)
			for i := range ex.Words {
				extract(&feats, ws, i, p1, p2)
				guess := predict(&feats)
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
		if opt.Progress != nil {
			opt.Progress(iter, float64(correct)/float64(total))
		}
	}

	// Average, prune and build the compact model.
	keys := make([]uint64, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	feats2 := make(map[uint64][]entry, len(keys))
	for _, k := range keys {
		var es []entry
		for _, w := range weights[index[k]] {
			tot := w.total + float64(step-w.ts)*float64(w.w)
			avg := float32(tot / float64(step))
			if float32(math.Abs(float64(avg))) < opt.Prune {
				continue
			}
			es = append(es, entry{class: w.class, w: avg})
		}
		if len(es) > 0 {
			slices.SortFunc(es, func(a, b entry) int { return int(a.class) - int(b.class) })
			feats2[k] = es
		}
	}
	return newTagger(newModel(xpos, upos, feats2)), nil
}
