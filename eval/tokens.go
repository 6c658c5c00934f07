package eval

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/herald-events/herald/conllu"
	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tokenize"
)

// TokenReport scores the tokenizer and the sentence splitter against a
// CoNLL-U treebank whose sentences carry "# text" lines.
//
// Words compares byte spans of syntactic words, which is what the tagger and
// parser consume: a multiword token such as "don't" counts as the two words
// "do" and "n't". Tokens compares byte spans of surface tokens: gold
// multiword tokens count once, and predicted pieces that tokenize.Joined
// reports as one written word are merged. Both use the gold sentences, each
// tokenized on its own.
//
// Sentences compares sentence boundaries (the byte offset where each
// sentence but the first of a document starts) on documents rebuilt from
// their sentences: the texts of a document ("# newdoc") joined by one
// space. Paragraphs does the same with the paragraphs ("# newpar") joined
// by a line break, as news articles come.
type TokenReport struct {
	Docs, Sents int
	Words       PRF
	Tokens      PRF
	Sentences   PRF
	Paragraphs  PRF
	// Unaligned counts gold sentences whose forms could not all be found
	// in their text; they are left out of the token scores.
	Unaligned int
}

// TokensFile scores the CoNLL-U file at path; see Tokens.
func TokensFile(path string) (TokenReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return TokenReport{}, err
	}
	defer f.Close()
	return Tokens(f, path)
}

// Tokens reads a CoNLL-U treebank from r (name is used in errors) and
// scores tokenize.Tokens and segment.Sentences on it.
func Tokens(r io.Reader, name string) (TokenReport, error) {
	var rep TokenReport
	var docSents []conllu.Sentence
	var toks []doc.Token
	flush := func() {
		if len(docSents) > 0 {
			rep.Docs++
			rep.Sentences.add(tokBoundaries(docSents, " ", " "))
			rep.Paragraphs.add(tokBoundaries(docSents, " ", "\n"))
		}
		docSents = docSents[:0]
	}
	err := conllu.Scan(r, name, func(s conllu.Sentence) error {
		if s.NewDoc {
			flush()
		}
		docSents = append(docSents, s)
		rep.Sents++
		words, surface, ok := tokGold(s)
		if !ok {
			rep.Unaligned++
			return nil
		}
		toks = tokenize.Tokens(s.Text, toks[:0])
		rep.Words.add(tokMatch(words, tokPredSpans(toks, nil)))
		rep.Tokens.add(tokMatch(surface, tokPredSpans(toks, func(p, n doc.Token) bool { return tokenize.Joined(s.Text, p, n) })))
		return nil
	})
	flush()
	return rep, err
}

// add adds the counts of d to c.
func (c *PRF) add(d PRF) {
	c.Gold += d.Gold
	c.Pred += d.Pred
	c.TP += d.TP
}

// tokSpan is a half-open byte range.
type tokSpan struct{ start, end int }

// tokGold aligns the forms of s to s.Text and returns the byte spans of
// its syntactic words and of its surface tokens; ok is false when a form is
// not found in order.
func tokGold(s conllu.Sentence) (words, surface []tokSpan, ok bool) {
	text := s.Text
	pos := 0
	find := func(form string) (int, bool) {
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t') {
			pos++
		}
		if strings.HasPrefix(text[pos:], form) {
			return pos, true
		}
		return 0, false
	}
	mw := 0
	for i := 0; i < len(s.Words); {
		w := s.Words[i]
		if mw < len(s.MultiWords) && s.MultiWords[mw].First == w.ID {
			m := s.MultiWords[mw]
			mw++
			at, found := find(m.Form)
			if !found {
				return nil, nil, false
			}
			surface = append(surface, tokSpan{at, at + len(m.Form)})
			// the words of a multiword token spell it out in EWT; when they
			// do not, the token counts as one word
			p := at
			var parts []tokSpan
			for k := i; k < len(s.Words) && s.Words[k].ID <= m.Last; k++ {
				f := s.Words[k].Form
				if !strings.HasPrefix(text[p:at+len(m.Form)], f) {
					parts = []tokSpan{{at, at + len(m.Form)}}
					break
				}
				parts = append(parts, tokSpan{p, p + len(f)})
				p += len(f)
			}
			if p != at+len(m.Form) {
				parts = []tokSpan{{at, at + len(m.Form)}}
			}
			words = append(words, parts...)
			pos = at + len(m.Form)
			for i < len(s.Words) && s.Words[i].ID <= m.Last {
				i++
			}
			continue
		}
		at, found := find(w.Form)
		if !found {
			return nil, nil, false
		}
		words = append(words, tokSpan{at, at + len(w.Form)})
		surface = append(surface, tokSpan{at, at + len(w.Form)})
		pos = at + len(w.Form)
		i++
	}
	return words, surface, true
}

// tokPredSpans returns the byte spans of toks, merging a token into the
// previous one when join says so (join may be nil).
func tokPredSpans(toks []doc.Token, join func(prev, next doc.Token) bool) []tokSpan {
	out := make([]tokSpan, 0, len(toks))
	for i, t := range toks {
		if join != nil && i > 0 && join(toks[i-1], t) {
			out[len(out)-1].end = int(t.End)
			continue
		}
		out = append(out, tokSpan{int(t.Start), int(t.End)})
	}
	return out
}

// tokMatch counts the exact matches between two ordered span lists.
func tokMatch(gold, pred []tokSpan) PRF {
	c := PRF{Gold: len(gold), Pred: len(pred)}
	i, j := 0, 0
	for i < len(gold) && j < len(pred) {
		switch g, p := gold[i], pred[j]; {
		case g == p:
			c.TP++
			i++
			j++
		case g.start < p.start || g.start == p.start && g.end < p.end:
			i++
		default:
			j++
		}
	}
	return c
}

// tokBoundaries rebuilds the text of one document from its sentences,
// joined by sep within a paragraph and by parSep between paragraphs, splits
// it and compares the sentence starts.
func tokBoundaries(sents []conllu.Sentence, sep, parSep string) PRF {
	var b strings.Builder
	gold := make([]int, 0, len(sents))
	for i, s := range sents {
		if i > 0 {
			if s.NewPar {
				b.WriteString(parSep)
			} else {
				b.WriteString(sep)
			}
			gold = append(gold, b.Len())
		}
		b.WriteString(s.Text)
	}
	text := b.String()
	toks := tokenize.Tokens(text, nil)
	spans := segment.Sentences(text, toks, nil)
	pred := make([]int, 0, len(spans))
	for _, sp := range spans[min(1, len(spans)):] {
		pred = append(pred, int(toks[sp.Start].Start))
	}
	c := PRF{Gold: len(gold), Pred: len(pred)}
	i, j := 0, 0
	for i < len(gold) && j < len(pred) {
		switch {
		case gold[i] == pred[j]:
			c.TP++
			i++
			j++
		case gold[i] < pred[j]:
			i++
		default:
			j++
		}
	}
	return c
}

// WriteTo prints the report as aligned lines of figures.
func (r TokenReport) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "documents %d, sentences %d, unaligned sentences %d\n", r.Docs, r.Sents, r.Unaligned)
	line := func(name string, c PRF) {
		fmt.Fprintf(&b, "%-22s P %.4f  R %.4f  F1 %.4f  (gold %d, predicted %d, matched %d)\n", name, c.P(), c.R(), c.F1(), c.Gold, c.Pred, c.TP)
	}
	line("words", r.Words)
	line("surface tokens", r.Tokens)
	line("sentence boundaries", r.Sentences)
	line("  with paragraphs", r.Paragraphs)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
