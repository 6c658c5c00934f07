package segment

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/nlp/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden tokenizes and splits testdata/*.txt and compares the result,
// one sentence a line with its tokens separated by " | ", with the
// matching .golden file. Run "go test -update" after a deliberate change and
// review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test texts: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			toks := tokenize.Tokens(text, nil)
			var out strings.Builder
			for _, s := range Sentences(text, toks, nil) {
				for i := s.Start; i < s.End; i++ {
					if i > s.Start {
						out.WriteString(" | ")
					}
					out.WriteString(text[toks[i].Start:toks[i].End])
				}
				out.WriteByte('\n')
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := out.String(); got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("line %d differs:\n got %s\nwant %s", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("got %d lines, want %d", len(gl), len(wl))
			}
		})
	}
}
