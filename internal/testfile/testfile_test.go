package testfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("Reuters\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := string(Read(t, path)); got != "Reuters\n" {
		t.Errorf("Read = %q", got)
	}
}
