package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A one-article corpus in PolNeAR's layout: one direct quotation.
func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"text", "attributions"} {
		if err := os.Mkdir(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "\"The bridge will reopen in May,\" Mayor Ana Ruiz said on Monday.\n"
	ann := "T1\tSource 33 47\tMayor Ana Ruiz\nT2\tCue 48 52\tsaid\nT3\tContent 0 32\t\"The bridge will reopen in May,\"\nT4\tAttribution 48 52\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
	if err := os.WriteFile(filepath.Join(dir, "text", "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "a_x1.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalQuotes(t *testing.T) {
	dir := writeCorpus(t)
	var out, errb bytes.Buffer
	code := runMain([]string{"eval-quotes", "--polnear", dir, "--tags=false", "--min-direct-f1", "0.9", "--min-f1", "0.6", "--min-speaker", "0.8"}, streams{strings.NewReader(""), &out, &errb})
	if code != 0 {
		t.Fatalf("exit %d, stderr %s, stdout %s", code, errb.String(), out.String())
	}
	if !strings.Contains(out.String(), "direct    content>=50%        1      1      1") {
		t.Errorf("report:\n%s", out.String())
	}
	// An unreachable threshold fails with exit status 1.
	out.Reset()
	errb.Reset()
	if code := runMain([]string{"eval-quotes", "--polnear", dir, "--tags=false", "--min-f1", "1.01"}, streams{strings.NewReader(""), &out, &errb}); code != 1 {
		t.Errorf("exit %d under an unreachable threshold, want 1", code)
	}
	if code := runMain([]string{"eval-quotes"}, streams{strings.NewReader(""), &out, &errb}); code != 2 {
		t.Errorf("exit %d without --polnear, want 2", code)
	}
}
