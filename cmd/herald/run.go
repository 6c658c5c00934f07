package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/ingest"
	"github.com/herald-events/herald/record"
)

const runSynopsis = `run [flags] INPUT...

Reads news (plain text and scraper dumps, HTML, RSS/Atom, WARC, JSON Lines;
files, directories, or - for standard input), annotates each document and
prints a short summary of each. With --out, writes one herald/1 JSON object
per document (see the README for the schema).`

func runRun(args []string, st streams) error {
	fs := newFlags("run", runSynopsis, st)
	out := fs.String("out", "", "write herald/1 JSON Lines to `FILE` (- for standard output, which replaces the summaries)")
	quiet := fs.Bool("quiet", false, "print no per-document summary and no progress bar")
	workers := fs.Int("workers", 0, "annotate with `N` goroutines (0: one per core)")
	noDedup := fs.Bool("no-dedup", false, "keep exact duplicates and do not flag near duplicates")
	tokens := fs.Bool("tokens", false, "include the token layer (tags, lemmas, heads) in the JSON output")
	var popt pipelineOptions
	popt.addFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	p, err := buildPipeline(popt, st.err)
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var jsonOut io.Writer
	summaries := st.out
	var outFile *os.File
	switch *out {
	case "":
	case "-":
		jsonOut, summaries = st.out, nil
	default:
		outFile, err = os.Create(*out)
		if err != nil {
			return err
		}
		defer outFile.Close()
		jsonOut = outFile
	}
	if *quiet {
		summaries = nil
	}
	var rw *record.Writer
	if jsonOut != nil {
		rw = record.NewWriter(jsonOut, record.Options{Tokens: *tokens})
	}

	prog := newProgress(st.err, !*quiet, totalSize(fs.Args()))
	in := make(chan *doc.Doc, 64)
	done := make(chan *doc.Doc, 64)
	walk := walkInto(ctx, fs.Args(), ingest.Options{Stdin: st.in, Dedup: !*noDedup}, in)
	go p.Run(ctx, *workers, in, done)

	var stats runStats
	var writeErr error
	for d := range done {
		stats.add(d)
		prog.advance(len(d.Text) + len(d.Title))
		if summaries != nil {
			prog.clear()
			printSummary(summaries, d)
		}
		if rw != nil && writeErr == nil {
			// Each record is flushed whole, so that a run killed midway
			// leaves only complete lines behind.
			if writeErr = rw.Write(d); writeErr == nil {
				writeErr = rw.Flush()
			}
		}
	}
	prog.finish()
	if writeErr != nil {
		return fmt.Errorf("writing %s: %w", *out, writeErr)
	}
	if outFile != nil {
		if err := outFile.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", *out, err)
		}
	}
	if walk.err != nil && !errors.Is(walk.err, context.Canceled) {
		return walk.err
	}
	stats.print(st.err, walk.sum, prog.elapsed())
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted after %d documents", stats.docs)
	}
	if len(walk.sum.Failures) > 0 || stats.failedDocs > 0 {
		return exitError{1}
	}
	return nil
}

// runStats counts what a run produced.
type runStats struct {
	docs, sents, tokens, ents, events, quotes int
	failedDocs                                int
	docErrors                                 []string
}

func (s *runStats) add(d *doc.Doc) {
	s.docs++
	s.sents += len(d.Sents)
	s.tokens += len(d.Tokens)
	s.ents += len(d.Ents)
	s.events += len(d.Events)
	s.quotes += len(d.Quotes)
	if len(d.Errs) > 0 {
		s.failedDocs++
		for _, err := range d.Errs {
			s.docErrors = append(s.docErrors, fmt.Sprintf("%s (%s): %v", d.Source, d.ID, err))
		}
	}
}

func (s *runStats) print(w io.Writer, sum ingest.Summary, elapsed time.Duration) {
	secs := elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(w, "herald run: %d inputs, %d documents (%d exact duplicates merged, %d near duplicates flagged), "+
		"%d sentences, %d tokens, %d entities, %d events, %d quotations in %.2fs (%.0f sentences/s); %d inputs failed, %d documents with errors\n",
		sum.Inputs, s.docs, sum.Duplicates, sum.NearDuplicates, s.sents, s.tokens, s.ents, s.events, s.quotes,
		elapsed.Seconds(), float64(s.sents)/secs, len(sum.Failures), s.failedDocs)
	if len(sum.Failures) > 0 {
		fmt.Fprintf(w, "failed inputs:\n")
		for _, f := range sum.Failures {
			fmt.Fprintf(w, "  %v\n", f.Err)
		}
	}
	if len(s.docErrors) > 0 {
		fmt.Fprintf(w, "documents with errors:\n")
		for _, e := range s.docErrors {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}

// printSummary writes the short human summary of one document.
func printSummary(w io.Writer, d *doc.Doc) {
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(w, "== %s\n", title)
	var meta []string
	meta = append(meta, "id "+d.ID)
	if d.Source != "" {
		meta = append(meta, d.Source)
	}
	if !d.Date.IsZero() {
		meta = append(meta, d.Date.Format("2006-01-02"))
	}
	if d.DuplicateOf != "" {
		meta = append(meta, "near duplicate of "+d.DuplicateOf)
	}
	fmt.Fprintf(w, "   %s\n", strings.Join(meta, " · "))
	counts := fmt.Sprintf("%d sentences, %d tokens", len(d.Sents), len(d.Tokens))
	if d.Has(doc.LayerEntities) {
		counts += fmt.Sprintf(", %d entities", len(d.Ents))
	}
	if d.Has(doc.LayerEvents) {
		counts += fmt.Sprintf(", %d events", len(d.Events))
	}
	if d.Has(doc.LayerQuotes) {
		counts += fmt.Sprintf(", %d quotations", len(d.Quotes))
	}
	fmt.Fprintf(w, "   %s\n", counts)
	for _, e := range d.Events {
		fmt.Fprintf(w, "   event %s %s -> %s  %q %s %q  [%s]\n", e.Code, e.Source.Code, e.Target.Code,
			clip(d, e.Source.ByteSpan), clip(d, e.Verb), clip(d, e.Target.ByteSpan), e.Rule)
	}
	for _, q := range d.Quotes {
		who := q.Speaker.Name
		if who == "" {
			who = clip(d, q.Speaker.ByteSpan)
		}
		if who == "" {
			who = "?"
		}
		fmt.Fprintf(w, "   quote (%s) %s: %q\n", q.Kind, who, shorten(clip(d, q.Content), 100))
	}
	for _, err := range d.Errs {
		fmt.Fprintf(w, "   error: %v\n", err)
	}
}

func clip(d *doc.Doc, s doc.ByteSpan) string {
	if s.Start < 0 || s.End <= s.Start || int(s.End) > len(d.Text) {
		return ""
	}
	return d.Text[s.Start:s.End]
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// totalSize returns the bytes of the input files, for the progress bar; 0
// when unknown (standard input).
func totalSize(inputs []string) int64 {
	var n int64
	for _, in := range inputs {
		if in == "-" {
			return 0
		}
		_ = walkFiles(in, func(path string) error {
			if fi, err := os.Stat(path); err == nil {
				n += fi.Size()
			}
			return nil
		})
	}
	return n
}

// progress draws a progress bar on a terminal once a run has lasted a
// second.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	total   int64
	done    int64
	docs    int
	drawn   bool
	stopped bool
}

func newProgress(w io.Writer, enabled bool, total int64) *progress {
	return &progress{w: w, on: enabled && isTerminal(w), start: time.Now(), total: total}
}

func (p *progress) elapsed() time.Duration { return time.Since(p.start) }

func (p *progress) advance(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += int64(n)
	p.docs++
	now := time.Now()
	if !p.on || now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = min(float64(p.done)/float64(p.total), 0.99)
	}
	bar := strings.Repeat("=", int(frac*width)) + ">" + strings.Repeat(" ", width-int(frac*width))
	rate := float64(p.docs) / now.Sub(p.start).Seconds()
	fmt.Fprintf(p.w, "\r[%s] %3.0f%% %d documents, %.0f documents/s ", bar, frac*100, p.docs, rate)
	p.drawn = true
}

func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 79))
		p.drawn = false
	}
}

func (p *progress) finish() { p.clear() }

// walked is what walkInto's walk found; read it once the pipeline fed from
// the walk has drained (the walk has ended then).
type walked struct {
	sum ingest.Summary
	err error
}

// walkInto reads the inputs named by args (directories walked, "-" for
// standard input) into in, from a goroutine that closes in at the end or
// when ctx is done.
func walkInto(ctx context.Context, args []string, opt ingest.Options, in chan<- *doc.Doc) *walked {
	w := &walked{}
	go func() {
		defer close(in)
		w.sum, w.err = ingest.Walk(ctx, args, opt, func(d *doc.Doc) error {
			select {
			case in <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	return w
}
