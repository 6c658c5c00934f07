package tag

import (
	"bytes"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/nlp/lemma"
)

func readExamples(t testing.TB, path string) []Example {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	var out []Example
	for _, s := range sents {
		var ex Example
		for _, w := range s.Words {
			ex.Words = append(ex.Words, w.Form)
			ex.XPOS = append(ex.XPOS, w.XPOS)
			ex.UPOS = append(ex.UPOS, w.UPOS)
		}
		out = append(out, ex)
	}
	return out
}

func score(tg *Tagger, dev []Example) (float64, float64) {
	n, x, u := 0, 0, 0
	for _, ex := range dev {
		xp, up := make([]string, len(ex.Words)), make([]string, len(ex.Words))
		tg.Tag(ex.Words, xp, up)
		for i := range ex.Words {
			n++
			if xp[i] == ex.XPOS[i] {
				x++
			}
			if up[i] == ex.UPOS[i] {
				u++
			}
		}
	}
	return 100 * float64(x) / float64(n), 100 * float64(u) / float64(n)
}

// The tests of this file are tuning tools, not checks: each runs only when
// its environment variable is set, and needs HERALD_SHARED.
//
//	HERALD_TAG_EXPERIMENT=1 [WN=1] PASSES=1|2 ITER=N PRUNE=W [SURE=N]: train on EWT train, score on dev
//	HERALD_TAG_PRUNE_MODEL=FILE: dev accuracy and size of a model pruned at several thresholds
//	HERALD_TAG_MARGIN_MODEL=FILE: dev accuracy with several second-pass skip margins

func ewtDir(t testing.TB) string {
	shared := os.Getenv("HERALD_SHARED")
	if shared == "" {
		t.Skip("HERALD_SHARED not set")
	}
	return shared + "/data/ud-en-ewt/"
}

func TestExperiment(t *testing.T) {
	if os.Getenv("HERALD_TAG_EXPERIMENT") == "" {
		t.Skip()
	}
	dir := ewtDir(t)
	train := readExamples(t, dir+"en_ewt-ud-train.conllu")
	dev := readExamples(t, dir+"en_ewt-ud-dev.conllu")
	prune, _ := strconv.ParseFloat(os.Getenv("PRUNE"), 32)
	passes, _ := strconv.Atoi(os.Getenv("PASSES"))
	it, _ := strconv.Atoi(os.Getenv("ITER"))
	var lex map[string]uint8
	if os.Getenv("WN") != "" {
		l, err := lemma.ReadWordNet("/usr/share/wordnet")
		if err != nil {
			t.Fatal(err)
		}
		lex = l.WordClasses()
	}
	sureN, _ := strconv.Atoi(os.Getenv("SURE"))
	for _, pr := range []float64{prune} {
		tg, err := Train(train, TrainOptions{Iterations: it, Prune: float32(pr), Passes: passes, SureCount: sureN, Lexicon: lex})
		if err != nil {
			t.Fatal(err)
		}
		x, u := score(tg, dev)
		var buf bytes.Buffer
		tg.WriteModel(&buf)
		t.Logf("size %d sure %d", buf.Len(), len(tg.m.sure))
		t.Logf("prune %v iter %d: XPOS %.2f UPOS %.2f feats %d entries %d", pr, it, x, u, len(tg.m.passes[0].keys), len(tg.m.passes[0].ent))
	}
}

func TestPruneExperiment(t *testing.T) {
	p := os.Getenv("HERALD_TAG_PRUNE_MODEL")
	if p == "" {
		t.Skip()
	}
	dev := readExamples(t, ewtDir(t)+"en_ewt-ud-dev.conllu")
	for _, thr := range []int32{0, 1, 2, 4, 8} { // in 1/weightScale steps
		f, _ := os.Open(p)
		tg, err := Load(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range tg.m.passes {
			tg.m.passes[i] = w.pruned(thr)
		}
		x, u := score(tg, dev)
		var buf bytes.Buffer
		tg.WriteModel(&buf)
		t.Logf("min %d: XPOS %.2f UPOS %.2f size %d feats %d", thr, x, u, buf.Len(), len(tg.m.passes[0].keys))
	}
}

func TestMarginExperiment(t *testing.T) {
	p := os.Getenv("HERALD_TAG_MARGIN_MODEL")
	if p == "" {
		t.Skip()
	}
	dev := readExamples(t, ewtDir(t)+"en_ewt-ud-dev.conllu")
	f, _ := os.Open(p)
	tg, err := Load(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, mg := range []int32{0, 10 * weightScale, 40 * weightScale} {
		tg.m.sureMargin = mg
		start := time.Now()
		x, u := score(tg, dev)
		t.Logf("margin %d: XPOS %.2f UPOS %.2f in %v", mg, x, u, time.Since(start))
	}
}
