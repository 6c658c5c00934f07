// Package doc holds Herald's document model: one Doc owns the text of a news
// article verbatim and flat arrays of annotations over it.
//
// Tokens are UTF-8 byte spans into Doc.Text. Sentences, entities and other
// token-level annotations are half-open ranges of token indexes (Span).
// Extraction layers (events, quotes) carry byte offsets as well, so that
// every record can be traced back to the exact words it came from.
//
// Which layers a Doc has is recorded in a Layer bit set: a stage marks what it
// provides with Doc.Mark and later stages check with Doc.Has.
package doc

import (
	"fmt"
	"strings"
	"time"
)

// Layer is a set of annotation layers.
type Layer uint32

// The layers a Doc can carry.
const (
	LayerTokens    Layer = 1 << iota // Doc.Tokens with byte offsets
	LayerSentences                   // Doc.Sents
	LayerTags                        // Token.Tag and Token.UPOS
	LayerLemmas                      // Token.Lemma
	LayerDeps                        // Token.Head and Token.Dep
	LayerEntities                    // Doc.Ents
	LayerCoref                       // Doc.Chains
	LayerEvents                      // Doc.Events
	LayerQuotes                      // Doc.Quotes
)

var layerNames = []string{"tokens", "sentences", "tags", "lemmas", "deps", "entities", "coref", "events", "quotes"}

// String lists the layers in the set, joined by "+".
func (l Layer) String() string {
	if l == 0 {
		return "none"
	}
	var parts []string
	for i, name := range layerNames {
		if l&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, "+")
}

// Doc is one news article and its annotations.
type Doc struct {
	ID     string    // stable id: given by the input (JSONL) or derived from the content
	Source string    // where it was read: file path, path#n for the n-th article of a file, or URL
	URL    string    // the article's own URL, when known
	Title  string    // headline, when known
	Byline string    // author line, when known
	Date   time.Time // publication date; zero when unknown
	Text   string    // body text, verbatim as read (after decoding to UTF-8)

	// DuplicateOf is the ID of an earlier document of the same run that
	// this one nearly duplicates (the same wire story with small edits).
	DuplicateOf string

	Tokens []Token
	Sents  []Span // token ranges, in order, covering sentence tokens
	Ents   []Entity
	Chains []Chain // coreference chains
	Events []Event
	Quotes []Quote
	// QuotedTerms are the short terms set in quotation marks that are not
	// quotations (scare quotes such as the "Israel" of a headline), filled
	// with LayerQuotes.
	QuotedTerms []ByteSpan

	// Errs holds the errors of stages that failed on this document; the
	// layers those stages provide are then missing.
	Errs []error

	has Layer
}

// Has reports whether every layer of l is filled.
func (d *Doc) Has(l Layer) bool { return d.has&l == l }

// Layers returns the set of filled layers.
func (d *Doc) Layers() Layer { return d.has }

// Mark records that the layers of l are filled.
func (d *Doc) Mark(l Layer) { d.has |= l }

// Unmark records that the layers of l are no longer filled.
func (d *Doc) Unmark(l Layer) { d.has &^= l }

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// SpanBytes returns the byte range [start, end) that the tokens of s cover.
// An empty span yields the position of its start token (or the end of the
// text).
func (d *Doc) SpanBytes(s Span) (start, end int) {
	if s.Start >= s.End {
		if int(s.Start) < len(d.Tokens) {
			p := int(d.Tokens[s.Start].Start)
			return p, p
		}
		return len(d.Text), len(d.Text)
	}
	return int(d.Tokens[s.Start].Start), int(d.Tokens[s.End-1].End)
}

// SpanText returns the text that the tokens of s cover, verbatim.
func (d *Doc) SpanText(s Span) string {
	a, b := d.SpanBytes(s)
	return d.Text[a:b]
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sents[m]; {
		case int32(i) < s.Start:
			hi = m
		case int32(i) >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Validate checks the structural invariants of the filled layers: token
// offsets inside the text, tokens ordered and not overlapping, sentences
// ordered ranges of valid tokens, heads inside their sentence, entity spans
// valid. It returns the first violation found.
func (d *Doc) Validate() error {
	prev := int32(0)
	for i, t := range d.Tokens {
		if t.Start < prev || t.End <= t.Start || int(t.End) > len(d.Text) {
			return fmt.Errorf("doc %s: token %d has bad span [%d,%d) (previous end %d, text length %d)", d.ID, i, t.Start, t.End, prev, len(d.Text))
		}
		prev = t.End
	}
	n := int32(len(d.Tokens))
	prevEnd := int32(0)
	for i, s := range d.Sents {
		if s.Start < prevEnd || s.End < s.Start || s.End > n {
			return fmt.Errorf("doc %s: sentence %d has bad token range [%d,%d)", d.ID, i, s.Start, s.End)
		}
		prevEnd = s.End
		if d.Has(LayerDeps) {
			for j := s.Start; j < s.End; j++ {
				h := d.Tokens[j].Head
				if h != -1 && (h < s.Start || h >= s.End || h == j) {
					return fmt.Errorf("doc %s: token %d has head %d outside sentence %d", d.ID, j, h, i)
				}
			}
		}
	}
	for i, e := range d.Ents {
		if e.Start < 0 || e.End <= e.Start || e.End > n {
			return fmt.Errorf("doc %s: entity %d has bad token range [%d,%d)", d.ID, i, e.Start, e.End)
		}
	}
	return nil
}

// Token is one token: a byte span of Doc.Text and its annotations.
type Token struct {
	Start, End int32  // UTF-8 byte offsets into Doc.Text, end exclusive
	Tag        string // Penn Treebank part-of-speech tag (XPOS)
	UPOS       string // Universal POS tag
	Lemma      string
	Head       int32  // index in Doc.Tokens of the syntactic head; -1 for the root
	Dep        string // Universal Dependencies relation to the head
	SpaceAfter bool   // whitespace follows in the text
}

// Span is a half-open range [Start, End) of token indexes.
type Span struct{ Start, End int32 }

// Len returns the number of tokens in s.
func (s Span) Len() int { return int(s.End - s.Start) }

// Entity is a named-entity mention.
type Entity struct {
	Span
	Label string // PER, ORG, LOC, GPE, NORP
	Code  string // CAMEO actor code, when a dictionary knows the name
}

// Chain is a coreference chain: the mentions of one entity in a document.
type Chain struct {
	Name     string // the best name of the entity (the longest proper-name mention)
	Code     string // CAMEO actor code, when known
	Label    string // entity type of the chain (PER, ORG, ...)
	Mentions []Span // token ranges, in text order
}

// ByteSpan is a half-open range of UTF-8 byte offsets into Doc.Text.
type ByteSpan struct{ Start, End int32 }

// Actor is the source or target of an event.
type Actor struct {
	Code string // CAMEO actor code, such as IRNGOV
	ByteSpan
	Text string // the words of the text that name the actor
}

// Event is a coded CAMEO event.
type Event struct {
	Sentence  int    // index into Doc.Sents
	Code      string // CAMEO event code, such as 111
	Root      string // CAMEO root code, such as 11
	Quad      int    // QuadClass 1..4
	Goldstein float64
	Plover    string // PLOVER event type
	Mode      string // PLOVER mode, when the mapping gives one
	Source    Actor
	Target    Actor
	Verb      ByteSpan
	Issues    []string // issue codes from the issues dictionary
	Rule      string   // dictionary file:line of the pattern or verb that fired
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
	QuoteMixed    = "mixed"
)

// Quote is a quotation or attributed claim.
type Quote struct {
	Kind     string   // QuoteDirect, QuoteIndirect or QuoteMixed
	ByteSpan          // the whole quotation, attribution included
	Content  ByteSpan // what was said
	Cue      ByteSpan // the reporting verb or phrase; zero when none
	Speaker  Speaker
}

// Speaker is who a quotation is attributed to.
type Speaker struct {
	ByteSpan        // the mention in the text ("He", "the report")
	Name     string // the resolved name of the entity ("Ali Khamenei")
	Code     string // CAMEO actor code, when known
}
