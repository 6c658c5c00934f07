package warc

import (
	"errors"
	"github.com/herald-events/herald/internal/testfile"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestRead(t *testing.T) {
	docs, errs := Read("s.warc", testfile.Read(t, "../testdata/sample.warc"))
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("got %d docs, errors %v", len(docs), errs)
	}
	want := []struct {
		source, url, title string
		date               time.Time
	}{
		{"s.warc#1", "https://courier.example.org/news/rail-strike-ends", "Rail workers vote to end strike after pay deal", time.Date(2024, 5, 14, 10, 0, 2, 0, time.UTC)},
		{"s.warc#2", "https://museum.example.com/news/panels-returned", "Museum returns carved panels to temple", time.Date(2024, 5, 14, 10, 5, 0, 0, time.UTC)},
	}
	for i, d := range docs {
		w := want[i]
		if d.Source != w.source || d.URL != w.url || d.Title != w.title || !d.Date.Equal(w.date) {
			t.Errorf("doc %d: %q %q %q %v, want %+v", i, d.Source, d.URL, d.Title, d.Date, w)
		}
	}
}

func TestReadTruncated(t *testing.T) {
	full := testfile.Read(t, "../testdata/sample.warc")
	docs, errs := Read("t.warc", testfile.Read(t, "../testdata/truncated.warc"))
	if len(docs) != 1 || len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) {
		t.Fatalf("got %d docs, errors %v", len(docs), errs)
	}
	// the error gives the offset of the record that is cut
	last := strings.LastIndex(string(full[:len(testfile.Read(t, "../testdata/truncated.warc"))]), "WARC/1.1")
	if !strings.HasPrefix(errs[0].Error(), "t.warc: offset ") || !strings.Contains(errs[0].Error(), " "+itoa(last)+":") {
		t.Errorf("error %q, want offset %d", errs[0], last)
	}
	for _, cut := range []int{10, 100, 600, 2000, len(full) - 3} {
		_, errs := Read("t.warc", full[:cut])
		at := strings.LastIndex(string(full[:cut]), "WARC/1.1")
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "t.warc: offset "+itoa(at)+": warc:") {
			t.Errorf("cut at %d: errors %v, want one at offset %d", cut, errs, at)
		}
	}
}

func itoa(n int) string {
	var b []byte
	for n >= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(append([]byte{byte('0' + n)}, b...))
}

func TestReadGarbage(t *testing.T) {
	_, errs := Read("g.warc", []byte("WARC/1.1\r\nthis is not a header\r\n\r\n"))
	if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), "g.warc: offset 0:") {
		t.Errorf("errors %v", errs)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(testfile.Read(f, "../testdata/sample.warc"))
	f.Add(testfile.Read(f, "../testdata/truncated.warc"))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, errs := Read("f", b)
		for _, d := range docs {
			if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !strings.HasPrefix(d.Source, "f#") {
				t.Fatalf("bad doc %+v", d)
			}
		}
		for _, err := range errs {
			if !strings.HasPrefix(err.Error(), "f: ") {
				t.Fatalf("error %q does not name the input", err)
			}
		}
	})
}

func TestReadResource(t *testing.T) {
	page := "<html><head><title>Orchard harvest begins</title></head><body><article><p>" +
		strings.Repeat("Pickers began the apple harvest on Monday, two weeks later than usual after a cold spring. ", 5) +
		"</p></article></body></html>"
	rec := func(typ, ct, body string) string {
		return "WARC/1.1\r\nWARC-Type: " + typ + "\r\nWARC-Record-ID: <urn:uuid:1f0e2d3c-4b5a-4968-8776-a5b4c3d2e1f0>\r\n" +
			"WARC-Date: 2024-09-02T08:00:00Z\r\nWARC-Target-URI: https://farm.example.org/harvest\r\n" +
			"Content-Type: " + ct + "\r\nContent-Length: " + itoa(len(body)) + "\r\n\r\n" + body + "\r\n\r\n"
	}
	data := rec("resource", "text/html; charset=utf-8", page) + rec("resource", "image/jpeg", "\xff\xd8\xff")
	docs, errs := Read("r.warc", []byte(data))
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("got %d docs, errors %v", len(docs), errs)
	}
	if d := docs[0]; d.Title != "Orchard harvest begins" || d.URL != "https://farm.example.org/harvest" || !strings.HasPrefix(d.Text, "Pickers began") {
		t.Errorf("doc %q %q %.20q", d.Title, d.URL, d.Text)
	}
}
