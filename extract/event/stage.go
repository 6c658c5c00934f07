package event

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/herald-events/herald/cameo"
	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/pipeline"
	"github.com/herald-events/herald/ptb"
)

// TreeFunc returns the parse tree of sentence sent of d and, for each leaf
// of the tree, the index of the doc token it stands for (-1 for a leaf
// with no token). It is how the stage gets trees from whatever parser made
// them.
type TreeFunc func(d *doc.Doc, sent int) (t *ptb.Tree, tokens []int, err error)

// Stage is a pipeline stage that codes the events of every sentence of a
// Doc into Doc.Events.
type Stage struct {
	c       *Coder
	tree    TreeFunc
	undated time.Time
}

var _ pipeline.Stage = (*Stage)(nil)

// New returns the event stage for coder c, getting trees from tree.
func New(c *Coder, tree TreeFunc) *Stage { return &Stage{c: c, tree: tree} }

// WithUndated returns a copy of s that codes documents without a date as
// if they were published on date (such as the day of the run), so that
// dated actor codes still apply; without it they are coded on the zero
// date, when only undated codes apply.
func (s *Stage) WithUndated(date time.Time) *Stage {
	c := *s
	c.undated = date
	return &c
}

// Name returns "event".
func (s *Stage) Name() string { return "event" }

// Requires returns the tokens and sentences layers.
func (s *Stage) Requires() doc.Layer { return doc.LayerTokens | doc.LayerSentences }

// Provides returns the events layer.
func (s *Stage) Provides() doc.Layer { return doc.LayerEvents }

// MaxSentenceTokens is the longest sentence the stage codes. Longer ones
// (a table or a list run together without a full stop; the longest
// sentence of the Reuters sample has 151 tokens) are not coded, as their
// phrase trees cost time in the square of their length; each is reported
// in the document's Errs.
const MaxSentenceTokens = 500

// Process codes every sentence of d. Discarded sentences code nothing; a
// story discard clears the document's events. A sentence whose tree cannot
// be built, or longer than MaxSentenceTokens, is reported in d.Errs and
// the other sentences are coded.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	d.Events = d.Events[:0]
	date := d.Date
	if date.IsZero() {
		date = s.undated
	}
	for i := range d.Sents {
		if err := ctx.Err(); err != nil {
			return err
		}
		// A sentence that cannot be coded is reported with the document,
		// and the others are coded.
		if n := d.Sents[i].Len(); n > MaxSentenceTokens {
			d.Errs = append(d.Errs, fmt.Errorf("event: document %s sentence %d: %d tokens, more than %d: not coded", d.ID, i, n, MaxSentenceTokens))
			continue
		}
		t, toks, err := s.tree(d, i)
		if err != nil {
			d.Errs = append(d.Errs, fmt.Errorf("event: %w", err))
			continue
		}
		coded, err := s.c.CodeTree(t, date)
		switch {
		case errors.Is(err, ErrStoryDiscard):
			d.Events = d.Events[:0]
			d.Mark(doc.LayerEvents)
			return nil
		case errors.Is(err, ErrSentenceDiscard), errors.Is(err, ErrDateline):
			continue
		case err != nil:
			return err
		}
		issues := s.c.IssuesOf(t)
		for _, e := range coded {
			ev := Fill(e, i, d, toks)
			ev.Issues = issues
			d.Events = append(d.Events, ev)
		}
	}
	day := 0 // the latest codes
	if !date.IsZero() {
		day = dict.DateInt(date)
	}
	s.resolveActors(d, day)
	d.Mark(doc.LayerEvents)
	return nil
}

// IssuesOf returns the issue codes of the words of t, or nil without an
// issue dictionary.
func (c *Coder) IssuesOf(t *ptb.Tree) []string {
	if c.dicts.Issues == nil {
		return nil
	}
	var words []string
	for _, w := range t.Words() {
		words = append(words, strings.Split(strings.ToLower(w), "-")...)
	}
	return c.dicts.Issues.Code(words)
}

// Fill turns a coded event of sentence sent into a doc.Event with the
// codebook fields set; tokens maps tree leaves to doc tokens (nil: no
// spans).
func Fill(e Coded, sent int, d *doc.Doc, tokens []int) doc.Event {
	ev := doc.Event{Sentence: sent, Code: e.Code, Rule: e.Rule.String()}
	if ce, ok := cameo.Lookup(e.Code); ok {
		ev.Root, ev.Quad, ev.Goldstein = ce.Root, ce.Quad, ce.Goldstein
	}
	if pm, ok := ploverLookup(e.Code); ok {
		ev.Plover, ev.Mode = pm.Type, pm.Mode
	}
	ev.Source.Code, ev.Target.Code = e.Source, e.Target
	ev.Source.ByteSpan = byteSpan(d, tokens, e.SourceSpan)
	ev.Target.ByteSpan = byteSpan(d, tokens, e.TargetSpan)
	ev.Verb = byteSpan(d, tokens, e.Verb)
	if ev.Source.End > ev.Source.Start {
		ev.Source.Text = d.Text[ev.Source.Start:ev.Source.End]
	}
	if ev.Target.End > ev.Target.Start {
		ev.Target.Text = d.Text[ev.Target.Start:ev.Target.End]
	}
	return ev
}

func byteSpan(d *doc.Doc, tokens []int, sp Span) doc.ByteSpan {
	if tokens == nil || sp.End <= sp.Start || sp.End > len(tokens) {
		return doc.ByteSpan{}
	}
	a, b := -1, -1
	for i := sp.Start; i < sp.End; i++ {
		if t := tokens[i]; t >= 0 && t < len(d.Tokens) {
			if a < 0 {
				a = t
			}
			b = t
		}
	}
	if a < 0 {
		return doc.ByteSpan{}
	}
	// A phrase's edge commas ("Woolworth vice president," told) are not
	// part of the actor's words.
	for a < b && edgePunct(d.TokenText(a)) {
		a++
	}
	for b > a && edgePunct(d.TokenText(b)) {
		b--
	}
	return doc.ByteSpan{Start: d.Tokens[a].Start, End: d.Tokens[b].End}
}

func edgePunct(w string) bool { return w == "," || w == ";" || w == ":" }

var ptbEscapes = map[string]string{"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": "\"", "''": "\""}

// TextOfTree returns the words of t joined by spaces, PTB escapes undone.
func TextOfTree(t *ptb.Tree) string {
	w := t.Words()
	for i, x := range w {
		if u, ok := ptbEscapes[x]; ok {
			w[i] = u
		}
	}
	return strings.Join(w, " ")
}

// DocFromTree builds a one-sentence Doc whose tokens are the leaves of t
// found, in order, in text (PTB escapes undone); leaves not found in the
// text get no token. It returns the doc and the leaf-to-token map.
func DocFromTree(id, text string, t *ptb.Tree) (*doc.Doc, []int) {
	d := &doc.Doc{ID: id, Text: text}
	toks := make([]int, len(t.Leaves))
	pos := 0
	for i, w := range t.Words() {
		toks[i] = -1
		cands := []string{w}
		if u, ok := ptbEscapes[w]; ok {
			cands = append(cands, u, "'", "`")
		}
		for _, c := range cands {
			j := strings.Index(text[pos:], c)
			if j >= 0 && strings.TrimSpace(text[pos:pos+j]) == "" {
				d.Tokens = append(d.Tokens, doc.Token{Start: int32(pos + j), End: int32(pos + j + len(c)), Tag: t.Tag(i), Head: -1})
				toks[i] = len(d.Tokens) - 1
				pos += j + len(c)
				break
			}
		}
	}
	d.Sents = []doc.Span{{Start: 0, End: int32(len(d.Tokens))}}
	d.Mark(doc.LayerTokens | doc.LayerSentences | doc.LayerTags)
	return d, toks
}
