package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ContentID returns the stable id of an article: the first 16 hex digits of
// the SHA-256 of its normalised title and text (Unicode NFC, runs of white
// space folded to one space, trimmed). The same article read from a text
// file, a page or a feed gets the same id when its words are the same.
func ContentID(title, text string) string {
	h := sha256.New()
	h.Write([]byte(normalize(title)))
	h.Write([]byte{'\n'})
	h.Write([]byte(normalize(text)))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func normalize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
