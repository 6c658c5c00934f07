package segment

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/tokenize"
)

// sentences returns the sentences of text, each as its text from the first
// to the last token, joined by " ‖ ".
func sentences(text string) string {
	d := &doc.Doc{Text: text, Tokens: tokenize.Tokens(text, nil)}
	var parts []string
	for _, s := range Sentences(text, d.Tokens, nil) {
		parts = append(parts, d.SpanText(s))
	}
	return strings.Join(parts, " ‖ ")
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"simple", "He left. She stayed! Why? Nobody knows.", "He left. ‖ She stayed! ‖ Why? ‖ Nobody knows."},
		{"titles", "Mr. Reagan met Gen. Smith. They talked.", "Mr. Reagan met Gen. Smith. ‖ They talked."},
		{"initials", "J. R. R. Tolkien wrote it. It sold.", "J. R. R. Tolkien wrote it. ‖ It sold."},
		{"abbreviation inside", "U.S. officials met Acme Inc. executives on Jan. 5 at 3 p.m. today.", "U.S. officials met Acme Inc. executives on Jan. 5 at 3 p.m. today."},
		{"abbreviation at the end", "He lives in the U.S. The rest left.", "He lives in the U.S. ‖ The rest left."},
		{"abbreviation before name", "It sold to Acme Corp. Chairman Li said so.", "It sold to Acme Corp. Chairman Li said so."},
		{"quote closes after stop", `He said, "We will go." Next day they went.`, `He said, "We will go." ‖ Next day they went.`},
		{"curly quote closes", "She asked: “Why?” Nobody answered.", "She asked: “Why?” ‖ Nobody answered."},
		{"nested quotes", `He said: "They told me 'no.'" Then he left.`, `He said: "They told me 'no.'" ‖ Then he left.`},
		{"question inside quote", `"Why?" he asked.`, `"Why?" he asked.`},
		{"bracket closes", "(He left early.) Then it rained.", "(He left early.) ‖ Then it rained."},
		{"ellipsis", "We waited... Nothing came... and then it did.", "We waited... ‖ Nothing came... and then it did."},
		{"spaced ellipsis", "We waited . . . Nothing came.", "We waited . . . ‖ Nothing came."},
		{"paragraphs", "Headline without stop\nBody starts here. Ends here.\n\nNext paragraph", "Headline without stop ‖ Body starts here. ‖ Ends here. ‖ Next paragraph"},
		{"wrapped line", "the talks went on and\nthe ministers left.", "the talks went on and\nthe ministers left."},
		{"list", "Steps:\n1. Open it.\n2. Close it.", "Steps: ‖ 1. Open it. ‖ 2. Close it."},
		{"inline list", "Do this. 2. Then that.", "Do this. ‖ 2. Then that."},
		{"decimal and numbers", "It rose 3.5 pct to 1,000. Then fell.", "It rose 3.5 pct to 1,000. ‖ Then fell."},
		{"dateline", "NEW YORK, March 2 - Texaco Inc said it will sell. It gave no price.", "NEW YORK, March 2 - Texaco Inc said it will sell. ‖ It gave no price."},
		{"emoticon stays", "That was great. :) See you.", "That was great. :) ‖ See you."},
		{"brand with exclamation mark", "Yahoo! shares rose. Jeb! was better.", "Yahoo! shares rose. ‖ Jeb! was better."},
		{"exclamation then lower case", "so happy! we went home", "so happy! ‖ we went home"},
		{"no final stop", "no stop at all", "no stop at all"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentences(tt.text); got != tt.want {
				t.Errorf("Sentences(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestStage(t *testing.T) {
	d := &doc.Doc{ID: "x", Text: "Mr. Li left. He said so."}
	s := New()
	if s.Name() != "segment" || s.Requires() != doc.LayerTokens || s.Provides() != doc.LayerSentences {
		t.Fatalf("stage declares %s: %s -> %s", s.Name(), s.Requires(), s.Provides())
	}
	if err := tokenize.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !d.Has(doc.LayerSentences) || len(d.Sents) != 2 || d.Sents[1] != (doc.Span{Start: 4, End: 8}) {
		t.Fatalf("got sentences %v, layers %s", d.Sents, d.Layers())
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
}

// checkSentences verifies that sents cover toks in order without gaps.
func checkSentences(t *testing.T, text string, toks []doc.Token, sents []doc.Span) {
	t.Helper()
	next := int32(0)
	for i, s := range sents {
		if s.Start != next || s.End <= s.Start {
			t.Fatalf("sentence %d is [%d,%d), want start %d, non-empty, in %q", i, s.Start, s.End, next, text)
		}
		next = s.End
	}
	if int(next) != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens in %q", next, len(toks), text)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"He left. She stayed!", "Mr. Li. U.S. The", `"No." he said. 'Yes.'` + "\n\nNext", "a . . . b", "1. a\n2. b",
		"…”’)] x", "?!?! :) ;)", "\xff. \xfe.", "\r\n\u2029",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize.Tokens(text, nil)
		checkSentences(t, text, toks, Sentences(text, toks, nil))
	})
}

func benchmarkSegment(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var toks []doc.Token
	var sents []doc.Span
	for b.Loop() {
		toks = tokenize.Tokens(text, toks[:0])
		sents = Sentences(text, toks, sents[:0])
	}
}

// BenchmarkTokenizeSegmentNews measures tokenize+segment together.
func BenchmarkTokenizeSegmentNews(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkSegment(b, string(data))
}

func reuters(tb testing.TB) string {
	return devdata.Concat(tb, "news", "reuters21578-plaintext-sample", "*.txt")
}

// BenchmarkTokenizeSegmentReuters measures tokenize+segment on the Reuters
// plain-text sample.
func BenchmarkTokenizeSegmentReuters(b *testing.B) { benchmarkSegment(b, reuters(b)) }

// TestReuters checks the splitter on real wire copy: every sentence covers
// its tokens, and the abbreviations of the text do not end sentences.
func TestReuters(t *testing.T) {
	text := reuters(t)
	toks := tokenize.Tokens(text, nil)
	sents := Sentences(text, toks, nil)
	checkSentences(t, text, toks, sents)
	d := &doc.Doc{Text: text, Tokens: toks, Sents: sents}
	for _, s := range sents {
		last := d.TokenText(int(s.End) - 1)
		if k := tokenize.Abbrev(last); k == tokenize.AbbrevTitle {
			t.Errorf("sentence ends with the title %q: %q", last, d.SpanText(s))
		}
	}
	if len(sents) < 2500 {
		t.Errorf("only %d sentences in the Reuters sample", len(sents))
	}
}
