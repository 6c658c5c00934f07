package main

import (
	"fmt"
	"io"
)

// evalTargets are the scorers of herald eval, by what they score.
var evalTargets = []struct {
	name, short string
	run         func(args []string, st streams) error
}{
	{"tokens", "tokenizer and sentence splitter against a CoNLL-U file with # text lines", runEvalTokens},
	{"tag", "POS tagger and lemmatizer against a CoNLL-U file", runEvalTag},
	{"parse", "dependency parser (with predicted tags) against a CoNLL-U file", runEvalParse},
	{"ner", "named-entity recognition against an IOB2 file (optionally cross-validated)", runEvalNER},
	{"quotes", "quotations and speakers against PolNeAR attributions", runEvalQuotes},
}

// runEval dispatches herald eval WHAT to its scorer.
func runEval(args []string, st streams) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		evalUsage(st.err)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, t := range evalTargets {
		if t.name == args[0] {
			return t.run(args[1:], st)
		}
	}
	fmt.Fprintf(st.err, "herald eval: unknown target %q\n\n", args[0])
	evalUsage(st.err)
	return errUsage
}

func evalUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: herald eval WHAT [flags]\n\nScores a component against gold data and exits non-zero below the thresholds given as flags.\n\nWHAT:")
	for _, t := range evalTargets {
		fmt.Fprintf(w, "  %-8s %s\n", t.name, t.short)
	}
	fmt.Fprintln(w, "\nRun \"herald eval WHAT --help\" for the flags of one.")
}
