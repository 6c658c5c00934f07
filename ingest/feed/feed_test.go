package feed

import (
	"github.com/herald-events/herald/internal/testfile"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestRead(t *testing.T) {
	type item struct{ source, title, url, byline, text string }
	tests := []struct {
		file  string
		items []item
		dates []time.Time
		errs  []string
	}{
		{
			file: "../testdata/feed.rss",
			items: []item{
				{"rss#1", "Library reopens after two-year renovation", "https://courier.example.org/news/library-reopens", "Sam Whitfield",
					"The central library reopened its doors on Monday after a two-year renovation that added a children's wing and a roof garden.\n\n“We wanted a building that welcomes everyone,” chief librarian Rosa Lind said."},
				{"rss#2", "Bus fares frozen for another year", "https://courier.example.org/news/bus-fares", "",
					"Bus fares in the region will stay at their current level until next spring, the transport authority said on Sunday. The freeze will cost about 3 million."},
			},
			dates: []time.Time{time.Date(2024, 5, 13, 8, 0, 0, 0, time.UTC), time.Date(2024, 5, 12, 17, 45, 0, 0, time.UTC)},
			errs:  []string{"rss#3: item has no content"},
		},
		{
			file: "../testdata/feed.atom",
			items: []item{{"rss#1", "Ferry service to the islands resumes", "https://harbour.example.net/ferry-resumes", "Lena Brandt",
				"Ferries to the outer islands resumed on Wednesday after repairs to the main pier were completed ahead of schedule.\n\nThe operator said the first sailing left at 6 a.m. with 140 passengers."}},
			dates: []time.Time{time.Date(2024, 5, 15, 6, 30, 0, 0, time.UTC)},
		},
		{file: "../testdata/broken.rss", errs: []string{"rss:6:20: feed: XML syntax error"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, errs := Read("rss", testfile.Read(t, tt.file))
			if len(docs) != len(tt.items) || len(errs) != len(tt.errs) {
				t.Fatalf("got %d docs, errors %v", len(docs), errs)
			}
			for i, d := range docs {
				got := item{d.Source, d.Title, d.URL, d.Byline, d.Text}
				if got != tt.items[i] {
					t.Errorf("item %d:\n got %q\nwant %q", i, got, tt.items[i])
				}
				if !d.Date.Equal(tt.dates[i]) {
					t.Errorf("item %d: date %v, want %v", i, d.Date, tt.dates[i])
				}
			}
			for i, err := range errs {
				if !strings.HasPrefix(err.Error(), tt.errs[i]) {
					t.Errorf("error %q, want prefix %q", err, tt.errs[i])
				}
			}
		})
	}
}

func TestReadTruncatedFeed(t *testing.T) {
	b := testfile.Read(t, "../testdata/feed.rss")
	_, errs := Read("cut.rss", b[:len(b)/2])
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "cut.rss:") || !strings.Contains(errs[0].Error(), "EOF") {
		t.Errorf("errors %v", errs)
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"../testdata/feed.rss", "../testdata/feed.atom", "../testdata/broken.rss"} {
		f.Add(testfile.Read(f, name))
	}
	f.Add([]byte(`<rss><channel><item><description>&lt;b&gt;x</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, errs := Read("f", b)
		if len(docs) == 0 && len(errs) == 0 {
			t.Fatal("no document and no error")
		}
		for _, d := range docs {
			if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
				t.Fatalf("bad text %q or title %q", d.Text, d.Title)
			}
			if !strings.HasPrefix(d.Source, "f#") {
				t.Fatalf("source %q", d.Source)
			}
		}
	})
}
