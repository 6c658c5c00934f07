// Package testfile reads the repository's own test inputs (testdata
// folders, samples) for tests and benchmarks; the shared development data
// outside the repository is read through internal/devdata.
//
// Only _test.go files import this package.
package testfile

import (
	"os"
	"testing"
)

// Read returns the contents of the file at path, failing tb when it
// cannot be read.
func Read(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
