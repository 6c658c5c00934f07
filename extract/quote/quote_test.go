package quote_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/extract/quote"
	"github.com/herald-events/herald/pipeline"
)

// want is one expected quotation: its kind, words of its content, cue,
// speaker mention and resolved name.
type want struct {
	kind, content, cue, speaker, name string
}

func annotate(t testing.TB, p *pipeline.Pipeline, text string) *doc.Doc {
	t.Helper()
	d := &doc.Doc{ID: "test", Text: text}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestExtract(t *testing.T) {
	p := basicPipeline(t)
	cases := []struct {
		name  string
		text  string
		want  []want
		terms []string
	}{
		{
			name: "direct after attribution",
			text: "Maria Lopez, the mayor of Springfield, spoke on Monday.\nShe said, \"We will rebuild the bridge before winter.\"",
			want: []want{{doc.QuoteDirect, "We will rebuild the bridge before winter.", "said", "She", "Maria Lopez"}},
		},
		{
			name: "curly quote then speaker",
			text: "“The budget is balanced for the first time in a decade,” Finance Minister Paul Okafor told reporters.",
			want: []want{{doc.QuoteDirect, "The budget is balanced for the first time in a decade,", "told", "Finance Minister Paul Okafor", "Paul Okafor"}},
		},
		{
			name: "inverted speaker",
			text: "\"Nobody expected the vote to be this close,\" said Janet Crowley, a pollster in Ohio.",
			want: []want{{doc.QuoteDirect, "Nobody expected the vote to be this close,", "said", "Janet Crowley", "Janet Crowley"}},
		},
		{
			name: "split quotation is one",
			text: "\"The factory will stay open,\" the company's chief executive, Tom Reyes, said, \"and no jobs will be lost.\"",
			want: []want{{doc.QuoteDirect, "The factory will stay open,\" the company's chief executive, Tom Reyes, said, \"and no jobs will be lost.", "said", "", ""}},
		},
		{
			name: "quotation over two paragraphs",
			text: "Governor Alan Price said: \"The storm destroyed more than four hundred homes.\n\"We need federal help and we need it now.\"",
			want: []want{{doc.QuoteDirect, "The storm destroyed more than four hundred homes.\n\"We need federal help and we need it now.", "said", "Governor Alan Price", "Alan Price"}},
		},
		{
			name: "indirect with that",
			text: "The central bank said that inflation would fall below three percent next year.",
			want: []want{{doc.QuoteIndirect, "that inflation would fall below three percent next year", "said", "The central bank", ""}},
		},
		{
			name: "indirect after content",
			text: "The talks will resume in Geneva next week, a spokesman for the United Nations said.",
			want: []want{{doc.QuoteIndirect, "The talks will resume in Geneva next week", "said", "a spokesman for the United Nations", ""}},
		},
		{
			name: "according to",
			text: "According to the report, unemployment rose in every region last year.",
			want: []want{{doc.QuoteIndirect, "unemployment rose in every region last year", "According to", "the report", ""}},
		},
		{
			name: "the minister quoted before",
			text: "Iran's foreign minister condemned the strikes on Monday and urged Muslim countries to cut their ties.\n\"The silence of the world is a betrayal of the people,\" the minister told reporters in Tehran.",
			want: []want{
				{doc.QuoteIndirect, "Muslim countries to cut their ties", "urged", "Iran's foreign minister", "Iran"},
				{doc.QuoteDirect, "The silence of the world is a betrayal of the people,", "told", "the minister", "Iran"},
			},
		},
		{
			name: "dateline is no content",
			text: "NAIROBI, March 3 - The Kenyan economy is heading for difficult times after a boom last year, President Daniel Moi said.",
			want: []want{{doc.QuoteIndirect, "The Kenyan economy is heading for difficult times after a boom last year", "said", "President Daniel Moi", "Daniel Moi"}},
		},
		{
			name: "dateline is no speaker",
			text: "OAKVILLE, Ontario, March 3 - Ford Motor Canada Ltd said it would build a new plant in Windsor.",
			want: []want{{doc.QuoteIndirect, "it would build a new plant in Windsor", "said", "Ford Motor Canada Ltd", "Ford Motor Canada Ltd"}},
		},
		{
			name: "dateline without comma before the date",
			text: "LAKE SUCCESS, N.Y. March 3 - Sales rose 12 pct in the quarter, the company said.",
			want: []want{{doc.QuoteIndirect, "Sales rose 12 pct in the quarter", "said", "the company", ""}},
		},
		{
			name: "short capitals are no dateline",
			text: "US - China trade talks will resume in May, officials said.",
			want: []want{{doc.QuoteIndirect, "US - China trade talks will resume in May", "said", "officials", ""}},
		},
		{
			name: "continued to is no cue",
			text: "Egypt and Qatar continued to mediate between Israel and Hamas, according to diplomats in Cairo.",
			want: []want{{doc.QuoteIndirect, "Egypt and Qatar continued to mediate between Israel and Hamas", "according to", "diplomats", ""}},
		},
		{
			name: "told with recipient",
			text: "Senator Ruth Adler told reporters that she would vote against the bill.",
			want: []want{{doc.QuoteIndirect, "that she would vote against the bill", "told", "Senator Ruth Adler", "Ruth Adler"}},
		},
		{
			name: "mixed quotation",
			text: "Prime Minister Lena Holm described the agreement as \"a turning point for the region.\"",
			want: []want{{doc.QuoteMixed, "the agreement as \"a turning point for the region.\"", "described", "Prime Minister Lena Holm", "Lena Holm"}},
		},
		{
			name:  "scare quotes are terms",
			text:  "Protesters waved flags outside the embassy of \"Israel\" on Sunday.",
			want:  nil,
			terms: []string{"\"Israel\""},
		},
		{
			name: "pronoun speaker resolved",
			text: "Robert Chen, the city's police chief, met the families on Tuesday. He warned that more arrests were likely.",
			want: []want{{doc.QuoteIndirect, "that more arrests were likely", "warned", "He", "Robert Chen"}},
		},
		{
			name: "adding a second quotation",
			text: "\"We respect the court's decision,\" Mayor Ines Duarte said, adding: \"The work goes on.\"",
			want: []want{
				{doc.QuoteDirect, "We respect the court's decision,", "said", "Mayor Ines Duarte", "Ines Duarte"},
				{doc.QuoteDirect, "The work goes on.", "adding", "Mayor Ines Duarte", "Ines Duarte"},
			},
		},
		{
			name: "continued in the same paragraph",
			text: "\"The storm is over,\" said Carl Benning, the harbor master. \"The cleanup starts tomorrow.\"",
			want: []want{{doc.QuoteDirect, "The storm is over,\" said Carl Benning, the harbor master. \"The cleanup starts tomorrow.", "said", "Carl Benning", "Carl Benning"}},
		},
		{
			name: "colon attribution",
			text: "The council's verdict came late - Mayor Ines Duarte: \"We will appeal the ruling next week.\"",
			want: []want{{doc.QuoteDirect, "We will appeal the ruling next week.", ":", "Mayor Ines Duarte", "Ines Duarte"}},
		},
		{
			name: "curly opening mark used to close",
			text: "“Nobody saw this coming,“ said Ruth Adler, a senator from Maine.",
			want: []want{{doc.QuoteDirect, "Nobody saw this coming,", "said", "Ruth Adler", "Ruth Adler"}},
		},
		{
			name: "adding participle",
			text: "The minister defended the plan, adding that the costs would be shared by all members.",
			want: []want{
				{doc.QuoteIndirect, "that the costs would be shared by all members", "adding", "The minister", ""},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := annotate(t, p, tc.text)
			if !d.Has(doc.LayerQuotes) {
				t.Fatal("quotes layer not marked")
			}
			got := d.Quotes
			for _, q := range got {
				t.Logf("got %s cue=%q speaker=%q name=%q content=%q", q.Kind, span(d, q.Cue), span(d, q.Speaker.ByteSpan), q.Speaker.Name, span(d, q.Content))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quotations, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				q := got[i]
				if q.Kind != w.kind {
					t.Errorf("quotation %d: kind %s, want %s", i, q.Kind, w.kind)
				}
				if c := span(d, q.Content); c != w.content {
					t.Errorf("quotation %d: content %q, want %q", i, c, w.content)
				}
				if c := span(d, q.Cue); c != w.cue {
					t.Errorf("quotation %d: cue %q, want %q", i, c, w.cue)
				}
				if w.speaker != "" {
					if s := span(d, q.Speaker.ByteSpan); s != w.speaker {
						t.Errorf("quotation %d: speaker %q, want %q", i, s, w.speaker)
					}
				}
				if w.name != "" && q.Speaker.Name != w.name {
					t.Errorf("quotation %d: name %q, want %q", i, q.Speaker.Name, w.name)
				}
				if q.Start > q.Content.Start || q.End < q.Content.End || q.Start > q.Cue.Start && q.Cue.End > q.Cue.Start {
					t.Errorf("quotation %d: span %v does not hold content %v and cue %v", i, q.ByteSpan, q.Content, q.Cue)
				}
			}
			var terms []string
			for _, s := range d.QuotedTerms {
				terms = append(terms, span(d, s))
			}
			if strings.Join(terms, "|") != strings.Join(tc.terms, "|") {
				t.Errorf("quoted terms %q, want %q", terms, tc.terms)
			}
		})
	}
}

func span(d *doc.Doc, s doc.ByteSpan) string { return d.Text[s.Start:s.End] }

// TestSpansValid checks that every span lies inside the text on texts with
// unbalanced and odd quotation marks.
func TestSpansValid(t *testing.T) {
	p := basicPipeline(t)
	for _, text := range []string{
		"\"Unclosed quotation at the end, he said",
		"He said \"\" and left.",
		"”Backwards“ marks, she said, are \"odd.",
		"'Single quotes,' said the clerk, 'are used in headlines.'",
		"Rock 'n' roll isn't dead, the critic's review argued.",
		"\"A\"\"B\" \"C\n\"D\"\n\n\"",
		"According to",
		"said",
	} {
		d := annotate(t, p, text)
		for _, q := range d.Quotes {
			for _, s := range []doc.ByteSpan{q.ByteSpan, q.Content, q.Cue, q.Speaker.ByteSpan} {
				if s.Start < 0 || s.End < s.Start || int(s.End) > len(text) {
					t.Errorf("%q: bad span %v in %+v", text, s, q)
				}
			}
		}
		for _, s := range d.QuotedTerms {
			if s.Start < 0 || s.End <= s.Start || int(s.End) > len(text) {
				t.Errorf("%q: bad term span %v", text, s)
			}
		}
	}
}

func TestStage(t *testing.T) {
	s := quote.New()
	if s.Name() != "quote" || s.Requires() != doc.LayerTokens|doc.LayerSentences || s.Provides() != doc.LayerQuotes {
		t.Errorf("stage %s requires %s provides %s", s.Name(), s.Requires(), s.Provides())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, &doc.Doc{}); err == nil {
		t.Error("Process with a cancelled context: no error")
	}
}

// FuzzExtract checks that extraction never panics and keeps every span
// inside the text, on any input.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"\"A,\" he said, \"b.\"",
		"“Open\n“Still open\n”",
		"According to the report, it said: 'x' ''y'' ``z''",
		"He told them \"\" that, she added.",
	} {
		f.Add(s)
	}
	p := basicPipeline(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := annotate(t, p, text)
		for _, q := range d.Quotes {
			for _, s := range []doc.ByteSpan{q.ByteSpan, q.Content, q.Cue, q.Speaker.ByteSpan} {
				if s.Start < 0 || s.End < s.Start || int(s.End) > len(text) {
					t.Fatalf("bad span %v in %+v", s, q)
				}
			}
			if q.Content.End <= q.Content.Start {
				t.Fatalf("empty content in %+v", q)
			}
		}
		for _, s := range d.QuotedTerms {
			if s.Start < 0 || s.End <= s.Start || int(s.End) > len(text) {
				t.Fatalf("bad term %v", s)
			}
		}
	})
}

// TestPassiveParticipleIsNoCue: in "the statement quoted by IRNA" the
// participle with its agent reports nothing (it had made a claim "by IRNA").
func TestPassiveParticipleIsNoCue(t *testing.T) {
	d := annotate(t, basicPipeline(t), "Iran said the offensive had ended. The statement quoted by IRNA gave no figures.")
	for _, q := range d.Quotes {
		if c := d.Text[q.Content.Start:q.Content.End]; strings.HasPrefix(c, "by ") {
			t.Errorf("quotation with content %q", c)
		}
	}
	if len(d.Quotes) != 1 {
		t.Errorf("%d quotations, want Iran's alone", len(d.Quotes))
	}
}

// TestPassiveCueKeepsNoSpeaker: the subject of a passive cue ("sales are
// estimated at …") is what is reported on, not who reports it.
func TestPassiveCueKeepsNoSpeaker(t *testing.T) {
	d := annotate(t, basicPipeline(t), "Total Bahia sales are currently estimated at 6.13 mln bags against the 1986/87 crop.")
	if len(d.Quotes) != 1 {
		t.Fatalf("%d quotations, want 1", len(d.Quotes))
	}
	q := d.Quotes[0]
	if c := d.Text[q.Content.Start:q.Content.End]; c != "at 6.13 mln bags against the 1986/87 crop" || q.Speaker.End > q.Speaker.Start || q.Speaker.Name != "" {
		t.Errorf("content %q, speaker %q (%q): want the claim without a speaker", c, d.Text[q.Speaker.Start:q.Speaker.End], q.Speaker.Name)
	}
}
