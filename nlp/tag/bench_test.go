package tag_test

import (
	"testing"

	"github.com/herald-events/herald/internal/devdata"
)

// benchSentences returns the words of EWT dev, or a small built-in sample
// when HERALD_SHARED is not set.
func benchSentences(b *testing.B) [][]string {
	if _, ok := devdata.Lookup(); ok {
		sents := devdata.CoNLLU(b, "ud-en-ewt", "en_ewt-ud-dev.conllu")
		out := make([][]string, len(sents))
		for i, s := range sents {
			for _, w := range s.Words {
				out[i] = append(out[i], w.Form)
			}
		}
		return out
	}
	return [][]string{
		{"Iran", "'s", "supreme", "leader", "accused", "Muslim", "states", "of", "betraying", "the", "Palestinians", "."},
		{"The", "central", "bank", "raised", "interest", "rates", "by", "half", "a", "point", "on", "Tuesday", ",", "officials", "said", "."},
		{"I", "would", "n't", "recommend", "this", "place", "to", "anyone", "!"},
	}
}

// BenchmarkTag measures tagging throughput in sentences per second.
func BenchmarkTag(b *testing.B) {
	tg := newTagger(b)
	sents := benchSentences(b)
	xp, up := make([]string, 512), make([]string, 512)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		s := sents[i%len(sents)]
		tg.Tag(s, xp, up)
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		// On a shared machine wall time includes waiting for a core; CPU
		// time of the process does not.
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}
