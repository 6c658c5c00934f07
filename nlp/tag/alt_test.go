package tag_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/herald-events/herald/nlp/tag"
)

func TestTagAlt(t *testing.T) {
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("They saw her duck under the table , then left the bank ' s office .")
	n := len(words)
	want := make([]string, n)
	tg.Tag(words, want, make([]string, n))
	prev := -1
	for _, margin := range []float64{0, 10, 40, 1000} {
		xp, up, alt := make([]string, n), make([]string, n), make([]string, n)
		tg.TagAlt(words, xp, up, alt, margin)
		if !slices.Equal(xp, want) {
			t.Fatalf("margin %g: tags %v, Tag gives %v", margin, xp, want)
		}
		count := 0
		for i, a := range alt {
			if a == "" {
				continue
			}
			count++
			if a == xp[i] {
				t.Errorf("margin %g: %q has its own tag %s as the alternative", margin, words[i], a)
			}
			if words[i] == "the" || words[i] == "." {
				t.Errorf("margin %g: sure word %q has an alternative %s", margin, words[i], a)
			}
		}
		if count < prev {
			t.Errorf("margin %g: %d alternatives, fewer than %d at a smaller margin", margin, count, prev)
		}
		prev = count
	}
	if prev == 0 {
		t.Error("no alternative at all for an ambiguous sentence with a wide margin")
	}
}
