package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/extract/event"
)

// runValidate runs a PETRARCH validation file as it is.
func runValidate(args []string, st streams) error {
	fs := newFlags("validate", "validate --records FILE.xml [--min N] [--lenient] [--quiet]", st)
	records := fs.String("records", "", "PETRARCH validation `file` (XML); its <Environment> names the dictionaries, relative to it")
	minPass := fs.Int("min", -1, "exit non-zero when fewer than `N` records pass (default: every record)")
	lenient := fs.Bool("lenient", false, "load the well-formed dictionary lines even when some are malformed")
	quiet := fs.Bool("quiet", false, "print only the table per category")
	textOnly := fs.Bool("text-only", false, "ignore each record's <Parse>: code its <Text> with Herald's own tokenizer, tagger and parser")
	minPercent := fs.Float64("min-percent", -1, "exit non-zero when fewer than `P` percent of the records pass (instead of --min)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *records == "" {
		fmt.Fprintln(st.err, "herald validate: --records is required")
		fs.Usage()
		return errUsage
	}
	fh, err := os.Open(*records)
	if err != nil {
		return err
	}
	defer fh.Close()
	vf, err := eval.ReadPetrarch(fh)
	if err != nil {
		return err
	}
	set, err := dict.Load(vf.Env.Files(filepath.Dir(*records)), *lenient)
	if err != nil {
		if set == nil {
			return err
		}
		fmt.Fprintln(st.err, err)
	}
	var trees eval.TreeSource
	if *textOnly {
		if trees, err = textTrees(); err != nil {
			return err
		}
	}
	rep, err := eval.RunPetrarchTrees(vf, event.NewCoder(set, event.DefaultOptions()), trees)
	if err != nil {
		return err
	}
	w := st.out
	if !*quiet {
		for _, r := range rep.Results {
			if r.Pass {
				continue
			}
			rec := r.Record
			fmt.Fprintf(w, "FAIL %s (%s, line %d)\n", rec.ID, rec.Category, rec.Line)
			fmt.Fprintf(w, "  text:     %s\n", strings.Join(strings.Fields(rec.Text), " "))
			if len(rec.Expect) == 0 {
				exp := "no event"
				if rec.ErrorCode != "" {
					exp += " (" + rec.ErrorCode + ")"
				}
				fmt.Fprintf(w, "  expected: %s\n", exp)
			}
			for _, e := range rec.Expect {
				fmt.Fprintf(w, "  expected: %s\n", e)
			}
			if r.Err != nil {
				fmt.Fprintf(w, "  coder:    %v\n", r.Err)
			}
			if len(r.Got) == 0 {
				fmt.Fprintf(w, "  coded:    no event\n")
			}
			for _, g := range r.Got {
				pat := "verb"
				if g.Pattern != "" {
					pat = "pattern \"" + g.Pattern + "\""
				}
				fmt.Fprintf(w, "  coded:    %s %s %s  by %s %s%s\n", g.Source, g.Target, g.Code, g.Rule, pat, actorEvidence(g))
			}
		}
	}
	cats, passed, total := rep.ByCategory()
	fmt.Fprintf(w, "\n%-12s %6s %6s\n", "category", "passed", "total")
	for _, c := range cats {
		fmt.Fprintf(w, "%-12s %6d %6d\n", c, passed[c], total[c])
	}
	fmt.Fprintf(w, "%-12s %6d %6d\n", "all", rep.Passed(), len(rep.Results))
	want := *minPass
	switch {
	case *minPercent >= 0:
		want = int(math.Ceil(*minPercent / 100 * float64(len(rep.Results))))
	case want < 0:
		want = len(rep.Results)
	}
	fmt.Fprintf(w, "%.1f%% of the records pass (%d needed)\n", 100*float64(rep.Passed())/float64(max(1, len(rep.Results))), want)
	if rep.Passed() < want {
		return exitError{1}
	}
	return nil
}

// actorEvidence names the actor dictionary lines behind an event's source
// and target, when actors (not agents alone) coded them.
func actorEvidence(g event.Coded) string {
	var parts []string
	if g.SourceActor.Line > 0 {
		parts = append(parts, "source "+g.SourceActor.String())
	}
	if g.TargetActor.Line > 0 {
		parts = append(parts, "target "+g.TargetActor.String())
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, ", ")
}
