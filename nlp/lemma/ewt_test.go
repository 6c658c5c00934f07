package lemma_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/lemma"
)

// TestEWTDev checks lemma accuracy with gold tags on UD English EWT dev
// (needs HERALD_SHARED).
func TestEWTDev(t *testing.T) {
	sents := devdata.CoNLLU(t, "ud-en-ewt", "en_ewt-ud-dev.conllu")
	l, err := lemma.New()
	if err != nil {
		t.Fatal(err)
	}
	n, ok := 0, 0
	errs := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			n++
			if got := l.Lemma(w.Form, w.XPOS); got == w.Lemma {
				ok++
			} else {
				errs[fmt.Sprintf("%s/%s: %s->%s", w.Form, w.XPOS, w.Lemma, got)]++
			}
		}
	}
	acc := 100 * float64(ok) / float64(n)
	t.Logf("lemma accuracy with gold XPOS: %.2f%% of %d words", acc, n)
	if testing.Verbose() {
		var ks []string
		for k := range errs {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool { return errs[ks[i]] > errs[ks[j]] || errs[ks[i]] == errs[ks[j]] && ks[i] < ks[j] })
		for i := 0; i < 60 && i < len(ks); i++ {
			t.Logf("%4d %s", errs[ks[i]], ks[i])
		}
	}
	if acc < 98 {
		t.Errorf("lemma accuracy with gold tags %.2f%%, want at least 98%%", acc)
	}
}
