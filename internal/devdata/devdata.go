// Package devdata finds and reads the shared development data for tests and
// benchmarks.
//
// The data (UD English EWT, UNER, PolNeAR, the PETRARCH validation records,
// the Phoenix dictionaries, the Reuters and news samples) is third-party and
// never copied into the repository: it lives in a directory named by the
// environment variable HERALD_SHARED, with the files under its "data"
// folder (for example HERALD_SHARED=/work/shared and
// /work/shared/data/ud-en-ewt/en_ewt-ud-dev.conllu). CI sets the variable;
// on a machine without it, the tests that need the data skip.
//
// Dir, Path, ReadFile, Glob, Concat and CoNLLU skip the calling test when
// HERALD_SHARED is unset and fail it when the file is missing or malformed;
// Lookup serves the tests and benchmarks whose shared part is optional.
//
// Only _test.go files import this package.
package devdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-events/herald/conllu"
)

// Env is the environment variable naming the shared directory.
const Env = "HERALD_SHARED"

// Lookup returns the shared directory and whether HERALD_SHARED is set.
func Lookup() (string, bool) {
	dir := os.Getenv(Env)
	return dir, dir != ""
}

// Dir returns the shared directory, or skips tb when HERALD_SHARED is unset.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, ok := Lookup()
	if !ok {
		tb.Skip(Env + " not set (the shared development data, e.g. " + Env + "=/work/shared)")
	}
	return dir
}

// Path returns filepath.Join(Dir(tb), "data", rel...).
func Path(tb testing.TB, rel ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{Dir(tb), "data"}, rel...)...)
}

// ReadFile returns the contents of Path(tb, rel...), failing tb on error.
func ReadFile(tb testing.TB, rel ...string) []byte {
	tb.Helper()
	b, err := os.ReadFile(Path(tb, rel...))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Glob returns the files matching the pattern Path(tb, rel...), in
// lexical order, failing tb when the pattern is malformed or matches
// nothing.
func Glob(tb testing.TB, rel ...string) []string {
	tb.Helper()
	pattern := Path(tb, rel...)
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no files match %s: %v", pattern, err)
	}
	return files
}

// Concat returns the files of Glob(tb, rel...) run together, each followed
// by a blank line, as one dump of articles.
func Concat(tb testing.TB, rel ...string) string {
	tb.Helper()
	var sb strings.Builder
	for _, f := range Glob(tb, rel...) {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		sb.Write(b)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// CoNLLU reads the CoNLL-U file Path(tb, rel...), failing tb on error.
func CoNLLU(tb testing.TB, rel ...string) []conllu.Sentence {
	tb.Helper()
	path := Path(tb, rel...)
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	ss, err := conllu.Read(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return ss
}
