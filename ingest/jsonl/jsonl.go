// Package jsonl reads articles from JSON Lines: one JSON object a line,
//
//	{"id": "a1", "text": "...", "title": "...", "date": "2024-03-07", "url": "...", "source": "..."}
//
// id and text are required and come out exactly as they went in; title,
// date (YYYY-MM-DD or RFC 3339), url and source are optional; other fields
// are ignored. Blank lines are skipped. A bad line is an error naming
// file:line (and the column for JSON syntax errors); the other lines still
// yield their documents.
package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/herald-events/herald/doc"
)

// Errors a line can have, wrapped with its position.
var (
	ErrNoID   = errors.New(`missing or empty "id"`)
	ErrNoText = errors.New(`missing "text"`)
	ErrDate   = errors.New(`"date" is neither YYYY-MM-DD nor RFC 3339`)
)

// LineError is an error on one line of a JSON Lines input.
type LineError struct {
	Name string // input name
	Line int    // 1-based line number
	Col  int    // 1-based byte column, 0 when unknown
	Err  error
}

// Error formats the error as name:line[:col]: message.
func (e *LineError) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.Name, e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
}

// Unwrap returns the error of the line.
func (e *LineError) Unwrap() error { return e.Err }

type record struct {
	ID     *string `json:"id"`
	Text   *string `json:"text"`
	Title  string  `json:"title"`
	Date   string  `json:"date"`
	URL    string  `json:"url"`
	Source string  `json:"source"`
}

// Read reads the JSON Lines text s of the input called name. Each document
// has ID, Text and the optional fields set; Source is the record's "source"
// when it has one. The errors are *LineError values, in line order.
func Read(name, s string) ([]*doc.Doc, []error) {
	var docs []*doc.Doc
	var errs []error
	line := 0
	for len(s) > 0 {
		line++
		l := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		d, col, err := parse(l)
		if err != nil {
			errs = append(errs, &LineError{Name: name, Line: line, Col: col, Err: err})
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

// parse reads one line; on a syntax error it also returns the column.
func parse(l string) (*doc.Doc, int, error) {
	var r record
	dec := json.NewDecoder(strings.NewReader(l))
	if err := dec.Decode(&r); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, int(se.Offset), err
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, int(te.Offset), err
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, len(l) + 1, errors.New("line ends inside the JSON object")
		}
		return nil, 0, err
	}
	if off := dec.InputOffset(); len(bytes.TrimSpace([]byte(l[off:]))) > 0 {
		return nil, int(off) + 1, errors.New("text after the JSON object")
	}
	switch {
	case r.ID == nil || *r.ID == "":
		return nil, 0, ErrNoID
	case r.Text == nil:
		return nil, 0, ErrNoText
	}
	d := &doc.Doc{ID: *r.ID, Text: *r.Text, Title: r.Title, URL: r.URL, Source: r.Source}
	if r.Date != "" {
		t, err := parseDate(r.Date)
		if err != nil {
			return nil, 0, fmt.Errorf("%w: %q", ErrDate, r.Date)
		}
		d.Date = t
	}
	return d, 0, nil
}

func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}
