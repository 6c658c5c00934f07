package event

import (
	"slices"
	"strings"
	"time"

	"github.com/herald-events/herald/ptb"
)

// Role is the place of a noun phrase in the event of a verb.
type Role uint8

// Roles of a noun phrase.
const (
	// SourceRole: the subject of an active verb, or the "by" agent of a
	// passive one.
	SourceRole Role = iota + 1
	// TargetRole: an object of the verb (direct, or of a preposition of
	// its phrase), or the subject of a passive verb.
	TargetRole
)

func (r Role) String() string {
	switch r {
	case SourceRole:
		return "source"
	case TargetRole:
		return "target"
	}
	return "?"
}

// Uncoded is a noun phrase in the source or target position of a verb
// that no actor dictionary entry coded.
type Uncoded struct {
	// Span holds the words of the phrase (of one member of a compound),
	// up to its first PP or clause.
	Span Span
	Role Role
	Verb int // the word of the verb it belongs to
	// Code is what the agents alone made of it ("---GOV"), or "" when no
	// agent matched either.
	Code string
}

// Explanation is what the coder made of one sentence, with the places
// where its dictionaries fell short.
type Explanation struct {
	// Events are the events coded, as CodeTree returns them.
	Events []Coded
	// Uncoded lists, in sentence order and each once, the noun phrases in
	// the source or target position of a verb (the subject, the objects,
	// the objects of its prepositions, and the phrases within them, as
	// "X" in "the camps of X") that no actor entry coded, whether or not
	// the verb is in the dictionary. Phrases without a noun (pronouns) and
	// temporal ones (NP-TMP) are left out.
	Uncoded []Uncoded
	// UnknownVerbs lists the words of the verbs heading a verb phrase that
	// match no verb dictionary entry (not even a "---" one), in sentence
	// order. Auxiliaries (a verb followed by a verb phrase of its own
	// phrase: "has said", "will go") are left out.
	UnknownVerbs []int
}

// Explain codes t as CodeTree does and also reports the uncoded noun
// phrases in actor positions and the verbs the verb dictionary lacks: what
// a dictionary maintainer adds next. It fails as CodeTree does (discards,
// datelines, bad parses). It costs more than CodeTree, which it leaves
// untouched; use it for reports, not for coding.
func (c *Coder) Explain(t *ptb.Tree, date time.Time) (Explanation, error) {
	s, err := c.prepare(t, date)
	if err != nil {
		return Explanation{}, err
	}
	defer s.release()
	var ex Explanation
	ex.Events = s.codeVerbs()
	seen := map[Span]bool{}
	add := func(node int, role Role, verb int) {
		for _, u := range s.unitsIn(node) {
			for _, a := range s.units[u].actors {
				if (a.hasActor && !a.newActor) || seen[a.span] || !hasNoun(s, spanWords(a.span)) {
					continue
				}
				seen[a.span] = true
				ex.Uncoded = append(ex.Uncoded, Uncoded{Span: s.ownSpan(a.span), Role: role, Verb: verb, Code: a.code})
			}
		}
	}
	for vp := range s.t.Nodes {
		if s.t.Nodes[vp].Label != "VP" || s.gone[vp] {
			continue
		}
		v, at := s.headVerb(vp)
		if v < 0 || s.auxiliary(vp, at) {
			continue
		}
		if !s.inVerbDict(v) {
			ex.UnknownVerbs = append(ex.UnknownVerbs, v)
		}
		passive := s.isPassive(vp, v)
		subj, obj := SourceRole, TargetRole
		if passive {
			subj = TargetRole
		}
		if np := s.subjectOf(vp); np >= 0 {
			add(np, subj, v)
		}
		for _, k := range s.t.Nodes[vp].Children[at+1:] {
			kn := &s.t.Nodes[k]
			switch {
			case s.gone[k]:
			case argNP(kn.Label):
				add(int(k), obj, v)
			case kn.Label == "PP":
				role := obj
				if passive && s.ppIs(int(k), "BY") {
					role = SourceRole
				}
				for _, g := range kn.Children {
					if argNP(s.t.Nodes[g].Label) && !s.gone[g] {
						add(int(g), role, v)
					}
				}
			}
		}
	}
	slices.SortStableFunc(ex.Uncoded, func(a, b Uncoded) int { return a.Span.Start - b.Span.Start })
	slices.Sort(ex.UnknownVerbs)
	return ex, nil
}

// headVerb returns the verb word heading vp and the index of its node
// among vp's children, or -1: the first VB* child after adverbs and
// modals, as codeVerbs finds it.
func (s *sentence) headVerb(vp int) (word, at int) {
	for i, c := range s.t.Nodes[vp].Children {
		cn := &s.t.Nodes[c]
		if cn.IsLeaf() && strings.HasPrefix(cn.Label, "VB") {
			return cn.Leaf, i
		}
		if cn.Label != "RB" && cn.Label != "MD" && cn.Label != "ADVP" {
			break
		}
	}
	return -1, -1
}

// auxiliary reports whether the verb at child at of vp is followed by a
// VP of its own phrase (an auxiliary: "has said").
func (s *sentence) auxiliary(vp, at int) bool {
	for _, c := range s.t.Nodes[vp].Children[at+1:] {
		if s.t.Nodes[c].Label == "VP" {
			return true
		}
	}
	return false
}

// inVerbDict reports whether the verb at word v matches a verb entry, its
// words before and after included.
func (s *sentence) inVerbDict(v int) bool {
	if s.c.dicts.Verbs == nil {
		return false
	}
	for _, e := range s.c.dicts.Verbs.Lookup(s.words[v]) {
		if v-len(e.Before) < 0 || v+1+len(e.After) > len(s.words) {
			continue
		}
		ok := true
		for k, w := range e.Before {
			ok = ok && s.words[v-len(e.Before)+k] == w
		}
		for k, w := range e.After {
			ok = ok && s.words[v+1+k] == w
		}
		if ok {
			return true
		}
	}
	return false
}

// subjectOf returns the subject NP node of vp: the last NP before it in the
// nearest enclosing clause that has one or, for a relative clause ("the
// man who attacked"), the noun phrase the clause modifies; -1 if none.
func (s *sentence) subjectOf(vp int) int {
	cur := vp
	for p := s.t.Nodes[vp].Parent; p >= 0; cur, p = p, s.t.Nodes[p].Parent {
		pn := &s.t.Nodes[p]
		if pn.Label == "SBAR" && pn.Parent >= 0 && isNP(s.t.Nodes[pn.Parent].Label) && len(pn.Children) > 0 &&
			strings.HasPrefix(s.t.Nodes[pn.Children[0]].Label, "WH") {
			for _, c := range s.t.Nodes[pn.Parent].Children {
				if isNP(s.t.Nodes[c].Label) && !s.gone[c] {
					return int(c)
				}
			}
			return -1
		}
		if !isClause(pn.Label) {
			continue
		}
		subj := -1
		for _, c := range pn.Children {
			if int(c) == cur {
				break
			}
			if argNP(s.t.Nodes[c].Label) && !s.gone[c] {
				subj = int(c)
			}
		}
		if subj >= 0 {
			return subj
		}
	}
	return -1
}

// ownSpan cuts sp before its first word that lies in a clause-like part
// (PP, SBAR, ...) of the phrase: "travel" of "travel to Canada ... and
// sanctions", whose span runs over its PP.
func (s *sentence) ownSpan(sp Span) Span {
	for w := sp.Start + 1; w < sp.End; w++ {
		for n := s.t.Nodes[s.t.Leaves[w]].Parent; n >= 0 && (s.lo[n] > sp.Start || s.hi[n] < sp.End); n = s.t.Nodes[n].Parent {
			if clauseLike(s.t.Nodes[n].Label) {
				return Span{sp.Start, w}
			}
		}
	}
	return sp
}

// argNP reports whether a node labelled l is a noun phrase that can be an
// argument: not a temporal or adverbial one (NP-TMP, NP-ADV).
func argNP(l string) bool {
	return isNP(l) && !strings.HasSuffix(l, "-TMP") && !strings.HasSuffix(l, "-ADV")
}

// unitsIn returns the registered units within the words of node, in order.
func (s *sentence) unitsIn(node int) []int {
	var us []int
	for i := s.lo[node]; i < s.hi[node]; {
		u := s.unitAt[i]
		if u < 0 || s.units[u].span.End > s.hi[node] {
			i++
			continue
		}
		us = append(us, u)
		i = max(i+1, s.units[u].span.End)
	}
	return us
}

func spanWords(sp Span) []int {
	ws := make([]int, 0, sp.End-sp.Start)
	for i := sp.Start; i < sp.End; i++ {
		ws = append(ws, i)
	}
	return ws
}
