package text

import (
	"bufio"
	"github.com/herald-events/herald/internal/testfile"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/herald-events/herald/internal/devdata"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		titles []string
		first  string // start of the first body
		last   string // end of the last body
		byline string
		date   time.Time
	}{
		{
			name:   "dump of two articles",
			in:     readText(t, "../testdata/dump.txt"),
			titles: []string{"Harbour authority approves expansion of northern container terminal", "Farmers warn of losses as late frost hits orchards"},
			first:  "The decision ends two years", // the standfirst stays in the body
			last:   "worst-affected farms.",
		},
		{
			name: "dump with a byline, a date line and a deck",
			in:   readText(t, "../testdata/dump-bylines.txt"),
			titles: []string{"Water company fined over sewage spills into river", "School meals to be free for all primary pupils",
				"Drivers face delays as motorway bridge repairs begin"},
			first: "The regulator said",
			last:  "work at weekends instead.",
		},
		{
			name:   "subheadings do not split an article",
			in:     readText(t, "../testdata/subheads.txt"),
			titles: []string{"City council votes to rebuild the old river bridge"},
			first:  "The city council voted",
			last:   "in the autumn.",
		},
		{
			name:   "no title",
			in:     "The minister said on Monday that talks would resume.\nHe gave no date.\n",
			titles: []string{""},
			first:  "The minister said",
			last:   "He gave no date.",
		},
		{
			name:   "byline and date line",
			in:     "Storm closes mountain pass\r\nBy Jane Doe\r\nMarch 7, 2024\r\n\r\nSnow closed the pass on Thursday.\r\nCrews expect to reopen it on Saturday.\r\n",
			titles: []string{"Storm closes mountain pass"},
			first:  "Snow closed",
			last:   "on Saturday.",
			byline: "Jane Doe",
			date:   time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "dateline with a year gives the date",
			in:     "TALKS RESUME\n\nGENEVA, March 3, 1987 - Talks resumed on Tuesday.\n",
			titles: []string{"TALKS RESUME"},
			first:  "GENEVA, March 3, 1987 - ",
			last:   "on Tuesday.",
			date:   time.Date(1987, 3, 3, 0, 0, 0, 0, time.UTC),
		},
		{
			name: "hard-wrapped paragraphs are units",
			in: "Port strike enters second week\n\nDock workers stayed off the job for a seventh day on Monday as talks\n" +
				"with the employers' federation broke down over pay and the use of\ncontract labour at the main terminal.\n\n" +
				"Union leaders said they would meet again on Wednesday and urged members\nto stay on the picket lines until then.\n",
			titles: []string{"Port strike enters second week"},
			first:  "Dock workers",
			last:   "until then.",
		},
		{name: "one line is a body", in: "Just a headline\n", titles: []string{""}, first: "Just a headline", last: "Just a headline"},
		{
			name: "hard-wrapped text with its title on the first line of a block",
			in: "Port strike enters second week\nDock workers stayed off the job for a seventh day on Monday as talks\n" +
				"with the employers' federation broke down over pay and the use of\ncontract labour at the main terminal.\n",
			titles: []string{"Port strike enters second week"},
			first:  "Dock workers",
			last:   "main terminal.",
		},
		{name: "blank", in: " \n\n\t\n", titles: nil},
		{
			name:   "separator lines",
			in:     "=====\nBridge reopens\nThe bridge reopened on Monday.\n***\nIt had been closed.\n=====\nMarket closes early\nThe market closed early.\n-----\n",
			titles: []string{"Bridge reopens", "Market closes early"},
			first:  "The bridge reopened on Monday.\n***\nIt had been closed.", // a section break
			last:   "The market closed early.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := Split(tt.in)
			if len(arts) != len(tt.titles) {
				t.Fatalf("got %d articles %v, want %d", len(arts), titlesOf(arts), len(tt.titles))
			}
			for i, a := range arts {
				if a.Title != tt.titles[i] {
					t.Errorf("article %d: title %q, want %q", i, a.Title, tt.titles[i])
				}
			}
			if len(arts) == 0 {
				return
			}
			body0 := tt.in[arts[0].Start:arts[0].End]
			if !strings.HasPrefix(body0, tt.first) {
				t.Errorf("first body starts %.40q, want %q", body0, tt.first)
			}
			last := arts[len(arts)-1]
			if body := tt.in[last.Start:last.End]; !strings.HasSuffix(body, tt.last) {
				t.Errorf("last body ends %q, want %q", body[max(0, len(body)-40):], tt.last)
			}
			if arts[0].Byline != tt.byline {
				t.Errorf("byline %q, want %q", arts[0].Byline, tt.byline)
			}
			if !arts[0].Date.Equal(tt.date) {
				t.Errorf("date %v, want %v", arts[0].Date, tt.date)
			}
		})
	}
}

func titlesOf(arts []Article) []string {
	var ts []string
	for _, a := range arts {
		ts = append(ts, a.Title)
	}
	return ts
}

func TestReadBodiesAreVerbatim(t *testing.T) {
	in := readText(t, "../testdata/dump.txt")
	docs := Read(in)
	if len(docs) != 2 {
		t.Fatalf("got %d docs", len(docs))
	}
	for _, d := range docs {
		if !strings.Contains(in, d.Text) || strings.Contains(d.Text, d.Title) {
			t.Errorf("%q: body is not a verbatim part of the input or holds the title", d.Title)
		}
	}
	if strings.Contains(docs[0].Text, "Farmers") || strings.Contains(docs[1].Text, "harbour") {
		t.Error("a body holds text of the other article")
	}
}

func TestSampleDump(t *testing.T) {
	in := string(devdata.ReadFile(t, "news/sample-dump.txt"))
	docs := Read(in)
	want := []string{
		"Sayyed Khamenei slams Muslim states for not cutting ties with 'Israel'",
		"The West and its allies are in trouble with Muslim Liberals",
	}
	if len(docs) != len(want) {
		t.Fatalf("got %d articles, want 2", len(docs))
	}
	for i, d := range docs {
		if d.Title != want[i] {
			t.Errorf("title %d = %q, want %q", i, d.Title, want[i])
		}
		if strings.Contains(d.Text, want[1-i]) {
			t.Errorf("body %d holds the other title", i)
		}
	}
	if !strings.HasPrefix(docs[0].Text, "The Iranian leader urges") {
		t.Errorf("the standfirst is not the start of the first body: %.50q", docs[0].Text)
	}
	if !strings.HasSuffix(docs[0].Text, `"Zionist cancerous tumor."`) || !strings.HasPrefix(docs[1].Text, "A Foreign Policy report") {
		t.Error("the split is not between the two articles")
	}
}

// reuters returns the Reuters sample files and their titles from index.tsv.
func reuters(t testing.TB) (files []string, titles map[string]string) {
	dir := devdata.Path(t, "news/reuters21578-plaintext-sample")
	f, err := os.Open(filepath.Join(dir, "index.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	titles = map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) == 3 {
			name := filepath.Join(dir, "reuters21578-"+p[0]+".txt")
			titles[name] = p[2]
			files = append(files, name)
		}
	}
	if len(files) == 0 {
		t.Fatal("empty index.tsv")
	}
	return files, titles
}

func TestReutersOneArticleEach(t *testing.T) {
	files, titles := reuters(t)
	for _, f := range files {
		arts := Split(readText(t, f))
		if len(arts) != 1 || arts[0].Title != titles[f] {
			t.Errorf("%s: got %q, want one article titled %q", filepath.Base(f), titlesOf(arts), titles[f])
		}
	}
}

// TestReutersRunTogether runs the Reuters stories together, as a scraper
// dump, with and without the blank lines and datelines, and checks that
// the split never invents an article and finds nearly all.
func TestReutersRunTogether(t *testing.T) {
	files, titles := reuters(t)
	var blank, packed, noDateline strings.Builder
	for _, f := range files {
		s := strings.TrimSpace(readText(t, f))
		blank.WriteString(s + "\n\n")
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				packed.WriteString(l + "\n")
				if hasDateline(l) {
					l = l[dateline.FindStringIndex(l)[1]:]
				}
				noDateline.WriteString(l + "\n")
			}
		}
	}
	known := map[string]bool{}
	for _, ti := range titles {
		known[ti] = true
	}
	for _, tt := range []struct {
		name string
		in   string
		min  float64
	}{{"blank lines", blank.String(), 0.98}, {"no blank lines", packed.String(), 0.98}, {"no datelines", noDateline.String(), 0.85}} {
		t.Run(tt.name, func(t *testing.T) {
			arts := Split(tt.in)
			for _, a := range arts {
				if !known[a.Title] {
					t.Errorf("invented article titled %q", a.Title)
				}
			}
			if r := float64(len(arts)) / float64(len(files)); r < tt.min {
				t.Errorf("found %d of %d articles (%.2f < %.2f)", len(arts), len(files), r, tt.min)
			}
			t.Logf("found %d of %d articles", len(arts), len(files))
		})
	}
}

// TestPolNeAROneArticleEach checks that no single article is split, on
// 924 articles from several US publishers (with subheadings, live blogs,
// photo captions and broken lines).
func TestPolNeAROneArticleEach(t *testing.T) {
	files, _ := filepath.Glob(devdata.Path(t, "polnear/data/*/text/*.txt"))
	if len(files) == 0 {
		t.Skip("no PolNeAR texts")
	}
	for _, f := range files {
		if arts := Split(readText(t, f)); len(arts) != 1 {
			t.Errorf("%s: split into %d articles %q", filepath.Base(f), len(arts), titlesOf(arts))
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, name := range []string{"../testdata/dump.txt", "../testdata/subheads.txt", "../testdata/dump-bylines.txt"} {
		f.Add(readText(f, name))
	}
	f.Add("TITLE\n\nLONDON, March 3, 1987 (Reuters) - Body.\n")
	f.Add("A\r\nBy B C\r\n2024-03-07\r\nText.")
	f.Add("=====\nBridge reopens\nThe bridge reopened on Monday.\n***\nIt had been closed.\n=====\nMarket closes early\nThe market closed early. REUTER\n")
	f.Add("Port strike enters second week\nDock workers stayed off the job for a seventh day on Monday as talks\n" +
		"with the employers' federation broke down over pay and the use of\ncontract labour at the main terminal.\n\nUnion leaders said.\n")
	f.Add("CHINA CALLS FOR BETTER TRADE DEAL WITH U.S.\n\nPEKING, March 3 - China called on the U.S. to ease curbs.\nSUGAR QUOTA -- USDA\n\nWASHINGTON, Feb 26 - The U.S. said.\n")
	f.Add("Грузия: выборы\n\nТБИЛИСИ, 3 марта - Выборы прошли спокойно.\n¿Qué pasa?\nEl «gobierno» dijo…\n")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, a := range Split(s) {
			if a.Start < prev || a.End <= a.Start || a.End > len(s) {
				t.Fatalf("bad body range [%d,%d) after %d in %d bytes", a.Start, a.End, prev, len(s))
			}
			prev = a.End
			if strings.TrimSpace(s[a.Start:a.End]) == "" {
				t.Fatal("empty body")
			}
			if a.Title != strings.TrimSpace(a.Title) || a.Byline != strings.TrimSpace(a.Byline) {
				t.Fatalf("untrimmed title %q or byline %q", a.Title, a.Byline)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(s[a.Start:a.End]) || !utf8.ValidString(a.Title)) {
				t.Fatal("invalid UTF-8 cut from valid input")
			}
		}
	})
}

func BenchmarkSplitReuters(b *testing.B) {
	files, _ := reuters(b)
	var sb strings.Builder
	for _, f := range files {
		sb.WriteString(readText(b, f) + "\n")
	}
	s := sb.String()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Split(s)
	}
}

// TestPolNeARRunTogether runs 300 PolNeAR articles together as a dump (a
// title line, then the paragraphs, no blank lines), a hard case: the
// stories are all on the 2016 US campaign, most have no dateline. No
// article may be invented; most must be found.
func TestPolNeARRunTogether(t *testing.T) {
	files, _ := filepath.Glob(devdata.Path(t, "polnear/data/train/text/*.txt"))
	if len(files) < 300 {
		t.Skip("no PolNeAR texts")
	}
	var sb strings.Builder
	titles := map[string]bool{}
	for _, f := range files[:300] {
		head, rest, _ := strings.Cut(strings.TrimSpace(readText(t, f)), "\n")
		// the corpus ends every title with a period; headlines have none
		head = strings.TrimSuffix(strings.TrimSpace(head), ".")
		titles[head] = true
		sb.WriteString(head + "\n")
		for _, l := range strings.Split(rest, "\n") {
			if strings.TrimSpace(l) != "" {
				sb.WriteString(l + "\n")
			}
		}
	}
	arts := Split(sb.String())
	for _, a := range arts {
		if !titles[a.Title] {
			t.Errorf("invented article titled %q", a.Title)
		}
	}
	if len(arts) < 150 {
		t.Errorf("found %d of 300 articles", len(arts))
	}
	t.Logf("found %d of 300 articles", len(arts))
}

func TestSplitBylineDateDeck(t *testing.T) {
	in := readText(t, "../testdata/dump-bylines.txt")
	arts := Split(in)
	if len(arts) != 3 {
		t.Fatalf("got %d articles %q", len(arts), titlesOf(arts))
	}
	if a := arts[1]; a.Byline != "Hannah Ward" || !a.Date.Equal(time.Date(2024, 4, 18, 0, 0, 0, 0, time.UTC)) || !strings.HasPrefix(in[a.Start:], "Every primary school") {
		t.Errorf("second article: byline %q, date %v, body %.30q", a.Byline, a.Date, in[a.Start:a.End])
	}
	if a := arts[2]; !strings.HasPrefix(in[a.Start:], "Night closures will last") {
		t.Errorf("the deck is not the start of the third body: %.30q", in[a.Start:a.End])
	}
}

// readText returns the file at path as a string.
func readText(t testing.TB, path string) string { return string(testfile.Read(t, path)) }
