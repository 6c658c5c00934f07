package tokenize

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/internal/devdata"
)

// split returns the token texts of text joined by " | ".
func split(text string) string {
	var parts []string
	for _, t := range Tokens(text, nil) {
		parts = append(parts, text[t.Start:t.End])
	}
	return strings.Join(parts, " | ")
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"plain", "The talks stalled.", "The | talks | stalled | ."},
		{"titles", "Mr. Reagan met Gen. Smith and Dr. Lee.", "Mr. | Reagan | met | Gen. | Smith | and | Dr. | Lee | ."},
		{"dotted abbreviations", "The U.S. and U.K. officials met at 3 p.m. today.", "The | U.S. | and | U.K. | officials | met | at | 3 | p.m. | today | ."},
		{"abbreviation ends sentence", "He lives in the U.S. The rest left.", "He | lives | in | the | U.S | . | The | rest | left | ."},
		{"abbreviation at end of text", "We met at 5 p.m.", "We | met | at | 5 | p.m | ."},
		{"abbreviation before a name", "Acme Inc. Chairman Bo Li quit.", "Acme | Inc. | Chairman | Bo | Li | quit | ."},
		{"month", "On Jan. 5 it fell.", "On | Jan. | 5 | it | fell | ."},
		{"number abbreviation", "No. 5 won. I said no.", "No. | 5 | won | . | I | said | no | ."},
		{"initials", "J. R. R. Tolkien wrote it.", "J. | R. | R. | Tolkien | wrote | it | ."},
		{"numbers", "It cost $4.5bn, 1,000 dlrs, 3.5 pct or -2.5%.", "It | cost | $ | 4.5 | bn | , | 1,000 | dlrs | , | 3.5 | pct | or | - | 2.5 | % | ."},
		{"times and dates", "At 10:30am on 9/11/2001 and 5pm.", "At | 10:30 | am | on | 9/11/2001 | and | 5 | pm | ."},
		{"ordinals and decades", "The 3rd time in the 1980s.", "The | 3rd | time | in | the | 1980s | ."},
		{"ellipsis", "Wait... what? Well…", "Wait | ... | what | ? | Well | …"},
		{"inner ellipsis", "wait...what", "wait | ... | what"},
		{"straight quotes", `He said "no." Then 'yes'.`, `He | said | " | no | . | " | Then | ' | yes | ' | .`},
		{"curly quotes", "“Why?” she asked. ‘Fine’", "“ | Why | ? | ” | she | asked | . | ‘ | Fine | ’"},
		{"dashes", "war -- and peace—again – now", "war | -- | and | peace | — | again | – | now"},
		{"brackets", "(see [1] and {x})", "( | see | [ | 1 | ] | and | { | x | } | )"},
		{"url and e-mail", "See http://example.com/a?b=1, www.example.org. Mail a.b@example.com.", "See | http://example.com/a?b=1 | , | www.example.org | . | Mail | a.b@example.com | ."},
		{"handles and hashtags", "@herald posts #news daily", "@herald | posts | #news | daily"},
		{"negation", "I don't know, can't won't isn't.", "I | do | n't | know | , | ca | n't | wo | n't | is | n't | ."},
		{"curly negation", "They don’t.", "They | do | n’t | ."},
		{"clitics", "I'm sure they're here; we've seen Iran's and I'll go, he'd say.", "I | 'm | sure | they | 're | here | ; | we | 've | seen | Iran | 's | and | I | 'll | go | , | he | 'd | say | ."},
		{"plural possessive", "the countries' actions", "the | countries | ' | actions"},
		{"one-word contractions", "I cannot, gonna, wanna, gotta, dont, im", "I | can | not | , | gon | na | , | wan | na | , | got | ta | , | do | nt | , | i | m"},
		{"names with apostrophes", "O'Brien read the Qur'an in the '90s.", "O'Brien | read | the | Qur'an | in | the | '90s | ."},
		{"hyphenated compounds", "a long-term, well-known al-Qaeda plan", "a | long | - | term | , | well | - | known | al | - | Qaeda | plan"},
		{"hyphenated prefixes", "an e-mail on non-profit co-workers", "an | e-mail | on | non-profit | co-workers"},
		{"phone numbers and ranges", "Call 713-853-3989 in 1969-1970.", "Call | 713-853-3989 | in | 1969 | - | 1970 | ."},
		{"slashes", "and/or w/o 3/4", "and | / | or | w/o | 3/4"},
		{"ampersand", "AT&T and S&P rose & fell", "AT&T | and | S&P | rose | & | fell"},
		{"tickers", "Texaco Inc <TX> said", "Texaco | Inc | < | TX | > | said"},
		{"dateline", "NEW YORK, March 2 - Texaco said", "NEW | YORK | , | March | 2 | - | Texaco | said"},
		{"emoticon", "great :) really", "great | :) | really"},
		{"multiple stops", "Really?! Yes!!!", "Really | ?! | Yes | !!!"},
		{"abbreviation before comma", "Acme Inc., the maker", "Acme | Inc. | , | the | maker"},
		{"abbreviation in hyphen compound", "the U.K.-U.S. effort", "the | U.K. | - | U.S. | effort"},
		{"decades with apostrophe", "in the 60's and 1590's", "in | the | 60's | and | 1590's"},
		{"ranges of times", "from 2pm-5pm", "from | 2 | pm | - | 5 | pm"},
		{"international phone", "call +44 20 7484", "call | +44 | 20 | 7484"},
		{"state in dateline", "PONCHATOULA, La. -- Deputies", "PONCHATOULA | , | La. | -- | Deputies"},
		{"title at the end", "a letter from their atty.", "a | letter | from | their | atty | ."},
		{"abbreviation and sentence stop", "It went to CCNG, Inc..", "It | went | to | CCNG | , | Inc. | ."},
		{"masked e-mail and domain", "Mail franz...@gmail.com or @example.com", "Mail | franz...@gmail.com | or | @example.com"},
		{"address after a name", `Julie"<julie...@example.net>`, `Julie | " | < | julie...@example.net | >`},
		{"extension", "call 3-5213 now", "call | 3-5213 | now"},
		{"non-ASCII letters", "Müller met Zoë in Zürich.", "Müller | met | Zoë | in | Zürich | ."},
		{"non-breaking space", "10\u00a0000 people", "10 | 000 | people"},
		{"empty", "", ""},
		{"spaces only", " \t\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := split(tt.text); got != tt.want {
				t.Errorf("Tokens(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestSpaceAfter(t *testing.T) {
	text := "Iran's leader said:  \"no\"\n"
	var got []string
	for _, tok := range Tokens(text, nil) {
		s := text[tok.Start:tok.End]
		if tok.SpaceAfter {
			s += "_"
		}
		got = append(got, s)
	}
	want := `Iran 's_ leader_ said :_ " no "_`
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
}

func TestJoined(t *testing.T) {
	tests := []struct {
		text string
		want []bool // for each token after the first
	}{
		{"don't", []bool{true}},
		{"Iran's", []bool{true}},
		{"cannot", []bool{true}},
		{"gonna go", []bool{true, false}},
		{"the U.S. 's", []bool{false, false}},
		{"a-b", []bool{false, false}},
		{"I'm", []bool{true}},
	}
	for _, tt := range tests {
		toks := Tokens(tt.text, nil)
		if len(toks) != len(tt.want)+1 {
			t.Errorf("%q: %d tokens, want %d", tt.text, len(toks), len(tt.want)+1)
			continue
		}
		for i, w := range tt.want {
			if got := Joined(tt.text, toks[i], toks[i+1]); got != w {
				t.Errorf("%q: Joined(%q, %q) = %v, want %v", tt.text, tt.text[toks[i].Start:toks[i].End], tt.text[toks[i+1].Start:toks[i+1].End], got, w)
			}
		}
	}
}

func TestAbbrev(t *testing.T) {
	tests := []struct {
		word string
		want AbbrevKind
	}{
		{"Mr.", AbbrevTitle}, {"GEN.", AbbrevTitle}, {"Inc.", AbbrevGeneral}, {"U.S.", AbbrevGeneral},
		{"e.g.", AbbrevGeneral}, {"Jan.", AbbrevDate}, {"jan.", NotAbbrev}, {"No.", AbbrevNumber},
		{"J.", AbbrevInitial}, {"said.", NotAbbrev}, {"example.com.", NotAbbrev}, {".", NotAbbrev}, {"Mr", NotAbbrev},
	}
	for _, tt := range tests {
		if got := Abbrev(tt.word); got != tt.want {
			t.Errorf("Abbrev(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestStage(t *testing.T) {
	d := &doc.Doc{ID: "x", Text: "Mr. Li left. He said so."}
	s := New()
	if s.Name() != "tokenize" || s.Requires() != 0 || s.Provides() != doc.LayerTokens {
		t.Fatalf("stage declares %s: %s -> %s", s.Name(), s.Requires(), s.Provides())
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !d.Has(doc.LayerTokens) || len(d.Tokens) != 8 {
		t.Fatalf("got %d tokens, layers %s", len(d.Tokens), d.Layers())
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
}

// checkTokens verifies the invariants of the tokens of text.
func checkTokens(t *testing.T, text string, toks []doc.Token) {
	t.Helper()
	prev := int32(0)
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || int(tok.End) > len(text) {
			t.Fatalf("token %d has bad span [%d,%d) after %d in %q", i, tok.Start, tok.End, prev, text)
		}
		w := text[tok.Start:tok.End]
		for _, r := range w {
			if isSpaceRune(r) {
				t.Fatalf("token %d %q holds white space in %q", i, w, text)
			}
		}
		// everything between tokens is white space
		for _, r := range text[prev:tok.Start] {
			if !isSpaceRune(r) {
				t.Fatalf("text %q before token %d is dropped in %q", text[prev:tok.Start], i, text)
			}
		}
		next := len(text)
		if i+1 < len(toks) {
			next = int(toks[i+1].Start)
		}
		if want := int(tok.End) < next; tok.SpaceAfter != want {
			t.Fatalf("token %d %q: SpaceAfter %v, want %v in %q", i, w, tok.SpaceAfter, want, text)
		}
		prev = tok.End
	}
	for _, r := range text[prev:] {
		if !isSpaceRune(r) {
			t.Fatalf("text %q after the last token is dropped in %q", text[prev:], text)
		}
	}
}

func TestInvariantsOnNews(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	toks := Tokens(text, nil)
	checkTokens(t, text, toks)
	if len(toks) < 200 {
		t.Errorf("only %d tokens", len(toks))
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"Mr. Reagan said \"no.\" Then he left...", "U.S.-led", "don't I'm can't", "$4.5bn 1,000 3:30",
		"http://x.y/z?a=1 a@b.c @h #t", "''“‘’”«»", "a--b—c", "<<>>**~~", ":) :-(", "\u00a0\u2003x\ufeff",
		"’90s o'clock n't 'sn't", "\xff\xfe invalid \xc3", "No. 5 Jan. J. R.", "a.b.c. e.g. etc.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokens(text, nil)
		checkTokens(t, text, toks)
		if !utf8.ValidString(text) {
			return
		}
		for _, tok := range toks {
			w := text[tok.Start:tok.End]
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsSpace(r) {
				t.Fatalf("token %q starts with space", w)
			}
		}
	})
}

func benchmarkTokens(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var toks []doc.Token
	for b.Loop() {
		toks = Tokens(text, toks[:0])
	}
}

func BenchmarkTokensNews(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkTokens(b, string(data))
}

// reuters returns the Reuters plain-text sample of the shared data,
// concatenated, or skips.
func reuters(tb testing.TB) string {
	return devdata.Concat(tb, "news", "reuters21578-plaintext-sample", "*.txt")
}

func BenchmarkTokensReuters(b *testing.B) { benchmarkTokens(b, reuters(b)) }

func TestInvariantsOnReuters(t *testing.T) {
	text := reuters(t)
	checkTokens(t, text, Tokens(text, nil))
}
