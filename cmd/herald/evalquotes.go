package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/extract/quote"
	"github.com/herald-events/herald/nlp/coref"
	"github.com/herald-events/herald/nlp/ner"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// runEvalQuotes scores quotation extraction against a PolNeAR compartment.
func runEvalQuotes(args []string, st streams) error {
	fs := newFlags("eval-quotes", "eval-quotes --polnear DIR [flags]", st)
	dir := fs.String("polnear", "", "PolNeAR compartment directory holding text/ and attributions/ (such as polnear/data/dev), or the corpus root (then -split is used)")
	split := fs.String("split", "dev", "compartment to read when -polnear names the corpus root")
	minDirect := fs.Float64("min-direct-f1", 0, "fail when the direct-quotation content F1 is below this")
	minF1 := fs.Float64("min-f1", 0, "fail when the attribution content F1 is below this")
	minSpeaker := fs.Float64("min-speaker", 0, "fail when the speaker accuracy of matched attributions is below this")
	withTags := fs.Bool("tags", true, "run the part-of-speech tagger before extraction")
	withNER := fs.Bool("ner", true, "run the named-entity recognizer before extraction")
	show := fs.Bool("show", false, "print every predicted quotation")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	root := *dir
	if _, err := os.Stat(filepath.Join(root, "text")); err != nil {
		root = filepath.Join(*dir, "data", *split)
	}
	arts, err := eval.LoadPolNeAR(root)
	if err != nil && len(arts) == 0 {
		return err
	}
	if err != nil {
		fmt.Fprintf(st.err, "herald eval-quotes: warning: %v\n", err)
	}
	stages := []pipeline.Stage{tokenize.New(), segment.New()}
	if *withTags {
		if tg, err := tag.New(); err != nil {
			fmt.Fprintf(st.err, "herald eval-quotes: warning: running without tags: %v\n", err)
			*withNER = false
		} else {
			stages = append(stages, tg.Stage())
		}
	} else {
		*withNER = false
	}
	if *withNER {
		if rec, err := ner.New(); err != nil {
			fmt.Fprintf(st.err, "herald eval-quotes: warning: running without entities: %v\n", err)
		} else {
			stages = append(stages, rec.Stage())
		}
	}
	stages = append(stages, coref.New(), quote.New())
	p, err := pipeline.New(stages...)
	if err != nil {
		return err
	}
	var sc eval.QuoteScores
	ctx := context.Background()
	for _, a := range arts {
		d := &doc.Doc{ID: a.Name, Text: a.Text}
		if err := p.Process(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", a.Name, err)
		}
		if *show {
			for _, q := range d.Quotes {
				fmt.Fprintf(st.out, "%s\t%d\t%d\t%s\tcue=%q\tspeaker=%q\tname=%q\t%q\n", a.Name, q.Content.Start, q.Content.End, q.Kind, d.Text[q.Cue.Start:q.Cue.End],
					d.Text[q.Speaker.Start:q.Speaker.End], q.Speaker.Name, d.Text[q.Content.Start:q.Content.End])
			}
		}
		sc.Add(a.Text, a.Gold, d.Quotes)
	}
	if err := sc.WriteReport(st.out); err != nil {
		return err
	}
	if err := sc.Check(eval.Thresholds{DirectF1: *minDirect, F1: *minF1, Speaker: *minSpeaker}); err != nil {
		fmt.Fprintf(st.err, "herald eval-quotes: below threshold: %v\n", err)
		return exitError{1}
	}
	return nil
}
