package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/nlp/lemma"
	"github.com/herald-events/herald/nlp/tag"
)

func runEvalTag(args []string, st streams) error {
	fs := newFlags("eval-tag", "eval-tag --conllu FILE [--min-xpos P] [--min-upos P] [--min-lemma P] [--model FILE] [--errors N]", st)
	path := fs.String("conllu", "", "CoNLL-U file with gold tokens, tags and lemmas")
	model := fs.String("model", "", "tagger model file (default: the embedded model)")
	minX := fs.Float64("min-xpos", 0, "fail when XPOS accuracy (%) is below this")
	minU := fs.Float64("min-upos", 0, "fail when UPOS accuracy (%) is below this")
	minL := fs.Float64("min-lemma", 0, "fail when lemma accuracy (%) is below this")
	nerr := fs.Int("errors", 0, "print the N most frequent tag and lemma errors")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		fs.Usage()
		return errUsage
	}
	var t *tag.Tagger
	var err error
	if *model != "" {
		f, err := os.Open(*model)
		if err != nil {
			return err
		}
		t, err = tag.Load(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *model, err)
		}
	} else if t, err = tag.New(); err != nil {
		return err
	}
	l, err := lemma.New()
	if err != nil {
		return err
	}
	sents, err := readConllu(*path)
	if err != nil {
		return err
	}
	r, err := eval.TaggingSentences(sents, t, l)
	if err != nil {
		return err
	}
	fmt.Fprintf(st.out, "%s: %d sentences, %d words\n", *path, r.Sentences, r.Words)
	fmt.Fprintf(st.out, "XPOS  %.2f%%\nUPOS  %.2f%%\nlemma %.2f%% (with gold XPOS %.2f%%)\n", r.XPOS(), r.UPOS(), r.Lemma(), r.LemmaGold())
	fmt.Fprintf(st.out, "tagging %.0f sentences/s, %.0f words/s; lemmatizing %.0f words/s\n",
		r.SentencesPerSecond(), float64(r.Words)/r.TagTime.Seconds(), float64(r.Words)/r.LemmaTime.Seconds())
	if *nerr > 0 {
		printTop(st, "XPOS confusions (gold->predicted)", r.Confusions, *nerr)
		printTop(st, "lemma errors", r.LemmaErrors, *nerr)
	}
	fail := false
	check := func(name string, got, min float64) {
		if got < min {
			fmt.Fprintf(st.err, "herald eval-tag: %s accuracy %.2f%% is below %.2f%%\n", name, got, min)
			fail = true
		}
	}
	check("XPOS", r.XPOS(), *minX)
	check("UPOS", r.UPOS(), *minU)
	check("lemma", r.Lemma(), *minL)
	if fail {
		return exitError{1}
	}
	return nil
}

func printTop(st streams, title string, m map[string]int, n int) {
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range m {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].v != all[j].v {
			return all[i].v > all[j].v
		}
		return all[i].k < all[j].k
	})
	fmt.Fprintf(st.out, "%s:\n", title)
	for i := 0; i < n && i < len(all); i++ {
		fmt.Fprintf(st.out, "  %5d  %s\n", all[i].v, all[i].k)
	}
}
