package tokenize

import (
	"context"
	"fmt"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
)

// Stage is the tokenizer as a pipeline stage: it fills Doc.Tokens and
// provides doc.LayerTokens. It holds no state and is safe for concurrent
// use.
type Stage struct{}

// New returns the tokenizer stage.
func New() *Stage { return &Stage{} }

// Name returns "tokenize".
func (*Stage) Name() string { return "tokenize" }

// Requires returns no layer: the stage reads only Doc.Text.
func (*Stage) Requires() doc.Layer { return 0 }

// Provides returns doc.LayerTokens.
func (*Stage) Provides() doc.Layer { return doc.LayerTokens }

// Process replaces d.Tokens with the tokens of d.Text, reusing the slice.
func (*Stage) Process(_ context.Context, d *doc.Doc) error {
	if len(d.Text) > math.MaxInt32 {
		return fmt.Errorf("tokenize: text of %d bytes exceeds the 2 GiB limit of token offsets", len(d.Text))
	}
	if cap(d.Tokens) == 0 {
		// News runs at five to six bytes a token: one allocation of about
		// the right size instead of a run of growing copies.
		d.Tokens = make([]doc.Token, 0, len(d.Text)/5+16)
	}
	d.Tokens = Tokens(d.Text, d.Tokens[:0])
	d.Mark(doc.LayerTokens)
	return nil
}

// Tokens appends the tokens of text to dst and returns the extended slice.
// Only Start, End and SpaceAfter are set. Offsets are byte offsets into
// text; text longer than 2 GiB is cut at that length.
func Tokens(text string, dst []doc.Token) []doc.Token {
	if len(text) > math.MaxInt32 {
		text = text[:math.MaxInt32]
	}
	t := scanner{s: text, out: dst}
	i := 0
	for i < len(text) {
		// skip white space
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if class[c]&clSpace == 0 {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isSpaceRune(r) {
				break
			}
			i += n
		}
		if i >= len(text) {
			break
		}
		j := i
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if class[c]&clSpace != 0 {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if isSpaceRune(r) {
				break
			}
			j += n
		}
		n0 := len(t.out)
		t.chunk(i, j)
		if j < len(text) && len(t.out) > n0 {
			t.out[len(t.out)-1].SpaceAfter = true
		}
		i = j
	}
	return t.out
}

// Character classes of ASCII bytes.
const (
	clSpace  = 1 << iota
	clLetter // a-z A-Z
	clDigit  // 0-9
	clOpen   // opening quotes and brackets
	clClose  // closing quotes and brackets
)

var class = func() (t [utf8.RuneSelf]uint8) {
	for _, c := range " \t\n\r\v\f" {
		t[c] |= clSpace
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= clLetter
		t[c-'a'+'A'] |= clLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= clDigit
	}
	for _, c := range "\"([{<" {
		t[c] |= clOpen
	}
	for _, c := range "\")]}>'" {
		t[c] |= clClose
	}
	return t
}()

// isSpaceRune reports whether r separates tokens: Unicode white space and
// the invisible zero-width space and byte-order mark.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordRune reports whether r belongs inside words: letters, digits,
// combining marks and the underscore.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return class[r]&(clLetter|clDigit) != 0 || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isOpenRune reports whether r opens a quotation or bracket.
func isOpenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return class[r]&clOpen != 0
	}
	switch r {
	case '“', '„', '‟', '«', '‹', '¿', '¡', '「', '『', '（', '［', '｛', '〈', '《':
		return true
	}
	return false
}

// isCloseRune reports whether r closes a quotation or bracket.
func isCloseRune(r rune) bool {
	if r < utf8.RuneSelf {
		return class[r]&clClose != 0
	}
	switch r {
	case '”', '’', '»', '›', '」', '』', '）', '］', '｝', '〉', '》':
		return true
	}
	return false
}

func isDashRune(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '―' || r == '‒' }

func isCurrencyRune(r rune) bool {
	return r == '$' || r == '£' || r == '€' || r == '¥' || r == '₹' || r == '₽' || r == '₩'
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '`' || r == 'ʼ' }

// decode returns the rune at s[i] and its width.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeLast returns the rune ending at s[:j] and its width.
func decodeLast(s string, j int) (rune, int) {
	if c := s[j-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:j])
}

type scanner struct {
	s   string
	out []doc.Token
}

func (t *scanner) emit(a, b int) {
	if a < b {
		t.out = append(t.out, doc.Token{Start: int32(a), End: int32(b)})
	}
}

// run returns the end of the run of rune r starting at i, before b.
func (t *scanner) run(i, b int, r rune) int {
	for i < b {
		q, n := decode(t.s, i)
		if q != r {
			break
		}
		i += n
	}
	return i
}

var emoticons = map[string]bool{
	":)": true, ":-)": true, ":(": true, ":-(": true, ";)": true, ";-)": true, ":D": true, ":-D": true,
	":P": true, ":p": true, ":-P": true, ":-p": true, ":/": true, ":'(": true, "<3": true, "=)": true,
	":o": true, ":O": true, "^_^": true, "-_-": true, ":-/": true, ":|": true, "xD": true, "XD": true,
}

// IsEmoticon reports whether w is one of the common emoticons kept as one
// token, such as ":)" or ":-(".
func IsEmoticon(w string) bool { return len(w) <= 3 && emoticons[w] }

// chunk tokenizes s[a:b], a run of characters without white space.
func (t *scanner) chunk(a, b int) {
	s := t.s
	if c := s[a]; c < utf8.RuneSelf && class[c]&(clLetter|clDigit) != 0 {
		if c1 := s[b-1]; c1 < utf8.RuneSelf && class[c1]&(clLetter|clDigit) != 0 {
			t.core(a, b) // no outer punctuation: the common case
			return
		}
	}
	if b-a <= 3 && emoticons[s[a:b]] {
		t.emit(a, b)
		return
	}
	// Leading punctuation: opening quotes and brackets, currency signs,
	// dashes.
lead:
	for a < b {
		r, n := decode(s, a)
		switch {
		case r == '`':
			if a+1 < b && s[a+1] == '`' {
				n = 2
			}
		case isApostrophe(r):
			if a+n < b && (isDigit(s[a+n]) || cliticLen(s, a+n, b) > 0 && t.cliticEnd(a+n, b)) {
				break lead // '90s, a detached 's
			}
		case isOpenRune(r):
			if r != '"' {
				n = t.run(a, b, r) - a // << and ((
			}
		case isCurrencyRune(r):
			if a+n >= b || !isDigit(s[a+n]) && s[a+n] != '.' {
				break lead
			}
		case isDashRune(r):
			n = t.run(a, b, r) - a
		case r == '+' && a+1 < b && isDigit(s[a+1]):
			break lead // +1 713 ...
		case r == '>':
			n = t.run(a, b, r) - a // >> quoting e-mail
		case isSymbolRune(r):
			n = t.symbols(a, b) - a
		default:
			break lead
		}
		t.emit(a, a+n)
		a += n
	}
	// Trailing punctuation, peeled from the right and emitted after the
	// core.
	var tail [16][2]int
	nt := 0
	push := func(x, y int) { tail[nt] = [2]int{x, y}; nt++ }
trail:
	for b > a && nt < len(tail) {
		r, n := decodeLast(s, b)
		switch {
		case r == '.':
			k := b - 1
			for k > a && s[k-1] == '.' {
				k--
			}
			if b-k == 2 && k > a && t.abbrevEnd(a, k+1) {
				push(k+1, b) // Inc.. : the abbreviation's stop and the sentence's
				b = k + 1
				break trail
			}
			if b-k >= 2 || k == a {
				push(k, b)
				b = k
				continue
			}
			if k > a && (s[k-1] == '!' || s[k-1] == '?') {
				k = t.stopRun(a, b)
				push(k, b) // ?!. and .?
				b = k
				continue
			}
			if t.abbrevEnd(a, b) || t.abbrevEnd(t.lastPart(a, b-1), b) {
				break trail // U.S. and U.K.-U.S.
			}
			push(b-1, b)
			b--
		case r == '!' || r == '?':
			k := t.stopRun(a, b)
			if k > a && s[k] == '.' && t.abbrevEnd(a, k+1) {
				k++ // U.S.?
			}
			push(k, b)
			b = k
		case r == '…' || r == ',' || r == ';' || r == ':':
			push(b-n, b)
			b -= n
		case isCloseRune(r):
			if r != '"' {
				n = b - t.runBack(a, b, r) // '' and >>
			}
			if isApostrophe(r) && b-n > a && s[b-n-1] == 'n' && b-n-1 > a && isWordRune(rune(s[b-n-2])) && b-a > 3 && s[b-n-2] == 'i' {
				// goin', nothin': the apostrophe stands for a dropped g
				break trail
			}
			push(b-n, b)
			b -= n
		case isDashRune(r):
			k := t.runBack(a, b, r)
			push(k, b)
			b = k
		case isSymbolRune(r) || r == '<':
			k := t.runBack(a, b, r)
			if r != '<' {
				k = t.symbolsBack(a, b)
			}
			push(k, b)
			b = k
		default:
			break trail
		}
	}
	t.core(a, b)
	for k := nt - 1; k >= 0; k-- {
		t.emit(tail[k][0], tail[k][1])
	}
}

// runBack returns the start of the run of rune r that ends at b, after a.
func (t *scanner) runBack(a, b int, r rune) int {
	for b > a {
		q, n := decodeLast(t.s, b)
		if q != r {
			break
		}
		b -= n
	}
	return b
}

// abbrevEnd reports whether s[a:b], which ends with a full stop, is an
// abbreviation that keeps the stop. An abbreviation that ends a sentence
// gives its stop to the sentence, as in UD EWT ("at 5 p.m" "."): for
// abbreviations that may end a sentence, that is when the text, the line or
// the quotation ends after it or a usual sentence opener (The, He, But)
// follows.
func (t *scanner) abbrevEnd(a, b int) bool {
	switch Abbrev(t.s[a:b]) {
	case NotAbbrev:
		return false
	case AbbrevNumber:
		// only before a number: No. 5
		s := t.s
		i := b
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		return i < len(s) && isDigit(s[i])
	case AbbrevTitle:
		return t.after(b) != afterEnd // a title precedes a name
	case AbbrevInitial:
		return t.after(b) == afterWord
	}
	return t.after(b) == afterWord
}

// lastPart returns the start of the last part of s[a:b] after a hyphen or
// slash, or a.
func (t *scanner) lastPart(a, b int) int {
	for k := b - 1; k > a; k-- {
		if c := t.s[k]; c == '-' || c == '/' {
			return k + 1
		}
	}
	return a
}

// What follows a possible sentence end.
const (
	afterWord    = iota // more of the sentence, as far as can be told
	afterEnd            // the end of the text or of a line
	afterStarter        // a word that usually opens a sentence
)

// after tells what follows the stop ending at s[b]: closing quotes and
// brackets are skipped, then white space.
func (t *scanner) after(b int) int {
	s := t.s
	i := b
	for i < len(s) {
		r, n := decode(s, i)
		if !isCloseRune(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return afterEnd
	}
	if r, _ := decode(s, i); !isSpaceRune(r) {
		return afterWord
	}
	for i < len(s) {
		r, n := decode(s, i)
		if !isSpaceRune(r) {
			break
		}
		if r == '\n' || r == '\r' || r == '\u2029' {
			return afterEnd
		}
		i += n
	}
	if i == len(s) {
		return afterEnd
	}
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	if j > i && (j == len(s) || !t.wordAt(j, len(s))) && IsStarter(s[i:j]) {
		return afterStarter
	}
	return afterWord
}

// stopRun returns the start of the run of . ! ? ending at b, after a.
func (t *scanner) stopRun(a, b int) int {
	k := b
	for k > a && (t.s[k-1] == '.' || t.s[k-1] == '!' || t.s[k-1] == '?') {
		k--
	}
	return k
}

// isSymbolRune reports whether r is a decoration symbol; runs of them make
// one token (***, *~*~*, ===).
func isSymbolRune(r rune) bool {
	switch r {
	case '*', '~', '=', '+', '^', '|', '•', '·':
		return true
	}
	return false
}

// symbols returns the end of the run of symbols starting at a, before b.
func (t *scanner) symbols(a, b int) int {
	for a < b {
		r, n := decode(t.s, a)
		if !isSymbolRune(r) {
			break
		}
		a += n
	}
	return a
}

// symbolsBack returns the start of the run of symbols ending at b, after a.
func (t *scanner) symbolsBack(a, b int) int {
	for b > a {
		r, n := decodeLast(t.s, b)
		if !isSymbolRune(r) {
			break
		}
		b -= n
	}
	return b
}

// cliticLen returns the length of the clitic letters after an apostrophe
// at s[i:b] (s, m, d, ll, re, ve, in any case) when they end the word;
// 0 otherwise.
func cliticLen(s string, i, b int) int {
	n := 0
	for i+n < b && n < 3 && isASCIILetter(s[i+n]) {
		n++
	}
	if i+n < b && isWordRune(rune(s[i+n])) {
		return 0
	}
	switch n {
	case 1:
		switch s[i] | 0x20 {
		case 's', 'm', 'd':
			return 1
		}
	case 2:
		c0, c1 := s[i]|0x20, s[i+1]|0x20
		if c0 == 'l' && c1 == 'l' || c0 == 'r' && c1 == 'e' || c0 == 'v' && c1 == 'e' {
			return 2
		}
	}
	return 0
}

// cliticEnd reports whether the clitic starting at s[i] ends the chunk
// s[:b], apart from trailing punctuation.
func (t *scanner) cliticEnd(i, b int) bool {
	n := cliticLen(t.s, i, b)
	return i+n == b || !isWordRune(rune(t.s[i+n]))
}
