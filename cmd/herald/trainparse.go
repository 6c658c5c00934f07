package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/nlp/parse"
	"github.com/herald-events/herald/nlp/tag"
)

// runTrainParse is "herald train parse": it trains the dependency parser on
// the *-ud-train.conllu file of --data, with jackknifed predicted tags, and
// writes parser.model.gz into --out.
func runTrainParse(args []string, st streams) error {
	fs := newFlags("train parse", "train parse --data DIR --out DIR [--epochs N] [--seed N] [--models K] [--jackknife K] [--supertag-folds K] [--jackknife-cache FILE] [--supertag-cache FILE] [--step W] [--beam K]", st)
	data := fs.String("data", "", "directory holding *-ud-train.conllu (and, for progress scores, *-ud-dev.conllu)")
	out := fs.String("out", "nlp/parse/model", "directory to write parser.model.gz into")
	epochs := fs.Int("epochs", 8, "training passes")
	seed := fs.Uint64("seed", 1, "shuffling and exploration seed")
	folds := fs.Int("jackknife", 5, "train on tags predicted by taggers trained on K-1 of K folds (0 = gold tags)")
	tagIter := fs.Int("tag-iter", 0, "training iterations of the jackknife taggers (0 = the tagger's default)")
	step := fs.Float64("step", 0.1, "weights are stored as multiples of this")
	prune := fs.String("prune", "1.95", "drop features whose weights are all below this in magnitude (a comma-separated list scores each on dev and writes the first)")
	cache := fs.String("jackknife-cache", "", "read the jackknifed training tags from this CoNLL-U `FILE` when it exists, else write them there")
	minFreq := fs.Int("min-freq", 2, "words seen fewer times are unknown to the parser")
	limit := fs.Int("limit", 0, "use only the first N training sentences (0 = all)")
	devGold := fs.Bool("dev-gold-tags", false, "score the dev file with its gold tags instead of the tagger's")
	dropout := fs.Float64("dropout", 0, "share of move features hidden at random from each training step")
	models := fs.Int("models", 3, "train this many models with seeds seed, seed+1, ... and average their weights")
	beam := fs.Int("beam", 0, "train globally with a beam of width K (0 or 1 = greedy with the dynamic oracle)")
	maxViol := fs.Bool("max-violation", false, "with --beam, update at the largest violation instead of the first (early update)")
	explore := fs.Float64("explore", 0.9, "probability of following the parser's own wrong move after the first epoch")
	stFolds := fs.Int("supertag-folds", 5, "train a supertagger and jackknife the training supertags in N folds (0: no supertags)")
	stCache := fs.String("supertag-cache", "", "read the jackknifed training supertags and the supertagger from `FILE` and FILE.tagger.gz when they exist, else write them there")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	path, sents, err := trainingData(fs, *data)
	if err != nil {
		return err
	}
	if *limit > 0 && *limit < len(sents) {
		sents = sents[:*limit]
	}
	train := parseSentences(sents)
	if *folds > 1 {
		if err := jackknifeCached(train, *cache, *folds, *tagIter, *seed, st); err != nil {
			return err
		}
	}
	var dev []parse.Sentence
	if devPath, err := findConllu(*data, "-ud-dev.conllu"); err == nil {
		ds, err := readConllu(devPath)
		if err != nil {
			return err
		}
		dev = parseSentences(ds)
		if !*devGold {
			tg, err := tag.New()
			if err != nil {
				return err
			}
			for _, s := range dev {
				tg.Tag(s.Words, s.XPOS, s.UPOS)
			}
		}
	}
	var supertagger *tag.Tagger
	if *stFolds > 1 {
		if supertagger, err = supertagCached(train, *stCache, *stFolds, *seed, st); err != nil {
			return err
		}
	}
	var ps []*parse.Parser
	for k := range max(*models, 1) {
		p, err := parse.Train(train, parse.TrainConfig{Epochs: *epochs, Seed: *seed + uint64(k), MinWordFreq: *minFreq, Explore: *explore, Dropout: *dropout, Beam: *beam, MaxViolation: *maxViol, Dev: dev, Log: st.err, Supertagger: supertagger})
		if err != nil {
			return err
		}
		ps = append(ps, p)
	}
	p := ps[0]
	if len(ps) > 1 {
		if p, err = parse.Average(ps); err != nil {
			return err
		}
		if len(dev) > 0 {
			uas, las := p.Score(dev)
			fmt.Fprintf(st.err, "average of %d models: dev UAS %.2f LAS %.2f\n", len(ps), uas, las)
		}
	}
	var buf bytes.Buffer
	for i, f := range strings.Split(*prune, ",") {
		pr, err := strconv.ParseFloat(f, 32)
		if err != nil {
			return fmt.Errorf("--prune: %w", err)
		}
		var b bytes.Buffer
		if err := p.WriteModel(&b, float32(*step), float32(pr)); err != nil {
			return err
		}
		if i == 0 {
			buf = b
		}
		if len(dev) > 0 {
			lp, err := parse.Load(bytes.NewReader(b.Bytes()))
			if err != nil {
				return err
			}
			if supertagger != nil {
				lp = lp.WithSupertagger(supertagger)
			}
			uas, las := lp.Score(dev)
			fmt.Fprintf(st.err, "stored model with prune %g: %d bytes, dev UAS %.2f LAS %.2f\n", pr, b.Len(), uas, las)
		}
	}
	dst, err := saveModel(*out, "parser.model.gz", buf.Bytes())
	if err != nil {
		return err
	}
	if supertagger != nil {
		var sb bytes.Buffer
		if err := supertagger.WriteModel(&sb); err != nil {
			return err
		}
		sdst, err := saveModel(*out, "supertagger.bin.gz", sb.Bytes())
		if err != nil {
			return err
		}
		fmt.Fprintf(st.out, "wrote %s (%d bytes)\n", sdst, sb.Len())
	}
	fmt.Fprintf(st.out, "wrote %s (%d bytes) from %d sentences of %s\n", dst, buf.Len(), len(train), path)
	return nil
}

// parseSentences turns CoNLL-U sentences into parser sentences with their
// gold tags and trees.
func parseSentences(sents []conllu.Sentence) []parse.Sentence {
	out := make([]parse.Sentence, len(sents))
	for i, s := range sents {
		n := len(s.Words)
		ps := parse.Sentence{Words: make([]string, n), XPOS: make([]string, n), UPOS: make([]string, n),
			Heads: make([]int, n), Rels: make([]string, n)}
		for j, w := range s.Words {
			ps.Words[j], ps.XPOS[j], ps.UPOS[j] = w.Form, w.XPOS, w.UPOS
			ps.Heads[j], ps.Rels[j] = w.Head-1, w.Deprel
		}
		out[i] = ps
	}
	return out
}

// jackknifeCached is jackknife with the result kept in the CoNLL-U file
// cache (when not empty).
func jackknifeCached(train []parse.Sentence, cache string, folds, iter int, seed uint64, st streams) error {
	if cache != "" {
		if cs, err := readConllu(cache); err == nil {
			tagged := parseSentences(cs)
			if len(tagged) != len(train) {
				return fmt.Errorf("%s: %d sentences, want %d", cache, len(tagged), len(train))
			}
			for i := range train {
				train[i].XPOS, train[i].UPOS = tagged[i].XPOS, tagged[i].UPOS
			}
			return nil
		}
	}
	start := time.Now()
	if err := jackknife(train, folds, iter, seed); err != nil {
		return err
	}
	fmt.Fprintf(st.err, "jackknifed tags with %d folds in %s\n", folds, time.Since(start).Round(time.Second))
	if cache == "" {
		return nil
	}
	var b bytes.Buffer
	for _, s := range train {
		cs := conllu.Sentence{}
		for j, w := range s.Words {
			cs.Words = append(cs.Words, conllu.Word{ID: j + 1, Form: w, XPOS: s.XPOS[j], UPOS: s.UPOS[j], Head: s.Heads[j] + 1, Deprel: s.Rels[j]})
		}
		if err := conllu.Write(&b, cs); err != nil {
			return err
		}
	}
	return writeFileAtomic(cache, b.Bytes())
}

// jackknife replaces the tags of sents by those of taggers trained on the
// other folds, so that the parser learns from tags as noisy as at run time.
// Fold k holds the sentences i with i%folds == k. The taggers are trained
// with the tagger's default options, as "herald train tag" does.
func jackknife(sents []parse.Sentence, folds, iter int, seed uint64) error {
	// the jackknife taggers use the word classes of the embedded tagger,
	// as the embedded tagger itself does
	lexicon, err := tag.New()
	if err != nil {
		return err
	}
	gold := make([]tag.Example, len(sents))
	for i, s := range sents {
		gold[i] = tag.Example{Words: s.Words, XPOS: s.XPOS, UPOS: s.UPOS}
	}
	for k := range folds {
		var ex []tag.Example
		for i, g := range gold {
			if i%folds != k {
				ex = append(ex, g)
			}
		}
		tg, err := tag.Train(ex, tag.TrainOptions{Iterations: iter, Seed: seed, LexiconOf: lexicon})
		if err != nil {
			return fmt.Errorf("jackknife fold %d: %w", k+1, err)
		}
		for i := k; i < len(sents); i += folds {
			s := &sents[i]
			xp := make([]string, len(s.Words))
			up := make([]string, len(s.Words))
			tg.Tag(s.Words, xp, up)
			s.XPOS, s.UPOS = xp, up
		}
	}
	return nil
}

// supertagCached trains the supertagger and jackknifes the supertags of
// train (see parse.TrainSupertagger), or reads both from the cache FILE
// (supertags, one line per sentence) and FILE.tagger.gz when they exist.
func supertagCached(train []parse.Sentence, cache string, folds int, seed uint64, st streams) (*tag.Tagger, error) {
	if cache != "" {
		lines, lerr := os.ReadFile(cache)
		model, merr := os.ReadFile(cache + ".tagger.gz")
		if lerr == nil && merr == nil {
			rows := strings.Split(strings.TrimSuffix(string(lines), "\n"), "\n")
			if len(rows) != len(train) {
				return nil, fmt.Errorf("%s: %d lines, want one per training sentence (%d)", cache, len(rows), len(train))
			}
			for i, row := range rows {
				train[i].ST = strings.Fields(row)
				if len(train[i].ST) != len(train[i].Words) {
					return nil, fmt.Errorf("%s:%d: %d supertags for %d words", cache, i+1, len(train[i].ST), len(train[i].Words))
				}
			}
			t, err := tag.Load(bytes.NewReader(model))
			if err != nil {
				return nil, fmt.Errorf("%s.tagger.gz: %w", cache, err)
			}
			return t.WithSureMargin(parse.SupertagSureMargin), nil
		}
	}
	lexicon, err := tag.New()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	t, err := parse.TrainSupertagger(train, folds, tag.TrainOptions{Iterations: 10, Seed: seed, Folds: 4, LexiconOf: lexicon, Prune: parse.SupertagPrune})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(st.err, "trained the supertagger and jackknifed supertags with %d folds in %s\n", folds, time.Since(start).Round(time.Second))
	if cache == "" {
		return t, nil
	}
	var lines, model bytes.Buffer
	for _, s := range train {
		lines.WriteString(strings.Join(s.ST, " "))
		lines.WriteByte('\n')
	}
	if err := t.WriteModel(&model); err != nil {
		return nil, err
	}
	if err := writeFileAtomic(cache, lines.Bytes()); err != nil {
		return nil, err
	}
	return t, writeFileAtomic(cache+".tagger.gz", model.Bytes())
}
