// Command herald turns raw news into event data: CAMEO events, quotations
// with their speakers, entities, all traceable to the words they came from.
//
// Usage:
//
//	herald <command> [flags] [arguments]
//
// Run "herald help" for the list of commands and "herald <command> --help"
// for the flags of one.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// command is one subcommand. run receives the arguments after the command
// name and the process's standard streams.
type command struct {
	name  string
	short string
	run   func(args []string, stdio streams) error
}

// streams are the standard streams given to a command.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// commands lists every subcommand; each lives in a file of its own.
var commands = []command{
	// one line per command, kept sorted by name
	{"bench", "measure speed and memory on a corpus, on one core", runBench},
	{"code", "code parsed sentences (PETRARCH <Sentences> XML) to CAMEO events", runCode},
	{"dict", "inspect dictionaries: counts (stats), what a corpus needs that they lack (unknown)", runDict},
	{"eval", "score a component against gold data: tokens, tag, parse, ner, quotes", runEval},
	{"eval-ner", "score named-entity recognition on an IOB2 file (optionally cross-validated)", runEvalNER},
	{"eval-parse", "score the dependency parser (with predicted tags) on a CoNLL-U file", runEvalParse},
	{"eval-quotes", "score quotations and speakers against PolNeAR attributions", runEvalQuotes},
	{"eval-tag", "score the POS tagger and lemmatizer on a CoNLL-U file", runEvalTag},
	{"eval-tokens", "score the tokenizer and sentence splitter on a CoNLL-U file with # text lines", runEvalTokens},
	{"ner", "print the named entities of text, or tag an IOB2 file", runNER},
	{"parse", "tag and parse text (or the words of a CoNLL-U file) to CoNLL-U", runParse},
	{"run", "read news, annotate it, print a summary per document and write herald/1 JSON (--out)", runRun},
	{"train", "train a model (tag, lemma, parse, ner) from annotated data, reproducibly", runTrain},
	{"validate", "run a PETRARCH validation file through the event coder", runValidate},
}

// errUsage marks an error already reported with the command's usage.
var errUsage = errors.New("usage")

// exitError carries a non-zero exit status without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	os.Exit(runMain(os.Args[1:], streams{os.Stdin, os.Stdout, os.Stderr}))
}

func runMain(args []string, st streams) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(st.out)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(args[1:], st)
			var ee exitError
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			case errors.As(err, &ee):
				return ee.code
			default:
				fmt.Fprintf(st.err, "herald %s: %v\n", c.name, err)
				return 1
			}
		}
	}
	fmt.Fprintf(st.err, "herald: unknown command %q\n\n", args[0])
	usage(st.err)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Herald turns raw news into event data.")
	fmt.Fprintln(w, "\nUsage: herald <command> [flags] [arguments]")
	fmt.Fprintln(w, "\nCommands:")
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		if strings.HasPrefix(c.name, "eval-") {
			continue // "eval-X" is the older spelling of "eval X"
		}
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun \"herald <command> --help\" for the flags of a command.")
}

// newFlags returns a flag set for a command that prints its usage, with the
// given synopsis, to stderr.
func newFlags(name, synopsis string, st streams) *flag.FlagSet {
	fs := flag.NewFlagSet("herald "+name, flag.ContinueOnError)
	fs.SetOutput(st.err)
	fs.Usage = func() {
		fmt.Fprintf(st.err, "Usage: herald %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args with fs, turning a parse error into errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
