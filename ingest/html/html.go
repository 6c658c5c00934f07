// Package html reads news web pages: it finds the main text, title, byline
// and publication date of a page with go-readability (a port of Mozilla's
// Readability), and renders HTML fragments as plain text.
//
// The page's encoding is found as browsers find it: byte-order mark, the
// charset of the Content-Type given by the caller (from HTTP or WARC
// headers), a <meta charset> in the first 1024 bytes, else UTF-8 or
// Windows-1252 by content. The text is rendered as a browser's innerText:
// block elements (p, h1-h6, blockquote, lists) become paragraphs separated by
// blank lines.
package html

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/herald-events/herald/doc"
)

// ErrNoText reports a page in which no article text was found.
var ErrNoText = errors.New("no article text found")

// Read extracts the article of the page data from the input called name.
// contentType is the page's Content-Type when known (it may name the
// charset); pageURL is its address when known, used to resolve links and
// set Doc.URL, else the page's canonical link or og:url is used. The Doc
// has Title, Byline, Date, URL and Text set; ID and Source are left to the
// caller. The date is the page's publication date from its metadata
// (JSON-LD datePublished, article:published_time, Dublin Core, then
// <meta name="date|pubdate|publishdate">, itemprop="datePublished", and
// the first <time datetime> element).
func Read(name string, data []byte, contentType, pageURL string) (*doc.Doc, error) {
	s, err := decode(data, contentType)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, fmt.Errorf("%s: html: %w", name, err)
	}
	m := findMeta(root) // before readability changes the tree
	if pageURL == "" {
		pageURL = m.url
	}
	var u *nurl.URL
	if pageURL != "" {
		if u, err = nurl.Parse(pageURL); err != nil {
			u = nil
		}
	}
	art, err := readability.FromDocument(root, u)
	if err != nil {
		return nil, fmt.Errorf("%s: html: %w", name, err)
	}
	d := &doc.Doc{
		Title:  clean(art.Title()),
		Byline: clean(art.Byline()),
		URL:    pageURL,
	}
	if t, err := art.PublishedTime(); err == nil {
		d.Date = t
	} else {
		d.Date = m.date
	}
	if art.Node != nil {
		d.Text = dropHeader(tidy(render.InnerText(art.Node)), d.Title, d.Byline)
	}
	if d.Text == "" {
		return nil, fmt.Errorf("%s: html: %w", name, ErrNoText)
	}
	return d, nil
}

// TextOf renders an HTML fragment (such as the content of a feed item) as
// plain text, paragraphs separated by blank lines. Text with no markup comes
// back trimmed, with its own line breaks.
func TextOf(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return tidy(fragment)
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return tidy(fragment)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return tidy(render.InnerText(root))
}

// decode turns the page bytes into UTF-8 text.
func decode(data []byte, contentType string) (string, error) {
	enc, _, _ := charset.DetermineEncoding(data, contentType)
	r := enc.NewDecoder().Reader(bytes.NewReader(data))
	out, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("html: decoding: %w", err)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

// tidy trims each line and the whole text, and folds runs of more than one
// blank line into one.
func tidy(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var b strings.Builder
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// meta is what a page says about itself outside the article text.
type meta struct {
	url  string
	date time.Time
}

// findMeta reads the canonical URL and a fallback publication date from
// the page.
func findMeta(root *html.Node) meta {
	var m meta
	var canonical, ogURL, metaDate, itemDate, timeDate string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := func(key string) string {
				for _, at := range n.Attr {
					if strings.EqualFold(at.Key, key) {
						return strings.TrimSpace(at.Val)
					}
				}
				return ""
			}
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(a("rel"), "canonical") && canonical == "" {
					canonical = a("href")
				}
			case atom.Meta:
				switch strings.ToLower(a("property") + a("name")) {
				case "og:url":
					if ogURL == "" {
						ogURL = a("content")
					}
				case "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "sailthru.date", "article.published":
					if metaDate == "" {
						metaDate = a("content")
					}
				}
				if strings.EqualFold(a("itemprop"), "datePublished") && itemDate == "" {
					itemDate = a("content")
				}
			case atom.Time:
				if strings.EqualFold(a("itemprop"), "datePublished") && itemDate == "" {
					itemDate = a("datetime")
				}
				if timeDate == "" {
					timeDate = a("datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, u := range []string{canonical, ogURL} {
		if pu, err := nurl.Parse(u); err == nil && pu.IsAbs() && (pu.Scheme == "http" || pu.Scheme == "https") {
			m.url = u
			break
		}
	}
	for _, v := range []string{metaDate, itemDate, timeDate} {
		if t, ok := parseDate(v); ok {
			m.date = t
			break
		}
	}
	return m
}

var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123}

func parseDate(s string) (time.Time, bool) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// dropHeader removes from the start of text the lines that repeat the
// title or the byline, which some pages keep inside the article element.
func dropHeader(text, title, byline string) string {
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		l := clean(line)
		if l == "" || l != title && (byline == "" || l != byline && l != "By "+byline && l != "by "+byline) {
			return text
		}
		text = strings.TrimLeft(rest, "\n")
	}
	return text
}

// clean folds white space in a metadata value.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }
