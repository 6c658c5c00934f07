package parse

import (
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/nlp/cluster"
)

// vocab holds the string-to-id maps of a model.
type vocab struct {
	words map[string]int32 // normalised forms
	tags  map[string]int32 // XPOS
	upos  map[string]int32
	sfx   map[string]int32 // last three characters of the normalised form
}

// sentence is a sentence encoded as ids, with the root token at index n.
type sentence struct {
	word, tag, upos, sfx []int32
	st                   []uint64 // supertag hashes (1: none, 2: the root)
	buf, ubuf            []byte
}

// unknownClass writes the class of a rare or unknown word into buf: a NUL
// byte, shape flags of the form w (capitalised, all capitals, digit,
// hyphen) and the last two characters of its normalised form norm.
func unknownClass(buf []byte, w string, norm []byte) []byte {
	buf = append(buf[:0], 0)
	var upper, lower, digit, hyphen bool
	first := true
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper = upper || first
			if first {
				buf = append(buf, 'C')
			}
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		case r == '-':
			hyphen = true
		}
		first = false
	}
	if upper && !lower {
		buf = append(buf, 'A')
	}
	if digit {
		buf = append(buf, 'D')
	}
	if hyphen {
		buf = append(buf, 'H')
	}
	buf = append(buf, ':')
	if utf8.RuneCount(norm) >= 4 {
		i := len(norm)
		for range 2 {
			_, size := utf8.DecodeLastRune(norm[:i])
			i -= size
		}
		buf = append(buf, norm[i:]...)
	}
	return buf
}

func suffix(b []byte) []byte {
	n := 0
	for i := len(b); i > 0; {
		_, size := utf8.DecodeLastRune(b[:i])
		i -= size
		n++
		if n == 3 {
			return b[i:]
		}
	}
	return b
}

func lookup(m map[string]int32, key []byte) int32 {
	if id, ok := m[string(key)]; ok {
		return id
	}
	return idUnk
}

// encode fills x with the ids of a sentence of len(words) words.
func (x *sentence) encode(v *vocab, words, xpos, upos, st []string) {
	n := len(words)
	m := n + 1
	if cap(x.word) < m {
		x.word = make([]int32, m)
		x.tag = make([]int32, m)
		x.upos = make([]int32, m)
		x.sfx = make([]int32, m)
		x.st = make([]uint64, m)
	}
	x.st = x.st[:m]
	x.word, x.tag, x.upos, x.sfx = x.word[:m], x.tag[:m], x.upos[:m], x.sfx[:m]
	for i, w := range words {
		x.buf = cluster.Normalize(x.buf, w)
		x.word[i] = lookup(v.words, x.buf)
		if x.word[i] == idUnk {
			x.ubuf = unknownClass(x.ubuf, w, x.buf)
			x.word[i] = lookup(v.words, x.ubuf)
		}
		x.sfx[i] = lookup(v.sfx, suffix(x.buf))
		x.tag[i] = idUnk
		if i < len(xpos) {
			x.tag[i] = lookupString(v.tags, xpos[i])
		}
		x.st[i] = 1
		if i < len(st) {
			x.st[i] = hashSupertag(st[i])
		}
		x.upos[i] = idUnk
		if i < len(upos) {
			x.upos[i] = lookupString(v.upos, upos[i])
		}
	}
	x.word[n], x.tag[n], x.upos[n], x.sfx[n] = idRoot, idRoot, idRoot, idRoot
	x.st[n] = 2
}

func lookupString(m map[string]int32, s string) int32 {
	if id, ok := m[s]; ok {
		return id
	}
	return idUnk
}

// hashSupertag maps a supertag to a feature value other than 0, 1 and 2
// (32-bit FNV-1a).
func hashSupertag(s string) uint64 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return uint64(h | 4)
}
