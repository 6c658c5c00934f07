package main

import (
	"fmt"

	"github.com/herald-events/herald/eval"
)

// runEvalTokens scores the tokenizer and the sentence splitter on a CoNLL-U
// file with "# text" lines (UD English EWT).
func runEvalTokens(args []string, st streams) error {
	fs := newFlags("eval-tokens", "eval-tokens --conllu FILE [--min-token-f1 F] [--min-sent-f1 F]", st)
	path := fs.String("conllu", "", "CoNLL-U file with \"# text\" lines, \"# newdoc\" and \"# newpar\" comments")
	minTok := fs.Float64("min-token-f1", 0, "fail when the word (syntactic token) F1 is below this (0..1)")
	minSent := fs.Float64("min-sent-f1", 0, "fail when the sentence-boundary F1 on documents with their paragraph breaks is below this (0..1)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *path == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	r, err := eval.TokensFile(*path)
	if err != nil {
		return err
	}
	fmt.Fprintf(st.out, "%s: ", *path)
	if _, err := r.WriteTo(st.out); err != nil {
		return err
	}
	failed := false
	if f := r.Words.F1(); f < *minTok {
		fmt.Fprintf(st.err, "herald eval-tokens: word F1 %.4f is below %.4f\n", f, *minTok)
		failed = true
	}
	if f := r.Paragraphs.F1(); f < *minSent {
		fmt.Fprintf(st.err, "herald eval-tokens: sentence-boundary F1 %.4f is below %.4f\n", f, *minSent)
		failed = true
	}
	if failed {
		return exitError{1}
	}
	return nil
}
