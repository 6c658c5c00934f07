package quote_test

import (
	"testing"

	"github.com/herald-events/herald/extract/quote"
	"github.com/herald-events/herald/nlp/coref"
	"github.com/herald-events/herald/nlp/ner"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// TestSpeakerNames checks speaker names with entities and coreference from
// Herald's own tagger and recogniser: a nationality that modifies the
// speaker's noun ("the Ukrainian air force") does not name it alone.
func TestSpeakerNames(t *testing.T) {
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(tokenize.New(), segment.New(), tg.Stage(), rec.Stage(), coref.New(), quote.New())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, name string }{
		{"Russian forces launched more than 80 drones at Kyiv and Odesa overnight, the Ukrainian air force said.", "Ukrainian air force"},
		{"The Ukrainian government said that Russian forces launched more than 80 drones at Kyiv overnight.", "Ukrainian government"},
		{"Ukrainian President Volodymyr Zelensky said that the attacks would not break the country.", "Volodymyr Zelensky"},
	} {
		d := annotate(t, p, tc.text)
		if len(d.Quotes) != 1 || d.Quotes[0].Speaker.Name != tc.name {
			t.Errorf("%q: quotes %+v, want one with speaker %q", tc.text, d.Quotes, tc.name)
		}
	}
}
