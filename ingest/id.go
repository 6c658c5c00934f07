package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ContentID returns the stable id of an article: the first 16 hex digits of
// the SHA-256 of its normalised title and text (Unicode NFC, runs of white
// space folded to one space, trimmed). The same article read from a text
// file, a page or a feed gets the same id when its words are the same.
func ContentID(title, text string) string {
	h := sha256.New()
	buf := make([]byte, 0, len(title)+len(text)+1)
	buf = appendNormalized(buf, title)
	buf = append(buf, '\n')
	buf = appendNormalized(buf, text)
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// appendNormalized appends s in NFC with runs of white space folded to one
// space and the ends trimmed.
func appendNormalized(buf []byte, s string) []byte {
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	start := len(buf)
	for i := 0; i < len(s); {
		// skip white space
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if !asciiSpace[c] {
					break
				}
				i++
			} else if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				i += n
			} else {
				break
			}
		}
		if i == len(s) {
			break
		}
		// copy a word
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
			} else if r, n := utf8.DecodeRuneInString(s[j:]); !unicode.IsSpace(r) {
				j += n
			} else {
				break
			}
		}
		if len(buf) > start {
			buf = append(buf, ' ')
		}
		buf = append(buf, s[i:j]...)
		i = j
	}
	return buf
}

var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
