package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Format is the kind of an input, as found by Sniff.
type Format int

// The input formats.
const (
	Text  Format = iota // plain text: one article or a dump of several
	HTML                // one web page
	Feed                // RSS, Atom or RDF feed
	WARC                // web archive, plain or gzip-compressed
	JSONL               // JSON Lines, one article a line
	XML                 // XML that is neither a feed nor a web page (not read)
)

var formatNames = [...]string{"text", "html", "feed", "warc", "jsonl", "xml"}

// String returns the lower-case name of the format.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// Sniff tells the format of an input from its first bytes; the file name
// only breaks ties (a ".jsonl" or ".ndjson" file whose first line is broken
// is still JSON Lines). data must already be UTF-8 or ASCII-compatible:
// Sniff skips a UTF-8 byte-order mark and leading white space.
func Sniff(name string, data []byte) Format {
	head := bytes.TrimPrefix(data, bomUTF8)
	head = bytes.TrimLeft(head[:min(len(head), 64<<10)], " \t\r\n\f")
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return WARC
	case len(head) > 0 && head[0] == '{':
		return JSONL
	case len(head) > 0 && head[0] == '<':
		return sniffMarkup(head)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return JSONL
	}
	return Text
}

// sniffMarkup tells a feed from a web page by the root element.
func sniffMarkup(b []byte) Format {
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return XML
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return XML
			}
			b = b[i+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			if len(b) >= 14 && bytes.EqualFold(b[:14], []byte("<!doctype html")) {
				return HTML
			}
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return XML
			}
			b = b[i+1:]
		case bytes.HasPrefix(b, []byte("<")):
			name := b[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			}
			local := name
			if i := bytes.IndexByte(local, ':'); i >= 0 {
				local = local[i+1:]
			}
			switch strings.ToLower(string(local)) {
			case "rss", "feed", "rdf":
				return Feed
			case "html", "head", "body", "meta", "title", "article", "div", "p", "link", "script":
				return HTML
			}
			lower := bytes.ToLower(b[:min(len(b), 4096)])
			if bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body")) {
				return HTML
			}
			return XML
		default:
			return Text
		}
	}
}
