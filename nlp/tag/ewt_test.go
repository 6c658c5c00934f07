package tag_test

import (
	"os"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/tag"
)

// TestEWTDev checks the embedded model's accuracy on UD English EWT dev
// with gold tokens (needs HERALD_SHARED).
func TestEWTDev(t *testing.T) {
	sents := devdata.CoNLLU(t, "ud-en-ewt", "en_ewt-ud-dev.conllu")
	tg := newTagger(t)
	words, xcorrect, ucorrect := 0, 0, 0
	for _, s := range sents {
		ws := make([]string, len(s.Words))
		for i, w := range s.Words {
			ws[i] = w.Form
		}
		xp, up := make([]string, len(ws)), make([]string, len(ws))
		tg.Tag(ws, xp, up)
		for i, w := range s.Words {
			words++
			if xp[i] == w.XPOS {
				xcorrect++
			}
			if up[i] == w.UPOS {
				ucorrect++
			}
		}
	}
	x, u := 100*float64(xcorrect)/float64(words), 100*float64(ucorrect)/float64(words)
	t.Logf("XPOS %.2f%% UPOS %.2f%% on %d words", x, u, words)
	if x < 95.0 || u < 95.5 {
		t.Errorf("XPOS %.2f%%, UPOS %.2f%%: want at least 95.0%% and 95.5%%", x, u)
	}
}

func newTagger(t testing.TB) *tag.Tagger {
	t.Helper()
	if p := os.Getenv("HERALD_TAG_MODEL"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		tg, err := tag.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		return tg
	}
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}
