package html

import (
	"errors"
	"github.com/herald-events/herald/internal/testfile"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestRead(t *testing.T) {
	d, err := Read("page.html", testfile.Read(t, "../testdata/page.html"), "", "https://courier.example.org/news/rail")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Rail workers vote to end strike after pay deal" || d.Byline != "Priya Natarajan" ||
		!d.Date.Equal(time.Date(2024, 5, 14, 9, 30, 0, 0, time.UTC)) || d.URL != "https://courier.example.org/news/rail" {
		t.Errorf("metadata: %q %q %v %q", d.Title, d.Byline, d.Date, d.URL)
	}
	paras := strings.Split(d.Text, "\n\n")
	if len(paras) != 5 || !strings.HasPrefix(paras[0], "Rail workers have voted") || !strings.HasPrefix(paras[2], "“This result") {
		t.Errorf("got %d paragraphs: %q", len(paras), paras)
	}
	for _, junk := range []string{"Home", "Most read", "rights reserved", "tracking", "font-family", "By Priya"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text holds page furniture %q", junk)
		}
	}
}

func TestReadCharset(t *testing.T) {
	page := "<html><head><title>Caf\xe9 prices rise</title></head><body><article><p>" +
		strings.Repeat("Prices at the caf\xe9 rose by a fifth this year, the owner said on Monday. ", 8) + "</p></article></body></html>"
	d, err := Read("p", []byte(page), "text/html; charset=iso-8859-1", "")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Café prices rise" || !strings.Contains(d.Text, "at the café rose") {
		t.Errorf("not decoded: %q %q", d.Title, d.Text)
	}
}

func TestReadNoText(t *testing.T) {
	_, err := Read("empty.html", []byte("<html><head><title>Nothing</title></head><body><script>x()</script></body></html>"), "", "")
	if !errors.Is(err, ErrNoText) || !strings.HasPrefix(err.Error(), "empty.html:") {
		t.Errorf("err = %v", err)
	}
}

func TestTextOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain text, no markup.", "Plain text, no markup."},
		{"<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."},
		{"Line<br>break", "Line\nbreak"},
		{"<p>Unclosed <b>bold", "Unclosed bold"},
		{"<script>x()</script><p>Kept</p>", "Kept"},
		{"  \n ", ""},
	}
	for _, tt := range tests {
		if got := TextOf(tt.in); got != tt.want {
			t.Errorf("TextOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(testfile.Read(f, "../testdata/page.html"))
	f.Add([]byte("<p>short</p>"))
	f.Add([]byte("<html><meta charset=utf-16><body><p>\xff\xfe</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read("f", b, "", "")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f:") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.Byline) {
			t.Fatalf("bad doc %+v", d)
		}
	})
}

func TestReadMeta(t *testing.T) {
	body := "<article><p>" + strings.Repeat("The council approved the budget for the coming year after a long debate on Monday. ", 6) + "</p></article>"
	tests := []struct {
		name, head, pageURL, wantURL string
		wantDate                     time.Time
	}{
		{"canonical link and meta date", `<link rel="canonical" href="https://news.example.org/budget"><meta name="pubdate" content="2024-02-01">`, "", "https://news.example.org/budget", time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)},
		{"og:url, time element", `<meta property="og:url" content="https://news.example.org/b2">`, "", "https://news.example.org/b2", time.Date(2024, 2, 2, 9, 0, 0, 0, time.UTC)},
		{"given URL wins, relative canonical ignored", `<link rel="canonical" href="/budget">`, "https://given.example/x", "https://given.example/x", time.Date(2024, 2, 2, 9, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Budget approved</title>" + tt.head + "</head><body><time datetime=\"2024-02-02T09:00:00Z\">2 Feb</time>" + body + "</body></html>"
			d, err := Read("p", []byte(page), "", tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if d.URL != tt.wantURL || !d.Date.Equal(tt.wantDate) {
				t.Errorf("url %q date %v, want %q %v", d.URL, d.Date, tt.wantURL, tt.wantDate)
			}
		})
	}
}
