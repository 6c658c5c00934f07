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
)

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
	shape, short, flags uint64
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
	for k := 0; k < 4; k++ {
		if start > 0 {
			_, size := utf8.DecodeLastRuneInString(w[:start])
			start -= size
		}
		wi.suf[k] = hashLower(w[start:end])
	}
}

// Hashes standing for the words beyond the sentence edges and the tags
// before the first word.
var (
	startWord = wordInfo{word: 1, lower: 1, shape: 1, short: 1, suf: [4]uint64{1, 1, 1, 1}}
	endWord   = wordInfo{word: 2, lower: 2, shape: 2, short: 2, suf: [4]uint64{2, 2, 2, 2}}
)

const noTag = 1 << 16 // tag value before the first word

// numFeatures is the number of features extract writes.
const numFeatures = 35

// extract writes the feature keys of word i into out, given the analysed
// words of the sentence and the two previous predicted classes.
func extract(out *[numFeatures]uint64, ws []wordInfo, i int, p1, p2 uint64) {
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
}
