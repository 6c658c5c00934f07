package tag

// TagAlt is Tag that also names, for each word the tagger hesitates over,
// its second choice: alt[i] receives the XPOS of the runner-up class of
// words[i] when it scores within margin weight units of the best, and ""
// otherwise (words tagged from the lexicon of sure words, and words whose
// first-pass choice wins by a wide margin, never get one). A parser can use
// it to hedge against tagging errors. alt must be as long as words.
func (t *Tagger) TagAlt(words []string, xpos, upos, alt []string, margin float64) {
	if len(words) == 0 {
		return
	}
	s := t.scratch.Get().(*scratch)
	s.ws = t.m.analyzeAll(s.ws, words)
	s.first = grow(s.first, len(words))
	s.second = grow(s.second, len(words))
	s.alt = grow(s.alt, len(words))
	if s.cache == nil {
		s.cache = newWordCache(len(t.m.xpos), len(t.m.passes))
	}
	cls := t.m.classesAlt(s.ws, words, s.scores, s.first, s.second, s.cache, s.alt, int32(margin*weightScale))
	for i, c := range cls {
		xpos[i], upos[i] = t.m.xpos[c], t.m.upos[c]
		alt[i] = ""
		if a := s.alt[i]; a > 0 && t.m.xpos[a-1] != xpos[i] {
			alt[i] = t.m.xpos[a-1]
		}
	}
	t.scratch.Put(s)
}

// runnerUp returns the runner-up class + 1 among scores, whose best class
// is b with the given margin over the runner-up, when that margin is at
// most limit; 0 otherwise.
func runnerUp(scores []int32, b int, margin, limit int32) uint16 {
	if margin > limit {
		return 0
	}
	for c, v := range scores {
		if c != b && v == scores[b]-margin {
			return uint16(c + 1)
		}
	}
	return 0
}
