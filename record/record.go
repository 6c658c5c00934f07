// Package record turns annotated documents into flat records with their
// provenance, for outputs and stores. Its first format is herald/1: one JSON
// object per document, as documented in the README.
//
// Every offset in a record is a UTF-8 byte offset into the document's text,
// end exclusive, so that each entity, event and quotation can be traced back
// to the exact words it came from.
package record

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/herald-events/herald/doc"
)

// Schema is the value of the "schema" field of every herald/1 record.
const Schema = "herald/1"

// Document is the herald/1 record of one document.
type Document struct {
	Schema      string     `json:"schema"`
	ID          string     `json:"id"`
	Source      string     `json:"source,omitempty"`
	URL         string     `json:"url,omitempty"`
	Title       string     `json:"title,omitempty"`
	Byline      string     `json:"byline,omitempty"`
	Date        string     `json:"date,omitempty"`
	DuplicateOf string     `json:"duplicate_of,omitempty"`
	Text        string     `json:"text"`
	Sentences   [][2]int32 `json:"sentences"`
	Tokens      []Token    `json:"tokens,omitempty"`
	Entities    []Entity   `json:"entities"`
	Events      []Event    `json:"events"`
	Quotes      []Quote    `json:"quotes"`
	QuotedTerms []Span     `json:"quoted_terms,omitempty"`
	Errors      []string   `json:"errors,omitempty"`
}

// Token is one token, written only when Options.Tokens is set.
type Token struct {
	Start int32  `json:"start"`
	End   int32  `json:"end"`
	Tag   string `json:"tag,omitempty"`
	UPOS  string `json:"upos,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	Head  *int32 `json:"head,omitempty"` // token index of the head within the document; -1 for a root
	Dep   string `json:"dep,omitempty"`
}

// Entity is a named-entity mention.
type Entity struct {
	Sentence int    `json:"sentence"`
	Start    int32  `json:"start"`
	End      int32  `json:"end"`
	Text     string `json:"text"`
	Label    string `json:"label"`
	Code     string `json:"code,omitempty"`
}

// Span is a piece of the text.
type Span struct {
	Text  string `json:"text"`
	Start int32  `json:"start"`
	End   int32  `json:"end"`
}

// Actor is the source or target of an event.
type Actor struct {
	Code  string `json:"code"`
	Text  string `json:"text,omitempty"`
	Start int32  `json:"start"`
	End   int32  `json:"end"`
}

// Event is a coded CAMEO event.
type Event struct {
	Sentence  int      `json:"sentence"`
	Code      string   `json:"code"`
	Root      string   `json:"root"`
	Quad      int      `json:"quad"`
	Goldstein float64  `json:"goldstein"`
	Plover    string   `json:"plover,omitempty"`
	Mode      string   `json:"plover_mode,omitempty"`
	Source    Actor    `json:"source"`
	Target    Actor    `json:"target"`
	Verb      Span     `json:"verb"`
	Issues    []string `json:"issues,omitempty"`
	Rule      string   `json:"rule"`
}

// Speaker is who a quotation is attributed to.
type Speaker struct {
	Text  string `json:"text,omitempty"`
	Start int32  `json:"start"`
	End   int32  `json:"end"`
	Name  string `json:"name,omitempty"`
	Code  string `json:"code,omitempty"`
}

// Quote is a quotation.
type Quote struct {
	Kind    string   `json:"kind"`
	Start   int32    `json:"start"`
	End     int32    `json:"end"`
	Content [2]int32 `json:"content"`
	Text    string   `json:"text"` // the content, verbatim
	Cue     *Span    `json:"cue,omitempty"`
	Speaker *Speaker `json:"speaker,omitempty"`
}

// Options choose optional parts of a record.
type Options struct {
	Tokens bool // include the token layer
}

// FromDoc builds the herald/1 record of d.
func FromDoc(d *doc.Doc, opt Options) Document {
	r := Document{
		Schema: Schema, ID: d.ID, Source: d.Source, URL: d.URL, Title: d.Title, Byline: d.Byline,
		DuplicateOf: d.DuplicateOf, Text: d.Text,
		Sentences: make([][2]int32, 0, len(d.Sents)),
		Entities:  []Entity{}, Events: []Event{}, Quotes: []Quote{},
	}
	if !d.Date.IsZero() {
		r.Date = d.Date.Format("2006-01-02")
	}
	for _, s := range d.Sents {
		a, b := d.SpanBytes(s)
		r.Sentences = append(r.Sentences, [2]int32{int32(a), int32(b)})
	}
	if opt.Tokens {
		deps := d.Has(doc.LayerDeps)
		for _, t := range d.Tokens {
			rt := Token{Start: t.Start, End: t.End, Tag: t.Tag, UPOS: t.UPOS, Lemma: t.Lemma, Dep: t.Dep}
			if deps {
				h := t.Head
				rt.Head = &h
			}
			r.Tokens = append(r.Tokens, rt)
		}
	}
	for _, e := range d.Ents {
		a, b := d.SpanBytes(e.Span)
		r.Entities = append(r.Entities, Entity{Sentence: d.SentenceOf(int(e.Start)), Start: int32(a), End: int32(b),
			Text: d.Text[a:b], Label: e.Label, Code: e.Code})
	}
	for _, e := range d.Events {
		r.Events = append(r.Events, Event{Sentence: e.Sentence, Code: e.Code, Root: e.Root, Quad: e.Quad,
			Goldstein: e.Goldstein, Plover: e.Plover, Mode: e.Mode,
			Source: actor(d, e.Source), Target: actor(d, e.Target), Verb: span(d, e.Verb),
			Issues: e.Issues, Rule: e.Rule})
	}
	for _, q := range d.Quotes {
		rq := Quote{Kind: q.Kind, Start: q.Start, End: q.End, Content: [2]int32{q.Content.Start, q.Content.End},
			Text: slice(d, q.Content)}
		if q.Cue.End > q.Cue.Start {
			c := span(d, q.Cue)
			rq.Cue = &c
		}
		if q.Speaker.End > q.Speaker.Start || q.Speaker.Name != "" {
			rq.Speaker = &Speaker{Text: slice(d, q.Speaker.ByteSpan), Start: q.Speaker.Start, End: q.Speaker.End,
				Name: q.Speaker.Name, Code: q.Speaker.Code}
		}
		r.Quotes = append(r.Quotes, rq)
	}
	for _, t := range d.QuotedTerms {
		r.QuotedTerms = append(r.QuotedTerms, span(d, t))
	}
	for _, err := range d.Errs {
		r.Errors = append(r.Errors, err.Error())
	}
	return r
}

func slice(d *doc.Doc, s doc.ByteSpan) string {
	if s.Start < 0 || s.End < s.Start || int(s.End) > len(d.Text) {
		return ""
	}
	return d.Text[s.Start:s.End]
}

func span(d *doc.Doc, s doc.ByteSpan) Span {
	return Span{Text: slice(d, s), Start: s.Start, End: s.End}
}

func actor(d *doc.Doc, a doc.Actor) Actor {
	text := a.Text
	if text == "" {
		text = slice(d, a.ByteSpan)
	}
	return Actor{Code: a.Code, Text: text, Start: a.Start, End: a.End}
}

// Writer writes herald/1 records as JSON Lines.
type Writer struct {
	bw  *bufio.Writer
	enc *json.Encoder
	opt Options
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer, opt Options) *Writer {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &Writer{bw: bw, enc: enc, opt: opt}
}

// Write writes the record of d as one line.
func (w *Writer) Write(d *doc.Doc) error {
	if err := w.enc.Encode(FromDoc(d, w.opt)); err != nil {
		return fmt.Errorf("record: document %s: %w", d.ID, err)
	}
	return nil
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.bw.Flush() }

// Write writes the herald/1 record of d, without tokens, as one JSON line.
func Write(w io.Writer, d *doc.Doc) error {
	rw := NewWriter(w, Options{})
	if err := rw.Write(d); err != nil {
		return err
	}
	return rw.Flush()
}
