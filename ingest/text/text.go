// Package text reads plain-text news: one article, or a scraper dump in
// which several articles run together with no separator.
//
// # Units
//
// The input is cut into paragraph units: one unit a line, or, when the text
// is hard-wrapped (no line longer than 100 characters, and long lines
// followed by more lines), one unit a blank-line separated block, a short
// first line of a block (a heading) being a unit of its own.
//
// # Headlines
//
// A unit reads like a headline when it has 2 to 25 words (at most 16 after
// the first unit of the input), at most 160 characters, mostly letters,
// starts with a capital or a digit, has no words run together
// ("ShareLikeReply"), no sentence end followed by more words ("he said.
// REUTER"), and does not end with punctuation: "." , ; : and dashes rule a
// headline out, except a final initialism such as "U.S." (in the first unit,
// or in an all-capitals headline), and "?" or "!" are allowed in the first
// unit only. The first unit is the title of the first article when it reads
// like a headline and something follows it.
//
// # Splitting
//
// A later unit starts a new article when it reads like a headline, the
// next unit does not start with a lower-case letter (the rest of a broken
// line), and either
//
//   - the lede (see below) opens with a wire dateline, such as "LONDON,
//     March 3 (Reuters) - " or "PARIS (AFP) - ", and both articles have
//     some body (100 characters); or
//   - the unit before it ends a sentence (a wire sign-off such as "REUTER"
//     may follow) and is not itself a headline; both articles have at least
//     3 body paragraphs and 500 characters (so that the sections of one
//     article under subheadings are not taken for articles); the lede (the
//     first unit after the headline that is not a byline, a date line or a
//     deck) ends a sentence; and the evidence for a new story scores 2 or
//     more: +1 when a byline or date line follows the headline, +1 for a
//     headline of 6 words or more (+0.5 for 4-5, -1 for 3 or fewer), +1 when
//     a third or more of the headline's content words recur in the next
//     units up to the lede's third (a lede repeats its headline), +0.5 when
//     at most a quarter of them (three or more) occur in the article so far
//     (a new subject), +1
//     when the vocabulary of the next units shares little with the article
//     before (cosine below 0.15), -1 when it shares much (above 0.35).
//
// Measured on the shared data: every one of the 200 Reuters sample files
// and of the 924 PolNeAR articles comes out as one article; run together
// as dumps, 199 of the 200 Reuters stories are found (190 with their
// datelines removed) and 191 of 300 same-topic PolNeAR stories, with no
// article invented.
//
// A separator line ("-----", "=====", "* * *") followed by a headline and
// more text always ends an article and is part of none; a separator line
// followed by body text is a section break inside an article.
//
// # Articles
//
// After the title come an optional byline ("By ..."), kept in Byline, and an
// optional line holding only a date, used as Date; neither is part of the
// body. The body (Doc.Text) is the input verbatim from the first body unit
// to the end of the last one; a standfirst stays in the body. A dateline
// ("WASHINGTON, March 3, 1987 -") gives the date when it has a year; it
// stays in the body.
package text

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
)

// Article is one article found in a text.
type Article struct {
	Title  string
	Byline string
	Date   time.Time // zero when the text gives no full date
	// Start and End are the byte offsets of the body in the input.
	Start, End int
}

// Read splits s into articles and returns one Doc per article, with Title,
// Byline, Date and Text (the body, verbatim) set. Blank text yields no Doc;
// a text of one line is a body without a title.
func Read(s string) []*doc.Doc {
	arts := Split(s)
	docs := make([]*doc.Doc, 0, len(arts))
	for _, a := range arts {
		docs = append(docs, &doc.Doc{Title: a.Title, Byline: a.Byline, Date: a.Date, Text: s[a.Start:a.End]})
	}
	return docs
}

// unit is a paragraph (or a line) of the input.
type unit struct {
	start, end int    // byte offsets of the trimmed unit in the input
	text       string // the unit's text, trimmed
	runes      int
	words      int
	letters    int // letters among non-space runes
	nonSpace   int
	title      bool // reads like a headline (not as the first unit)
	ends       bool // ends a sentence
}

// Split finds the articles of s. It never returns an article with an empty
// body.
func Split(s string) []Article {
	us := units(s)
	var arts []Article
	seg := 0
	for i := 0; i <= len(us); i++ {
		// a separator line followed by a headline and more ends an article
		if i == len(us) || isSeparator(us[i].text) && i+2 < len(us) && titleLike(us[i+1], true) {
			arts = append(arts, splitUnits(us[seg:i])...)
			seg = i + 1
		}
	}
	return arts
}

// isSeparator reports whether t is a separator line such as "-----",
// "=====" or "* * *": three or more of - = * _ # ~ and nothing else but
// spaces.
func isSeparator(t string) bool {
	n := 0
	for _, r := range t {
		switch r {
		case '-', '=', '*', '_', '#', '~', '—', '–':
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// splitUnits finds the articles among units that no separator line cuts.
func splitUnits(us []unit) []Article {
	if len(us) == 0 {
		return nil
	}
	sp := newSplitter(us)
	bounds := []int{0} // unit indexes where articles start
	for i := 2; i < len(us)-1; i++ {
		if sp.startsArticle(bounds[len(bounds)-1], i) {
			bounds = append(bounds, i)
		}
	}
	bounds = append(bounds, len(us))
	var arts []Article
	for k := 0; k+1 < len(bounds); k++ {
		if a, ok := article(us[bounds[k]:bounds[k+1]], k == 0); ok {
			arts = append(arts, a)
		}
	}
	return arts
}

// article builds an Article from its units. The first unit is the title when
// it reads like a headline (always, for articles found by splitting).
func article(us []unit, first bool) (Article, bool) {
	for len(us) > 0 && isSeparator(us[0].text) {
		us = us[1:]
	}
	for len(us) > 0 && isSeparator(us[len(us)-1].text) {
		us = us[:len(us)-1]
	}
	var a Article
	i := 0
	if len(us) > 1 && titleLike(us[0], first) {
		a.Title = us[0].text
		i = 1
	}
	if i > 0 && i < len(us)-1 && isByline(us[i]) {
		a.Byline = strings.TrimSpace(us[i].text[2:])
		i++
	}
	if i > 0 && i < len(us)-1 {
		if t, ok := parseDate(us[i].text); ok {
			a.Date = t
			i++
		}
	}
	if i >= len(us) {
		return a, false
	}
	a.Start, a.End = us[i].start, us[len(us)-1].end
	if a.Date.IsZero() {
		a.Date = datelineDate(us[i].text)
	}
	return a, true
}

// units cuts s into trimmed paragraph units.
func units(s string) []unit {
	type line struct{ start, end, runes int }
	lines := make([]line, 0, strings.Count(s, "\n")+1) // trimmed lines; blank lines have start -1
	maxLen, wrappedLines := 0, 0
	for pos := 0; pos < len(s); {
		end, next := len(s), len(s)
		if nl := strings.IndexByte(s[pos:], '\n'); nl >= 0 {
			end, next = pos+nl, pos+nl+1
		}
		a, b := trim(s, pos, end)
		l := line{-1, -1, 0}
		if a < b {
			l = line{a, b, utf8.RuneCountInString(s[a:b])}
			maxLen = max(maxLen, l.runes)
			// a long line followed by another line may be wrapped
			if n := len(lines); n > 0 && lines[n-1].start >= 0 && lines[n-1].runes >= 50 {
				wrappedLines++
			}
		}
		lines = append(lines, l)
		pos = next
	}
	us := make([]unit, 0, len(lines))
	add := func(a, b int) {
		if a < b {
			us = append(us, newUnit(s, a, b, -1))
		}
	}
	if maxLen > 100 || wrappedLines < 2 {
		for _, l := range lines {
			if l.start >= 0 {
				us = append(us, newUnit(s, l.start, l.end, l.runes))
			}
		}
		return us
	}
	// Hard-wrapped text: a unit is a block of lines between blank lines,
	// except that a short first line (a heading) is a unit of its own.
	for i := 0; i < len(lines); {
		if lines[i].start < 0 {
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].start >= 0 {
			j++
		}
		if j-i > 1 && lines[i].runes*10 < maxLen*6 && lines[i+1].runes*10 >= maxLen*6 {
			add(lines[i].start, lines[i].end)
			i++
		}
		add(lines[i].start, lines[j-1].end)
		i = j
	}
	return us
}

func trim(s string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// newUnit makes the unit s[a:b], of n runes (-1: unknown).
func newUnit(s string, a, b, n int) unit {
	u := countUnit(s, a, b, n)
	u.title = titleLike(u, false)
	u.ends = endsSentence(u)
	return u
}

func countUnit(s string, a, b, n int) unit {
	u := unit{start: a, end: b, text: s[a:b]}
	if n < 0 {
		n = utf8.RuneCountInString(u.text)
	}
	if n > 160 {
		// too long for a headline: only the length matters
		u.runes, u.words = n, 26
		return u
	}
	inWord := false
	for i := 0; i < len(u.text); i++ {
		c := u.text[i]
		if c >= utf8.RuneSelf {
			break
		}
		u.runes++
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			inWord = false
			continue
		}
		u.nonSpace++
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			u.letters++
		}
		if !inWord {
			u.words++
			inWord = true
		}
		if i == len(u.text)-1 {
			return u
		}
	}
	if u.runes == len(u.text) {
		return u
	}
	u.runes, u.words, u.letters, u.nonSpace, inWord = 0, 0, 0, 0, false
	for _, r := range u.text {
		u.runes++
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		u.nonSpace++
		if unicode.IsLetter(r) {
			u.letters++
		}
		if !inWord {
			u.words++
			inWord = true
		}
	}
	return u
}

// closers may follow the final punctuation of a sentence.
const closers = "\"'”’»)]"

// lastMark returns the last rune of t that is not a closing quote or
// bracket.
func lastMark(t string) rune {
	t = strings.TrimRight(t, closers+" ")
	r, _ := utf8.DecodeLastRuneInString(t)
	return r
}

// hasSignOff reports whether t ends with a wire sign-off after its last
// sentence ("... said. REUTER", "... on Monday. (AFP)").
func hasSignOff(t string) bool {
	i := strings.LastIndexAny(t, " \t")
	if i < 0 {
		return false
	}
	last := strings.TrimSuffix(strings.TrimPrefix(t[i+1:], "("), ")")
	if last == "" {
		return false
	}
	if last != "Reuter" && last != "Reuters" {
		for _, r := range last {
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	switch lastMark(strings.TrimRight(t[:i], " \t")) {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

// hasSentenceInside reports whether t has a sentence end followed by more
// words, which a headline does not have: three lower-case letters, a
// period, question or exclamation mark, closing quotes, white space and
// more text ("he said. REUTER", but not "U.S. DATA").
func hasSentenceInside(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		// three lower-case letters before
		j, n := i, 0
		for n < 3 && j > 0 {
			r, size := utf8.DecodeLastRuneInString(t[:j])
			if !unicode.IsLower(r) {
				break
			}
			j -= size
			n++
		}
		if n < 3 {
			continue
		}
		rest := strings.TrimLeft(t[i+1:], closers)
		if trimmed := strings.TrimLeft(rest, " \t"); len(trimmed) < len(rest) && trimmed != "" {
			return true
		}
	}
	return false
}

// endsSentence reports whether u ends with sentence-final punctuation,
// possibly followed by a wire sign-off.
func endsSentence(u unit) bool {
	if r, _ := utf8.DecodeLastRuneInString(u.text); (unicode.IsUpper(r) || r == ')' || r == 'r' || r == 's') && hasSignOff(u.text) {
		return true
	}
	switch lastMark(u.text) {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

// titleLike reports whether u reads like a headline. The first unit of an
// input may end with a question or exclamation mark.
func titleLike(u unit, first bool) bool {
	if u.words < 2 || u.words > 25 || u.runes > 160 || u.nonSpace == 0 || !first && u.words > 16 {
		return false
	}
	if float64(u.letters) < 0.6*float64(u.nonSpace) {
		return false
	}
	switch lastMark(u.text) {
	case '.':
		// "TRADE DEAL WITH U.S." is a headline; "... gun laws in the U.S."
		// in the middle of a text is a sentence
		if !endsWithInitialism(u.text) || !first && !mostlyUpper(u.text) {
			return false
		}
	case ',', ';', ':', '…', '-', '–', '—':
		return false
	case '?', '!':
		if !first {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(u.text, closers+"“‘«("))
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	return !isByline(u) && !hasSentenceInside(u.text) && !glued(u.text)
}

// mostlyUpper reports whether most letters of t are capitals.
func mostlyUpper(t string) bool {
	up, low := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up > 2*low
}

// glued reports whether t has a word made of several words run together
// ("CravenFlagShareLikeReply"), as scrapers leave from page furniture.
func glued(t string) bool {
	for _, w := range strings.Fields(t) {
		n := 0
		prev := ' '
		for _, r := range w {
			if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) {
				n++
			}
			prev = r
		}
		if n >= 3 {
			return true
		}
	}
	return false
}

// startsLower reports whether u starts with a lower-case letter, as the
// rest of a sentence broken across lines does.
func startsLower(u unit) bool {
	r, _ := utf8.DecodeRuneInString(u.text)
	return unicode.IsLower(r)
}

// endsWithInitialism reports whether t ends with an initialism such as
// "U.S." whose final period need not end a sentence.
func endsWithInitialism(t string) bool {
	last := t[strings.LastIndexByte(t, ' ')+1:]
	last = strings.TrimLeft(last, closers+"“‘«(")
	if len(last) < 4 {
		return false
	}
	for i, r := range last {
		if i%2 == 0 && !unicode.IsUpper(r) || i%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

// isDateLine reports whether u holds nothing but a date.
func isDateLine(u unit) bool {
	if u.runes > 60 {
		return false
	}
	_, ok := parseDate(u.text)
	return ok
}

// isByline reports whether u is an author line such as "By Jane Smith".
func isByline(u unit) bool {
	return u.runes <= 80 && u.words >= 2 && (strings.HasPrefix(u.text, "By ") || strings.HasPrefix(u.text, "BY "))
}

// splitter holds the units of a text and what startsArticle asks of them
// again and again, computed once so that a split costs linear time.
type splitter struct {
	us   []unit
	cum  []int // cum[i] is the number of runes in us[:i]
	next []int // next[i] is the first e >= i where a headline follows a sentence end, or len(us)
}

func newSplitter(us []unit) *splitter {
	sp := &splitter{us: us, cum: make([]int, len(us)+1), next: make([]int, len(us)+1)}
	for i, u := range us {
		sp.cum[i+1] = sp.cum[i] + u.runes
	}
	sp.next[len(us)] = len(us)
	for e := len(us) - 1; e >= 0; e-- {
		sp.next[e] = sp.next[e+1]
		if e > 0 && us[e].title && us[e-1].ends {
			sp.next[e] = e
		}
	}
	return sp
}

// bodyRunes counts the runes of us[a:b].
func (sp *splitter) bodyRunes(a, b int) int { return sp.cum[b] - sp.cum[a] }

// startsArticle decides whether unit i starts a new article, the current
// one having started at unit from.
func (sp *splitter) startsArticle(from, i int) bool {
	us := sp.us
	u := us[i]
	if !u.title || startsLower(us[i+1]) {
		return false
	}
	bodyStart := from
	if from == 0 && titleLike(us[0], true) || from > 0 && us[from].title {
		bodyStart++
	}
	// the new article's body: up to the next headline-like unit or the end
	end := sp.next[i+1]
	// the lede: the first unit after the headline that is not a byline, a
	// date line or a deck (a second headline line)
	lede, furniture := i+1, false
	for k := 0; k < 2 && lede+1 < end; k++ {
		if isByline(us[lede]) || isDateLine(us[lede]) {
			furniture = true
		} else if !us[lede].title || us[lede].ends {
			break
		}
		lede++
	}
	if hasDateline(us[lede].text) {
		// a wire dateline right after a headline opens a story
		return i > bodyStart && sp.bodyRunes(bodyStart, i) >= 100 && sp.bodyRunes(i+1, end) >= 100
	}
	if !us[i-1].ends || us[i-1].title {
		return false
	}
	// Both stories must be long enough to be articles rather than the
	// sections of one article under subheadings.
	if i-bodyStart < minParas || sp.bodyRunes(bodyStart, i) < minRunes {
		return false
	}
	if end-lede < minParas || sp.bodyRunes(lede, end) < minRunes || !us[lede].ends {
		return false
	}
	score := 0.0
	if furniture {
		score++ // a byline or a date under a headline: an article, not a section
	}
	switch {
	case u.words >= 6:
		score += 1
	case u.words >= 4:
		score += 0.5
	default:
		score -= 1
	}
	if tw := contentWords(u.text); len(tw) > 0 {
		nv := vocab(us[i+1 : min(end, lede+3)])
		pv := vocab(us[bodyStart:i])
		hit, old := 0, 0
		for w := range tw {
			if nv[w] > 0 {
				hit++
			}
			if pv[w] > 0 {
				old++
			}
		}
		if 3*hit >= len(tw) {
			score++
		}
		if 4*old <= len(tw) && len(tw) >= 3 {
			score += 0.5 // a new subject, not one of the article so far
		}
	}
	after := us[i+1 : min(end, i+8)]
	before := us[max(bodyStart, i-8):i]
	switch c := cosine(vocab(before), vocab(after)); {
	case c < 0.15:
		score++
	case c > 0.35:
		score--
	}
	return score >= 2
}

// The least body, in paragraphs and characters, on each side of a split
// that no dateline supports.
const (
	minParas = 3
	minRunes = 500
)

// stem folds a word to lower case and cuts it to five runes, a crude stem
// good enough to match "liberals" with "liberal-leaning".
func stem(w string) string {
	w = strings.ToLower(w)
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	return w
}

// words calls f for every word of t of at least 3 letters that is not a
// stop word.
func words(t string, f func(string)) {
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 3 {
			continue
		}
		lw := strings.ToLower(w)
		if stopWords[lw] {
			continue
		}
		f(stem(lw))
	}
}

func contentWords(t string) map[string]bool {
	m := map[string]bool{}
	words(t, func(w string) { m[w] = true })
	return m
}

func vocab(us []unit) map[string]int {
	m := map[string]int{}
	for _, u := range us {
		words(u.text, func(w string) { m[w]++ })
	}
	return m
}

func cosine(a, b map[string]int) float64 {
	var dot, na, nb float64
	for w, x := range a {
		na += float64(x * x)
		if y, ok := b[w]; ok {
			dot += float64(x * y)
		}
	}
	for _, y := range b {
		nb += float64(y * y)
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / (math.Sqrt(na) * math.Sqrt(nb))
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for are but not you all any can had her was one our out has him his how its may new now old see two who did let put say she too use that with have this will your from they know want been good much some time very when come here just like long make many more only over such take than them well were what would there their which about after again also could into other these those first being said says while where should under since until upon most then does each even made both before among through between against during without within because however told says according`) {
		m[w] = true
	}
	return m
}()
