package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/herald-events/herald/doc"
)

func TestFromDocOffsetsAndFields(t *testing.T) {
	text := `Sayyed Khamenei slams Muslim states. "Cut ties," he said.`
	d := &doc.Doc{ID: "abc", Source: "dump.txt#1", Title: "Khamenei slams", Text: text,
		Date: time.Date(2024, 3, 7, 10, 0, 0, 0, time.UTC)}
	// Tokens: Sayyed Khamenei slams Muslim states . " Cut ties , " he said .
	words := []string{"Sayyed", "Khamenei", "slams", "Muslim", "states", ".", `"`, "Cut", "ties", ",", `"`, "he", "said", "."}
	at := 0
	for _, w := range words {
		i := strings.Index(text[at:], w) + at
		d.Tokens = append(d.Tokens, doc.Token{Start: int32(i), End: int32(i + len(w))})
		at = i + len(w)
	}
	d.Sents = []doc.Span{{Start: 0, End: 6}, {Start: 6, End: 14}}
	d.Ents = []doc.Entity{{Span: doc.Span{Start: 0, End: 2}, Label: "PER", Code: "IRNGOV"}}
	d.Events = []doc.Event{{Sentence: 0, Code: "111", Root: "11", Quad: 3, Goldstein: -2, Plover: "ACCUSE",
		Source: doc.Actor{Code: "IRNGOV", ByteSpan: doc.ByteSpan{Start: 0, End: 15}},
		Target: doc.Actor{Code: "MOSGOV", ByteSpan: doc.ByteSpan{Start: 22, End: 35}},
		Verb:   doc.ByteSpan{Start: 16, End: 21}, Rule: "verbs.txt:12"}}
	d.Quotes = []doc.Quote{{Kind: doc.QuoteDirect, ByteSpan: doc.ByteSpan{Start: 37, End: 57}, Content: doc.ByteSpan{Start: 38, End: 46},
		Cue: doc.ByteSpan{Start: 52, End: 56}, Speaker: doc.Speaker{ByteSpan: doc.ByteSpan{Start: 49, End: 51}, Name: "Ali Khamenei", Code: "IRNGOV"}}}
	d.QuotedTerms = []doc.ByteSpan{{Start: 22, End: 28}}
	d.Errs = []error{errors.New("ner: model missing")}

	r := FromDoc(d, Options{})
	if r.Schema != "herald/1" || r.Date != "2024-03-07" || r.Tokens != nil {
		t.Errorf("header fields: %+v", r)
	}
	if r.Sentences[1] != [2]int32{37, 57} {
		t.Errorf("sentence 1 bytes = %v", r.Sentences[1])
	}
	if e := r.Entities[0]; e.Text != "Sayyed Khamenei" || e.Start != 0 || e.End != 15 || e.Sentence != 0 {
		t.Errorf("entity = %+v", e)
	}
	ev := r.Events[0]
	if ev.Source.Text != "Sayyed Khamenei" || ev.Target.Text != "Muslim states" || ev.Verb.Text != "slams" {
		t.Errorf("event spans = %+v", ev)
	}
	q := r.Quotes[0]
	if q.Text != "Cut ties" || q.Cue.Text != "said" || q.Speaker.Text != "he" || q.Speaker.Name != "Ali Khamenei" {
		t.Errorf("quote = %+v cue %+v speaker %+v", q, q.Cue, q.Speaker)
	}
	if len(r.QuotedTerms) != 1 || r.QuotedTerms[0].Text != "Muslim" {
		t.Errorf("quoted terms = %+v", r.QuotedTerms)
	}
	if len(r.Errors) != 1 || r.Errors[0] != "ner: model missing" {
		t.Errorf("errors = %v", r.Errors)
	}

	var buf bytes.Buffer
	w := NewWriter(&buf, Options{Tokens: true})
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	line := buf.String()
	if strings.Count(line, "\n") != 1 || !strings.HasSuffix(line, "\n") {
		t.Fatalf("want one JSON line, got %q", line)
	}
	var back Document
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Text != text || len(back.Tokens) != len(words) || back.Tokens[1].Head != nil {
		t.Errorf("decoded record differs: %d tokens", len(back.Tokens))
	}
	if !strings.Contains(line, `"text":"Sayyed Khamenei slams Muslim states. \"Cut ties,\" he said."`) {
		t.Errorf("text not verbatim in %s", line)
	}
}

func TestEmptyLayersAreArrays(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, &doc.Doc{ID: "x", Text: "<b>"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"sentences":[]`, `"entities":[]`, `"events":[]`, `"quotes":[]`, `"text":"<b>"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("missing %s in %s", want, buf.String())
		}
	}
}
