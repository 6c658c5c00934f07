package herald_test

import (
	"testing"

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
