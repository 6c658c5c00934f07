package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/nlp/ner"
)

var tinyIOB2 = filepath.Join("..", "..", "nlp", "ner", "testdata", "tiny.iob2")

func TestNERCommandIOB2(t *testing.T) {
	var out, errb bytes.Buffer
	if err := runNER([]string{"--iob2-in", tinyIOB2}, streams{strings.NewReader(""), &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	got, err := ner.ReadIOB2(&out, "output")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 6 {
		t.Fatalf("output has %d sentences, want the 6 of the input", len(got))
	}
	mentions := 0
	for _, s := range got {
		for _, m := range ner.Spans(s.Tags) {
			if m.Label != "PER" && m.Label != "ORG" && m.Label != "LOC" {
				t.Errorf("label %q outside the Universal NER types", m.Label)
			}
			mentions++
		}
		if len(s.Rows[0]) != 5 {
			t.Errorf("row %v lost columns", s.Rows[0])
		}
	}
	if mentions < 8 {
		t.Errorf("only %d mentions found in a file with 14", mentions)
	}
}

func TestNERCommandText(t *testing.T) {
	var out, errb bytes.Buffer
	in := strings.NewReader("Officials in Chicago said Mr. Johnson would meet Exxon Mobil Corp. executives.")
	if err := runNER(nil, streams{in, &out, &errb}); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if !strings.Contains(out.String(), "\tGPE\tChicago\n") {
		t.Errorf("output lacks Chicago as GPE:\n%s", out.String())
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if len(strings.Split(line, "\t")) != 4 {
			t.Errorf("line %q is not start, end, label, text", line)
		}
	}
}

func TestEvalNERCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int // 0 success, 1 under threshold, 2 usage
	}{
		{"shipped model", []string{"--iob2", tinyIOB2}, 0},
		{"cross-validated under threshold", []string{"--iob2", tinyIOB2, "--cv", "3", "--epochs", "2", "--min-f1", "0.999"}, 1},
		{"no gold file", nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := runEvalNER(tt.args, streams{strings.NewReader(""), &out, &errb})
			var ee exitError
			switch {
			case tt.code == 0 && err != nil:
				t.Fatalf("%v: %s", err, errb.String())
			case tt.code == 1 && (!errors.As(err, &ee) || ee.code != 1):
				t.Fatalf("err = %v, want exit status 1", err)
			case tt.code == 2 && !errors.Is(err, errUsage):
				t.Fatalf("err = %v, want a usage error", err)
			}
			if tt.code != 2 && !strings.Contains(out.String(), "all ") {
				t.Errorf("no overall score in output:\n%s", out.String())
			}
		})
	}
}
