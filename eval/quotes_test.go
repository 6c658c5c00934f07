package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/internal/devdata"
)

// A short article with curly quotes (multi-byte) before the annotated
// spans, so that code-point offsets differ from byte offsets.
const bratText = "“Taxes will rise,” Mayor Jones said.\nThe council argued that the plan was unfair."

const bratAnn = "T1\tSource 19 30\tMayor Jones\n" +
	"T2\tCue 31 35\tsaid\n" +
	"T3\tContent 0 18\t“Taxes will rise,”\n" +
	"T4\tAttribution 31 35\tsaid\n" +
	"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
	"T5\tSource 37 48\tThe council\n" +
	"T6\tCue 49 55\targued\n" +
	"T7\tContent 56 69;70 80\tthat the plan\nwas unfair\n" + // a span text holding a newline
	"T8\tAttribution 49 55\targued\n" +
	"E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n" +
	"#1\tAnnotatorNotes T7\ta note\n"

func TestReadBrat(t *testing.T) {
	got, err := ReadBrat(strings.NewReader(bratAnn), bratText)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d attributions, want 2", len(got))
	}
	text := func(ss []doc.ByteSpan) string {
		var parts []string
		for _, s := range ss {
			parts = append(parts, bratText[s.Start:s.End])
		}
		return strings.Join(parts, "|")
	}
	for _, c := range []struct{ got, want string }{
		{text(got[0].Source), "Mayor Jones"},
		{text(got[0].Cue), "said"},
		{text(got[0].Content), "“Taxes will rise,”"},
		{text(got[1].Source), "The council"},
		{text(got[1].Content), "that the plan|was unfair"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestReadBratErrors(t *testing.T) {
	ann := "T1\tSource 0 4\tTaxe\nT2\tCue 5 x\tbad\nT3\tContent 0 999\tout of range\nE1\tAttribution:T9 Content:T1\n"
	_, err := ReadBrat(strings.NewReader(ann), bratText)
	var list BratErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %v is not a BratErrors", err)
	}
	lines := []int{}
	for _, e := range list {
		lines = append(lines, e.Line)
	}
	if len(lines) != 3 || lines[0] != 2 || lines[1] != 3 || lines[2] != 4 {
		t.Errorf("error lines %v, want [2 3 4]", lines)
	}
}

func FuzzReadBrat(f *testing.F) {
	f.Add(bratAnn, bratText)
	f.Add("T1\tContent 0 3;5 2\tx\nE1\tAttribution:T1 Content:T1", "héllo wörld")
	f.Fuzz(func(t *testing.T, ann, text string) {
		atts, _ := ReadBrat(strings.NewReader(ann), text)
		for _, a := range atts {
			for _, part := range [][]doc.ByteSpan{a.Source, a.Cue, a.Content} {
				for _, s := range part {
					if s.Start < 0 || s.End < s.Start || int(s.End) > len(text) {
						t.Fatalf("span %v outside text of %d bytes", s, len(text))
					}
				}
			}
		}
	})
}

func bs(text, sub string) doc.ByteSpan {
	i := strings.Index(text, sub)
	return doc.ByteSpan{Start: int32(i), End: int32(i + len(sub))}
}

func TestQuoteScores(t *testing.T) {
	gold, err := ReadBrat(strings.NewReader(bratAnn), bratText)
	if err != nil {
		t.Fatal(err)
	}
	pred := []doc.Quote{
		{ // direct, exact content without marks, right cue and speaker
			Kind: doc.QuoteDirect, Content: bs(bratText, "Taxes will rise,"), Cue: bs(bratText, "said"),
			Speaker: doc.Speaker{ByteSpan: bs(bratText, "Jones"), Name: "Ann Jones"},
		},
		{ // indirect, content too short (under half the gold), so unmatched
			Kind: doc.QuoteIndirect, Content: bs(bratText, "unfair"), Cue: bs(bratText, "argued"),
		},
	}
	var s QuoteScores
	s.Add(bratText, gold, pred)
	if s.All.Content.Gold != 2 || s.All.Content.Pred != 2 || s.All.Content.TP != 1 {
		t.Errorf("all content %+v, want gold 2 pred 2 tp 1", s.All.Content)
	}
	if s.Direct.Content.TP != 1 || s.Direct.Content.Gold != 1 || s.Indirect.Content.TP != 0 || s.Indirect.Content.Gold != 1 {
		t.Errorf("direct %+v indirect %+v", s.Direct.Content, s.Indirect.Content)
	}
	if s.All.ContentExact.TP != 1 || s.All.Cue.TP != 1 || s.All.Speaker.TP != 1 {
		t.Errorf("exact %+v cue %+v speaker %+v, want one true positive each", s.All.ContentExact, s.All.Cue, s.All.Speaker)
	}
	if s.All.Matched != 1 || s.All.SpeakerRight != 1 || s.All.Named != 1 || s.All.NameRight != 1 {
		t.Errorf("speaker accuracy counts %+v", s.All)
	}
	if f := s.All.Content.F1(); f != 0.5 {
		t.Errorf("F1 %v, want 0.5", f)
	}
	if err := s.Check(Thresholds{DirectF1: 0.9, F1: 0.6, Speaker: 0.8}); err == nil || !strings.Contains(err.Error(), "attribution F1") {
		t.Errorf("Check: %v, want an attribution F1 failure", err)
	}
	if err := s.Check(Thresholds{DirectF1: 0.9, F1: 0.5, Speaker: 0.8}); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestLoadPolNeAR(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"text", "attributions"} {
		if err := os.Mkdir(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("text/a.txt", bratText)
	write("attributions/a_zz99.ann", "")
	write("attributions/a_ab12.ann", bratAnn)
	write("text/b.txt", "no annotations")
	arts, err := LoadPolNeAR(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Name != "a" || arts[0].Annotator != "ab12" || len(arts[0].Gold) != 2 {
		t.Errorf("got %+v", arts)
	}
}

// TestPolNeARDev reads the real corpus when HERALD_SHARED is set.
func TestPolNeARDev(t *testing.T) {
	arts, err := LoadPolNeAR(devdata.Path(t, "polnear", "data", "dev"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range arts {
		n += len(a.Gold)
	}
	if len(arts) != 84 || n < 2000 {
		t.Errorf("dev: %d articles, %d attributions; want 84 articles and over 2000 attributions", len(arts), n)
	}
}
