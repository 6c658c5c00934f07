package segment

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/nlp/tokenize"
)

// Stage is the sentence splitter as a pipeline stage: it requires
// doc.LayerTokens, fills Doc.Sents and provides doc.LayerSentences. It holds
// no state and is safe for concurrent use.
type Stage struct{}

// New returns the sentence splitter stage.
func New() *Stage { return &Stage{} }

// Name returns "segment".
func (*Stage) Name() string { return "segment" }

// Requires returns doc.LayerTokens.
func (*Stage) Requires() doc.Layer { return doc.LayerTokens }

// Provides returns doc.LayerSentences.
func (*Stage) Provides() doc.Layer { return doc.LayerSentences }

// Process replaces d.Sents with the sentences of d.Tokens, reusing the
// slice.
func (*Stage) Process(_ context.Context, d *doc.Doc) error {
	d.Sents = Sentences(d.Text, d.Tokens, d.Sents[:0])
	d.Mark(doc.LayerSentences)
	return nil
}

// Sentences appends to dst the sentences of the tokens toks of text, as
// token ranges that cover every token in order, and returns the extended
// slice. toks must be ordered byte spans of text, as Tokens returns.
func Sentences(text string, toks []doc.Token, dst []doc.Span) []doc.Span {
	start := 0
	n := len(toks)
	for i := 0; i < n; i++ {
		if i > start {
			gap := toks[i].Start - toks[i-1].End
			if (gap > 1 || gap == 1 && isBreak(text[toks[i].Start-1])) && lineBreak(text, toks[i-1], toks[i]) {
				dst = append(dst, doc.Span{Start: int32(start), End: int32(i)})
				start = i
			}
		}
		if end := sentenceEnd(text, toks, i); end > i {
			dst = append(dst, doc.Span{Start: int32(start), End: int32(end)})
			start = end
			i = end - 1
		}
	}
	if start < n {
		dst = append(dst, doc.Span{Start: int32(start), End: int32(n)})
	}
	return dst
}

// tokenText returns the text of t.
func tokenText(text string, t doc.Token) string { return text[t.Start:t.End] }

// lineBreak reports whether the white space between prev and next ends a
// sentence: a blank line always does; a single line break does unless the
// line was merely wrapped (the next line goes on in lower case after a
// word).
func lineBreak(text string, prev, next doc.Token) bool {
	gap := text[prev.End:next.Start]
	nl := strings.Count(gap, "\n")
	if nl == 0 {
		if strings.IndexByte(gap, '\r') >= 0 || strings.Contains(gap, "\u2029") || strings.Contains(gap, "\u2028") || strings.Contains(gap, "\u0085") {
			return true
		}
		return false
	}
	if nl >= 2 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[next.Start:])
	if !unicode.IsLower(r) {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(text[prev.Start:prev.End])
	return !(unicode.IsLetter(p) || unicode.IsDigit(p) || p == ',')
}

// isBreak reports whether the single byte c between two tokens is a line
// break.
func isBreak(c byte) bool { return c == '\n' || c == '\r' }

// Kinds of sentence-final token.
const (
	notFinal = iota
	stop     // . ! ? and their runs
	ellipsis // ... …
	abbrev   // an abbreviation with its stop
)

func finalKind(w string) int {
	if w == "" {
		return notFinal
	}
	switch w[len(w)-1] {
	case '.', '!', '?', "…"[2]:
	default:
		return notFinal
	}
	switch {
	case w == "." || w == "!" || w == "?":
		return stop
	case w == "…" || strings.HasPrefix(w, ".."):
		return ellipsis
	case len(w) > 1 && strings.Trim(w, "!?.") == "":
		return stop
	case len(w) > 1 && w[len(w)-1] == '.':
		return abbrev
	}
	return notFinal
}

// isCloser reports whether token t of text closes a quotation or bracket
// just after a sentence end: closing quotes and brackets ("”", ")", "’’"),
// and straight quotes written against the previous token.
func isCloser(text string, prev, t doc.Token) bool {
	w := tokenText(text, t)
	straight := true
	for _, r := range w {
		switch r {
		case '"', '\'':
		case '”', '’', '»', '›', ')', ']', '}':
			straight = false
		default:
			return false
		}
	}
	return !straight || prev.End == t.Start
}

// sentenceEnd returns the index after the sentence that token i ends
// (after its closing quotes and brackets), or -1 when i ends no sentence.
func sentenceEnd(text string, toks []doc.Token, i int) int {
	w := tokenText(text, toks[i])
	kind := finalKind(w)
	if kind == notFinal {
		return -1
	}
	if kind == stop && i > 0 && isListMarker(text, toks, i) {
		return -1 // 2. Bargain with them
	}
	j := i + 1
	quoted := false
	if kind == stop && w == "." {
		// a spaced ellipsis: ". . ."
		for j < len(toks) && tokenText(text, toks[j]) == "." {
			kind = ellipsis
			j++
		}
	}
	for j < len(toks) {
		if isCloser(text, toks[j-1], toks[j]) {
			quoted = true
		} else if !(finalKind(tokenText(text, toks[j])) == stop && toks[j].Start == toks[j-1].End) && !tokenize.IsEmoticon(tokenText(text, toks[j])) {
			break
		}
		j++
	}
	if j == len(toks) {
		return j
	}
	next := tokenText(text, toks[j])
	r, _ := utf8.DecodeRuneInString(next)
	switch kind {
	case stop:
		if strings.ContainsRune(",;:.%", r) {
			return -1 // no sentence opens with these
		}
		if unicode.IsLower(r) && (quoted || w == "!" && i > 0 && toks[i-1].End == toks[i].Start && startsUpper(tokenText(text, toks[i-1]))) {
			return -1 // "Why?" he asked; Yahoo! said
		}
		return j
	case ellipsis:
		if unicode.IsUpper(r) || isOpener(next) {
			return j
		}
		return -1
	}
	// An abbreviation keeps its stop only inside a sentence: the tokenizer
	// gives the stop of a sentence-final abbreviation to the sentence.
	return -1
}

// isListMarker reports whether the stop at toks[i] follows a list number or
// letter that opens its line or sentence: "2." or "b.".
func isListMarker(text string, toks []doc.Token, i int) bool {
	p := toks[i-1]
	w := tokenText(text, p)
	if p.End != toks[i].Start || len(w) > 2 || !(isDigits(w) || len(w) == 1 && w[0] >= 'a' && w[0] <= 'z') {
		return false
	}
	if i == 1 {
		return true
	}
	k := finalKind(tokenText(text, toks[i-2]))
	return k == stop || k == ellipsis || strings.IndexByte(text[toks[i-2].End:p.Start], '\n') >= 0
}

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

func isOpener(w string) bool {
	switch w {
	case "\"", "“", "‘", "'", "(", "[", "«", "``":
		return true
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
