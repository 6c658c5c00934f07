package doc

import (
	"strings"
	"testing"
)

// sample builds a two-sentence document tokenized on spaces.
func sample() *Doc {
	d := &Doc{ID: "d1", Text: "Iran slams Israel. Talks fail."}
	start := -1
	for i := 0; i <= len(d.Text); i++ {
		if i == len(d.Text) || d.Text[i] == ' ' || d.Text[i] == '.' {
			if start >= 0 {
				d.Tokens = append(d.Tokens, Token{Start: int32(start), End: int32(i)})
				start = -1
			}
			if i < len(d.Text) && d.Text[i] == '.' {
				d.Tokens = append(d.Tokens, Token{Start: int32(i), End: int32(i + 1)})
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	d.Sents = []Span{{0, 4}, {4, 7}}
	d.Mark(LayerTokens | LayerSentences)
	return d
}

func TestSpansAndSentences(t *testing.T) {
	d := sample()
	if got := len(d.Tokens); got != 7 {
		t.Fatalf("tokens = %d, want 7", got)
	}
	if got := d.SpanText(d.Sents[1]); got != "Talks fail." {
		t.Errorf("sentence 1 = %q", got)
	}
	if got := d.TokenText(2); got != "Israel" {
		t.Errorf("token 2 = %q", got)
	}
	for i, want := range []int{0, 0, 0, 0, 1, 1, 1, -1} {
		if got := d.SentenceOf(i); got != want {
			t.Errorf("SentenceOf(%d) = %d, want %d", i, got, want)
		}
	}
	if a, b := d.SpanBytes(Span{7, 7}); a != len(d.Text) || b != len(d.Text) {
		t.Errorf("empty span at end = [%d,%d)", a, b)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateFindsBrokenLayers(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(d *Doc)
		want   string
	}{
		{"token past end", func(d *Doc) { d.Tokens[6].End = 99 }, "token 6"},
		{"tokens overlap", func(d *Doc) { d.Tokens[1].Start = 2 }, "token 1"},
		{"sentences overlap", func(d *Doc) { d.Sents[1].Start = 3 }, "sentence 1"},
		{"head outside sentence", func(d *Doc) {
			for i := range d.Tokens {
				d.Tokens[i].Head = -1
			}
			d.Tokens[5].Head = 1
			d.Mark(LayerDeps)
		}, "head 1"},
		{"empty entity", func(d *Doc) { d.Ents = []Entity{{Span: Span{2, 2}, Label: "LOC"}} }, "entity 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := sample()
			tc.break_(d)
			err := d.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate() = %v, want error mentioning %q", err, tc.want)
			}
		})
	}
}

func TestLayers(t *testing.T) {
	var d Doc
	d.Mark(LayerTokens | LayerTags)
	if !d.Has(LayerTokens) || d.Has(LayerTokens|LayerDeps) {
		t.Fatal("Has disagrees with Mark")
	}
	d.Unmark(LayerTags)
	if got := d.Layers().String(); got != "tokens" {
		t.Errorf("layers = %q", got)
	}
	if got := (LayerDeps | LayerQuotes).String(); got != "deps+quotes" {
		t.Errorf("String = %q", got)
	}
}
