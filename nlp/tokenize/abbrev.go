package tokenize

import (
	_ "embed"
	"strings"
)

// AbbrevKind says how an abbreviation behaves at a possible sentence end.
type AbbrevKind uint8

// The kinds of abbreviation.
const (
	NotAbbrev     AbbrevKind = iota // not an abbreviation
	AbbrevTitle                     // precedes a name and never ends a sentence: Mr., Gen., St.
	AbbrevNumber                    // an abbreviation only before a number: No. 5
	AbbrevDate                      // month or weekday: Jan., Fri.
	AbbrevGeneral                   // may end a sentence: Inc., etc., U.S., a.m.
	AbbrevInitial                   // a single capital letter: J. R. R. Tolkien
)

//go:embed abbreviations.txt
var abbrevData string

//go:embed starters.txt
var startersData string

var starters = func() map[string]bool {
	m := make(map[string]bool)
	for line := range strings.SplitSeq(startersData, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
			m[strings.ToUpper(line)] = true
		}
	}
	return m
}()

// IsStarter reports whether w is a capitalised word that usually opens a
// sentence (The, He, But) rather than going on with a name.
func IsStarter(w string) bool { return starters[w] }

// abbrevs maps a form without its stop to its kind: lower-case entries of
// the table under their lower-case form (looked up after lowering the
// word), capitalised entries under their exact and upper-case forms.
var abbrevs, abbrevsAnyCase = loadAbbrevs(abbrevData)

func loadAbbrevs(data string) (exact, anyCase map[string]AbbrevKind) {
	exact = make(map[string]AbbrevKind)
	anyCase = make(map[string]AbbrevKind)
	kinds := map[string]AbbrevKind{"title": AbbrevTitle, "number": AbbrevNumber, "date": AbbrevDate, "general": AbbrevGeneral}
	for line := range strings.SplitSeq(data, "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		k, ok := kinds[f[1]]
		if !ok {
			panic("tokenize: abbreviations.txt: unknown kind " + f[1]) // embedded data, checked by tests
		}
		w := f[0]
		if strings.ToLower(w) == w {
			anyCase[w] = k
		} else {
			exact[w] = k
			exact[strings.ToUpper(w)] = k
		}
	}
	return exact, anyCase
}

// lookupAbbrev returns the kind of the word w given without its final stop.
func lookupAbbrev(w string) AbbrevKind {
	if len(w) == 0 || len(w) > 12 {
		return NotAbbrev
	}
	if k, ok := abbrevs[w]; ok {
		return k
	}
	var buf [12]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbrevsAnyCase[string(buf[:len(w)])]
}

// dottedAbbrev reports whether w (without its final stop) is made of short
// letter groups joined by stops, as in U.S, a.m, e.g, Ph.D.
func dottedAbbrev(w string) bool {
	groups, n := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case isASCIILetter(c):
			n++
			if n > 2 {
				return false
			}
		case c == '.':
			if n == 0 {
				return false
			}
			groups++
			n = 0
		default:
			return false
		}
	}
	return groups >= 1 && n > 0
}

// Abbrev returns the kind of abbreviation of the token text word, which
// must end with its full stop ("Mr.", "U.S.", "J."); NotAbbrev otherwise.
// Number abbreviations (No., Fig.) are reported whatever follows them.
func Abbrev(word string) AbbrevKind {
	if len(word) < 2 || word[len(word)-1] != '.' {
		return NotAbbrev
	}
	w := word[:len(word)-1]
	if len(w) == 1 {
		if isUpper(w[0]) {
			return AbbrevInitial
		}
	}
	if k := lookupAbbrev(w); k != NotAbbrev {
		return k
	}
	if dottedAbbrev(w) {
		return AbbrevGeneral
	}
	return NotAbbrev
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isUpper(c byte) bool       { return 'A' <= c && c <= 'Z' }
