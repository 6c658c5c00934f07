package ingest

import (
	"bytes"
	"encoding/json"
	"flag"
	"github.com/herald-events/herald/internal/testfile"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenDoc is the part of a document that readers fill.
type goldenDoc struct {
	ID, Source, URL, Title, Byline string
	Date                           string `json:",omitempty"`
	Text                           string
}

type golden struct {
	Docs   []goldenDoc
	Errors []string
}

// TestGolden reads every input in testdata and compares what comes out
// with testdata/golden/<name>.json. Run with -update to rewrite them after
// a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.*")
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			docs, errs := ReadBytes(name, testfile.Read(t, f))
			var g golden
			for _, d := range docs {
				gd := goldenDoc{ID: d.ID, Source: d.Source, URL: d.URL, Title: d.Title, Byline: d.Byline, Text: d.Text}
				if !d.Date.IsZero() {
					gd.Date = d.Date.UTC().Format(time.RFC3339) // UTC: the same whatever the local zone
				}
				g.Docs = append(g.Docs, gd)
			}
			for _, e := range errs {
				g.Errors = append(g.Errors, e.Error())
			}
			got, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run with -update and review the diff):\n%s", path, got)
			}
		})
	}
}
