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
	dir := fs.String("dicts", "", "`directory` of the Phoenix dictionary set (CAMEO.verbpatterns.150430.txt, Phoenix.*)")
	format := fs.String("format", "jsonl", "output `format`: jsonl (herald/1) or tsv (PETRARCH columns)")
	lenient := fs.Bool("lenient", false, "load the well-formed dictionary lines even when some are malformed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" || fs.NArg() != 1 || (*format != "jsonl" && *format != "tsv") {
		fs.Usage()
		return errUsage
	}
	set, err := dict.Load(dict.PhoenixFiles(*dir), *lenient)
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
	for _, it := range pf.Items {
		rec := it.Record
		if rec == nil {
			continue
		}
		t, err := ptb.Parse(rec.Parse)
		if err != nil {
			fmt.Fprintf(st.err, "herald code: sentence %s: %v\n", rec.ID, err)
			continue
		}
		coded, err := c.CodeTree(t, rec.Date)
		if errors.Is(err, event.ErrDateline) || errors.Is(err, event.ErrSentenceDiscard) || errors.Is(err, event.ErrStoryDiscard) {
			err = nil
		}
		if err != nil {
			fmt.Fprintf(st.err, "herald code: sentence %s: %v\n", rec.ID, err)
			continue
		}
		issues := c.IssuesOf(t)
		text := strings.Join(strings.Fields(rec.Text), " ")
		if text == "" {
			// No <Text>: the words of the parse stand for it.
			text = event.TextOfTree(t)
		}
		if *format == "tsv" {
			for _, e := range coded {
				fmt.Fprintf(st.out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rec.Date.Format("20060102"), e.Source, e.Target, e.Code,
					strings.Join(issues, ";"), rec.ID, rec.Source)
			}
			continue
		}
		d, toks := event.DocFromTree(rec.ID, text, t)
		d.Date, d.Source = rec.Date, rec.Source
		for _, e := range coded {
			ev := event.Fill(e, 0, d, toks)
			ev.Issues = issues
			d.Events = append(d.Events, ev)
		}
		d.Mark(doc.LayerEvents)
		if err := w.Write(d); err != nil {
			return err
		}
	}
	return nil
}
