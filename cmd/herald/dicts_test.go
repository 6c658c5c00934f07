package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadDicts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("extra.actors.txt", "GONDOR_ [GON]\n")
	write("my.verbs.txt", "--- CRITICIZE [111] ---\nCRITICIZE {CRITICIZES CRITICIZED}\n")

	t.Run("Herald's alone", func(t *testing.T) {
		set, err := loadDicts(dictOptions{}, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		if act, n, _ := set.Actors.Match([]string{"GONDOR"}, 0); act != nil || n != 0 {
			t.Errorf("Herald's actors know Gondor")
		}
		if act, _, _ := set.Actors.Match([]string{"IRAN"}, 0); act == nil {
			t.Errorf("Herald's actors do not know Iran")
		}
	})
	t.Run("added", func(t *testing.T) {
		set, err := loadDicts(dictOptions{dir: dir}, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"GONDOR", "IRAN"} {
			if act, _, _ := set.Actors.Match([]string{w}, 0); act == nil {
				t.Errorf("%s unknown after adding %s", w, dir)
			}
		}
		if got := len(set.Verbs.Blocks); got != 1 {
			t.Errorf("verb blocks = %d, want the directory's 1 in place of Herald's", got)
		}
	})
	t.Run("only", func(t *testing.T) {
		set, err := loadDicts(dictOptions{dir: dir, only: true}, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		if act, _, _ := set.Actors.Match([]string{"IRAN"}, 0); act != nil {
			t.Errorf("--dict-only still knows Herald's Iran")
		}
	})
	write("bad.actors.txt", "MORDOR_ [MOR]\nBROKEN [\n")
	t.Run("malformed line fails", func(t *testing.T) {
		_, err := loadDicts(dictOptions{dir: dir}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "bad.actors.txt:2") {
			t.Fatalf("err = %v, want bad.actors.txt:2", err)
		}
	})
	t.Run("malformed line skipped with lenient", func(t *testing.T) {
		var warn bytes.Buffer
		set, err := loadDicts(dictOptions{dir: dir, lenient: true}, &warn)
		if err != nil {
			t.Fatal(err)
		}
		if act, _, _ := set.Actors.Match([]string{"MORDOR"}, 0); act == nil {
			t.Error("the well-formed line of bad.actors.txt was not loaded")
		}
		if !strings.Contains(warn.String(), "bad.actors.txt:2") {
			t.Errorf("warning = %q", warn.String())
		}
	})
	t.Run("empty directory", func(t *testing.T) {
		_, err := loadDicts(dictOptions{dir: t.TempDir()}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "no dictionary files") {
			t.Fatalf("err = %v", err)
		}
	})
}
