package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/nlp/ner"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// loadRecognizer returns the recognizer of the model file path, or the
// embedded one when path is empty.
func loadRecognizer(path string) (*ner.Recognizer, error) {
	if path == "" {
		return ner.New()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := ner.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// readIOB2 reads the sentences of an IOB2 file.
func readIOB2(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadIOB2(f, path)
}

// runNER prints the named entities of raw text, or tags an IOB2 file.
func runNER(args []string, st streams) error {
	fs := newFlags("ner", "ner [--model FILE] [--iob2-in FILE [--fine]] [FILE...]", st)
	iob2 := fs.String("iob2-in", "", "IOB2 file to tag: writes its lines with the predicted tag in column 3 (the sentences of one \"# newdoc\" are read as one document)")
	fine := fs.Bool("fine", false, "with --iob2-in, keep GPE and NORP labels instead of the Universal NER types (GPE as LOC, no NORP)")
	modelPath := fs.String("model", "", "model file to use instead of the embedded one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rec, err := loadRecognizer(*modelPath)
	if err != nil {
		return err
	}
	tg, err := tag.New()
	if err != nil {
		return err
	}
	if *iob2 != "" {
		if fs.NArg() > 0 {
			fs.Usage()
			return errUsage
		}
		sents, err := readIOB2(*iob2)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(st.out)
		for a := 0; a < len(sents); {
			b := a + 1
			for b < len(sents) && sents[b].DocID == sents[a].DocID {
				b++
			}
			words := make([][]string, 0, b-a)
			xpos := make([][]string, 0, b-a)
			for _, s := range sents[a:b] {
				x, u := make([]string, len(s.Words)), make([]string, len(s.Words))
				tg.Tag(s.Words, x, u)
				words = append(words, s.Words)
				xpos = append(xpos, x)
			}
			for k, found := range rec.RecognizeDoc(words, xpos) {
				var ms []ner.Mention
				for _, m := range found {
					if !*fine {
						l, ok := ner.Coarse(m.Label)
						if !ok {
							continue
						}
						m.Label = l
					}
					ms = append(ms, m)
				}
				s := sents[a+k]
				if err := ner.WriteIOB2(w, s, ner.Tags(len(s.Words), ms)); err != nil {
					return err
				}
			}
			a = b
		}
		return w.Flush()
	}
	p, err := pipeline.New(tokenize.New(), segment.New(), tg.Stage(), rec.Stage())
	if err != nil {
		return err
	}
	var inputs []string
	if fs.NArg() == 0 {
		inputs = []string{"-"}
	} else {
		inputs = fs.Args()
	}
	w := bufio.NewWriter(st.out)
	for _, in := range inputs {
		var text []byte
		if in == "-" {
			text, err = io.ReadAll(st.in)
		} else {
			text, err = os.ReadFile(in)
		}
		if err != nil {
			return err
		}
		d := &doc.Doc{ID: in, Source: in, Text: string(text)}
		if err := p.Process(context.Background(), d); err != nil {
			return fmt.Errorf("%s: %w", in, err)
		}
		for _, e := range d.Ents {
			a, b := d.SpanBytes(e.Span)
			if len(inputs) > 1 {
				fmt.Fprintf(w, "%s\t", in)
			}
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\n", a, b, e.Label, d.SpanText(e.Span))
		}
	}
	return w.Flush()
}

// runEvalNER scores the recognizer on an IOB2 gold file.
func runEvalNER(args []string, st streams) error {
	fs := newFlags("eval-ner", "eval-ner --iob2 FILE [--cv K] [--min-f1 F] [flags]", st)
	gold := fs.String("iob2", "", "gold IOB2 file (such as UNER en_ewt-ud-dev.iob2)")
	cv := fs.Int("cv", 0, "cross-validate with K folds by document, training a model per fold on the others (0 scores the model as it is)")
	minF1 := fs.Float64("min-f1", 0, "fail when the overall span F1 is below this")
	modelPath := fs.String("model", "", "model file to score (or whose word classes to train with) instead of the embedded one")
	goldPOS := fs.String("gold-pos", "", "CoNLL-U file with the same sentences: use its XPOS instead of predicted tags (development only)")
	epochs := fs.Int("epochs", trainNERDefaults.epochs, "training passes per fold (with --cv)")
	seed := fs.Uint64("seed", trainNERDefaults.seed, "training seed (with --cv)")
	dropout := fs.Float64("dropout", trainNERDefaults.dropout, "feature dropout in training (with --cv)")
	ensemble := fs.Int("ensemble", trainNERDefaults.ensemble, "perceptrons averaged per model (with --cv)")
	lexicon := fs.String("lexicon", "", "UD CoNLL-U file to build the word classes from (with --cv) instead of taking the model's")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gold == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	rec, err := loadRecognizer(*modelPath)
	if err != nil {
		return err
	}
	opt := eval.NEROptions{Recognizer: rec, Folds: *cv,
		Train: ner.TrainConfig{Epochs: *epochs, Seed: *seed, Dropout: *dropout, Ensemble: *ensemble, Classes: rec.WordClasses()}}
	if *lexicon != "" {
		tagged, err := readLexicon(*lexicon)
		if err != nil {
			return err
		}
		opt.Train.Classes = ner.BuildWordClasses(tagged)
	}
	if *goldPOS != "" {
		sents, err := readConllu(*goldPOS)
		if err != nil {
			return err
		}
		opt.POS = map[string][]string{}
		for _, s := range sents {
			var x []string
			for _, w := range s.Words {
				x = append(x, w.XPOS)
			}
			opt.POS[s.ID] = x
		}
	} else {
		tg, err := tag.New()
		if err != nil {
			return err
		}
		opt.Tagger = tg
	}
	t0 := time.Now()
	res, err := eval.NER(*gold, opt)
	if err != nil {
		return err
	}
	fmt.Fprint(st.out, res.String())
	fmt.Fprintf(st.out, "total time %.1fs\n", time.Since(t0).Seconds())
	if *minF1 > 0 && res.Overall.F1() < *minF1 {
		fmt.Fprintf(st.err, "herald eval-ner: F1 %.4f is below --min-f1 %.4f\n", res.Overall.F1(), *minF1)
		return exitError{1}
	}
	return nil
}

// trainNERDefaults are the training settings of the shipped model.
var trainNERDefaults = struct {
	epochs, ensemble int
	seed             uint64
	dropout          float64
}{epochs: 8, ensemble: 16, seed: 1, dropout: 0.1}

// runTrainNER trains the named-entity model from IOB2 files, with word
// classes from a UD treebank.
func runTrainNER(args []string, st streams) error {
	fs := newFlags("train ner", "train ner --iob2 FILE[,FILE...] --lexicon CONLLU [--out DIR] [flags]", st)
	iob2 := fs.String("iob2", "", "comma-separated IOB2 training files (such as UNER en_ewt-ud-dev.iob2)")
	lexicon := fs.String("lexicon", "", "UD CoNLL-U file of unlabelled text for the word classes (such as en_ewt-ud-train.conllu)")
	out := fs.String("out", "nlp/ner/model", "directory to write ner.model.gz into")
	epochs := fs.Int("epochs", trainNERDefaults.epochs, "training passes")
	seed := fs.Uint64("seed", trainNERDefaults.seed, "shuffling seed")
	dropout := fs.Float64("dropout", trainNERDefaults.dropout, "feature dropout")
	ensemble := fs.Int("ensemble", trainNERDefaults.ensemble, "perceptrons (one per shuffle seed) whose weights are averaged")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *iob2 == "" || *lexicon == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	tg, err := tag.New()
	if err != nil {
		return err
	}
	var examples []ner.Example
	for _, path := range strings.Split(*iob2, ",") {
		sents, err := readIOB2(path)
		if err != nil {
			return err
		}
		for _, s := range sents {
			xpos, upos := make([]string, len(s.Words)), make([]string, len(s.Words))
			tg.Tag(s.Words, xpos, upos)
			examples = append(examples, ner.Example{Words: s.Words, XPOS: xpos, Tags: s.Tags})
		}
	}
	tagged, err := readLexicon(*lexicon)
	if err != nil {
		return err
	}
	rec, err := ner.Train(examples, ner.TrainConfig{
		Epochs: *epochs, Seed: *seed, Dropout: *dropout, Ensemble: *ensemble, Classes: ner.BuildWordClasses(tagged)})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rec.WriteModel(&buf); err != nil {
		return err
	}
	dst, err := saveModel(*out, "ner.model.gz", buf.Bytes())
	if err != nil {
		return err
	}
	fmt.Fprintf(st.out, "wrote %s (%d bytes) from %d sentences of %s, word classes from %d sentences of %s\n",
		dst, buf.Len(), len(examples), *iob2, len(tagged), *lexicon)
	return nil
}

// readLexicon reads a UD CoNLL-U file as the unlabelled text of the NER word
// classes: words, Universal POS tags and dependency trees.
func readLexicon(path string) ([]ner.Tagged, error) {
	lex, err := readConllu(path)
	if err != nil {
		return nil, err
	}
	tagged := make([]ner.Tagged, 0, len(lex))
	for _, s := range lex {
		var t ner.Tagged
		for _, w := range s.Words {
			t.Words = append(t.Words, w.Form)
			t.UPOS = append(t.UPOS, w.UPOS)
			t.Heads = append(t.Heads, w.Head)
			t.Rels = append(t.Rels, w.Deprel)
		}
		tagged = append(tagged, t)
	}
	return tagged, nil
}
