package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/nlp/cluster"
)

// Feature templates. Their numbers are part of the model format: append
// new ones, never renumber.
const (
	fBias byte = iota
	fWord
	fLower
	fShape
	fShort
	fPrefix
	fSuffix
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fShapePrev
	fShapeNext
	fPOS
	fPOSPrev
	fPOSNext
	fPOSBigramPrev
	fPOSBigramNext
	fPOSShort
	fFirst
	fGaz
	fTitleBefore
	fOrgSuffixRight
	fLocSuffixRight
	fIsOrgSuffix
	fIsLocSuffix
	fWordClass
	fWordClassPrev
	fWordClassNext
	fSentCase
	fBigramPrev
	fBigramNext
	fTitleBeforeShort
	fGazShort
	fFlat
	fCluster            // the word's leaf cluster (nlp/cluster)
	fClusterMid         // its mid-level cluster
	fClusterShape       // its leaf cluster and short shape
	fClusterCoarseShape // its top-level cluster and short shape
)

// hasher builds 64-bit FNV-1a feature keys without allocating.
type hasher uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newHash(t byte) hasher { return hasher(fnvOffset).byte(t) }

func (h hasher) byte(b byte) hasher { return (h ^ hasher(b)) * fnvPrime }

func (h hasher) u16(x uint16) hasher { return h.byte(byte(x)).byte(byte(x >> 8)) }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return h.byte(0xff)
}

// sentence holds what feature extraction reads of one sentence.
type sentence struct {
	words, lower, shape, short, pos, class []string
	gaz                                    []match
	prof                                   []uint32
	caseMode                               string
	// one holds the gazetteer classes of each word on its own, matched
	// regardless of case (the first result of Lookup on words[i:i+1]).
	one []Kind
	// pre tells the words whose lower case begins a gazetteer name of
	// more words (Gazetteer.prefixes).
	pre []bool
}

func (r *model) prepare(g *Gazetteer, words, xpos []string) *sentence {
	return r.prepareCached(g, words, xpos, nil)
}

// wordInfo is what prepare reads of one word on its own.
type wordInfo struct {
	lower, shape, short, class string
	prof                       uint32
	one                        Kind
	pre                        bool // lower is in Gazetteer.prefixes
}

// info returns what prepare reads of word w on its own.
func (r *model) info(g *Gazetteer, w string) wordInfo {
	var in wordInfo
	in.lower = strings.ToLower(w)
	in.one = g.kinds[in.lower]
	_, in.pre = g.prefixes[in.lower]
	in.shape, in.short = shapes(w)
	in.class, in.prof = r.lexOf(in.lower)
	return in
}

// prepareCached is prepare reading the words it saw recently from c (if
// not nil).
func (r *model) prepareCached(g *Gazetteer, words, xpos []string, c *rowCache) *sentence {
	n := len(words)
	// One array behind the four string columns.
	cols := make([]string, 4*n)
	s := &sentence{words: words, pos: xpos,
		lower: cols[:n:n], shape: cols[n : 2*n : 2*n], short: cols[2*n : 3*n : 3*n], class: cols[3*n:],
		one: make([]Kind, n), pre: make([]bool, n)}
	if r.prof != nil && n > 0 {
		s.prof = make([]uint32, n)
	}
	upper, lowerOnly, letters := 0, 0, 0
	for i, w := range words {
		var in wordInfo
		if c != nil {
			in = c.info(r, g, w)
		} else {
			in = r.info(g, w)
		}
		s.lower[i], s.shape[i], s.short[i], s.class[i], s.one[i], s.pre[i] = in.lower, in.shape, in.short, in.class, in.one, in.pre
		if s.prof != nil {
			s.prof[i] = in.prof
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
			if w == s.lower[i] {
				lowerOnly++
			}
		}
	}
	switch {
	case letters >= 3 && upper == 0:
		s.caseMode = "lower"
	case letters >= 3 && lowerOnly == 0 && allUpper(words):
		s.caseMode = "upper"
	case letters >= 4 && upper*10 >= letters*7:
		s.caseMode = "title"
	default:
		s.caseMode = "mixed"
	}
	s.gaz = g.matches(s.lower, words, s.one, s.pre)
	return s
}

func allUpper(words []string) bool {
	for _, w := range words {
		if strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

// shapes returns the shape of w (each letter as X or x, digit as d) cut to
// 12 runes, and the short shape with repeats collapsed.
func shapes(w string) (string, string) {
	var long, short []byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if n < 12 {
			long = append(long, c)
		}
		n++
		if len(short) == 0 || short[len(short)-1] != c {
			short = append(short, c)
		}
	}
	return string(long), string(short)
}

func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func at(xs []string, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(xs) {
		return "</s>"
	}
	return xs[i]
}

// features appends the feature keys of token i to dst: first those of the
// word's own form alone (ownKeys), then those of its context
// (contextKeys).
func (s *sentence) features(g *Gazetteer, i int, dst []uint64) []uint64 {
	return s.contextKeys(g, i, s.ownKeys(i, dst))
}

// ownKeys appends the keys of the features of token i that depend on the
// word's own form alone: bias, word, lower case, shape, short shape, up to
// three prefixes and four suffixes, and four word-cluster features.
// Emissions sums their weights once per word (rowCache) and reads only the
// context features of a word seen again.
func (s *sentence) ownKeys(i int, dst []uint64) []uint64 {
	add := func(h hasher) { dst = append(dst, uint64(h)) }
	w, lw, short := s.words[i], s.lower[i], s.short[i]
	add(newHash(fBias))
	add(newHash(fWord).str(w))
	add(newHash(fLower).str(lw))
	add(newHash(fShape).str(s.shape[i]))
	add(newHash(fShort).str(short))
	if utf8.ValidString(lw) {
		// The first and last runes, cut without converting to runes
		// (the same bytes as below, as lw is valid UTF-8).
		var ends [4]int // ends[k-1]: bytes of the first k runes
		nr := 0
		for b := range lw {
			if nr > 0 && nr <= 4 {
				ends[nr-1] = b
			}
			nr++
			if nr > 4 {
				break
			}
		}
		if nr >= 1 && nr <= 4 {
			ends[nr-1] = len(lw)
		}
		total := nr
		if nr > 4 {
			total = utf8.RuneCountInString(lw)
		}
		from := len(lw)
		for k := 1; k <= 4 && k <= total; k++ {
			if k <= 3 {
				add(newHash(fPrefix).str(lw[:ends[k-1]]))
			}
			_, size := utf8.DecodeLastRuneInString(lw[:from])
			from -= size
			add(newHash(fSuffix).str(lw[from:]))
		}
	} else {
		rs := []rune(lw)
		for k := 1; k <= 4 && k <= len(rs); k++ {
			if k <= 3 {
				add(newHash(fPrefix).str(string(rs[:k])))
			}
			add(newHash(fSuffix).str(string(rs[len(rs)-k:])))
		}
	}
	// The word's cluster in GloVe space at three levels (0 for words the
	// table lacks), alone and with the word's shape: an unseen company
	// name shares a cluster with the companies of the training data.
	var buf [32]byte
	c := cluster.Default().Of(cluster.Normalize(buf[:0], w))
	add(newHash(fCluster).u16(c))
	add(newHash(fClusterMid).u16(cluster.Mid(c)))
	add(newHash(fClusterShape).u16(c).str(short))
	add(newHash(fClusterCoarseShape).u16(cluster.Coarse(c)).str(short))
	return dst
}

// contextKeys appends the keys of the features of token i that read its
// context (neighbours, tags, gazetteers, word classes).
func (s *sentence) contextKeys(g *Gazetteer, i int, dst []uint64) []uint64 {
	add := func(h hasher) { dst = append(dst, uint64(h)) }
	w, lw, short := s.words[i], s.lower[i], s.short[i]
	add(newHash(fPrevLower).str(at(s.lower, i-1)))
	add(newHash(fNextLower).str(at(s.lower, i+1)))
	add(newHash(fPrev2Lower).str(at(s.lower, i-2)))
	add(newHash(fNext2Lower).str(at(s.lower, i+2)))
	add(newHash(fBigramPrev).str(at(s.lower, i-1)).str(lw))
	add(newHash(fBigramNext).str(lw).str(at(s.lower, i+1)))
	add(newHash(fShapePrev).str(at(s.short, i-1)).str(short))
	add(newHash(fShapeNext).str(short).str(at(s.short, i+1)))
	if s.pos != nil {
		p := s.pos[i]
		add(newHash(fPOS).str(p))
		add(newHash(fPOSPrev).str(at(s.pos, i-1)))
		add(newHash(fPOSNext).str(at(s.pos, i+1)))
		add(newHash(fPOSBigramPrev).str(at(s.pos, i-1)).str(p))
		add(newHash(fPOSBigramNext).str(p).str(at(s.pos, i+1)))
		add(newHash(fPOSShort).str(p).str(short))
	}
	if i == 0 {
		add(newHash(fFirst).str(short))
	}
	add(newHash(fSentCase).str(s.caseMode).str(short))
	add(newHash(fWordClass).str(s.class[i]).str(short))
	add(newHash(fWordClass).str(s.class[i]))
	add(newHash(fWordClassPrev).str(at(s.class, i-1)))
	add(newHash(fWordClassNext).str(at(s.class, i+1)))
	if s.prof != nil {
		// How often the word is part of a multi-word name (a flat
		// relation) in the treebank.
		add(newHash(fFlat).byte(flatShare(s.prof[i])).str(short))
	}

	for _, m := range s.gaz {
		if i < m.start || i >= m.end {
			continue
		}
		pos := byte('I')
		switch {
		case m.end-m.start == 1:
			pos = 'U'
		case i == m.start:
			pos = 'B'
		case i == m.end-1:
			pos = 'L'
		}
		for k := range numKinds {
			bit := Kind(1) << k
			if m.kind&bit == 0 || bit == KindCalendar {
				continue // days and months serve the rules, not the model
			}
			ex := byte('0')
			if m.exact&bit != 0 {
				ex = '1'
			}
			add(newHash(fGaz).str(kindNames[k]).byte(pos).byte(ex))
			add(newHash(fGazShort).str(kindNames[k]).str(short))
		}
	}
	// A title or honorific just before (or two before, past a given name).
	for _, back := range []int{1, 2} {
		j := i - back
		if j < 0 {
			break
		}
		if s.one[j]&KindTitle != 0 {
			add(newHash(fTitleBefore).byte(byte(back)))
			add(newHash(fTitleBeforeShort).byte(byte(back)).str(short))
			break
		}
		if !capitalized(s.words[j]) {
			break
		}
	}
	if k := s.one[i]; k != 0 {
		if k&KindOrgSuffix != 0 {
			add(newHash(fIsOrgSuffix).str(short))
		}
		if k&KindLocSuffix != 0 {
			add(newHash(fIsLocSuffix).str(short))
		}
	}
	// A run of capitalised words to the right that ends with an
	// organisation or place word (Acme Widget Corp, Baker Street).
	if capitalized(w) {
		for j := i + 1; j < len(s.words) && j <= i+5; j++ {
			wj := s.words[j]
			if !capitalized(wj) && wj != "of" && wj != "&" && wj != "and" && wj != "for" && wj != "the" {
				break
			}
			if !capitalized(wj) {
				continue
			}
			k := s.one[j]
			if k&KindOrgSuffix != 0 {
				add(newHash(fOrgSuffixRight).byte(byte(min(j-i, 3))))
			}
			if k&KindLocSuffix != 0 {
				add(newHash(fLocSuffixRight).byte(byte(min(j-i, 3))))
			}
		}
	}
	return dst
}
