package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/nlp/lemma"
	"github.com/herald-events/herald/nlp/tag"
)

// trainer is one model that "herald train" can build. Each lives in its own
// function; to add one, append it to trainers.
type trainer struct {
	name  string
	short string
	run   func(args []string, st streams) error
}

// trainers lists the models "herald train" builds, one line each.
var trainers = []trainer{
	{"ner", "named-entity recognizer from IOB2 (UNER) with word classes from UD CoNLL-U", runTrainNER},
	{"parse", "dependency parser from UD CoNLL-U (jackknifed tags)", runTrainParse},
	{"tag", "part-of-speech tagger (XPOS+UPOS) from UD CoNLL-U", runTrainTag},
	{"lemma", "lemmatizer tables from WordNet 3.0 and UD CoNLL-U", runTrainLemma},
}

func runTrain(args []string, st streams) error {
	names := make([]string, 0, len(trainers))
	for _, t := range trainers {
		names = append(names, t.name)
	}
	sort.Strings(names)
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(st.err, "Usage: herald train %s --data DIR --out DIR [flags]\n\nModels:\n", strings.Join(names, "|"))
		for _, t := range trainers {
			fmt.Fprintf(st.err, "  %-8s %s\n", t.name, t.short)
		}
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, t := range trainers {
		if t.name == args[0] {
			return t.run(args[1:], st)
		}
	}
	fmt.Fprintf(st.err, "herald train: unknown model %q (have %s)\n", args[0], strings.Join(names, ", "))
	return errUsage
}

// findConllu returns the single file in dir whose name ends with suffix
// (such as "-ud-train.conllu").
func findConllu(dir, suffix string) (string, error) {
	m, err := filepath.Glob(filepath.Join(dir, "*"+suffix))
	if err != nil {
		return "", err
	}
	if len(m) != 1 {
		return "", fmt.Errorf("want one *%s file in %s, found %d", suffix, dir, len(m))
	}
	return m[0], nil
}

// readConllu reads every sentence of a CoNLL-U file.
func readConllu(path string) ([]conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.Read(f, path)
}

// trainingData reads the UD training file (*-ud-train.conllu) of the
// --data directory, or reports the command's usage when --data is missing.
func trainingData(fs *flag.FlagSet, dir string) (string, []conllu.Sentence, error) {
	if dir == "" {
		fs.Usage()
		return "", nil, errUsage
	}
	path, err := findConllu(dir, "-ud-train.conllu")
	if err != nil {
		return "", nil, err
	}
	sents, err := readConllu(path)
	return path, sents, err
}

// saveModel writes a model's bytes as the file name of dir, creating dir
// if need be, and returns the file's path.
func saveModel(dir, name string, data []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, name)
	return dst, writeFileAtomic(dst, data)
}

// writeFileAtomic writes data to path through a temporary file.
func writeFileAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func runTrainTag(args []string, st streams) error {
	fs := newFlags("train tag", "train tag --data DIR --out DIR [--wordnet DIR] [--iter N] [--seed N] [--prune W] [--passes 1|2] [--folds N]", st)
	data := fs.String("data", "", "directory holding *-ud-train.conllu (UD English EWT)")
	out := fs.String("out", "nlp/tag/model", "directory to write tagger.bin.gz into")
	iter := fs.Int("iter", 10, "training iterations over the data")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	prune := fs.Float64("prune", 0.05, "drop averaged weights smaller than this")
	passes := fs.Int("passes", 2, "1: left to right; 2: a second pass also sees the first pass's tags to the right")
	folds := fs.Int("folds", 8, "jackknife folds for training the second pass")
	wn := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database directory for word-class features (Debian wordnet-base); empty: none")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var lexicon map[string]uint8
	if *wn != "" {
		l, err := lemma.ReadWordNet(*wn)
		if err != nil {
			return err
		}
		lexicon = l.WordClasses()
	}
	path, sents, err := trainingData(fs, *data)
	if err != nil {
		return err
	}
	examples := tagExamples(sents)
	t, err := tag.Train(examples, tag.TrainOptions{
		Iterations: *iter, Seed: *seed, Prune: float32(*prune), Passes: *passes, Folds: *folds, Lexicon: lexicon,
		Progress: func(i int, acc float64) { fmt.Fprintf(st.err, "pass %d: train accuracy %.2f%%\n", i, 100*acc) },
	})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.WriteModel(&buf); err != nil {
		return err
	}
	dst, err := saveModel(*out, "tagger.bin.gz", buf.Bytes())
	if err != nil {
		return err
	}
	fmt.Fprintf(st.out, "wrote %s (%d bytes) from %d sentences of %s\n", dst, buf.Len(), len(examples), path)
	return nil
}

// tagExamples turns CoNLL-U sentences into tagger training examples (the
// syntactic words with their XPOS and UPOS).
func tagExamples(sents []conllu.Sentence) []tag.Example {
	out := make([]tag.Example, 0, len(sents))
	for _, s := range sents {
		ex := tag.Example{}
		for _, w := range s.Words {
			ex.Words = append(ex.Words, w.Form)
			ex.XPOS = append(ex.XPOS, w.XPOS)
			ex.UPOS = append(ex.UPOS, w.UPOS)
		}
		out = append(out, ex)
	}
	return out
}

func runTrainLemma(args []string, st streams) error {
	fs := newFlags("train lemma", "train lemma --data DIR --wordnet DIR --out DIR", st)
	data := fs.String("data", "", "directory holding *-ud-train.conllu (UD English EWT)")
	wn := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database directory (Debian package wordnet-base)")
	out := fs.String("out", "nlp/lemma/data", "directory to write lemma.txt.gz into")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	path, sents, err := trainingData(fs, *data)
	if err != nil {
		return err
	}
	l, err := lemma.ReadWordNet(*wn)
	if err != nil {
		return err
	}
	var examples []lemma.Example
	for _, s := range sents {
		for _, w := range s.Words {
			examples = append(examples, lemma.Example{Word: w.Form, XPOS: w.XPOS, Lemma: w.Lemma})
		}
	}
	if err := l.Learn(examples); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := l.WriteTables(&buf); err != nil {
		return err
	}
	dst, err := saveModel(*out, "lemma.txt.gz", buf.Bytes())
	if err != nil {
		return err
	}
	fmt.Fprintf(st.out, "wrote %s (%d bytes) from %s and %d words of %s\n", dst, buf.Len(), *wn, len(examples), path)
	return nil
}
