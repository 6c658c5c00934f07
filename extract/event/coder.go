package event

import (
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/ptb"
)

// Options are PETRARCH's coding options, as set by <Config> elements of
// validation files.
type Options struct {
	// RequireDyad drops events that lack a source or a target; when false
	// the missing actor is coded "---".
	RequireDyad bool
	// NewActorLength, when positive, lets an uncoded noun phrase of at most
	// that many words stand as an actor named by its own text.
	NewActorLength int
	// Comma-delimited clause limits (comma_min, comma_max, comma_bmin,
	// comma_bmax, comma_emin, comma_emax): clauses between commas whose
	// length is within [min, max] words are removed before coding; a max
	// of 0 disables the rule. B is a clause at the beginning of the
	// sentence, E one at the end.
	CommaMin, CommaMax, CommaBMin, CommaBMax, CommaEMin, CommaEMax int
}

// DefaultOptions are PETRARCH-1's defaults.
func DefaultOptions() Options {
	return Options{RequireDyad: true, CommaMin: 2, CommaMax: 8, CommaBMin: 0, CommaBMax: 0, CommaEMin: 2, CommaEMax: 8}
}

// Errors a sentence can be refused with.
var (
	ErrSentenceDiscard = errors.New("sentencediscard")
	ErrStoryDiscard    = errors.New("storydiscard")
	ErrBadParse        = errors.New("bad_input_parse")
	// ErrDateline: the tree starts with a proper-noun phrase heading a
	// noun-phrase "sentence", as a dateline ("CEBU CITY: -- ...") parses.
	ErrDateline = errors.New("dateline")
)

// Span is a half-open range of word (leaf) indexes of the tree.
type Span struct{ Start, End int }

// Coded is one event coded from a tree, with its evidence.
type Coded struct {
	Source, Target string // actor codes; "---" for a missing actor when dyads are not required
	Code           string // CAMEO event code
	Rule           dict.Pos
	Pattern        string // the pattern text that fired; empty for a bare verb
	Verb           Span
	SourceSpan     Span // empty when the source is missing
	TargetSpan     Span
	// SourceActor and TargetActor are the actor dictionary lines that
	// named the source and target; zero when agents alone (or no
	// dictionary) coded them.
	SourceActor, TargetActor dict.Pos
}

// Coder codes parse trees with a dictionary set. It is read-only and safe
// for concurrent use.
type Coder struct {
	dicts *dict.Set
	opt   Options
	cp    *compiled
}

// NewCoder returns a Coder for the dictionaries d with options o.
func NewCoder(d *dict.Set, o Options) *Coder {
	return &Coder{dicts: d, opt: o, cp: compile(d.Verbs)}
}

// WithOptions returns a Coder sharing c's dictionaries with options o.
func (c *Coder) WithOptions(o Options) *Coder { return &Coder{dicts: c.dicts, opt: o, cp: c.cp} }

// Options returns the coder's options.
func (c *Coder) Options() Options { return c.opt }

// Dicts returns the coder's dictionaries.
func (c *Coder) Dicts() *dict.Set { return c.dicts }

// Code parses a bracketed tree and codes it. See CodeTree.
func (c *Coder) Code(parse string, date time.Time) ([]Coded, error) {
	t, err := ptb.Parse(parse)
	if err != nil {
		return nil, errors.Join(ErrBadParse, err)
	}
	return c.CodeTree(t, date)
}

// CodeTree codes the events of one sentence given as a parse tree, on the
// story date. A discarded sentence yields ErrSentenceDiscard or
// ErrStoryDiscard and no events.
func (c *Coder) CodeTree(t *ptb.Tree, date time.Time) ([]Coded, error) {
	s, err := c.prepare(t, date)
	if err != nil {
		return nil, err
	}
	defer s.release()
	return s.codeVerbs(), nil
}

// prepare refuses t (bad parse, dateline, discard) or returns its sentence
// with the comma clauses dropped and the noun phrases coded, ready for
// codeVerbs; the caller releases it.
func (c *Coder) prepare(t *ptb.Tree, date time.Time) (*sentence, error) {
	if len(t.Leaves) == 0 {
		return nil, ErrBadParse
	}
	if isDateline(t) {
		return nil, ErrDateline
	}
	s := newSentence(c, t, dict.DateInt(date))
	if d := c.dicts.Discards.Match(s.words); d != nil {
		s.release()
		if d.Story {
			return nil, ErrStoryDiscard
		}
		return nil, ErrSentenceDiscard
	}
	s.dropDateline()
	s.dropCommaClauses()
	s.findUnits()
	return s, nil
}

// sentence is the working state of coding one tree.
type sentence struct {
	c       *Coder
	t       *ptb.Tree
	date    int
	words   []string // upper case
	lo, hi  []int    // leaf span of each node
	unitAt  []int    // for each word: index of the coded unit starting there, or -1
	units   []unit
	ids     []int32  // interned word ids; -1 for words no pattern uses
	present []uint64 // bit set of the ids of the sentence
	seqBuf  [2][]item
	nodeU   []int  // node -> unit index; -1 none; -2 not yet coded
	gone    []bool // node removed by the comma-clause rules
	// arenas for codeNP's own words and PPs
	ownArena, ppArena []int
	// actArena holds the actors of the units (addUnit)
	actArena []actor
	out      []Coded
	// the actor a dropped dateline names ("MANILA, March 3 -"), lent to
	// an agent-only noun phrase that the dateline was parsed into
	dlBases []string
	dlFrom  dict.Pos
	dlEnd   int // the first word after the dateline
}

// has reports whether the sentence contains the word with id.
func (s *sentence) has(id int32) bool {
	return id >= 0 && s.present[id>>6]&(1<<(uint(id)&63)) != 0
}

// unit is a coded noun phrase: one actor or a compound of several.
type unit struct {
	span    Span
	actors  []actor // several for a compound
	node    int
	members []int // for a compound NP: the units it joins
}

type actor struct {
	code     string // composed code
	span     Span
	hasActor bool   // an actor dictionary entry matched (not only agents)
	newActor bool   // named by its own text (new_actor_length)
	base     string // the actor's own code
	prefix   string // composed agent codes
	suffix   string
	from     dict.Pos // actor dictionary line of the base code
}

// coded reports whether a dictionary coded the unit (a new actor named
// by its own text ranks with the uncoded ones).
func (u *unit) coded() bool {
	for _, a := range u.actors {
		if a.code != "" && a.code != "---" && !a.newActor {
			return true
		}
	}
	return false
}

func (u *unit) codeSet() map[string]bool {
	m := map[string]bool{}
	for _, a := range u.actors {
		m[a.code] = true
	}
	return m
}

var sentencePool = sync.Pool{New: func() any { return new(sentence) }}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// release returns s to the pool; the caller keeps s.out.
func (s *sentence) release() {
	for _, id := range s.ids {
		if id >= 0 {
			s.present[id>>6] = 0
		}
	}
	s.c, s.t, s.out = nil, nil, nil
	s.units = s.units[:0]
	s.actArena = s.actArena[:0]
	sentencePool.Put(s)
}

// upperWords fills s.words with the upper-cased words of t, from one
// buffer when the words are ASCII.
func (s *sentence) upperWords(t *ptb.Tree) {
	n := 0
	ascii := true
	for _, l := range t.Leaves {
		w := t.Nodes[l].Word
		n += len(w)
		for i := 0; i < len(w) && ascii; i++ {
			if w[i] >= 0x80 {
				ascii = false
			}
		}
	}
	if !ascii {
		for i, l := range t.Leaves {
			s.words[i] = strings.ToUpper(t.Nodes[l].Word)
		}
		return
	}
	buf := make([]byte, 0, n)
	for _, l := range t.Leaves {
		for _, c := range []byte(t.Nodes[l].Word) {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			buf = append(buf, c)
		}
	}
	all := string(buf)
	off := 0
	for i, l := range t.Leaves {
		m := len(t.Nodes[l].Word)
		s.words[i] = all[off : off+m]
		off += m
	}
}

func newSentence(c *Coder, t *ptb.Tree, date int) *sentence {
	s := sentencePool.Get().(*sentence)
	if s.c != nil || len(s.present) != (len(c.cp.vocab)+63)/64 {
		s.present = make([]uint64, (len(c.cp.vocab)+63)/64)
	}
	s.c, s.t, s.date = c, t, date
	s.words = grow(s.words, len(t.Leaves))
	s.ids = grow(s.ids, len(t.Leaves))
	s.upperWords(t)
	for i := range t.Leaves {
		id, ok := c.cp.vocab[s.words[i]]
		if !ok {
			id = -1
		}
		s.ids[i] = id
	}
	for _, id := range s.ids {
		if id >= 0 {
			s.present[id>>6] |= 1 << (uint(id) & 63)
		}
	}
	s.gone = grow(s.gone, len(t.Nodes))
	clear(s.gone)
	s.nodeU = grow(s.nodeU, len(t.Nodes))
	for i := range s.nodeU {
		s.nodeU[i] = -2
	}
	s.lo = grow(s.lo, len(t.Nodes))
	s.hi = grow(s.hi, len(t.Nodes))
	for i := len(t.Nodes) - 1; i >= 0; i-- {
		n := &t.Nodes[i]
		if n.IsLeaf() {
			s.lo[i], s.hi[i] = n.Leaf, n.Leaf+1
			continue
		}
		s.lo[i], s.hi[i] = s.lo[n.Children[0]], s.hi[n.Children[len(n.Children)-1]]
	}
	s.unitAt = grow(s.unitAt, len(t.Leaves))
	for i := range s.unitAt {
		s.unitAt[i] = -1
	}
	return s
}

// isDateline reports whether t reads (ROOT (NP (NP proper-noun ...) ...)),
// the shape PETRARCH's check_irregulars refuses as a dateline.
func isDateline(t *ptb.Tree) bool {
	root := &t.Nodes[0]
	if len(root.Children) == 0 {
		return false
	}
	np := &t.Nodes[root.Children[0]]
	if np.Label != "NP" || len(np.Children) == 0 {
		return false
	}
	first := int(np.Children[0])
	if t.Nodes[first].Label != "NP" {
		return false
	}
	for _, c := range t.Nodes[first].Children {
		if l := t.Nodes[c].Label; l == "NNP" || l == "NNPS" {
			return true
		}
	}
	return false
}

func isNP(l string) bool {
	return l == "NP" || strings.HasPrefix(l, "NP-") || l == "NML" || l == "NX" || l == "WHNP"
}

func isCC(s *sentence, node int) bool {
	n := &s.t.Nodes[node]
	return n.IsLeaf() && (n.Label == "CC" || n.Label == ",")
}

// dropDateline drops a wire dateline that opens the sentence
// ("WASHINGTON, March 3 - Belgian Foreign Trade Minister ...", "TAIPEI -
// ..."): its place names the bureau, not an actor, and would otherwise
// code the noun phrase it is parsed into.
func (s *sentence) dropDateline() {
	s.dlBases = nil
	n := len(s.t.Leaves)
	dash := -1
	for i := 1; i < n && i <= 10; i++ {
		switch s.t.Nodes[s.t.Leaves[i]].Word {
		case "-", "--", "\u2014", "\u2013":
			dash = i
		}
		if dash >= 0 {
			break
		}
	}
	if dash < 0 || dash+1 >= n {
		return
	}
	comma, month := false, false
	for i := 0; i < dash; i++ {
		w := s.words[i]
		if w == "," {
			comma = true
		}
		if months[strings.TrimSuffix(w, ".")] && i+1 < dash && s.t.Tag(i+1) == "CD" {
			month = true
		}
	}
	first := s.t.Nodes[s.t.Leaves[0]].Word
	caps := len(first) >= 3 && strings.ToUpper(first) == first && strings.ToLower(first) != first
	if !(comma && month) && !(caps && dash <= 3) {
		return
	}
	var place []int
	for i := 0; i < dash && s.words[i] != "," && !months[strings.TrimSuffix(s.words[i], ".")]; i++ {
		place = append(place, i)
	}
	if len(place) > 0 {
		if b, _, _, from := s.codeWords(place, dash); b != nil {
			s.dlBases, s.dlFrom, s.dlEnd = b, from, dash+1
		}
	}
	for i := 0; i <= dash; i++ {
		s.gone[s.t.Leaves[i]] = true
	}
	// A phrase of dateline words only goes with them, so that it is no
	// subject ("(NP (NP PEKING) , (NP March 3) -) (NP China) (VP ...)").
	for k := range s.t.Nodes {
		if k > 0 && s.hi[k] <= dash+1 && s.lo[k] < s.hi[k] {
			s.gone[k] = true
		}
	}
}

var months = map[string]bool{
	"JANUARY": true, "FEBRUARY": true, "MARCH": true, "APRIL": true, "MAY": true, "JUNE": true, "JULY": true,
	"AUGUST": true, "SEPTEMBER": true, "OCTOBER": true, "NOVEMBER": true, "DECEMBER": true,
	"JAN": true, "FEB": true, "MAR": true, "APR": true, "JUN": true, "JUL": true, "AUG": true, "SEP": true, "SEPT": true, "OCT": true, "NOV": true, "DEC": true,
}
