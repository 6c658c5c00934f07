package eval

import (
	"path/filepath"
	"testing"

	"github.com/herald-events/herald/internal/devdata"
	"github.com/herald-events/herald/nlp/ner"
	"github.com/herald-events/herald/nlp/tag"
)

func TestScoreMentions(t *testing.T) {
	tests := []struct {
		name          string
		gold, pred    []ner.Mention
		tp, gold1, p1 int
		f1            float64
	}{
		{"exact", []ner.Mention{mn(0, 2, "PER"), mn(4, 5, "LOC")}, []ner.Mention{mn(0, 2, "PER"), mn(4, 5, "LOC")}, 2, 2, 2, 1},
		{"boundary miss", []ner.Mention{mn(0, 2, "PER")}, []ner.Mention{mn(1, 2, "PER")}, 0, 1, 1, 0},
		{"type miss", []ner.Mention{mn(0, 2, "PER")}, []ner.Mention{mn(0, 2, "ORG")}, 0, 1, 1, 0},
		{"half", []ner.Mention{mn(0, 1, "ORG"), mn(3, 4, "LOC")}, []ner.Mention{mn(0, 1, "ORG")}, 1, 2, 1, 2.0 / 3},
		{"nothing", nil, nil, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r NERResult
			r.ScoreMentions(tt.gold, tt.pred)
			o := r.Overall
			if o.TP != tt.tp || o.Gold != tt.gold1 || o.Pred != tt.p1 {
				t.Errorf("overall %+v, want TP %d gold %d pred %d", o, tt.tp, tt.gold1, tt.p1)
			}
			if d := o.F1() - tt.f1; d > 1e-9 || d < -1e-9 {
				t.Errorf("F1 %.4f, want %.4f", o.F1(), tt.f1)
			}
			sum := 0
			for _, p := range r.Labels {
				sum += p.Gold
			}
			if sum != tt.gold1 {
				t.Errorf("per-label gold counts add to %d, want %d", sum, tt.gold1)
			}
		})
	}
}

// Cross-validation on a small file: every sentence is scored once, by a
// model that did not see its document.
func TestNERCrossValidation(t *testing.T) {
	path := filepath.Join("testdata", "ner", "tiny.iob2")
	res, err := NER(path, NEROptions{Folds: 3, Train: ner.TrainConfig{Epochs: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sentences != 6 || res.Overall.Gold != 14 || res.Folds != 3 {
		t.Errorf("scored %d sentences, %d gold mentions, %d folds; want 6, 14, 3", res.Sentences, res.Overall.Gold, res.Folds)
	}
	if _, err := NER(filepath.Join("testdata", "ner", "missing.iob2"), NEROptions{}); err == nil {
		t.Error("NER on a missing file succeeded")
	}
}

// The honest score of the issue: 5-fold cross-validation by document on
// UNER English EWT dev with predicted part-of-speech tags.
func TestNERUNERDevCV(t *testing.T) {
	path := devdata.Path(t, "uner-en-ewt", "en_ewt-ud-dev.iob2")
	rec, err := ner.New()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	res, err := NER(path, NEROptions{Tagger: tg, Folds: 5, Train: ner.TrainConfig{Seed: 1, Classes: rec.WordClasses()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", res)
	if res.Overall.Gold != 966 {
		t.Errorf("%d gold mentions, want the 966 of UNER EWT dev", res.Overall.Gold)
	}
	if f := res.Overall.F1(); f < 0.63 {
		t.Errorf("cross-validated F1 %.4f < 0.63", f)
	}
}

func mn(start, end int, label string) ner.Mention {
	return ner.Mention{Start: start, End: end, Label: label}
}
