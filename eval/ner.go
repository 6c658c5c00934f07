package eval

import (
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/herald-events/herald/nlp/ner"
)

// NERResult is the exact-span score of predicted entity mentions against
// gold ones, overall and per label.
type NERResult struct {
	Sentences, Tokens int
	Overall           PRF
	Labels            map[string]PRF
	Time              time.Duration // time spent recognising (tagging excluded)
	Folds             int           // cross-validation folds; 0 for a fixed model
}

// LabelNames returns the labels of r in order.
func (r NERResult) LabelNames() []string {
	out := make([]string, 0, len(r.Labels))
	for l := range r.Labels {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// String formats r as a small table.
func (r NERResult) String() string {
	s := fmt.Sprintf("%d sentences, %d tokens", r.Sentences, r.Tokens)
	if r.Folds > 0 {
		s += fmt.Sprintf(", %d-fold cross-validation by document", r.Folds)
	}
	s += "\nlabel  gold  pred  correct  precision  recall  F1\n"
	row := func(name string, p PRF) string {
		return fmt.Sprintf("%-5s %5d %5d %8d %9.2f%% %6.2f%% %6.2f%%\n", name, p.Gold, p.Pred, p.TP,
			100*p.P(), 100*p.R(), 100*p.F1())
	}
	for _, l := range r.LabelNames() {
		s += row(l, r.Labels[l])
	}
	s += row("all", r.Overall)
	if r.Time > 0 {
		s += fmt.Sprintf("recognition: %.0f sentences/s\n", float64(r.Sentences)/r.Time.Seconds())
	}
	return s
}

// ScoreMentions scores the mentions of one sentence against the gold ones
// (exact span and label) and adds the counts to r.
func (r *NERResult) ScoreMentions(gold, pred []ner.Mention) {
	if r.Labels == nil {
		r.Labels = map[string]PRF{}
	}
	type key struct {
		s, e  int
		label string
	}
	g := map[key]bool{}
	for _, m := range gold {
		g[key{m.Start, m.End, m.Label}] = true
	}
	for k := range g {
		p := r.Labels[k.label]
		p.Gold++
		r.Labels[k.label] = p
		r.Overall.Gold++
	}
	for _, m := range pred {
		p := r.Labels[m.Label]
		p.Pred++
		r.Overall.Pred++
		if k := (key{m.Start, m.End, m.Label}); g[k] {
			p.TP++
			r.Overall.TP++
			delete(g, k)
		}
		r.Labels[m.Label] = p
	}
}

// NEROptions sets how NER scores a gold IOB2 file.
type NEROptions struct {
	// Recognizer is the model scored when Folds is 0; nil means ner.New().
	Recognizer *ner.Recognizer
	// Tagger gives the Penn Treebank tags the recognizer reads; nil means
	// no tags (or the ones of POS).
	Tagger Tagger
	// POS, when set, gives the tags of each sentence by sentence id (gold
	// tags from a treebank: for development only, not an honest score).
	POS map[string][]string
	// Folds > 1 cross-validates: the sentences are split by document into
	// Folds parts (document i goes to part i mod Folds); a model is trained
	// on all parts but one and scored on that one, for each part in turn.
	Folds int
	// Train configures the models trained for cross-validation.
	Train ner.TrainConfig
}

// NER scores named-entity recognition on the IOB2 file at goldPath with
// exact-span precision, recall and F1 over the labels of the file. The
// sentences of one document ("# newdoc id") are recognised together, as
// ner.Recognizer.RecognizeDoc does. Mentions
// are compared in the Universal NER types (PER, ORG, LOC): GPE predictions
// count as LOC and NORP ones are left out.
func NER(goldPath string, opt NEROptions) (NERResult, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return NERResult{}, err
	}
	defer f.Close()
	sents, err := ner.ReadIOB2(f, goldPath)
	if err != nil {
		return NERResult{}, err
	}
	xpos := make([][]string, len(sents))
	for i, s := range sents {
		switch {
		case opt.Tagger != nil:
			xpos[i] = make([]string, len(s.Words))
			upos := make([]string, len(s.Words))
			opt.Tagger.Tag(s.Words, xpos[i], upos)
		case opt.POS != nil:
			if p := opt.POS[s.ID]; len(p) == len(s.Words) {
				xpos[i] = p
			}
		}
	}
	var res NERResult
	// score recognises the sentences idx (in file order) document by
	// document and scores them.
	score := func(rec *ner.Recognizer, idx []int) {
		for a := 0; a < len(idx); {
			b := a + 1
			for b < len(idx) && sents[idx[b]].DocID == sents[idx[a]].DocID && idx[b] == idx[b-1]+1 {
				b++
			}
			words := make([][]string, 0, b-a)
			tags := make([][]string, 0, b-a)
			for _, i := range idx[a:b] {
				words = append(words, sents[i].Words)
				tags = append(tags, xpos[i])
			}
			t0 := time.Now()
			pred := rec.RecognizeDoc(words, tags)
			res.Time += time.Since(t0)
			for k, i := range idx[a:b] {
				coarse := pred[k][:0]
				for _, m := range pred[k] {
					if l, ok := ner.Coarse(m.Label); ok {
						m.Label = l
						coarse = append(coarse, m)
					}
				}
				res.ScoreMentions(ner.Spans(sents[i].Tags), coarse)
				res.Sentences++
				res.Tokens += len(sents[i].Words)
			}
			a = b
		}
	}
	if opt.Folds <= 1 {
		rec := opt.Recognizer
		if rec == nil {
			if rec, err = ner.New(); err != nil {
				return res, err
			}
		}
		all := make([]int, len(sents))
		for i := range all {
			all[i] = i
		}
		score(rec, all)
		return res, nil
	}
	fold := make([]int, len(sents))
	docs := map[string]int{}
	for i, s := range sents {
		d, ok := docs[s.DocID]
		if !ok {
			d = len(docs)
			docs[s.DocID] = d
		}
		fold[i] = d % opt.Folds
	}
	res.Folds = opt.Folds
	for k := range opt.Folds {
		var train []ner.Example
		var test []int
		for i, s := range sents {
			if fold[i] == k {
				test = append(test, i)
				continue
			}
			train = append(train, ner.Example{Words: s.Words, XPOS: xpos[i], Tags: s.Tags})
		}
		rec, err := ner.Train(train, opt.Train)
		if err != nil {
			return res, fmt.Errorf("fold %d: %w", k, err)
		}
		score(rec, test)
	}
	return res, nil
}
