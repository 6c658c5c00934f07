package parse_test

import (
	"fmt"
	"testing"

	"github.com/herald-events/herald/nlp/parse"
)

func TestTrainBeam(t *testing.T) {
	for _, mv := range []bool{false, true} {
		t.Run(fmt.Sprint("max-violation=", mv), func(t *testing.T) { testTrainBeam(t, mv) })
	}
}

func testTrainBeam(t *testing.T, maxViolation bool) {
	data := readSentences(t, "testdata/mini.conllu")
	cfg := parse.TrainConfig{Epochs: 10, Seed: 7, MinWordFreq: 1, Beam: 4, MaxViolation: maxViolation}
	p := trainTwice(t, data, cfg, func(p *parse.Parser) {
		if p.Beam() != 4 {
			t.Fatalf("trained parser has beam %d, want 4", p.Beam())
		}
	})
	if p.Beam() != 4 {
		t.Fatalf("loaded model has beam %d, want 4", p.Beam())
	}
	uas, las := p.Score(data)
	if uas < 95 || las < 90 {
		t.Errorf("training-set UAS %.1f LAS %.1f, want at least 95 and 90", uas, las)
	}
	checkParses(t, p, data)
	// the same weights decoded greedily score differently from the beam
	// they were trained with, but still give trees
	g := p.WithBeam(1)
	if g.Beam() != 1 {
		t.Errorf("WithBeam(1).Beam() = %d", g.Beam())
	}
	checkParses(t, g, data)
}

func TestAverageBeam(t *testing.T) {
	data := readSentences(t, "testdata/mini.conllu")
	ps := trainSeeds(t, data, 2, parse.TrainConfig{Epochs: 4, MinWordFreq: 1, Beam: 3, MaxViolation: true})
	avg, err := parse.Average(ps)
	if err != nil {
		t.Fatal(err)
	}
	if avg.Beam() != 3 {
		t.Errorf("average of beam-3 models has beam %d", avg.Beam())
	}
	greedy, err := parse.Train(data, parse.TrainConfig{Epochs: 1, MinWordFreq: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parse.Average([]*parse.Parser{ps[0], greedy}); err == nil {
		t.Error("a beam model and a greedy one were averaged")
	}
}

func TestWithBeam(t *testing.T) {
	data := readSentences(t, "testdata/mini.conllu")
	p, err := parse.Train(data, parse.TrainConfig{Epochs: 5, Seed: 3, MinWordFreq: 1})
	if err != nil {
		t.Fatal(err)
	}
	if p.Beam() != 0 {
		t.Fatalf("greedy parser has beam %d", p.Beam())
	}
	// a beam of one is greedy search: the same trees
	one := p.WithBeam(1)
	for _, k := range []int{2, 8} {
		wide := p.WithBeam(k)
		for _, s := range data {
			n := len(s.Words)
			h1, r1 := make([]int, n), make([]string, n)
			h2, r2 := make([]int, n), make([]string, n)
			h3, r3 := make([]int, n), make([]string, n)
			p.Parse(s.Words, s.XPOS, s.UPOS, h1, r1)
			one.Parse(s.Words, s.XPOS, s.UPOS, h2, r2)
			wide.Parse(s.Words, s.XPOS, s.UPOS, h3, r3)
			if fmt.Sprint(h1, r1) != fmt.Sprint(h2, r2) {
				t.Errorf("beam 1 differs from greedy on %v", s.Words)
			}
			checkTree(t, h3, r3)
		}
	}
}

// BenchmarkParseBeam parses with gold tags and the embedded model's weights
// decoded with beams of width 2 and 4: the cost of the search alone.
func BenchmarkParseBeam(b *testing.B) {
	sents := benchSentences(b)
	for _, k := range []int{2, 4} {
		b.Run(fmt.Sprint(k), func(b *testing.B) {
			benchParse(b, newParser(b).WithBeam(k), sents)
		})
	}
}
