package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/record"
)

// TestRunSample runs the README's first command on the repository's sample
// and checks the summaries and the herald/1 records.
func TestRunSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	var stdout, stderr bytes.Buffer
	code := runMain([]string{"run", "--out", out, "--date", "2025-06-01", "../../samples/dump.txt"}, streams{strings.NewReader(""), &stdout, &stderr})
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	for _, want := range []string{
		"== Iran condemns Israeli strikes on Gaza, urges Muslim states to cut ties",
		"== EU ministers agree new sanctions on Russia after drone attacks on Ukraine",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout.String())
		}
	}
	if !strings.Contains(stderr.String(), "2 documents") {
		t.Errorf("closing summary: %s", stderr.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []record.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d record.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if len(docs) != 2 {
		t.Fatalf("%d records", len(docs))
	}
	d := docs[0]
	if d.Schema != "herald/1" || len(d.Sentences) < 5 || len(d.Entities) == 0 || len(d.Quotes) == 0 {
		t.Errorf("record 0: %d sentences, %d entities, %d quotes", len(d.Sentences), len(d.Entities), len(d.Quotes))
	}
	// Every event is traceable: its spans lie in the text and name its words.
	found := false
	for _, e := range d.Events {
		if e.Rule == "" || e.Plover == "" && e.Root != "01" && e.Root != "02" || e.Quad < 1 || e.Quad > 4 {
			t.Errorf("event without codebook fields or rule: %+v", e)
		}
		if e.Verb.Start < 0 || int(e.Verb.End) > len(d.Text) || d.Text[e.Verb.Start:e.Verb.End] != e.Verb.Text {
			t.Errorf("verb span %+v does not match the text", e.Verb)
		}
		if e.Root == "11" && strings.HasPrefix(e.Source.Code, "IRN") && e.Target.Code == "ISR" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Iranian criticism of Israel among %+v", d.Events)
	}
}

// TestRunReportsFailures checks that an input that yields no document is
// listed, counted and makes the exit status non-zero, while the others are
// still read.
func TestRunReportsFailures(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(good, []byte(`{"id":"x1","text":"Iran condemned Israel on Monday."}`+"\n"+`{"id":"x2"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := runMain([]string{"run", "--out", "-", good, filepath.Join(dir, "missing.txt")}, streams{strings.NewReader(""), &stdout, &stderr})
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, stderr.String())
	}
	if n := strings.Count(stdout.String(), `"schema":"herald/1"`); n != 1 {
		t.Errorf("%d records written, want 1", n)
	}
	for _, want := range []string{"a.jsonl:2", "missing.txt", "2 inputs failed"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
