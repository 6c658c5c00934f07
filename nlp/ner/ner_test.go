package ner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/internal/devdata"
)

func readTiny(t testing.TB) []Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "tiny.iob2"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadIOB2(f, "tiny.iob2")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadIOB2(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		words   [][]string
		tags    [][]string
		docs    []string
		errLine []int
	}{
		{
			name:  "two sentences",
			in:    "# newdoc id = d1\n# sent_id = s1\n1\tJohn\tB-PER\t-\t-\n2\tran\tO\t-\t-\n\n# sent_id = s2\n1\tRome\tB-LOC\n",
			words: [][]string{{"John", "ran"}, {"Rome"}},
			tags:  [][]string{{"B-PER", "O"}, {"B-LOC"}},
			docs:  []string{"d1", "d1"},
		},
		{
			name:  "CRLF and BOM",
			in:    "\ufeff1\tNew\tB-LOC\r\n2\tYork\tI-LOC\r\n\r\n",
			words: [][]string{{"New", "York"}},
			tags:  [][]string{{"B-LOC", "I-LOC"}},
			docs:  []string{""},
		},
		{
			name:    "bad lines reported with their numbers",
			in:      "1\tJohn\tB-PER\n2\tran\n3\tfast\tX-Y\n4\thome\tO\n",
			words:   [][]string{{"John", "home"}},
			tags:    [][]string{{"B-PER", "O"}},
			docs:    []string{""},
			errLine: []int{2, 3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, err := ReadIOB2(strings.NewReader(tt.in), "x.iob2")
			var el ErrorList
			if len(tt.errLine) > 0 {
				if !errors.As(err, &el) {
					t.Fatalf("err = %v, want an ErrorList", err)
				}
				var lines []int
				for _, e := range el {
					lines = append(lines, e.Line)
				}
				if !reflect.DeepEqual(lines, tt.errLine) {
					t.Errorf("error lines %v, want %v (%v)", lines, tt.errLine, err)
				}
				if !strings.HasPrefix(el[0].Error(), "x.iob2:2: ") {
					t.Errorf("error %q lacks its position", el[0].Error())
				}
			} else if err != nil {
				t.Fatal(err)
			}
			var words, tags [][]string
			var docs []string
			for _, s := range sents {
				words = append(words, s.Words)
				tags = append(tags, s.Tags)
				docs = append(docs, s.DocID)
			}
			if !reflect.DeepEqual(words, tt.words) || !reflect.DeepEqual(tags, tt.tags) || !reflect.DeepEqual(docs, tt.docs) {
				t.Errorf("got %v %v %v, want %v %v %v", words, tags, docs, tt.words, tt.tags, tt.docs)
			}
		})
	}
}

func TestWriteIOB2RoundTrip(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "tiny.iob2"))
	if err != nil {
		t.Fatal(err)
	}
	sents := readTiny(t)
	var buf bytes.Buffer
	for _, s := range sents {
		if err := WriteIOB2(&buf, s, s.Tags); err != nil {
			t.Fatal(err)
		}
	}
	if buf.String() != string(b) {
		t.Errorf("rewritten file differs:\n%s", buf.String())
	}
}

func TestSpansTags(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []Mention
		norm []string // Tags(len, Spans(tags))
	}{
		{"empty", nil, nil, []string{}},
		{"one of each", []string{"B-PER", "I-PER", "O", "B-LOC"}, []Mention{{0, 2, "PER"}, {3, 4, "LOC"}}, nil},
		{"adjacent", []string{"B-ORG", "B-ORG", "I-ORG"}, []Mention{{0, 1, "ORG"}, {1, 3, "ORG"}}, nil},
		{"stray I starts a mention", []string{"O", "I-LOC", "I-LOC", "I-PER"}, []Mention{{1, 3, "LOC"}, {3, 4, "PER"}},
			[]string{"O", "B-LOC", "I-LOC", "B-PER"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Spans(tt.tags)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Spans = %v, want %v", got, tt.want)
			}
			want := tt.norm
			if want == nil {
				want = tt.tags
			}
			if back := Tags(len(tt.tags), got); !reflect.DeepEqual(back, want) {
				t.Errorf("Tags = %v, want %v", back, want)
			}
		})
	}
}

func FuzzReadIOB2(f *testing.F) {
	b, _ := os.ReadFile(filepath.Join("testdata", "tiny.iob2"))
	f.Add(string(b))
	f.Add("1\tA\tB-X\n2\tb\tI-X\n\n#c\n1\tc\tI-Y\t\t\n")
	f.Add("1\tA\tB-\n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, _ := ReadIOB2(strings.NewReader(in), "fuzz")
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Tags) || len(s.Rows) != len(s.Words) {
				t.Fatalf("sentence with %d words, %d tags, %d rows", len(s.Words), len(s.Tags), len(s.Rows))
			}
			end := 0
			for _, m := range Spans(s.Tags) {
				if m.Start < end || m.End <= m.Start || m.End > len(s.Words) || m.Label == "" {
					t.Fatalf("bad mention %v after %d in %d words", m, end, len(s.Words))
				}
				end = m.End
			}
			if got := Spans(Tags(len(s.Tags), Spans(s.Tags))); !reflect.DeepEqual(got, Spans(s.Tags)) {
				t.Fatalf("Spans/Tags round trip changed %v to %v", Spans(s.Tags), got)
			}
		}
	})
}

func tinyExamples(t testing.TB) []Example {
	var ex []Example
	for _, s := range readTiny(t) {
		ex = append(ex, Example{Words: s.Words, Tags: s.Tags})
	}
	return ex
}

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	ex := tinyExamples(t)
	lex := []Tagged{{Words: []string{"Smith", "visited", "Paris"}, UPOS: []string{"PROPN", "VERB", "PROPN"},
		Heads: []int{2, 0, 2}, Rels: []string{"nsubj", "root", "obj"}}}
	cfg := TrainConfig{Epochs: 5, Seed: 3, Classes: BuildWordClasses(lex), Dropout: 0.1}
	var enc [2]bytes.Buffer
	var recs [2]*Recognizer
	for i := range 2 {
		r, err := Train(ex, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.WriteModel(&enc[i]); err != nil {
			t.Fatal(err)
		}
		recs[i] = r
	}
	if !bytes.Equal(enc[0].Bytes(), enc[1].Bytes()) {
		t.Fatal("two trainings with the same seed wrote different models")
	}
	loaded, err := Load(bytes.NewReader(enc[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if loaded.WordClasses().Len() != 3 {
		t.Errorf("loaded model has %d word classes, want 3", loaded.WordClasses().Len())
	}
	correct := 0
	for _, e := range ex {
		want := recs[0].Tag(e.Words, nil)
		got := loaded.Tag(e.Words, nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("loaded model tags %v as %v, trained one as %v", e.Words, got, want)
		}
		if reflect.DeepEqual(got, e.Tags) {
			correct++
		}
	}
	// A perceptron fits its six training sentences.
	if correct < len(ex)-1 {
		t.Errorf("model reproduces %d of its %d training sentences", correct, len(ex))
	}
}

func TestTrainErrors(t *testing.T) {
	tests := []struct {
		name string
		ex   []Example
	}{
		{"none", nil},
		{"length mismatch", []Example{{Words: []string{"a", "b"}, Tags: []string{"O"}}}},
		{"bad tag", []Example{{Words: []string{"a"}, Tags: []string{"PER"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Train(tt.ex, TrainConfig{}); err == nil {
				t.Error("Train succeeded")
			}
		})
	}
}

func TestLoadMalformed(t *testing.T) {
	var good bytes.Buffer
	r, err := Train(tinyExamples(t), TrainConfig{Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteModel(&good); err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good.Bytes()[:good.Len()/2],
	}
	for name, b := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(b)); err == nil {
				t.Error("Load succeeded")
			}
		})
	}
}

// The shipped model on sentences written for this test (not from the
// training data), with their Penn Treebank tags.
func TestRecognizeShipped(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		words string
		xpos  string
		want  []string
	}{
		{"title and city", "Mr. Johnson flew to Chicago on Friday .", "NNP NNP VBD IN NNP IN NNP .",
			[]string{"Johnson/PER", "Chicago/GPE"}},
		{"country and company", "Exxon Mobil Corp. expanded its operations in Nigeria last year .",
			"NNP NNP NNP VBD PRP$ NNS IN NNP JJ NN .", []string{"Exxon Mobil Corp./ORG", "Nigeria/GPE"}},
		{"nationality", "The Canadian government sent aid .", "DT JJ NN VBD NN .", []string{"Canadian/NORP"}},
		{"no entity", "I think the food was great and the staff friendly .", "PRP VBP DT NN VBD JJ CC DT NN JJ .", nil},
		// The model leaves "European Union" out here; the gazetteer name
		// is taken whole rather than "European" as a nationality.
		{"gazetteer organisation", "European Union foreign ministers agreed on Tuesday to impose new sanctions on Russia after a wave of drone attacks on Ukrainian cities .",
			"NNP NNP JJ NNS VBD IN NNP TO VB JJ NNS IN NNP IN DT NN IN NN NNS IN JJ NNS .", []string{"European Union/ORG", "Russia/GPE", "Ukrainian/NORP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.words)
			var got []string
			for _, m := range r.Recognize(words, strings.Fields(tt.xpos)) {
				got = append(got, strings.Join(words[m.Start:m.End], " ")+"/"+m.Label)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Recognize = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStage(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Mr. Johnson flew to Chicago. He met Exxon Mobil Corp. officials."
	words := []string{"Mr.", "Johnson", "flew", "to", "Chicago", ".", "He", "met", "Exxon", "Mobil", "Corp.", "officials", "."}
	xpos := []string{"NNP", "NNP", "VBD", "IN", "NNP", ".", "PRP", "VBD", "NNP", "NNP", "NNP", "NNS", "."}
	d := &doc.Doc{ID: "t", Text: text}
	pos := 0
	for i, w := range words {
		at := strings.Index(text[pos:], w) + pos
		d.Tokens = append(d.Tokens, doc.Token{Start: int32(at), End: int32(at + len(w)), Tag: xpos[i]})
		pos = at + len(w)
	}
	d.Sents = []doc.Span{{Start: 0, End: 6}, {Start: 6, End: 13}}
	d.Mark(doc.LayerTokens | doc.LayerSentences | doc.LayerTags)
	st := r.Stage()
	if st.Requires() != doc.LayerTokens|doc.LayerSentences|doc.LayerTags || st.Provides() != doc.LayerEntities {
		t.Fatalf("stage requires %v, provides %v", st.Requires(), st.Provides())
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !d.Has(doc.LayerEntities) {
		t.Error("entities layer not marked")
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Ents {
		got = append(got, fmt.Sprintf("%s/%s", d.SpanText(e.Span), e.Label))
	}
	want := []string{"Johnson/PER", "Chicago/GPE", "Exxon Mobil Corp./ORG"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entities %v, want %v", got, want)
	}
}

func ExampleRecognizer_Recognize() {
	r, err := New()
	if err != nil {
		panic(err)
	}
	words := []string{"Senator", "Warren", "spoke", "in", "Boston", "on", "Tuesday", "."}
	xpos := []string{"NNP", "NNP", "VBD", "IN", "NNP", "IN", "NNP", "."}
	for _, m := range r.Recognize(words, xpos) {
		fmt.Println(strings.Join(words[m.Start:m.End], " "), m.Label)
	}
	// Output:
	// Warren PER
	// Boston GPE
}

// benchSentences returns real sentences: the UNER EWT dev file when
// HERALD_SHARED is set, otherwise the test file.
func benchSentences(b *testing.B) []Sentence {
	if dir, ok := devdata.Lookup(); ok {
		f, err := os.Open(filepath.Join(dir, "data", "uner-en-ewt", "en_ewt-ud-dev.iob2"))
		if err == nil {
			defer f.Close()
			if s, err := ReadIOB2(f, "dev"); err == nil {
				return s
			}
		}
	}
	return readTiny(b)
}

func BenchmarkRecognize(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		s := sents[n%len(sents)]
		r.Recognize(s.Words, nil)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func TestProfiles(t *testing.T) {
	// "Bill Clinton" is a flat name twice; "Bill" is also a noun once,
	// "paid" never takes part in a name; "Paris" has no tree.
	lex := []Tagged{
		{Words: []string{"Bill", "Clinton", "spoke"}, Heads: []int{3, 1, 0}, Rels: []string{"nsubj", "flat", "root"}},
		{Words: []string{"Bill", "Clinton", "paid"}, Heads: []int{3, 1, 0}, Rels: []string{"nsubj", "flat", "root"}},
		{Words: []string{"the", "bill", "paid"}, Heads: []int{2, 3, 0}, Rels: []string{"det", "nsubj", "root"}},
		{Words: []string{"Paris"}},
	}
	p := profiles(lex)
	tests := []struct {
		word string
		want byte
	}{
		{"clinton", 3}, // always flat
		{"bill", 3},    // two times of three: at least half
		{"paid", 0},
		{"the", 0},
		{"paris", 0}, // no tree: unknown
		{"unseen", 0},
	}
	for _, tc := range tests {
		if got := flatShare(p[tc.word]); got != tc.want {
			t.Errorf("flatShare(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
	if _, ok := p["paris"]; ok {
		t.Error("a word seen only in sentences without a tree has a profile")
	}
	if profiles([]Tagged{{Words: []string{"a"}}}) != nil {
		t.Error("profiles of text without trees is not nil")
	}
}

func TestGeneratedGazetteers(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want Kind
	}{
		{"Priscilla", KindFirstName}, // givennames.txt
		{"Ali Khamenei", KindPerson}, // persons.txt, from the leaders dictionary
		{"Associated Press", KindOrg},
		{"Reuters", KindOrg},
		{"African Union", KindOrg},
	}
	for _, tc := range tests {
		if k, _ := g.Lookup(strings.Fields(tc.name)); k&tc.want == 0 {
			t.Errorf("Lookup(%q) = %b, want the %s class", tc.name, k, kindNames[bits.TrailingZeros16(uint16(tc.want))])
		}
	}
}

func TestLowerCountries(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string
		have  []Mention
		want  []Mention
	}{
		{"we flew to vietnam last year", nil, []Mention{{3, 4, "LOC"}}},
		{"my cousin moved to south korea", nil, []Mention{{4, 6, "LOC"}}},
		{"Bob flew to vietnam", []Mention{{0, 1, "PER"}}, []Mention{{0, 1, "PER"}, {3, 4, "LOC"}}},
		{"my cousin moved to south korea", []Mention{{5, 6, "LOC"}}, []Mention{{5, 6, "LOC"}}}, // taken
		{"we ate turkey and rice", nil, nil},                                                   // "turkey" is mostly lower case in the treebank
		{"the chad was hanging", nil, nil},
		{"we flew to Vietnam", nil, nil}, // capitalised names are the model's
	}
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		got := r.lowerCountries(words, lowerAll(words), nil, append([]Mention(nil), tc.have...))
		if again := r.lowerCountries(words, lowerAll(words), r.m.prepare(r.g, words, nil).class, append([]Mention(nil), tc.have...)); !reflect.DeepEqual(again, got) {
			t.Errorf("lowerCountries(%q, %v) = %v with the classes of prepare, %v without", tc.words, tc.have, again, got)
		}
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("lowerCountries(%q, %v) = %v, want %v", tc.words, tc.have, got, tc.want)
		}
	}
	// Through RecognizeDoc the place becomes a GPE.
	ms := r.Recognize(strings.Fields("how are vietnam and cambodia alike ?"), nil)
	want := []Mention{{2, 3, "GPE"}, {4, 5, "GPE"}}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("Recognize = %v, want %v", ms, want)
	}
}

func TestExtend(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words      string
		have, want []Mention
	}{
		{"a storm in the Gulf of Mexico", []Mention{{6, 7, "GPE"}}, []Mention{{4, 7, "LOC"}}},
		{"a storm in the Gulf of Mexico", []Mention{{4, 7, "LOC"}}, []Mention{{4, 7, "LOC"}}},
		// Another mention in the way: left alone.
		{"the Gulf of Mexico", []Mention{{1, 2, "ORG"}, {3, 4, "LOC"}}, []Mention{{1, 2, "ORG"}, {3, 4, "LOC"}}},
		// Only names written as in the gazetteer.
		{"a storm in the gulf of Mexico", []Mention{{6, 7, "LOC"}}, []Mention{{6, 7, "LOC"}}},
		{"he went to Mexico", []Mention{{3, 4, "LOC"}}, []Mention{{3, 4, "LOC"}}},
	}
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		got := r.extend(words, r.g.matches(lowerAll(words), words, nil, nil), append([]Mention(nil), tc.have...))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("extend(%q, %v) = %v, want %v", tc.words, tc.have, got, tc.want)
		}
	}
}

// lowerAll returns the words in lower case.
func lowerAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToLower(w)
	}
	return out
}
