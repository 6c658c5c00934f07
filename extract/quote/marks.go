package quote

import (
	"unicode"
	"unicode/utf8"
)

// region is a stretch of text between quotation marks.
type region struct {
	Open, Close int  // byte offsets: Open of the opening mark, Close just past the closing mark (or the paragraph end)
	In, Out     int  // content bytes [In, Out): inside the marks
	Single      bool // single quotation marks
	Unclosed    bool // the paragraph ended before a closing mark
	Next        int  // index of the region continuing this one in the next paragraph, or -1
	Prev        int  // index of the region this one continues, or -1
}

func isOpenDouble(r rune) bool  { return r == '“' || r == '„' || r == '«' }
func isCloseDouble(r rune) bool { return r == '”' || r == '»' }

// findRegions pairs the double quotation marks of text within each
// paragraph (a line), and single quotation marks outside double ones. A
// curly opening mark opens, a curly closing mark closes, a straight mark
// opens or closes by context and state. A paragraph that ends inside a double
// quotation whose next paragraph opens with a quotation mark continues it
// (the journalistic convention for quotations over several paragraphs).
func findRegions(text string) []region {
	var out []region
	n := len(text)
	paraStart := 0
	for paraStart <= n {
		end := paraStart
		for end < n && text[end] != '\n' {
			end++
		}
		out = pairParagraph(text, paraStart, end, out)
		paraStart = end + 1
	}
	// Link quotations running over paragraphs.
	for i := range out {
		out[i].Next, out[i].Prev = -1, -1
	}
	for i := range out {
		r := &out[i]
		if !r.Unclosed || r.Single {
			continue
		}
		// The next region must start its paragraph (after spaces).
		for j := i + 1; j < len(out); j++ {
			if out[j].Single {
				continue
			}
			if startsParagraph(text, out[j].Open) && onlySpaceBetween(text, r.Close, out[j].Open) {
				r.Next, out[j].Prev = j, i
			}
			break
		}
	}
	return out
}

func startsParagraph(text string, i int) bool {
	for i > 0 {
		r, sz := utf8.DecodeLastRuneInString(text[:i])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		i -= sz
	}
	return true
}

func onlySpaceBetween(text string, a, b int) bool {
	if a > b {
		return false
	}
	for _, r := range text[a:b] {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func pairParagraph(text string, start, end int, out []region) []region {
	in := false
	var cur region
	var single []region // closed single-quote regions of this paragraph
	sOpen := -1         // position of an open single mark outside double quotes
	sIn := -1
	prev := ' '
	for i := start; i < end; {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\'' && c != '`' {
			i++ // fast path: a byte that is no quotation mark
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[i:end])
		if i > start {
			prev, _ = utf8.DecodeLastRuneInString(text[start:i])
		}
		next := ' '
		if i+sz < end {
			next, _ = utf8.DecodeRuneInString(text[i+sz : end])
		}
		if (r == '\'' || r == '`') && i+1 < end && text[i+1] == text[i] {
			// '' and `` stand for double marks in some news text.
			if r == '`' || !in {
				if !in {
					in = true
					cur = region{Open: i, In: i + 2}
					sOpen = -1
				}
			} else {
				cur.Out, cur.Close = i, i+2
				out = append(out, cur)
				in = false
			}
			i += 2
			continue
		}
		switch {
		case isOpenDouble(r) && in && !isSpaceRune(prev) && !isLetterRune(next):
			// “ used as a closing mark: here,“ said
			cur.Out, cur.Close = i, i+sz
			out = append(out, cur)
			in = false
		case isCloseDouble(r) && !in && (isSpaceRune(prev) || i == start) && isLetterRune(next):
			// ” used as an opening mark
			in = true
			cur = region{Open: i, In: i + sz}
			sOpen = -1
		case isOpenDouble(r):
			if !in {
				in = true
				cur = region{Open: i, In: i + sz}
				sOpen = -1
			}
		case isCloseDouble(r):
			if in {
				cur.Out, cur.Close = i, i+sz
				out = append(out, cur)
				in = false
			}
		case r == '"':
			if in {
				cur.Out, cur.Close = i, i+sz
				out = append(out, cur)
				in = false
			} else {
				in = true
				cur = region{Open: i, In: i + sz}
				sOpen = -1
			}
		case !in && (r == '‘' || r == '\'' && !isLetterRune(prev) && !unicode.IsDigit(prev)) && isLetterRune(next):
			if sOpen < 0 {
				sOpen, sIn = i, i+sz
			}
		case !in && sOpen >= 0 && (r == '’' || r == '\'') && !isLetterRune(next) && i > sIn:
			// A closing single mark: not an apostrophe inside a word;
			// a possessive plural ("states' rights") is closed only when
			// a nearer candidate is absent, which we accept.
			single = append(single, region{Open: sOpen, In: sIn, Out: i, Close: i + sz, Single: true})
			sOpen = -1
		}
		i += sz
	}
	if in {
		cur.Out, cur.Close, cur.Unclosed = trimEnd(text, cur.In, end), end, true
		out = append(out, cur)
	}
	// Single-quote regions outside double ones, in order.
	if len(single) > 0 {
		out = mergeOrdered(out, single)
	}
	return out
}

func trimEnd(text string, a, b int) int {
	for b > a {
		r, sz := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= sz
	}
	return b
}

// mergeOrdered inserts the single-quote regions among the regions of the
// same paragraph (the tail of out), keeping text order.
func mergeOrdered(out, single []region) []region {
	lo := len(out)
	for lo > 0 && out[lo-1].Open > single[0].Open {
		lo--
	}
	tail := append([]region(nil), out[lo:]...)
	out = out[:lo]
	i, j := 0, 0
	for i < len(tail) || j < len(single) {
		if j >= len(single) || i < len(tail) && tail[i].Open < single[j].Open {
			out = append(out, tail[i])
			i++
		} else {
			out = append(out, single[j])
			j++
		}
	}
	return out
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) }
func isSpaceRune(r rune) bool  { return unicode.IsSpace(r) }
