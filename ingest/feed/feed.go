// Package feed reads RSS, Atom and RDF feeds with gofeed: each item is a
// document. The item's own content is used (content:encoded or Atom
// content, else the description or summary), HTML converted to plain text;
// links are recorded in Doc.URL but never fetched.
//
// An item with no text is an error naming the feed and the item's position
// (name#N); the other items still yield documents. A feed that is not
// well-formed XML is an error naming the feed, line and column.
package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/ingest/html"
)

// ErrNoContent reports an item with neither content nor description.
var ErrNoContent = errors.New("item has no content or description")

// Read parses the feed data of the input called name. The documents have
// Title, URL (the item's link), Byline (its authors), Date (published, else
// updated) and Text set; Source is name#N for the N-th item (from 1). When
// the feed cannot be parsed the only error says where.
func Read(name string, data []byte) ([]*doc.Doc, []error) {
	if err := wellFormed(data); err != nil {
		return nil, []error{fmt.Errorf("%s:%v", name, err)}
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, []error{fmt.Errorf("%s: feed: %w", name, err)}
	}
	var docs []*doc.Doc
	var errs []error
	for i, it := range f.Items {
		src := fmt.Sprintf("%s#%d", name, i+1)
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		text := html.TextOf(body)
		if text == "" {
			errs = append(errs, fmt.Errorf("%s: %w", src, ErrNoContent))
			continue
		}
		d := &doc.Doc{Source: src, Title: html.TextOf(it.Title), URL: it.Link, Text: text}
		var names []string
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				names = append(names, strings.TrimSpace(a.Name))
			}
		}
		d.Byline = strings.Join(names, ", ")
		switch {
		case it.PublishedParsed != nil:
			d.Date = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			d.Date = *it.UpdatedParsed
		}
		docs = append(docs, d)
	}
	if len(f.Items) == 0 {
		errs = append(errs, fmt.Errorf("%s: feed has no items", name))
	}
	return docs, errs
}

// wellFormed checks that data is well-formed XML, returning an error that
// starts with "line:col: " when it is not. HTML entities common in feeds
// (&nbsp; and the like) are accepted.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if depth != 0 {
				line, col := dec.InputPos()
				return fmt.Errorf("%d:%d: feed: XML syntax error: unexpected end of input inside an element", line, col)
			}
			return nil
		}
		if err != nil {
			line, col := dec.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return fmt.Errorf("%d:%d: feed: %v", line, col, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
}
