package lemma_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/nlp/lemma"
)

func TestLemma(t *testing.T) {
	l, err := lemma.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ word, xpos, want string }{
		{"went", "VBD", "go"},
		{"Went", "VBD", "go"},
		{"children", "NNS", "child"},
		{"running", "VBG", "run"},
		{"stopped", "VBD", "stop"},
		{"hoped", "VBN", "hope"},
		{"studies", "VBZ", "study"},
		{"boxes", "NNS", "box"},
		{"better", "JJR", "good"},
		{"biggest", "JJS", "big"},
		{"is", "VBZ", "be"},
		{"'s", "VBZ", "be"},
		{"n't", "RB", "not"},
		{"me", "PRP", "I"},
		{"The", "DT", "the"},
		{"Americans", "NNPS", "American"},
		{"Tehran", "NNP", "Tehran"},
		{"12,000", "CD", "12000"},
		{"3.5", "CD", "3.5"},
		{",", ",", ","},
		// Words WordNet does not know fall back to suffix rules.
		{"blogged", "VBD", "blog"},
		{"tweets", "NNS", "tweet"},
		{"googling", "VBG", "google"},
		{"friending", "VBG", "friend"},
	}
	for _, tc := range tests {
		t.Run(tc.word+"/"+tc.xpos, func(t *testing.T) {
			if got := l.Lemma(tc.word, tc.xpos); got != tc.want {
				t.Errorf("Lemma(%q, %q) = %q, want %q", tc.word, tc.xpos, got, tc.want)
			}
		})
	}
}

func TestLearn(t *testing.T) {
	l, err := lemma.Load(tables(t, "herald-lemma 1\n@index verb\nwalk\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Lemma("walked", "VBD"); got != "walk" {
		t.Fatalf("Lemma(walked) = %q before learning", got)
	}
	if got := l.Lemma("ca", "MD"); got != "ca" {
		t.Fatalf("Lemma(ca) = %q before learning", got)
	}
	err = l.Learn([]lemma.Example{
		{"ca", "MD", "can"}, {"ca", "MD", "can"},
		{"walked", "VBD", "walk"},
		{"datum", "NN", "datum"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Lemma("ca", "MD"); got != "can" {
		t.Errorf("after learning Lemma(ca, MD) = %q, want can", got)
	}
	if got := l.Lemma("Ca", "MD"); got != "can" {
		t.Errorf("after learning Lemma(Ca, MD) = %q, want can", got)
	}
	// Round trip through the tables file keeps what was learned.
	var buf bytes.Buffer
	if err := l.WriteTables(&buf); err != nil {
		t.Fatal(err)
	}
	l2, err := lemma.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := l2.Lemma("ca", "MD"); got != "can" {
		t.Errorf("reloaded: Lemma(ca, MD) = %q, want can", got)
	}
	var b1, b2 bytes.Buffer
	l.WriteTables(&b1)
	l2.WriteTables(&b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("reloaded tables write different bytes")
	}
}

func tables(t testing.TB, text string) *bytes.Reader {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(text))
	zw.Close()
	return bytes.NewReader(buf.Bytes())
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lines []int // lines reported, in order
	}{
		{"bad header", "lemma 0\n", []int{1}},
		{"line outside section", "herald-lemma 1\nword\n", []int{2}},
		{"bad pos and bad rows", "herald-lemma 1\n@exc noun\nmice\n@index prep\nof\n@lookup\na\tb\n", []int{3, 4, 5, 7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lemma.Load(tables(t, tc.text))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			var list lemma.ErrorList
			var one *lemma.Error
			var got []int
			switch {
			case errors.As(err, &list):
				for _, e := range list {
					got = append(got, e.Line)
				}
			case errors.As(err, &one):
				got = []int{one.Line}
			default:
				t.Fatalf("error %v is not a lemma.Error or ErrorList", err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.lines) {
				t.Errorf("error lines %v, want %v (%v)", got, tc.lines, err)
			}
		})
	}
}

// FuzzLoad checks that reading tables never panics and that tables which
// load give a lemma for any word.
func FuzzLoad(f *testing.F) {
	f.Add("herald-lemma 1\n@exc verb\nwent go\n@index noun\ncat\n@lookup\nn't\tRB\tnot\n")
	f.Add("herald-lemma 1\n@exc\n")
	f.Fuzz(func(t *testing.T, text string) {
		l, err := lemma.Load(tables(t, text))
		if err != nil {
			return
		}
		for _, w := range []string{"went", "cats", "n't", "Xs"} {
			for _, x := range []string{"VBD", "NNS", "RB", "NNPS"} {
				if l.Lemma(w, x) == "" {
					t.Errorf("empty lemma for %q/%s", w, x)
				}
			}
		}
	})
}

func TestStage(t *testing.T) {
	l, err := lemma.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Soldiers fired shots"
	d := &doc.Doc{ID: "t", Text: text}
	tags := []string{"NNS", "VBD", "NNS"}
	off := 0
	for i, w := range strings.Fields(text) {
		s := strings.Index(text[off:], w) + off
		d.Tokens = append(d.Tokens, doc.Token{Start: int32(s), End: int32(s + len(w)), Tag: tags[i]})
		off = s + len(w)
	}
	d.Mark(doc.LayerTokens | doc.LayerSentences | doc.LayerTags)
	st := l.Stage()
	if st.Requires()&doc.LayerTags == 0 || st.Provides() != doc.LayerLemmas {
		t.Fatalf("stage requires %v provides %v", st.Requires(), st.Provides())
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []string{"soldier", "fire", "shot"}
	for i, tok := range d.Tokens {
		if tok.Lemma != want[i] {
			t.Errorf("token %d: lemma %q, want %q", i, tok.Lemma, want[i])
		}
	}
	if !d.Has(doc.LayerLemmas) {
		t.Error("lemmas layer not marked")
	}
}

func BenchmarkLemma(b *testing.B) {
	l, err := lemma.New()
	if err != nil {
		b.Fatal(err)
	}
	words := [][2]string{{"The", "DT"}, {"soldiers", "NNS"}, {"fired", "VBD"}, {"at", "IN"}, {"protesters", "NNS"}, {"running", "VBG"}, {"Tehran", "NNP"}, {".", "."}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w := words[i%len(words)]
		l.Lemma(w[0], w[1])
	}
}

func ExampleLemmatizer_Lemma() {
	l, err := lemma.New()
	if err != nil {
		panic(err)
	}
	fmt.Println(l.Lemma("children", "NNS"), l.Lemma("went", "VBD"), l.Lemma("n't", "RB"), l.Lemma("Iraqis", "NNPS"))
	// Output: child go not Iraqi
}
