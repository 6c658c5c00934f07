package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/herald-events/herald/internal/testfile"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/internal/devdata"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             Format
	}{
		{"warc", "x", "WARC/1.1\r\nWARC-Type: warcinfo\r\n", WARC},
		{"jsonl", "x.txt", "\n {\"id\":\"1\",\"text\":\"a\"}\n", JSONL},
		{"broken jsonl by name", "x.jsonl", "id: 1\n", JSONL},
		{"rss", "x", `<?xml version="1.0"?><!-- c --><rss version="2.0">`, Feed},
		{"atom", "x.html", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", Feed},
		{"rdf", "x", "<?xml version='1.0'?>\n<rdf:RDF xmlns:rdf='x'>", Feed},
		{"doctype html", "x.xml", "<!DOCTYPE html>\n<p>hi", HTML},
		{"html root", "x", "\ufeff<html><body>", HTML},
		{"xhtml", "x", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><html>`, HTML},
		{"fragment", "x", "<p>Hello</p>", HTML},
		{"other xml", "x", `<?xml version="1.0"?><Validation>`, XML},
		{"text", "x.html", "Headline\n\nBody.", Text},
		{"empty", "x", "", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(tt.file, []byte(tt.data)); got != tt.want {
				t.Errorf("Sniff = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	const want = "Café owners protest new “terrace tax”"
	tests := []struct {
		file    string
		enc     Encoding
		errAt   int // byte offset of the error, -1 for none
		wantPre string
	}{
		{"testdata/bom.txt", UTF8BOM, -1, want},
		{"testdata/utf16le.txt", UTF16LE, -1, want},
		{"testdata/utf16be.txt", UTF16BE, -1, want},
		{"testdata/cp1252.txt", Windows1252, -1, want},
		{"testdata/dump.txt", UTF8, -1, "Harbour authority"},
		{"testdata/invalid.txt", UTF8, 182, ""},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			s, enc, err := Decode(tt.file, testfile.Read(t, tt.file))
			if tt.errAt >= 0 {
				var ee *EncodingError
				if !errors.As(err, &ee) || ee.Offset != tt.errAt || !errors.Is(err, ErrEncoding) {
					t.Fatalf("err = %v, want an EncodingError at %d", err, tt.errAt)
				}
				if msg := err.Error(); !strings.Contains(msg, tt.file) || !strings.Contains(msg, fmt.Sprint(tt.errAt)) {
					t.Errorf("error %q does not name the file and offset", msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc || !strings.HasPrefix(s, tt.wantPre) || !utf8.ValidString(s) {
				t.Errorf("got %s %.40q, want %s %q", enc, s, tt.enc, tt.wantPre)
			}
		})
	}
	for _, tt := range []struct {
		name string
		data string
		at   int
	}{
		{"NUL byte", "abc\x00def", 3},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00", 0},
		{"odd UTF-16", "\xff\xfea\x00b", 4},
		{"lone surrogate", "\xff\xfea\x00\x00\xd8b\x00", 4},
		{"undefined Windows-1252 byte", "caf\xe9 \x81", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode("in", []byte(tt.data))
			var ee *EncodingError
			if !errors.As(err, &ee) || ee.Offset != tt.at {
				t.Errorf("err = %v, want offset %d", err, tt.at)
			}
		})
	}
}

func TestReadBytes(t *testing.T) {
	tests := []struct {
		file   string
		titles []string
		errs   []string // substrings of the errors, in order
	}{
		{"testdata/dump.txt", []string{"Harbour authority approves expansion of northern container terminal", "Farmers warn of losses as late frost hits orchards"}, nil},
		{"testdata/page.html", []string{"Rail workers vote to end strike after pay deal"}, nil},
		{"testdata/feed.rss", []string{"Library reopens after two-year renovation", "Bus fares frozen for another year"}, []string{"testdata/feed.rss#3: item has no content"}},
		{"testdata/feed.atom", []string{"Ferry service to the islands resumes"}, nil},
		{"testdata/broken.rss", nil, []string{"testdata/broken.rss:6:"}},
		{"testdata/sample.warc", []string{"Rail workers vote to end strike after pay deal", "Museum returns carved panels to temple"}, nil},
		{"testdata/sample.warc.gz", []string{"Rail workers vote to end strike after pay deal", "Museum returns carved panels to temple"}, nil},
		{"testdata/truncated.warc", []string{"Rail workers vote to end strike after pay deal"}, []string{"testdata/truncated.warc: offset 3613: warc: record truncated"}},
		{"testdata/docs.jsonl", []string{"Library reopens", "", ""}, []string{"testdata/docs.jsonl:4:", "testdata/docs.jsonl:5:", "testdata/docs.jsonl:6:"}},
		{"testdata/utf16le.txt", []string{"Café owners protest new “terrace tax”"}, nil},
		{"testdata/cp1252.txt", []string{"Café owners protest new “terrace tax”"}, nil},
		{"testdata/invalid.txt", nil, []string{"testdata/invalid.txt: byte offset 182"}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			docs, errs := ReadBytes(tt.file, testfile.Read(t, tt.file))
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Title)
				checkDoc(t, d)
			}
			if fmt.Sprint(titles) != fmt.Sprint(tt.titles) {
				t.Errorf("titles %q, want %q", titles, tt.titles)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %v, want %d", errs, len(tt.errs))
			}
			for i, e := range errs {
				if !strings.Contains(e.Error(), tt.errs[i]) {
					t.Errorf("error %q does not contain %q", e, tt.errs[i])
				}
			}
			if len(docs) > 1 && docs[0].Source == docs[1].Source {
				t.Errorf("two documents with source %q", docs[0].Source)
			}
		})
	}
}

// checkDoc checks the invariants of every read document.
func checkDoc(t testing.TB, d *doc.Doc) {
	t.Helper()
	switch {
	case d.ID == "" || d.Source == "":
		t.Errorf("document without id or source: %+v", d)
	case strings.TrimSpace(d.Text) == "":
		t.Errorf("%s: empty text", d.Source)
	case !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.Byline):
		t.Errorf("%s: invalid UTF-8", d.Source)
	case d.Title != strings.TrimSpace(d.Title):
		t.Errorf("%s: untrimmed title %q", d.Source, d.Title)
	}
}

func TestReadBytesFields(t *testing.T) {
	docs, _ := ReadBytes("testdata/sample.warc", testfile.Read(t, "testdata/sample.warc"))
	if len(docs) != 2 {
		t.Fatalf("got %d docs", len(docs))
	}
	d := docs[0]
	if d.URL != "https://courier.example.org/news/rail-strike-ends" || !d.Date.Equal(time.Date(2024, 5, 14, 10, 0, 2, 0, time.UTC)) ||
		d.Byline != "Priya Natarajan" || d.Source != "testdata/sample.warc#1" {
		t.Errorf("WARC doc fields: url %q date %v byline %q source %q", d.URL, d.Date, d.Byline, d.Source)
	}
	if !strings.HasPrefix(d.Text, "Rail workers have voted") || strings.Contains(d.Text, "Most read") || strings.Contains(d.Text, "rights reserved") {
		t.Errorf("WARC page text is not the article alone: %q", d.Text)
	}
	if !strings.Contains(docs[1].Text, "“We are glad they are going home,” the museum’s director") {
		t.Errorf("Windows-1252 page not decoded: %q", docs[1].Text)
	}

	docs, _ = ReadBytes("testdata/docs.jsonl", testfile.Read(t, "testdata/docs.jsonl"))
	if docs[1].ID != "cour-0002" || docs[1].Text != "  Bus fares will stay at their current level, the authority said.  " {
		t.Errorf("JSONL id or text changed: %q %q", docs[1].ID, docs[1].Text)
	}
	if docs[0].Text != "The central library reopened its doors on Monday.\nIt had been closed for two years." ||
		!docs[0].Date.Equal(time.Date(2024, 5, 13, 0, 0, 0, 0, time.UTC)) || docs[0].URL == "" {
		t.Errorf("JSONL fields: %+v", docs[0])
	}

	// The same article from a file and from an archive gets the same id.
	page, _ := ReadBytes("page.html", testfile.Read(t, "testdata/page.html"))
	if page[0].ID != d.ID {
		t.Errorf("page id %s, archived page id %s", page[0].ID, d.ID)
	}
}

func TestReadBytesFailures(t *testing.T) {
	tests := []struct {
		name, data string
		want       error
	}{
		{"empty", "", ErrNoDocument},
		{"blank", "\n \n", ErrNoDocument},
		{"table", "newid\tdate\ttitle\n1\t26-FEB-1987\tBAHIA COCOA REVIEW\n4\t26-FEB-1987\tTALKING POINT\n", ErrTable},
		{"unknown xml", `<?xml version="1.0"?><Sentences><Sentence/></Sentences>`, ErrXML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := ReadBytes("in", []byte(tt.data))
			if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], tt.want) {
				t.Errorf("got %d docs, errors %v; want %v", len(docs), errs, tt.want)
			}
		})
	}
	var gz bytes.Buffer
	gz.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0})
	if _, errs := ReadBytes("x.gz", gz.Bytes()); len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "x.gz: gzip:") {
		t.Errorf("broken gzip: %v", errs)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dump := string(testfile.Read(t, "testdata/dump.txt"))
	write("b/dump.txt", dump)
	write("a/copy.txt", dump) // exact duplicates of both articles
	write("a/edited.txt", strings.Replace(strings.Replace(dump, "on Tuesday", "on Tuesday evening", 1), "1,200", "1,300", 1))
	write("c/bad.jsonl", "{\"id\":\"x\",\"text\":\"ok\"}\nnot json\n")
	write(".hidden/skip.txt", "Never read\n\nThis file is hidden.")
	write("d/invalid.txt", "caf\xc3 \xc3\xa9")
	stdin := strings.NewReader(`{"id":"s1","text":"From standard input."}`)

	var got []*doc.Doc
	sum, err := Walk(context.Background(), []string{dir, "-", "testdata/feed.atom"}, Options{Stdin: stdin, Dedup: true}, func(d *doc.Doc) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, d := range got {
		sources = append(sources, strings.TrimPrefix(d.Source, dir+"/"))
	}
	want := []string{"a/copy.txt#1", "a/copy.txt#2", "a/edited.txt#1", "c/bad.jsonl", "-", "testdata/feed.atom#1"}
	if fmt.Sprint(sources) != fmt.Sprint(want) {
		t.Errorf("sources %q, want %q", sources, want)
	}
	if got[2].DuplicateOf != got[0].ID || got[0].DuplicateOf != "" || got[1].DuplicateOf != "" {
		t.Errorf("edited copy: DuplicateOf %q, want %q", got[2].DuplicateOf, got[0].ID)
	}
	// a/edited.txt#2 is the same text as a/copy.txt#2: merged.
	if sum.Inputs != 7 || sum.Docs != len(got) || sum.Duplicates != 3 || sum.NearDuplicates != 1 {
		t.Errorf("summary %+v", sum)
	}
	var merged []string
	for _, m := range sum.Merged {
		merged = append(merged, strings.TrimPrefix(m.Source, dir+"/")+"="+m.Of)
	}
	wantMerged := []string{"a/edited.txt#2=" + got[1].ID, "b/dump.txt#1=" + got[0].ID, "b/dump.txt#2=" + got[1].ID}
	if fmt.Sprint(merged) != fmt.Sprint(wantMerged) {
		t.Errorf("merged %q, want %q", merged, wantMerged)
	}
	var failed []string
	for _, f := range sum.Failures {
		failed = append(failed, strings.TrimPrefix(f.Input, dir+"/"))
	}
	if fmt.Sprint(failed) != fmt.Sprint([]string{"c/bad.jsonl:2", "d/invalid.txt"}) {
		t.Errorf("failures %q", failed)
	}

	// emit's error stops the walk
	stop := errors.New("stop")
	n := 0
	_, err = Walk(context.Background(), []string{dir}, Options{}, func(*doc.Doc) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("emit error: err %v after %d docs", err, n)
	}
	// a missing input is a failure, not an error
	sum, err = Walk(context.Background(), []string{filepath.Join(dir, "missing")}, Options{}, func(*doc.Doc) error { return nil })
	if err != nil || len(sum.Failures) != 1 || !errors.Is(sum.Failures[0].Err, os.ErrNotExist) {
		t.Errorf("missing input: %v %+v", err, sum)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Walk(ctx, []string{dir}, Options{}, func(*doc.Doc) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled walk: %v", err)
	}
}

// TestWalkReuters reads the Reuters sample directory: every story is one
// document with its title, index.tsv is reported as a failure, and the
// repeated stories are merged or flagged.
func TestWalkReuters(t *testing.T) {
	dir := devdata.Path(t, "news/reuters21578-plaintext-sample")
	titles := map[string]string{}
	for _, l := range strings.Split(string(testfile.Read(t, filepath.Join(dir, "index.tsv"))), "\n")[1:] {
		if p := strings.Split(l, "\t"); len(p) == 3 {
			titles["reuters21578-"+p[0]+".txt"] = p[2]
		}
	}
	byID := map[string]*doc.Doc{}
	var manila []*doc.Doc
	sum, err := Walk(context.Background(), []string{dir}, Options{Dedup: true}, func(d *doc.Doc) error {
		checkDoc(t, d)
		if want := titles[filepath.Base(d.Source)]; d.Title != want {
			t.Errorf("%s: title %q, want %q", d.Source, d.Title, want)
		}
		byID[d.ID] = d
		if d.Title == "MANILA SAID TO OFFER DEBT BONDS TO BANKS" {
			manila = append(manila, d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Failures) != 1 || !errors.Is(sum.Failures[0].Err, ErrTable) {
		t.Errorf("failures %v, want index.tsv as a table", sum.Failures)
	}
	if sum.Docs+sum.Duplicates != len(titles) {
		t.Errorf("%d docs + %d duplicates, want %d stories", sum.Docs, sum.Duplicates, len(titles))
	}
	// The three MANILA stories: one first, the others merged or flagged
	// as its duplicates.
	if len(manila) == 0 || manila[0].DuplicateOf != "" {
		t.Fatalf("MANILA stories: %d, first flagged %q", len(manila), manila[0].DuplicateOf)
	}
	for _, d := range manila[1:] {
		if d.DuplicateOf != manila[0].ID {
			t.Errorf("%s: DuplicateOf %q, want %q", d.Source, d.DuplicateOf, manila[0].ID)
		}
	}
	if len(manila)+sumExactOf(t, dir, "MANILA SAID TO OFFER DEBT BONDS TO BANKS") != 3 {
		t.Errorf("MANILA: %d emitted", len(manila))
	}
	// every flagged document points to an emitted one with the same title
	// (the Reuters sample repeats stories under the same headline, with one
	// exception of a headline typo)
	for _, d := range byID {
		if d.DuplicateOf == "" {
			continue
		}
		first := byID[d.DuplicateOf]
		if first == nil {
			t.Errorf("%s: DuplicateOf %s was not emitted", d.Source, d.DuplicateOf)
		} else if !strings.HasPrefix(first.Title, d.Title[:20]) {
			t.Errorf("%s (%q) flagged as a duplicate of %q", d.Source, d.Title, first.Title)
		}
	}
	t.Logf("%d docs, %d exact duplicates, %d near duplicates", sum.Docs, sum.Duplicates, sum.NearDuplicates)
}

// sumExactOf counts the exact duplicates of a title in dir by reading it
// without dedup.
func sumExactOf(t *testing.T, dir, title string) int {
	seen := map[string]bool{}
	dups := 0
	_, err := Walk(context.Background(), []string{dir}, Options{}, func(d *doc.Doc) error {
		if d.Title == title {
			if seen[strings.Join(strings.Fields(d.Text), " ")] {
				dups++
			}
			seen[strings.Join(strings.Fields(d.Text), " ")] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dups
}

func ExampleReadBytes() {
	docs, errs := ReadBytes("example.jsonl", []byte(`{"id":"a1","title":"Talks resume","date":"2024-03-07","text":"Talks resumed on Thursday."}
{"id":"a2"}
`))
	for _, d := range docs {
		fmt.Println(d.ID, d.Date.Format(time.DateOnly), d.Title, "-", d.Text)
	}
	for _, err := range errs {
		fmt.Println(err)
	}
	// Output:
	// a1 2024-03-07 Talks resume - Talks resumed on Thursday.
	// example.jsonl:2: missing "text"
}

func ExampleWalk() {
	sum, err := Walk(context.Background(), []string{"testdata/dump.txt", "testdata/dump.txt"}, Options{Dedup: true}, func(d *doc.Doc) error {
		fmt.Println(d.ID, d.Source, d.Title)
		return nil
	})
	fmt.Println(sum.Inputs, sum.Docs, sum.Duplicates, err)
	// Output:
	// 5c1a7cf51ffaa118 testdata/dump.txt#1 Harbour authority approves expansion of northern container terminal
	// 8922e8f0d1b845cc testdata/dump.txt#2 Farmers warn of losses as late frost hits orchards
	// 2 2 2 <nil>
}

func TestContentID(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Talks resume on Monday.", "  Talks\tresume\n\non Monday.\r\n"},
		{"Café talks", "Cafe\u0301  talks"}, // NFC
		{"a b", "a\u00a0b"},                 // a no-break space is white space
		{"x\x01y z", "x\x01y\n z"},          // control characters are content
	}
	for _, tt := range tests {
		if ContentID("T", tt.a) != ContentID("T ", tt.b) {
			t.Errorf("%q and %q have different ids", tt.a, tt.b)
		}
	}
	if ContentID("T", "a b") == ContentID("T", "ab") || ContentID("T", "x") == ContentID("", "T x") {
		t.Error("different texts share an id")
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("  a  b\tc\n\nd \u00a0e\u2009f ")
	f.Add("Cafe\u0301 x")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		want := strings.Join(strings.Fields(norm.NFC.String(s)), " ")
		if got := string(appendNormalized(nil, s)); got != want {
			t.Fatalf("appendNormalized(%q) = %q, want %q", s, got, want)
		}
	})
}
