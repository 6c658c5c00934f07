package tag

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. Each feature is a 64-bit key mixing a template number
// with hashes of the strings or tags it looks at, so that no string is built
// at run time. The numbers are part of the model format: append new
// templates, never renumber.
const (
	tBias = iota + 1
	tWord
	tLower
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tShape
	tShortShape
	tFlags
	tHyphen
	tDigit
	tUpper
	tFirstCap
	tPrev1
	tPrev2
	tPrev12
	tPrev1Lower
	tLowerM1
	tLowerM2
	tLowerP1
	tLowerP2
	tSuf3M1
	tSuf3P1
	tShapeM1
	tShapeP1
	tBigramM1
	tBigramP1
	tPrev1LowerP1
	tSuf2P1
	tPrev1Suf3
	tSentCaseCap
	tLowerM1P1
	tLowerP1P2
	tPrev1ShapeI
	tPrev2LowerM1
	tSuf2M1
	tNextCap
	tRight1
	tRight2
	tRight12
	tLeftRight
	tRight1Lower
	tSelf1
	tSelf1Lower
	tRight1LowerP1
	tAmb
	tAmbPrev1
	tAmbNext
	tAmbM1
	tAmbP1
	tLex
	tLexPrev1
	tLexSuf3
	tLexNext
	tSelfRight1
	tPrev1Self
	tRight1Lex
	tRight1Suf3
	tLexCap
	tSuf5
	tLength
	tAux
	tAuxM1
	tAuxP1
	tAuxM1P1
	tAuxPrev1
	tAuxLower
	tAuxP1P2
)

// numAux is the number of features extractAux writes.
const numAux = 7

// maxFeatures is the most features a word has: those of extract, of
// extractAux and of extractRight.
const maxFeatures = numFeatures + numAux + numRight

// extractAux writes the features of the auxiliary tags (such as predicted
// parts of speech, for a model trained on examples with Aux) of word i and
// its neighbours into o.
func extractAux(o []uint64, ws []wordInfo, i int, p1 uint64) {
	a := ws[i].aux
	m1, n1, n2 := uint64(1), uint64(2), uint64(2)
	if i > 0 {
		m1 = ws[i-1].aux
	}
	if i+1 < len(ws) {
		n1 = ws[i+1].aux
	}
	if i+2 < len(ws) {
		n2 = ws[i+2].aux
	}
	o[0] = key(tAux, a, 0)
	o[1] = key(tAuxM1, m1, a)
	o[2] = key(tAuxP1, a, n1)
	o[3] = key(tAuxM1P1, m1, n1)
	o[4] = key(tAuxPrev1, a, p1)
	o[5] = key(tAuxLower, a, ws[i].lower)
	o[6] = key(tAuxP1P2, n1, n2)
}

// features writes the feature keys of word i for m into out and returns
// how many: those of extract, then those of extractAux when m has
// auxiliary tags, then with first (the first pass's classes) those of
// extractRight.
func (m *model) features(out *[maxFeatures]uint64, ws []wordInfo, i int, p1, p2, sentCase uint64, first []uint16) int {
	extract(out, ws, i, p1, p2, sentCase)
	n := numFeatures
	if m.aux {
		extractAux(out[n:n+numAux], ws, i, p1)
		n += numAux
	}
	if first != nil {
		extractRight(out[n:n+numRight], ws, first, i, p1)
		n += numRight
	}
	return n
}

// numRight is the number of features extractRight writes.
const numRight = 12

// extractRight writes the features of the second pass, which sees the tags
// the first pass gave to word i and the two words after it (first), after
// the features of extract.
func extractRight(o []uint64, ws []wordInfo, first []uint16, i int, p1 uint64) {
	r1, r2 := uint64(noTag+1), uint64(noTag+1)
	lowerP1, lexP1, sufP1 := endWord.lower, endWord.lex, endWord.suf[2]
	if i+1 < len(first) {
		r1 = uint64(first[i+1])
		lowerP1, lexP1, sufP1 = ws[i+1].lower, ws[i+1].lex, ws[i+1].suf[2]
	}
	if i+2 < len(first) {
		r2 = uint64(first[i+2])
	}
	self := uint64(first[i])
	o[0] = key(tRight1, r1, 0)
	o[1] = key(tRight2, r2, 0)
	o[2] = key(tRight12, r1, r2)
	o[3] = key(tLeftRight, p1, r1)
	o[4] = key(tRight1Lower, r1, ws[i].lower)
	o[5] = key(tSelf1, self, 0)
	o[6] = key(tSelf1Lower, self, ws[i].lower)
	o[7] = key(tRight1LowerP1, r1, lowerP1)
	o[8] = key(tSelfRight1, self, r1)
	o[9] = key(tPrev1Self, p1, self)
	o[10] = key(tRight1Lex, r1, lexP1)
	o[11] = key(tRight1Suf3, r1, sufP1)
}

// Word flags folded into the tFlags feature.
const (
	flagHyphen = 1 << iota
	flagDigit
	flagUpper
	flagAllUpper
	flagInitCap
	flagFirst
	flagPeriod
	flagAlpha
	flagNonAlnum
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is a 64-bit finalizer (from splitmix64).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// key combines a template with up to two values into a feature key.
func key(t, a, b uint64) uint64 {
	return mix(mix(t*0x9e3779b97f4a7c15^a) ^ b)
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		h ^= uint64(r)
		h *= fnvPrime
		return h
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	for i := 0; i < n; i++ {
		h ^= uint64(buf[i])
		h *= fnvPrime
	}
	return h
}

func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// hashLower hashes the lower-case form of s[from:to].
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range s {
		h = hashRune(h, lowerRune(r))
	}
	return h
}

// wordInfo holds the hashes of one word that the features of it and of its
// neighbours use.
type wordInfo struct {
	word, lower         uint64
	pre                 [4]uint64
	suf                 [4]uint64
	suf5                uint64
	length              uint64 // runes, capped at 12
	shape, short, flags uint64
	sure                uint16 // 1 + the class of a frequent unambiguous word; 0 otherwise
	lex                 uint64 // word classes from the outside lexicon, with derived inflections
	aux                 uint64 // hash of the word's auxiliary tag (models with aux only)
}

// shapeClass maps a rune to its shape character.
func shapeClass(r rune) rune {
	switch {
	case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
		return 'x'
	case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
		return 'X'
	case r < utf8.RuneSelf && '0' <= r && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return r
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// sentenceCase classifies the capitalization of a sentence from its
// analysed words: 0 no letters, 1 all lower case, 2 mixed, 3 most words
// capitalized (headline style), 4 all capitals.
func sentenceCase(ws []wordInfo) uint64 {
	alpha, init, lower, allUp := 0, 0, 0, 0
	for i := range ws {
		f := ws[i].flags
		if f&flagAlpha == 0 {
			continue
		}
		alpha++
		switch {
		case f&flagAllUpper != 0:
			allUp++
			init++
		case f&flagInitCap != 0:
			init++
		case f&flagUpper == 0:
			lower++
		}
	}
	switch {
	case alpha == 0:
		return 0
	case lower == alpha:
		return 1
	case allUp == alpha || (alpha >= 3 && allUp*5 >= alpha*4):
		return 4
	case alpha >= 3 && init*4 >= alpha*3:
		return 3
	}
	return 2
}

// analyze fills wi for word w, the i-th word of its sentence.
func analyze(wi *wordInfo, w string, i int) {
	wi.word = hashString(w)
	var flags uint64
	if i == 0 {
		flags |= flagFirst
	}
	// Prefixes, shapes and flags in one forward pass.
	h := uint64(fnvOffset)
	shape, short := uint64(fnvOffset), uint64(fnvOffset)
	var last rune = -1
	run := 0
	n := 0
	upper, letters := 0, 0
	for _, r := range w {
		lr := lowerRune(r)
		h = hashRune(h, lr)
		if n < 4 {
			wi.pre[n] = h
		}
		n++
		c := shapeClass(r)
		if c == last {
			run++
		} else {
			run = 1
			short = hashRune(short, c)
		}
		if run <= 4 {
			shape = hashRune(shape, c)
		}
		last = c
		switch {
		case c == 'X':
			upper++
			letters++
			if n == 1 {
				flags |= flagInitCap
			}
		case c == 'x':
			letters++
		case c == 'd':
			flags |= flagDigit
		case r == '-':
			flags |= flagHyphen
		case r == '.':
			flags |= flagPeriod
		}
		if c != 'x' && c != 'X' && c != 'd' {
			flags |= flagNonAlnum
		}
	}
	for k := n; k < 4; k++ {
		wi.pre[k] = h
	}
	wi.lower = h
	if upper > 0 {
		flags |= flagUpper
		if upper == letters && letters > 1 {
			flags |= flagAllUpper
		}
	}
	if letters > 0 {
		flags |= flagAlpha
	}
	wi.shape, wi.short, wi.flags = shape, short, flags
	// Suffixes: walk back up to four runes.
	end := len(w)
	start := end
	for k := 0; k < 5; k++ {
		if start > 0 {
			_, size := utf8.DecodeLastRuneInString(w[:start])
			start -= size
		}
		if k < 4 {
			wi.suf[k] = hashLower(w[start:end])
		} else {
			wi.suf5 = hashLower(w[start:end])
		}
	}
	wi.length = uint64(min(n, 12))
}

// Hashes standing for the words beyond the sentence edges and the tags
// before the first word.
var (
	startWord = wordInfo{word: 1, lower: 1, shape: 1, short: 1, suf: [4]uint64{1, 1, 1, 1}}
	endWord   = wordInfo{word: 2, lower: 2, shape: 2, short: 2, suf: [4]uint64{2, 2, 2, 2}}
)

const noTag = 1 << 16 // tag value before the first word

// numFeatures is the number of features extract writes.
const numFeatures = 49

// extract writes the feature keys of word i into out, given the analysed
// words of the sentence and the two previous predicted classes.
func extract(out *[maxFeatures]uint64, ws []wordInfo, i int, p1, p2, sentCase uint64) {
	w := &ws[i]
	m1, m2, n1, n2 := &startWord, &startWord, &endWord, &endWord
	if i > 0 {
		m1 = &ws[i-1]
	}
	if i > 1 {
		m2 = &ws[i-2]
	}
	if i+1 < len(ws) {
		n1 = &ws[i+1]
	}
	if i+2 < len(ws) {
		n2 = &ws[i+2]
	}
	out[0] = key(tBias, 0, 0)
	out[1] = key(tWord, w.word, 0)
	out[2] = key(tLower, w.lower, 0)
	out[3] = key(tPre1, w.pre[0], 0)
	out[4] = key(tPre2, w.pre[1], 0)
	out[5] = key(tPre3, w.pre[2], 0)
	out[6] = key(tPre4, w.pre[3], 0)
	out[7] = key(tSuf1, w.suf[0], 0)
	out[8] = key(tSuf2, w.suf[1], 0)
	out[9] = key(tSuf3, w.suf[2], 0)
	out[10] = key(tSuf4, w.suf[3], 0)
	out[11] = key(tShape, w.shape, 0)
	out[12] = key(tShortShape, w.short, 0)
	out[13] = key(tFlags, w.flags, 0)
	out[14] = key(tHyphen, w.flags&flagHyphen, 0)
	out[15] = key(tDigit, w.flags&flagDigit, 0)
	out[16] = key(tUpper, w.flags&flagUpper, 0)
	out[17] = key(tFirstCap, w.flags&(flagFirst|flagInitCap), 0)
	out[18] = key(tPrev1, p1, 0)
	out[19] = key(tPrev2, p2, 0)
	out[20] = key(tPrev12, p1, p2)
	out[21] = key(tPrev1Lower, p1, w.lower)
	out[22] = key(tLowerM1, m1.lower, 0)
	out[23] = key(tLowerM2, m2.lower, 0)
	out[24] = key(tLowerP1, n1.lower, 0)
	out[25] = key(tLowerP2, n2.lower, 0)
	out[26] = key(tSuf3M1, m1.suf[2], 0)
	out[27] = key(tSuf3P1, n1.suf[2], 0)
	out[28] = key(tShapeM1, m1.short, 0)
	out[29] = key(tShapeP1, n1.short, 0)
	out[30] = key(tBigramM1, m1.lower, w.lower)
	out[31] = key(tBigramP1, w.lower, n1.lower)
	out[32] = key(tPrev1LowerP1, p1, n1.lower)
	out[33] = key(tSuf2P1, n1.suf[1], 0)
	out[34] = key(tPrev1Suf3, p1, w.suf[2])
	out[35] = key(tSentCaseCap, sentCase, w.flags&(flagFirst|flagInitCap|flagAllUpper))
	out[36] = key(tLowerM1P1, m1.lower, n1.lower)
	out[37] = key(tLowerP1P2, n1.lower, n2.lower)
	out[38] = key(tPrev1ShapeI, p1, w.short)
	out[39] = key(tPrev2LowerM1, p2, m1.lower)
	out[40] = key(tSuf2M1, m1.suf[1], 0)
	out[41] = key(tNextCap, w.flags&flagInitCap, n1.flags&(flagInitCap|flagAllUpper))
	out[42] = key(tLex, w.lex, 0)
	out[43] = key(tLexPrev1, w.lex, p1)
	out[44] = key(tLexSuf3, w.lex, w.suf[2])
	out[45] = key(tLexNext, w.lex, n1.lex)
	out[46] = key(tLexCap, w.lex, w.flags&(flagFirst|flagInitCap|flagAllUpper))
	out[47] = key(tSuf5, w.suf5, 0)
	out[48] = key(tLength, w.length, w.flags&(flagInitCap|flagAllUpper|flagDigit))
}

// lexiconClass returns the outside-lexicon classes of w: bits 0-3 for w
// itself (Lex*), and higher bits when w is a regular inflection of a word
// of the lexicon: bit 7 plural noun, 8 verb -s, 9 verb -ed, 10 verb -ing,
// 11 adjective -er/-est. Bit 12 marks a word of the lexicon at all.
func (m *model) lexiconKey(h uint64) uint64 { return uint64(m.lexicon[h>>24<<24]) }

func (m *model) lexiconClass(w string) uint64 {
	if len(w) > 40 {
		return 0
	}
	// Lower-case ASCII copy on the stack; other words only get a direct
	// lookup.
	var buf [40]byte
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if !ascii {
		return m.lexiconKey(hashLower(w))
	}
	lw := buf[:len(w)]
	h := func(b []byte, extra string) uint64 {
		x := uint64(fnvOffset)
		for _, c := range b {
			x ^= uint64(c)
			x *= fnvPrime
		}
		for i := 0; i < len(extra); i++ {
			x ^= uint64(extra[i])
			x *= fnvPrime
		}
		return m.lexiconKey(x)
	}
	cls := h(lw, "")
	n := len(lw)
	has := func(suf string) bool { return n > len(suf)+1 && string(lw[n-len(suf):]) == suf }
	undoubled := func(stem []byte) []byte {
		k := len(stem)
		if k >= 3 && stem[k-1] == stem[k-2] {
			return stem[:k-1]
		}
		return stem
	}
	if has("s") {
		stem := lw[:n-1]
		c := h(stem, "")
		if has("es") {
			c |= h(lw[:n-2], "")
		}
		if has("ies") {
			c |= h(lw[:n-3], "y")
		}
		if c&uint64(LexNoun) != 0 {
			cls |= 1 << 7
		}
		if c&uint64(LexVerb) != 0 {
			cls |= 1 << 8
		}
	}
	if has("ed") {
		stem := lw[:n-2]
		c := h(stem, "") | h(stem, "e") | h(undoubled(stem), "")
		if has("ied") {
			c |= h(lw[:n-3], "y")
		}
		if c&uint64(LexVerb) != 0 {
			cls |= 1 << 9
		}
	}
	if has("ing") {
		stem := lw[:n-3]
		c := h(stem, "") | h(stem, "e") | h(undoubled(stem), "")
		if c&uint64(LexVerb) != 0 {
			cls |= 1 << 10
		}
	}
	if has("er") || has("est") {
		k := 2
		if has("est") {
			k = 3
		}
		stem := lw[:n-k]
		c := h(stem, "") | h(stem, "e") | h(undoubled(stem), "")
		if stem[len(stem)-1] == 'i' {
			c |= h(stem[:len(stem)-1], "y")
		}
		if c&uint64(LexAdj|LexAdv) != 0 {
			cls |= 1 << 11
		}
	}
	if cls != 0 {
		cls |= 1 << 12
	}
	return cls
}
