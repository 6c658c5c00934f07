package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/extract/event"
	"github.com/herald-events/herald/ptb"
	"github.com/herald-events/herald/record"
)

// runCode codes already-parsed sentences (PETRARCH <Sentences> XML).
func runCode(args []string, st streams) error {
	fs := newFlags("code", "code --dicts DIR [--format jsonl|tsv] [--lenient] FILE.xml", st)
	dir := fs.String("dicts", "", "`directory` of a dictionary set, such as the Phoenix one; files are recognised by verb, actor, agent, discard and issue in their names")
	format := fs.String("format", "jsonl", "output `format`: jsonl (herald/1) or tsv (PETRARCH columns)")
	lenient := fs.Bool("lenient", false, "load the well-formed dictionary lines even when some are malformed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() != 1 || (*format != "jsonl" && *format != "tsv") {
		fs.Usage()
		return errUsage
	}
	// The files are told apart by their names (verb, actor, agent,
	// discard, issue), so the Phoenix set and Herald's own both load.
	fsys := os.DirFS(*dir)
	files, err := dict.FindFiles(fsys, ".")
	if err != nil {
		return err
	}
	set, err := dict.LoadFS(fsys, files, *lenient)
	if err != nil {
		if set == nil {
			return err
		}
		fmt.Fprintln(st.err, err)
	}
	var in io.Reader = st.in
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	pf, err := eval.ReadPetrarch(in)
	if err != nil {
		return err
	}
	c := event.NewCoder(set, event.DefaultOptions())
	var w *record.Writer
	if *format == "jsonl" {
		w = record.NewWriter(st.out, record.Options{})
		defer w.Flush()
	}
	// Sentences are grouped into stories by id ("AFP0808020625_4" is
	// sentence 4 of story AFP0808020625): a story discard in any sentence
	// drops the events of the whole story, as PETRARCH does.
	type coded struct {
		rec    *eval.PetrarchRecord
		t      *ptb.Tree
		events []event.Coded
	}
	var story []coded
	storyID, discard := "", false
	flush := func() error {
		for _, x := range story {
			if discard {
				x.events = nil
			}
			if err := writeCoded(st, w, *format, c, x.rec, x.t, x.events); err != nil {
				return err
			}
		}
		story, discard = story[:0], false
		return nil
	}
	for _, it := range pf.Items {
		rec := it.Record
		if rec == nil {
			continue
		}
		if id := storyOf(rec.ID); id != storyID {
			if err := flush(); err != nil {
				return err
			}
			storyID = id
		}
		t, err := ptb.Parse(rec.Parse)
		if err != nil {
			fmt.Fprintf(st.err, "herald code: sentence %s: %v\n", rec.ID, err)
			continue
		}
		evs, err := c.CodeTree(t, rec.Date)
		if errors.Is(err, event.ErrStoryDiscard) {
			discard = true
		}
		if errors.Is(err, event.ErrDateline) || errors.Is(err, event.ErrSentenceDiscard) || errors.Is(err, event.ErrStoryDiscard) {
			err = nil
		}
		if err != nil {
			fmt.Fprintf(st.err, "herald code: sentence %s: %v\n", rec.ID, err)
			continue
		}
		story = append(story, coded{rec, t, evs})
	}
	if err := flush(); err != nil {
		return err
	}
	return nil
}

// storyOf returns the story id of a sentence id: the id without a final
// "_n" or "-n" sentence number.
func storyOf(id string) string {
	i := strings.LastIndexAny(id, "_-")
	if i <= 0 || i == len(id)-1 {
		return id
	}
	for _, r := range id[i+1:] {
		if r < '0' || r > '9' {
			return id
		}
	}
	return id[:i]
}

// writeCoded writes the events of one sentence in the chosen format.
func writeCoded(st streams, w *record.Writer, format string, c *event.Coder, rec *eval.PetrarchRecord, t *ptb.Tree, evs []event.Coded) error {
	issues := c.IssuesOf(t)
	if format == "tsv" {
		for _, e := range evs {
			if _, err := fmt.Fprintf(st.out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rec.Date.Format("20060102"), e.Source, e.Target, e.Code,
				strings.Join(issues, ";"), rec.ID, rec.Source); err != nil {
				return err
			}
		}
		return nil
	}
	text := strings.Join(strings.Fields(rec.Text), " ")
	if text == "" {
		// No <Text>: the words of the parse stand for it.
		text = event.TextOfTree(t)
	}
	d, toks := event.DocFromTree(rec.ID, text, t)
	d.Date, d.Source = rec.Date, rec.Source
	for _, e := range evs {
		ev := event.Fill(e, 0, d, toks)
		ev.Issues = issues
		d.Events = append(d.Events, ev)
	}
	d.Mark(doc.LayerEvents)
	return w.Write(d)
}
