package parse_test

import (
	"bytes"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/parse"
	"github.com/herald-events/herald/nlp/tag"
)

func readSentences(t testing.TB, path string) []parse.Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cs, err := conllu.Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]parse.Sentence, len(cs))
	for i, s := range cs {
		for _, w := range s.Words {
			out[i].Words = append(out[i].Words, w.Form)
			out[i].XPOS = append(out[i].XPOS, w.XPOS)
			out[i].UPOS = append(out[i].UPOS, w.UPOS)
			out[i].Heads = append(out[i].Heads, w.Head-1)
			out[i].Rels = append(out[i].Rels, w.Deprel)
		}
	}
	return out
}

// checkTree fails unless heads is a tree over its words with one root.
func checkTree(t *testing.T, heads []int, rels []string) {
	t.Helper()
	n := len(heads)
	roots := 0
	for i, h := range heads {
		if h < -1 || h >= n || h == i {
			t.Fatalf("word %d has head %d (n=%d)", i, h, n)
		}
		if h == -1 {
			roots++
			if rels[i] != "root" {
				t.Errorf("root word %d has relation %q", i, rels[i])
			}
		} else if rels[i] == "" || rels[i] == "root" {
			t.Errorf("word %d has relation %q", i, rels[i])
		}
		for j, steps := i, 0; j != -1; j = heads[j] {
			if steps++; steps > n {
				t.Fatalf("word %d is in a cycle: %v", i, heads)
			}
		}
	}
	if roots != 1 {
		t.Errorf("%d roots, want 1: %v", roots, heads)
	}
}

// checkParses parses every sentence of data with p and checks that each
// parse is a tree.
func checkParses(t *testing.T, p *parse.Parser, data []parse.Sentence) {
	t.Helper()
	for _, s := range data {
		heads := make([]int, len(s.Words))
		rels := make([]string, len(s.Words))
		p.Parse(s.Words, s.XPOS, s.UPOS, heads, rels)
		checkTree(t, heads, rels)
	}
}

// trainTwice trains on data with cfg twice, fails unless both trainings
// write the same model bytes, and returns the model loaded back from them.
// check, when not nil, sees each trained parser before it is written.
func trainTwice(t *testing.T, data []parse.Sentence, cfg parse.TrainConfig, check func(*parse.Parser)) *parse.Parser {
	t.Helper()
	train := func() []byte {
		p, err := parse.Train(data, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if check != nil {
			check(p)
		}
		var b bytes.Buffer
		if err := p.WriteModel(&b, 0.05, 0); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	m1, m2 := train(), train()
	if !bytes.Equal(m1, m2) {
		t.Fatalf("two trainings on the same data (%+v) gave different model bytes", cfg)
	}
	p, err := parse.Load(bytes.NewReader(m1))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// trainSeeds trains a parser on data with cfg for each seed 0 to n-1.
func trainSeeds(t *testing.T, data []parse.Sentence, n int, cfg parse.TrainConfig) []*parse.Parser {
	t.Helper()
	var ps []*parse.Parser
	for seed := range uint64(n) {
		cfg.Seed = seed
		p, err := parse.Train(data, cfg)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps
}

func TestTrainSmall(t *testing.T) {
	data := readSentences(t, "testdata/mini.conllu")
	p := trainTwice(t, data, parse.TrainConfig{Epochs: 10, Seed: 7, MinWordFreq: 1}, nil)
	// a small training set is learnt almost by heart
	uas, las := p.Score(data)
	if uas < 95 || las < 90 {
		t.Errorf("training-set UAS %.1f LAS %.1f, want at least 95 and 90", uas, las)
	}
	checkParses(t, p, data)
}

func TestTrainErrors(t *testing.T) {
	ok := parse.Sentence{Words: []string{"It", "works"}, XPOS: []string{"PRP", "VBZ"}, UPOS: []string{"PRON", "VERB"},
		Heads: []int{1, -1}, Rels: []string{"nsubj", "root"}}
	tests := []struct {
		name string
		edit func(s *parse.Sentence)
	}{
		{"two roots", func(s *parse.Sentence) { s.Heads = []int{-1, -1} }},
		{"cycle", func(s *parse.Sentence) { s.Heads = []int{1, 0} }},
		{"head out of range", func(s *parse.Sentence) { s.Heads = []int{5, -1} }},
		{"short column", func(s *parse.Sentence) { s.Rels = s.Rels[:1] }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := ok
			tc.edit(&s)
			if _, err := parse.Train([]parse.Sentence{s}, parse.TrainConfig{Epochs: 1}); err == nil {
				t.Error("Train accepted a bad sentence")
			}
		})
	}
	if _, err := parse.Train(nil, parse.TrainConfig{}); err == nil {
		t.Error("Train accepted no data")
	}
}

func TestLoadErrors(t *testing.T) {
	data := readSentences(t, "testdata/mini.conllu")
	p, err := parse.Train(data, parse.TrainConfig{Epochs: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.WriteModel(&b, 0.05, 0); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("herald-parse/1\n")},
		{"truncated", good[:len(good)/2]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parse.Load(bytes.NewReader(tc.data)); err == nil {
				t.Error("Load accepted a bad model")
			}
		})
	}
	if _, err := parse.Load(bytes.NewReader(good)); err != nil {
		t.Errorf("Load of a good model: %v", err)
	}
}

func newParser(t testing.TB) *parse.Parser {
	p, err := parse.New()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEmbedded(t *testing.T) {
	p := newParser(t)
	tests := []struct {
		words []string
		xpos  []string
		upos  []string
		// expected arcs: dependent -> head, relation
		arcs map[int]int
		rels map[int]string
	}{
		{
			[]string{"The", "council", "approved", "the", "plan", "."},
			[]string{"DT", "NN", "VBD", "DT", "NN", "."},
			[]string{"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"},
			map[int]int{0: 1, 1: 2, 2: -1, 3: 4, 4: 2, 5: 2},
			map[int]string{0: "det", 1: "nsubj", 2: "root", 4: "obj", 5: "punct"},
		},
		{
			[]string{"Rebels", "attacked", "a", "convoy", "near", "the", "border", "."},
			[]string{"NNS", "VBD", "DT", "NN", "IN", "DT", "NN", "."},
			[]string{"NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"},
			map[int]int{0: 1, 1: -1, 3: 1, 4: 6},
			map[int]string{0: "nsubj", 3: "obj", 4: "case"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.words[1], func(t *testing.T) {
			heads := make([]int, len(tc.words))
			rels := make([]string, len(tc.words))
			p.Parse(tc.words, tc.xpos, tc.upos, heads, rels)
			checkTree(t, heads, rels)
			for d, h := range tc.arcs {
				if heads[d] != h {
					t.Errorf("head of %q = %d, want %d", tc.words[d], heads[d], h)
				}
			}
			for d, r := range tc.rels {
				if rels[d] != r {
					t.Errorf("relation of %q = %q, want %q", tc.words[d], rels[d], r)
				}
			}
		})
	}
}

// TestEWTDev scores the embedded parser, with the embedded tagger's tags,
// on UD English EWT dev (CoNLL 2018 convention: every word counts,
// punctuation included).
func TestEWTDev(t *testing.T) {
	dev := readSentences(t, devdata.Path(t, "ud-en-ewt/en_ewt-ud-dev.conllu"))
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range dev {
		tg.Tag(s.Words, s.XPOS, s.UPOS)
	}
	uas, las := newParser(t).Score(dev)
	t.Logf("EWT dev, predicted tags: UAS %.2f LAS %.2f", uas, las)
	if uas < 86 || las < 83 {
		t.Errorf("UAS %.2f LAS %.2f, want at least 86 and 83", uas, las)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("The council approved the plan .", "DT NN VBD DT NN .")
	f.Add("", "")
	f.Add("a b c d e f g h i j k l m n o p", "XX")
	p := newParser(f)
	f.Fuzz(func(t *testing.T, text, tags string) {
		words := bytes.Fields([]byte(text))
		tt := bytes.Fields([]byte(tags))
		n := len(words)
		ws := make([]string, n)
		xpos := make([]string, n)
		upos := make([]string, n)
		for i, w := range words {
			ws[i] = string(w)
			if i < len(tt) {
				xpos[i] = string(tt[i])
			}
		}
		heads := make([]int, n)
		rels := make([]string, n)
		p.Parse(ws, xpos, upos, heads, rels)
		if n > 0 {
			checkTree(t, heads, rels)
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("herald-parse/1\n"))
	p, err := parse.Train(readSentences(f, "testdata/mini.conllu"), parse.TrainConfig{Epochs: 2, Seed: 1})
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.WriteModel(&b, 0.1, 0); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse.Load(bytes.NewReader(data))
		if err == nil && p == nil {
			t.Fatal("nil parser without error")
		}
	})
}

// benchSentences returns the sentences of EWT dev, or of the test corpus
// without HERALD_SHARED.
func benchSentences(b *testing.B) []parse.Sentence {
	if _, ok := devdata.Lookup(); ok {
		return readSentences(b, devdata.Path(b, "ud-en-ewt/en_ewt-ud-dev.conllu"))
	}
	return readSentences(b, "testdata/mini.conllu")
}

// BenchmarkTagParse tags and parses EWT dev sentences (or the test corpus
// without HERALD_SHARED) on one goroutine.
func BenchmarkTagParse(b *testing.B) {
	sents := benchSentences(b)
	tg, err := tag.New()
	if err != nil {
		b.Fatal(err)
	}
	p := newParser(b)
	xpos := make([]string, 512)
	upos := make([]string, 512)
	heads := make([]int, 512)
	rels := make([]string, 512)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		n := len(s.Words)
		tg.Tag(s.Words, xpos[:n], upos[:n])
		p.Parse(s.Words, xpos[:n], upos[:n], heads[:n], rels[:n])
	}
	reportSpeed(b, cpu)
}

// BenchmarkParse parses with gold tags.
func BenchmarkParse(b *testing.B) {
	sents := benchSentences(b)
	benchParse(b, newParser(b), sents)
}

// benchParse measures p parsing sents with their gold tags.
func benchParse(b *testing.B, p *parse.Parser, sents []parse.Sentence) {
	heads := make([]int, 512)
	rels := make([]string, 512)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		n := len(s.Words)
		p.Parse(s.Words, s.XPOS, s.UPOS, heads[:n], rels[:n])
	}
	reportSpeed(b, cpu)
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportSpeed reports sentences per second of wall time and per second of
// CPU time (the fair measure on a shared machine; run with GOMAXPROCS=1).
func reportSpeed(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}

func Example() {
	p, err := parse.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := []string{"Police", "arrested", "two", "men", "."}
	xpos := []string{"NNS", "VBD", "CD", "NNS", "."}
	upos := []string{"NOUN", "VERB", "NUM", "NOUN", "PUNCT"}
	heads := make([]int, len(words))
	rels := make([]string, len(words))
	p.Parse(words, xpos, upos, heads, rels)
	for i, w := range words {
		fmt.Println(w, heads[i], rels[i])
	}
	// Output:
	// Police 1 nsubj
	// arrested -1 root
	// two 3 nummod
	// men 1 obj
	// . 1 punct
}

// TestConcurrent parses from several goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	p := newParser(t)
	data := readSentences(t, "testdata/mini.conllu")
	want := make([][]int, len(data))
	for i, s := range data {
		want[i] = make([]int, len(s.Words))
		p.Parse(s.Words, s.XPOS, s.UPOS, want[i], make([]string, len(s.Words)))
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for r := 0; r < 50; r++ {
				for i, s := range data {
					heads := make([]int, len(s.Words))
					p.Parse(s.Words, s.XPOS, s.UPOS, heads, make([]string, len(s.Words)))
					for j := range heads {
						if heads[j] != want[i][j] {
							done <- fmt.Errorf("sentence %d: heads %v, want %v", i, heads, want[i])
							return
						}
					}
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestAverage(t *testing.T) {
	data := readSentences(t, "testdata/mini.conllu")
	ps := trainSeeds(t, data, 3, parse.TrainConfig{Epochs: 5, MinWordFreq: 1, Dropout: 0.1})
	avg, err := parse.Average(ps)
	if err != nil {
		t.Fatal(err)
	}
	if uas, las := avg.Score(data); uas < 90 || las < 85 {
		t.Errorf("averaged model: training-set UAS %.1f LAS %.1f, want at least 90 and 85", uas, las)
	}
	var b bytes.Buffer
	if err := avg.WriteModel(&b, 0.05, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := parse.Load(bytes.NewReader(b.Bytes())); err != nil {
		t.Fatal(err)
	}
	if _, err := parse.Average(nil); err == nil {
		t.Error("Average of no parsers: no error")
	}
	loaded, _ := parse.Load(bytes.NewReader(b.Bytes()))
	if _, err := parse.Average([]*parse.Parser{loaded}); err == nil {
		t.Error("Average of a loaded model: no error")
	}
	other, err := parse.Train(data[:len(data)/2], parse.TrainConfig{Epochs: 1, MinWordFreq: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parse.Average([]*parse.Parser{ps[0], other}); err == nil {
		t.Error("Average of models of different data: no error")
	}
}
