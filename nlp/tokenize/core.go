package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
)

// core tokenizes s[a:b], a chunk stripped of its leading and trailing
// punctuation: it splits words from the punctuation between them, clitics
// from their hosts and hyphenated compounds as UD EWT does.
func (t *scanner) core(a, b int) {
	if a >= b {
		return
	}
	s := t.s
	// most cores are plain ASCII words
	i := a
	for i < b && s[i] < utf8.RuneSelf && class[s[i]]&(clLetter|clDigit) != 0 {
		i++
	}
	if i == b {
		t.word(a, b)
		return
	}
	if t.whole(a, b) {
		t.emit(a, b)
		return
	}
	ps := a
	retries := 0
	for i < b {
		var r rune
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			if class[c]&(clLetter|clDigit) != 0 || c == '_' {
				i++
				continue
			}
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
		}
		switch {
		case r == '.':
			if i+1 < b && s[i+1] == '.' {
				e := t.run(i, b, '.')
				t.word(ps, i)
				t.emit(i, e)
				i, ps = e, e
				continue
			}
			if i > ps && i+1 < b && t.wordAt(i+1, b) {
				i++ // 3.5, U.S, example.com
				continue
			}
			if i > ps && t.abbrevEnd(ps, i+1) {
				i++
				t.emit(ps, i) // U.S.-led
				ps = i
				continue
			}
			t.word(ps, i)
			t.emit(i, i+1)
			i++
			ps = i
		case r == ',' || r == ':':
			if i > ps && isDigit(s[i-1]) && i+1 < b && isDigit(s[i+1]) {
				i++ // 1,000 and 5:30
				continue
			}
			t.word(ps, i)
			t.emit(i, i+1)
			i++
			ps = i
		case isApostrophe(r):
			e := i + n
			if r != '`' && i-1 > ps && s[i-1]|0x20 == 'n' && e < b && s[e]|0x20 == 't' && (e+1 == b || !t.wordAt(e+1, b)) {
				t.word(ps, i-1) // do|n't
				t.emit(i-1, e+1)
				i, ps = e+1, e+1
				continue
			}
			if e < b {
				if k := cliticLen(s, e, b); k > 0 && (i > ps || i == a) && !(k == 1 && s[e]|0x20 == 's' && allDigits(s[ps:i])) {
					t.word(ps, i) // Iran|'s, I|'m
					t.emit(i, e+k)
					i, ps = e+k, e+k
					continue
				}
				if i > ps && t.wordAt(e, b) || i == ps && isDigit(s[e]) {
					i = e // O'Brien, '90s
					continue
				}
			}
			t.word(ps, i)
			t.emit(i, e)
			i, ps = e, e
		case r == '-':
			e := t.run(i, b, '-')
			if e-i == 1 && i > ps && e < b && t.wordAt(e, b) && t.keepHyphen(ps, i, b) {
				i = e
				continue
			}
			t.word(ps, i)
			t.emit(i, e)
			i, ps = e, e
		case r == '/':
			if i > ps && i+1 < b && t.keepSlash(ps, i, b) {
				i++
				continue
			}
			t.word(ps, i)
			t.emit(i, i+1)
			i++
			ps = i
		case r == '&':
			if i > ps && i-ps <= 3 && i+1 < b && isASCIILetter(s[i-1]) && isASCIILetter(s[i+1]) {
				i++ // AT&T, S&P
				continue
			}
			fallthrough
		case r == '+' && i == a && i+1 < b && isDigit(s[i+1]):
			i++ // +44 20 ...
		default:
			e := t.run(i, b, r)
			if isSymbolRune(r) {
				e = t.symbols(i, b)
			}
			t.word(ps, i)
			t.emit(i, e)
			i, ps = e, e
			if retries < 4 && i < b {
				// bounded, so that long runs of punctuation stay linear
				retries++
				if t.whole(i, b) {
					t.emit(i, b) // Name"<a.b@example.com
					return
				}
			}
		}
	}
	t.word(ps, b)
}

// wordAt reports whether a word rune starts at s[i], i < b.
func (t *scanner) wordAt(i, b int) bool {
	if i >= b {
		return false
	}
	r, _ := decode(t.s, i)
	return isWordRune(r)
}

// whole reports whether s[a:b] is one token as a whole: a URL, an e-mail
// address, an @handle or a #hashtag.
func (t *scanner) whole(a, b int) bool {
	s := t.s[a:b]
	if len(s) < 2 {
		return false
	}
	if (s[0] == '@' || s[0] == '#') && (isASCIILetter(s[1]) || s[1] == '_') {
		for i := 1; i < len(s); {
			r, n := decode(s, i)
			if !isWordRune(r) && !(r == '.' && s[0] == '@' && i+1 < len(s) && isASCIILetter(s[i+1])) {
				return false
			}
			i += n
		}
		return true // @handle, #hashtag, @example.com
	}
	if len(s) < 5 {
		return false
	}
	if hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "ftp://") ||
		hasPrefixFold(s, "www.") && t.wordAt(a+4, b) || strings.Contains(s, "://") {
		return true
	}
	if at := strings.IndexByte(s, '@'); at > 0 && at+1 < len(s) && localPart(s[:at]) && isASCIILetter(s[at+1]) {
		if dot := strings.IndexByte(s[at:], '.'); dot > 1 && at+dot+1 < len(s) && isASCIILetter(s[at+dot+1]) {
			return true
		}
		if t.segEnd(a+at+1, b) == b {
			return true // an internal address: Rice@ENRON
		}
	}
	return false
}

// localPart reports whether s can be the part of an e-mail address before
// the "@": letters, digits and . _ - + %, as in "a.b", "jo+x" or the
// masked "franz..." of Usenet archives.
func localPart(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && class[c]&(clLetter|clDigit) == 0 && !strings.ContainsRune("._-+%", rune(c)) {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if s[i]|0x20 != prefix[i]|0x20 {
			return false
		}
	}
	return true
}

// segStart returns the start of the run of word runes ending at i, not
// before ps.
func (t *scanner) segStart(ps, i int) int {
	for i > ps {
		r, n := decodeLast(t.s, i)
		if !isWordRune(r) {
			break
		}
		i -= n
	}
	return i
}

// segEnd returns the end of the run of word runes starting at i, not after
// b.
func (t *scanner) segEnd(i, b int) int {
	for i < b {
		r, n := decode(t.s, i)
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// keepHyphen reports whether the hyphen at s[i] stays inside its word: after
// a prefix (non-, e-, pre-, co-) and inside telephone-like numbers. Other
// compounds are split, as in UD EWT (long - term, al - Qaeda).
func (t *scanner) keepHyphen(ps, i, b int) bool {
	s := t.s
	l := t.segStart(ps, i)
	e := t.segEnd(i+1, b)
	left, right := s[l:i], s[i+1:e]
	if isPrefix(left) || mixed(left) && !numberUnit(left) || mixed(right) && !numberUnit(right) {
		return true // non-profit, x3-9890
	}
	if allDigits(left) && allDigits(right) {
		if l > ps && s[l-1] == '-' || e+1 < b && s[e] == '-' && isDigit(s[e+1]) {
			return true // 713-853-3989, 11-20-2000
		}
		return len(left) <= 3 && len(right) == 4 // 345-9945, extension 3-5213
	}
	return false
}

// keepSlash reports whether the slash at s[i] stays inside its token: in
// dates and fractions (9/11, 3/8/00) and between single letters (w/o, A/C).
func (t *scanner) keepSlash(ps, i, b int) bool {
	s := t.s
	if isDigit(s[i-1]) && isDigit(s[i+1]) {
		return true
	}
	l := t.segStart(ps, i)
	e := t.segEnd(i+1, b)
	return i-l == 1 && e-i-1 == 1 && isASCIILetter(s[i-1]) && isASCIILetter(s[i+1])
}

// mixed reports whether s has both ASCII letters and digits, as codes and
// file names do.
func mixed(s string) bool {
	var l, d bool
	for i := 0; i < len(s); i++ {
		l = l || isASCIILetter(s[i])
		d = d || isDigit(s[i])
	}
	return l && d
}

// numberUnit reports whether s is a number written against a unit, as
// 5pm or 35mm.
func numberUnit(s string) bool {
	j := 0
	for j < len(s) && (isDigit(s[j]) || s[j] == '.' || s[j] == ',') {
		j++
	}
	var buf [8]byte
	l, ok := lower(buf[:], s[j:])
	return j > 0 && ok && units[l]
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// lower writes the ASCII lower case of s into buf and returns it; ok is
// false when s does not fit or is not ASCII.
func lower(buf []byte, s string) (string, bool) {
	if len(s) > len(buf) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf[:len(s)]), true
}

func isPrefix(w string) bool {
	var buf [8]byte
	l, ok := lower(buf[:], w)
	return ok && prefixes[l]
}

// prefixes are the word-forming prefixes after which EWT keeps a hyphen.
var prefixes = map[string]bool{
	"e": true, "non": true, "pre": true, "anti": true, "re": true, "mid": true, "post": true, "co": true,
	"pro": true, "multi": true, "ex": true, "sub": true, "semi": true, "cross": true, "micro": true,
	"over": true, "inter": true, "intra": true, "counter": true, "neo": true, "pseudo": true, "ultra": true,
	"uni": true, "bi": true, "tri": true, "de": true, "un": true, "mega": true, "macro": true, "trans": true,
	"meta": true, "hyper": true, "infra": true, "quasi": true, "mis": true,
}

// splits gives, for words written without their apostrophe or as one word
// (cannot, gonna, dont), the length of the first of the two words EWT
// splits them into.
var splits = map[string]int{
	"cannot": 3, "gonna": 3, "gotta": 3, "wanna": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "cant": 2, "wont": 2, "aint": 2,
	"couldnt": 5, "wouldnt": 5, "shouldnt": 6, "arent": 3, "werent": 4, "havent": 4, "hasnt": 3, "hadnt": 3,
	"youre": 3, "theyre": 4, "thats": 4, "whats": 4, "theres": 5, "heres": 4, "im": 1,
}

// mayContract reports whether a word ending in the letters x, y may be one
// of splits.
func mayContract(x, y byte) bool {
	switch y {
	case 't':
		return x == 'o' || x == 'n'
	case 'a':
		return x == 'n' || x == 't'
	case 'e':
		return x == 'r'
	case 's':
		return x == 't' || x == 'e'
	case 'm':
		return x == 'i'
	}
	return false
}

// units are the unit words split from a number written against them
// (5pm, 4.5bn, 35mm), in lower case.
var units = map[string]bool{
	"am": true, "pm": true, "k": true, "m": true, "mm": true, "cm": true, "km": true, "kg": true, "g": true,
	"mg": true, "lb": true, "lbs": true, "oz": true, "ft": true, "bn": true, "b": true, "mn": true, "mln": true,
	"tn": true, "pct": true, "gb": true, "mb": true, "kb": true, "tb": true, "ghz": true, "mhz": true, "hz": true,
	"kw": true, "mw": true, "gw": true, "kwh": true, "ml": true, "l": true, "x": true, "yrs": true, "yr": true,
	"hrs": true, "hr": true, "h": true, "min": true, "mins": true, "sec": true, "secs": true, "mph": true,
	"kph": true, "kmh": true, "usd": true, "bln": true, "mb/s": true, "p": true, "c": true, "f": true,
}

// word emits s[a:b], a word without outer punctuation, splitting the
// one-word contractions (cannot, gonna, dont) and numbers from units (5pm).
func (t *scanner) word(a, b int) {
	if a >= b {
		return
	}
	s := t.s
	var buf [8]byte
	if isASCIILetter(s[a]) && b-a >= 2 && b-a <= 8 && mayContract(s[b-2]|0x20, s[b-1]|0x20) {
		if l, ok := lower(buf[:], s[a:b]); ok {
			if k := splits[l]; k > 0 && (l != "im" || s[a+1] == 'm') {
				t.emit(a, a+k)
				t.emit(a+k, b)
				return
			}
		}
	} else if isDigit(s[a]) {
		j := a
		for j < b && (isDigit(s[j]) || s[j] == '.' || s[j] == ',' || s[j] == ':') {
			j++
		}
		if j < b && isDigit(s[j-1]) {
			if l, ok := lower(buf[:], s[j:b]); ok && units[l] {
				t.emit(a, j)
				t.emit(j, b)
				return
			}
		}
	}
	t.emit(a, b)
}

// Joined reports whether next was split from prev inside one written word
// as a contraction or clitic (do|n't, Iran|'s, can|not, gon|na), so that
// the two make one surface token; text is the text both index.
func Joined(text string, prev, next doc.Token) bool {
	if prev.End != next.Start || prev.Start >= prev.End || next.Start >= next.End {
		return false
	}
	w := text[next.Start:next.End]
	r, n := decode(w, 0)
	if isApostrophe(r) {
		return len(w) > n && cliticLen(w, n, len(w)) == len(w)-n
	}
	if len(w) >= 3 && w[0]|0x20 == 'n' {
		if r, n := decode(w, 1); isApostrophe(r) && 1+n+1 == len(w) && w[len(w)-1]|0x20 == 't' {
			return true
		}
	}
	var buf [8]byte
	l, ok := lower(buf[:], text[prev.Start:next.End])
	return ok && splits[l] == int(prev.End-prev.Start)
}
