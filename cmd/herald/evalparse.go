package main

import (
	"fmt"
	"sort"

	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/nlp/tag"
)

func runEvalParse(args []string, st streams) error {
	fs := newFlags("eval-parse", "eval-parse --conllu FILE [--min-uas P] [--min-las P] [--model FILE] [--gold-tags] [--errors N] [--beam K]", st)
	path := fs.String("conllu", "", "CoNLL-U `FILE` with gold words and trees")
	model := fs.String("model", "", "parser model `FILE` (default: the embedded model)")
	minUAS := fs.Float64("min-uas", 0, "fail when UAS (%) is below this")
	minLAS := fs.Float64("min-las", 0, "fail when LAS (%) is below this")
	goldTags := fs.Bool("gold-tags", false, "parse with the file's gold tags instead of the tagger's")
	nerr := fs.Int("errors", 0, "print the N most frequent relation errors")
	beam := fs.Int("beam", 0, "decode with a beam of width K (0 or 1 = greedy)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" {
		fs.Usage()
		return errUsage
	}
	p, err := loadParser(*model)
	if err != nil {
		return err
	}
	if *beam > 1 {
		p = p.WithBeam(*beam)
	}
	var tagger eval.Tagger
	if !*goldTags {
		tg, err := tag.New()
		if err != nil {
			return err
		}
		tagger = tg
	}
	r, err := eval.Parsing(*path, tagger, p)
	if err != nil {
		return err
	}
	tags := "predicted tags"
	if *goldTags {
		tags = "gold tags"
	}
	fmt.Fprintf(st.out, "%s: %d sentences, %d words, gold words, %s, punctuation included\n", *path, r.Sentences, r.Words, tags)
	fmt.Fprintf(st.out, "UAS %.2f%%\nLAS %.2f%% (full relations; %.2f%% on universal relations without subtypes)\n", r.UAS(), r.LAS(), r.BaseLAS())
	fmt.Fprintf(st.out, "%.0f sentences/s (tagging and parsing, one goroutine)\n", r.SentencesPerSecond())
	if *nerr > 0 {
		printCounts(st, "relation errors on right heads (gold->predicted)", r.Errors, *nerr)
	}
	fail := false
	if r.UAS() < *minUAS {
		fmt.Fprintf(st.err, "UAS %.2f%% is below %.2f%%\n", r.UAS(), *minUAS)
		fail = true
	}
	if r.LAS() < *minLAS {
		fmt.Fprintf(st.err, "LAS %.2f%% is below %.2f%%\n", r.LAS(), *minLAS)
		fail = true
	}
	if fail {
		return exitError{1}
	}
	return nil
}

// printCounts prints the n largest counts of m under title.
func printCounts(st streams, title string, m map[string]int, n int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Fprintf(st.out, "%s:\n", title)
	for _, k := range keys[:min(n, len(keys))] {
		fmt.Fprintf(st.out, "  %6d  %s\n", m[k], k)
	}
}
