package lemma

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/pipeline"
)

//go:embed data/lemma.txt.gz
var embeddedTables []byte

var (
	embeddedOnce sync.Once
	embedded     *Lemmatizer
	embeddedErr  error
)

// WordNet parts of speech, as indexes into the tables.
const (
	noun = iota
	verb
	adj
	adv
	numPOS
)

var posNames = [numPOS]string{"noun", "verb", "adj", "adv"}

// Lemmatizer gives the dictionary form of a word from the word and its Penn
// Treebank tag. It does not change after it is built and is safe for
// concurrent use.
type Lemmatizer struct {
	exc    [numPOS]map[string]string // WordNet exception lists: inflected -> base
	index  [numPOS]map[string]bool   // WordNet lemmas
	lookup map[string]string         // word + "\t" + XPOS -> lemma, learned from a treebank
	proper map[string]bool           // lower-cased proper nouns of WordNet (from ReadWordNet only)
}

// New returns the lemmatizer of the embedded tables (WordNet 3.0 exception
// lists and lemma index, and exceptions learned from UD English EWT). The
// tables are decoded once; every call returns the same Lemmatizer.
func New() (*Lemmatizer, error) {
	embeddedOnce.Do(func() {
		embedded, embeddedErr = Load(bytes.NewReader(embeddedTables))
	})
	return embedded, embeddedErr
}

// Lemma returns the lemma of word tagged xpos (a Penn Treebank tag). Common
// nouns, verbs, adjectives and adverbs are lower-cased and reduced to their
// base form; proper nouns keep their case; other words are looked up in the
// learned table or lower-cased.
func (l *Lemmatizer) Lemma(word, xpos string) string {
	if word == "" {
		return word
	}
	if lem, ok := l.lookupExact(word, xpos); ok {
		return lem
	}
	return l.rule(word, xpos)
}

// lookupExact consults the learned table for the word as written, then in
// lower case.
func (l *Lemmatizer) lookupExact(word, xpos string) (string, bool) {
	if len(l.lookup) == 0 {
		return "", false
	}
	var buf [64]byte
	k := append(append(append(buf[:0], word...), '\t'), xpos...)
	if lem, ok := l.lookup[string(k)]; ok {
		return lem, true
	}
	if hasUpper(word) {
		k = appendLower(buf[:0], word)
		k = append(append(k, '\t'), xpos...)
		if lem, ok := l.lookup[string(k)]; ok {
			return lem, true
		}
	}
	return "", false
}

// rule is the lemma by morphology alone, without the learned table.
func (l *Lemmatizer) rule(word, xpos string) string {
	switch xpos {
	case "NNP":
		return word
	case "NNPS":
		// Plural proper nouns: singular, keeping the case of the word.
		if base := l.morphy(strings.ToLower(word), noun, true); base != "" && base != strings.ToLower(word) {
			return keepCase(word, base)
		}
		return word
	case "NN", "NNS":
		return l.base(lower(word), noun, xpos == "NNS")
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		return l.base(lower(word), verb, xpos != "VB" && xpos != "VBP")
	case "JJ", "JJR", "JJS":
		return l.base(lower(word), adj, xpos != "JJ")
	case "RB", "RBR", "RBS":
		return l.base(lower(word), adv, xpos != "RB")
	case "CD":
		return plainNumber(word)
	case "SYM", "NFP", "ADD", "LS", "GW", "FW", "$", "#", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH":
		return word
	}
	return lower(word)
}

// base returns the base form of w (lower case) for part of speech pos. When
// inflected is false w is taken as already basic unless an exception says
// otherwise.
func (l *Lemmatizer) base(w string, pos int, inflected bool) string {
	if b := l.morphy(w, pos, inflected); b != "" {
		return b
	}
	if !inflected {
		return w
	}
	return guess(w, pos)
}

// morphy is WordNet's morphological analysis: the exception list, then the
// suffix rules of pos whose result is a WordNet lemma. It returns "" when
// nothing is found.
func (l *Lemmatizer) morphy(w string, pos int, inflected bool) string {
	if !inflected {
		// A word tagged as a base form is its own lemma when WordNet
		// knows it as one (trivia/NN stays trivia although the noun
		// exceptions list it as a plural of trivium); otherwise the
		// exceptions still catch a mistagged plural (children/NN).
		if l.index[pos][w] {
			return w
		}
		return l.exc[pos][w]
	}
	if b, ok := l.exc[pos][w]; ok {
		return b
	}
	for _, r := range suffixRules[pos] {
		if strings.HasSuffix(w, r.from) && len(w) > len(r.from) {
			cand := w[:len(w)-len(r.from)] + r.to
			if l.index[pos][cand] {
				return cand
			}
		}
	}
	if pos == verb {
		// Doubled final consonant: stopped -> stop, running -> run.
		for _, suf := range []string{"ed", "ing"} {
			if s, ok := strings.CutSuffix(w, suf); ok && len(s) >= 3 && s[len(s)-1] == s[len(s)-2] && isConsonant(s[len(s)-1]) {
				if cand := s[:len(s)-1]; l.index[verb][cand] {
					return cand
				}
			}
		}
	}
	if l.index[pos][w] {
		return w
	}
	return ""
}

type suffixRule struct{ from, to string }

// suffixRules are WordNet's morphy detachment rules.
var suffixRules = [numPOS][]suffixRule{
	noun: {{"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {"s", ""}},
	verb: {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}, {"s", ""}},
	adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ier", "y"}, {"iest", "y"}},
	adv:  {{"er", ""}, {"est", ""}, {"ier", "y"}, {"iest", "y"}},
}

// guess strips the inflection of a word WordNet does not know.
func guess(w string, pos int) string {
	switch pos {
	case noun:
		switch {
		case strings.HasSuffix(w, "ies") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
			return w
		case strings.HasSuffix(w, "s") && len(w) > 2:
			return w[:len(w)-1]
		}
	case verb:
		switch {
		case strings.HasSuffix(w, "ies") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "ied") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "ed") && len(w) > 3:
			return undouble(w[:len(w)-2])
		case strings.HasSuffix(w, "ing") && len(w) > 4:
			return undouble(w[:len(w)-3])
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
			return w[:len(w)-1]
		}
	case adj, adv:
		switch {
		case strings.HasSuffix(w, "iest") && len(w) > 5:
			return w[:len(w)-4] + "y"
		case strings.HasSuffix(w, "ier") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "est") && len(w) > 4:
			return undouble(w[:len(w)-3])
		case strings.HasSuffix(w, "er") && len(w) > 3:
			return undouble(w[:len(w)-2])
		}
	}
	return w
}

// undouble removes a doubled final consonant (stopp -> stop).
func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && isConsonant(s[n-1]) && s[n-1] != 'l' && s[n-1] != 's' && s[n-1] != 'z' && s[n-1] != 'f' {
		return s[:n-1]
	}
	return s
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiouy", rune(c))
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// lower returns s in lower case without allocating when it already is.
func lower(s string) string {
	if !hasUpper(s) {
		return s
	}
	return strings.ToLower(s)
}

func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// keepCase gives base the case pattern of word: all capitals or an initial
// capital.
func keepCase(word, base string) string {
	r, _ := utf8.DecodeRuneInString(word)
	if strings.ToUpper(word) == word {
		return strings.ToUpper(base)
	}
	if unicode.IsUpper(r) {
		br, n := utf8.DecodeRuneInString(base)
		return string(unicode.ToUpper(br)) + base[n:]
	}
	return base
}

// Stage returns the pipeline stage that fills Token.Lemma from the token
// text and its XPOS tag. It requires tags and provides lemmas.
func (l *Lemmatizer) Stage() pipeline.Stage { return stage{l} }

type stage struct{ l *Lemmatizer }

func (stage) Name() string        { return "lemma" }
func (stage) Requires() doc.Layer { return doc.LayerTokens | doc.LayerTags }
func (stage) Provides() doc.Layer { return doc.LayerLemmas }
func (s stage) Process(ctx context.Context, d *doc.Doc) error {
	for i := range d.Tokens {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		t := &d.Tokens[i]
		if t.Start < 0 || t.End > int32(len(d.Text)) || t.End < t.Start {
			return fmt.Errorf("token %d has bad span [%d,%d)", i, t.Start, t.End)
		}
		t.Lemma = s.l.Lemma(d.Text[t.Start:t.End], t.Tag)
	}
	d.Mark(doc.LayerLemmas)
	return nil
}

// plainNumber removes the thousands separators of a number written with
// them (12,000 -> 12000), as the treebank lemmas do; other words are
// returned unchanged.
func plainNumber(w string) string {
	if !strings.Contains(w, ",") {
		return w
	}
	intPart, frac, hasFrac := strings.Cut(w, ".")
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) || !allDigits(g) {
			return w
		}
	}
	if hasFrac && !allDigits(frac) {
		return w
	}
	return strings.ReplaceAll(w, ",", "")
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
