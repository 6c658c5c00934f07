package herald_test

import (
	"testing"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/dict/herald"
	"github.com/herald-events/herald/extract/event"
)

// BenchmarkSet measures what Herald's default dictionaries add to the
// start-up of "herald run": parsing the embedded files (Set) and compiling
// the verb patterns for the coder (Set+Coder).
func BenchmarkSet(b *testing.B) {
	b.Run("Set", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := herald.Set(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Set+Coder", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := herald.Set()
			if err != nil {
				b.Fatal(err)
			}
			event.NewCoder(s, event.DefaultOptions())
		}
	})
}

// TestSetIsLoadFS checks that Set reads what dict.LoadFS reads from FS, so
// that Set can be written as that call.
func TestSetIsLoadFS(t *testing.T) {
	a, err := herald.Set()
	if err != nil {
		t.Fatal(err)
	}
	b, err := dict.LoadFS(herald.FS(), dict.Files{Verbs: herald.VerbsFile, Actors: herald.ActorFiles,
		Agents: herald.AgentsFile, Discards: herald.DiscardsFile}, true)
	if err != nil {
		t.Fatal(err)
	}
	count := func(s *dict.Set) [6]int {
		return [6]int{len(s.Verbs.Blocks), s.Verbs.NumForms(), len(s.Verbs.Synsets), len(s.Actors.Entries), len(s.Agents.Entries), len(s.Discards.Entries)}
	}
	if count(a) != count(b) {
		t.Errorf("Set read %v, LoadFS %v", count(a), count(b))
	}
	words := []string{"FOREIGN", "MINISTER", "OF", "IRAN"}
	for i := range words {
		x, n, p := a.Actors.Match(words, i)
		y, m, q := b.Actors.Match(words, i)
		if x != nil && (y == nil || x.Name != y.Name || n != m || p != q) || x == nil && y != nil {
			t.Errorf("at %d: Set matches %v %d %v, LoadFS %v %d %v", i, x, n, p, y, m, q)
		}
	}
}
