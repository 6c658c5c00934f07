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
// space and the ends trimmed. Text between irregular white space (line
// breaks, tabs, double spaces) is copied in one piece.
func appendNormalized(buf []byte, s string) []byte {
	if !isASCII(s) {
		s = norm.NFC.String(s)
	}
	start := len(buf)
	run := -1 // start of the text not yet copied
	flush := func(end int) {
		if run >= 0 {
			if len(buf) > start {
				buf = append(buf, ' ')
			}
			buf = append(buf, s[run:end]...)
			run = -1
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c > ' ' && c < utf8.RuneSelf:
			if run < 0 {
				run = i
			}
			i++
		case c == ' ' && run >= 0 && i+1 < len(s) && s[i+1] > ' ' && s[i+1] < utf8.RuneSelf:
			i++ // a single space between words stays in the run
		case c < utf8.RuneSelf:
			if asciiSpace[c] {
				flush(i)
			} else if run < 0 {
				run = i // other control characters are content
			}
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				flush(i)
			} else if run < 0 {
				run = i
			}
			i += n
		}
	}
	flush(len(s))
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
