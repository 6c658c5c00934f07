package event

import (
	"slices"
	"strings"

	"github.com/herald-events/herald/dict"
)

// item is one element of a check sequence: a word, or the opening or
// closing mark of a coded unit.
type item struct {
	kind uint8 // itemWord, itemOpen, itemClose
	w    int   // word index
	u    int   // unit index for marks
}

const (
	itemWord = iota
	itemOpen
	itemClose
)

// sequence builds the items of words [a, b) in order, reusing buffer k.
func (s *sentence) sequence(k, a, b int) []item {
	seq := s.seqBuf[k][:0]
	defer func() { s.seqBuf[k] = seq[:0] }()
	for i := a; i < b; {
		if u := s.unitAt[i]; u >= 0 && s.units[u].span.End <= b {
			sp := s.units[u].span
			seq = append(seq, item{kind: itemOpen, u: u, w: i})
			for k := sp.Start; k < sp.End; k++ {
				seq = append(seq, item{kind: itemWord, w: k})
			}
			seq = append(seq, item{kind: itemClose, u: u, w: sp.End - 1})
			i = sp.End
			continue
		}
		if !s.gone[s.t.Leaves[i]] {
			seq = append(seq, item{kind: itemWord, w: i})
		}
		i++
	}
	return seq
}

func reverse(seq []item) []item {
	out := seq
	for i, j := 0, len(seq)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	for i, it := range out {
		switch it.kind {
		case itemOpen:
			it.kind = itemClose
		case itemClose:
			it.kind = itemOpen
		}
		out[i] = it
	}
	return out
}

// codeVerbs finds every verb heading a VP and codes its events.
func (s *sentence) codeVerbs() []Coded {
	skipLo, skipHi := -1, -1
	for i := range s.t.Nodes {
		n := &s.t.Nodes[i]
		if n.Label != "VP" || s.gone[i] {
			continue
		}
		if s.lo[i] >= skipLo && s.hi[i] <= skipHi {
			// Inside the phrase of a verb that coded an event: the
			// clause is that event's complement, not an event of its own.
			continue
		}
		if s.inQuestion(i) {
			// A direct question ("why don't they cut ties?") asks
			// about an event; it does not report one.
			continue
		}
		for _, c := range n.Children {
			cn := &s.t.Nodes[c]
			if cn.IsLeaf() && strings.HasPrefix(cn.Label, "VB") {
				if s.codeVerb(i, cn.Leaf) || s.negatedClauseHead(i, cn.Leaf) {
					// A coded verb's clause is its complement; the clause
					// of a negated or modal verb ("has not been asked to
					// clear a request to offer", "did not spend the
					// debate talking") did not happen either.
					skipLo, skipHi = cn.Leaf+1, s.hi[i]
				}
				break
			}
			if cn.Label != "RB" && cn.Label != "MD" && cn.Label != "ADVP" {
				break
			}
		}
	}
	return s.out
}

// match is the result of matching a pattern: the units bound to $, + and %.
type match struct {
	src, tgt, comp int
}

// codeVerb codes the verb at word v heading vp. It reports whether the verb
// is in the dictionary with a code (an event was attempted).
func (s *sentence) codeVerb(vp, v int) (attempted bool) {
	entries := s.c.dicts.Verbs.Lookup(s.words[v])
	var verb *dict.Verb
	vStart, vEnd := v, v+1
	for _, e := range entries {
		if v-len(e.Before) < 0 || v+1+len(e.After) > len(s.words) {
			continue
		}
		ok := true
		for k, w := range e.Before {
			if s.words[v-len(e.Before)+k] != w {
				ok = false
			}
		}
		for k, w := range e.After {
			if s.words[v+1+k] != w {
				ok = false
			}
		}
		if ok {
			verb = e
			vStart, vEnd = v-len(e.Before), v+1+len(e.After)
			break
		}
	}
	if verb == nil {
		return false
	}
	lower := s.sequence(0, vEnd, s.hi[vp])
	upper := reverse(s.sequence(1, 0, vStart))
	m := match{-1, -1, -1}
	code := verb.Code
	if code == "" {
		code = verb.Block.Code
	}
	rule := verb.Pos
	patText := ""
	// A verb listed in several blocks (same word, same extra words) has
	// the patterns of all of them, in file order.
	var blocks []*dict.Block
	for _, e := range entries {
		if slices.Equal(e.Before, verb.Before) && slices.Equal(e.After, verb.After) {
			blocks = append(blocks, e.Block)
		}
	}
found:
	for _, b := range blocks {
		cb := s.c.cp.blocks[b]
		if cb == nil {
			continue
		}
	pats:
		for k := range cb.pats {
			cpt := &cb.pats[k]
			for _, id := range cpt.need {
				if !s.has(id) {
					continue pats
				}
			}
			mm := match{-1, -1, -1}
			if s.matchElems(cpt.lower, lower, &mm, false) && s.matchElems(cpt.upper, upper, &mm, true) {
				p := cpt.p
				m, code, rule, patText = mm, p.Code, p.Pos, p.Text
				break found
			}
		}
	}
	if code == "---" || code == "" {
		return false
	}
	if patText == "" && s.irrealis(vp, vStart) {
		// "is not actively considering", "should sue", "would have
		// described": the bare verb reports no event, nor do its
		// complements. A pattern that matched decides for itself, as
		// PETRARCH's "NOT_* [code]" patterns do.
		return true
	}
	srcU, tgtU := m.src, m.tgt
	if m.comp >= 0 {
		srcU = m.comp
	}
	if by := s.byAgent(lower); srcU < 0 && tgtU < 0 && by >= 0 && s.isPassive(vp, v) {
		// Passive voice: the subject is the target, the agent of a
		// "by" phrase the source.
		tgtU = s.findSource(vp, vStart, false)
		srcU = by
	} else if srcU < 0 && tgtU < 0 && s.isPassive(vp, v) {
		// Passive without an agent: only the subject can be the source.
		srcU = s.findSource(vp, vStart, false)
		tgtU = s.findTarget(lower, srcU)
	} else {
		if srcU < 0 {
			srcU = s.findSource(vp, vStart, true)
			if srcU >= 0 && srcU == tgtU {
				// The pattern made the subject the target: the source
				// is the first other actor of the sentence.
				srcU = -1
				for i := 0; i < vStart; i++ {
					if u := s.unitAt[i]; u >= 0 && u != tgtU {
						srcU = u
						break
					}
				}
			}
		}
		if tgtU < 0 {
			tgtU = s.findTarget(lower, srcU)
		}
	}
	// "X said ..., according to Y": a statement attributed to Y is Y's.
	if strings.HasPrefix(code, "01") && m.src < 0 && m.comp < 0 {
		if y := s.accordingTo(); y >= 0 && y != srcU {
			if tgtU == y {
				tgtU = srcU
			}
			if tgtU < 0 {
				// What the statement is about: the first other actor
				// before the verb.
				for i := 0; i < vStart; i++ {
					if u := s.unitAt[i]; u >= 0 && u != y && s.units[u].coded() {
						tgtU = u
						break
					}
				}
			}
			srcU = y
		}
	}
	// A compound source with no coded target acts on itself when the code
	// is paired or the pattern's % asked for it: "Gondor and Osgiliath
	// renewed ties" [064:064] codes both directions between its members.
	if srcU >= 0 && len(s.units[srcU].actors) > 1 && (strings.IndexByte(code, ':') >= 0 || m.comp >= 0) && (tgtU < 0 || !s.units[tgtU].coded()) {
		tgtU = srcU
	}
	// An event needs a noun phrase on both sides, coded or not.
	if srcU < 0 || tgtU < 0 {
		return true
	}
	for _, a := range s.units[srcU].actors {
		for _, b := range s.units[tgtU].actors {
			s.emit(code, a, b, rule, patText, Span{vStart, vEnd})
		}
	}
	return true
}

func (s *sentence) emit(code string, src, tgt actor, rule dict.Pos, pat string, verb Span) {
	sc, tc := src.code, tgt.code
	if sc == "" {
		sc = "---"
	}
	if tc == "" {
		tc = "---"
	}
	// A null actor (an uncoded phrase, or an actor coded [---]) stands
	// only when dyads are not required.
	if s.c.opt.RequireDyad && (sc == "---" || tc == "---") {
		return
	}
	if sc != "---" && sc == tc {
		return
	}
	add := func(a, b string, sa, sb Span, fa, fb dict.Pos, c string) {
		if c == "---" || c == "" {
			return
		}
		for _, o := range s.out {
			if o.Source == a && o.Target == b && o.Code == c {
				return
			}
		}
		s.out = append(s.out, Coded{Source: a, Target: b, Code: c, Rule: rule, Pattern: pat, Verb: verb,
			SourceSpan: sa, TargetSpan: sb, SourceActor: fa, TargetActor: fb})
	}
	if i := strings.IndexByte(code, ':'); i >= 0 {
		add(sc, tc, src.span, tgt.span, src.from, tgt.from, code[:i])
		add(tc, sc, tgt.span, src.span, tgt.from, src.from, code[i+1:])
		return
	}
	add(sc, tc, src.span, tgt.span, src.from, tgt.from, code)
}

func isClause(l string) bool {
	switch l {
	case "S", "SINV", "SQ", "SBARQ":
		return true
	}
	return false
}

// findSource returns the unit of the verb's subject: the coded NP before
// the verb phrase in the nearest enclosing clause that has one; failing
// that, the first coded unit of the sentence before the verb.
func (s *sentence) findSource(vp, v int, fallback bool) int {
	cur := vp
	sawSubject := false
	for p := s.t.Nodes[vp].Parent; p >= 0; cur, p = p, s.t.Nodes[p].Parent {
		if !isClause(s.t.Nodes[p].Label) {
			continue
		}
		for _, c := range s.t.Nodes[p].Children {
			if int(c) == cur {
				break
			}
			if isNP(s.t.Nodes[c].Label) && !s.gone[c] {
				// The nearest subject decides, coded or not, unless it
				// is a pronoun, which refers to the subject of an
				// enclosing clause.
				sawSubject = true
				if u := s.firstCodedIn(s.lo[c], s.hi[c]); u >= 0 {
					return u
				}
				for i := s.lo[c]; i < s.hi[c]; i++ {
					if strings.HasPrefix(s.t.Tag(i), "NN") {
						return s.firstUnitIn(s.lo[c], s.hi[c])
					}
				}
			}
		}
	}
	if !fallback || sawSubject {
		return -1
	}
	return s.firstCodedIn(0, v)
}

var beForms = map[string]bool{"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true, "'S": true, "GET": true, "GOT": true, "GETS": true}

// isPassive reports whether verb v (a VBN) is governed by a form of "be".
func (s *sentence) isPassive(vp, v int) bool {
	if s.t.Tag(v) != "VBN" {
		return false
	}
	p := s.t.Nodes[vp].Parent
	for p >= 0 && s.t.Nodes[p].Label == "VP" {
		for _, c := range s.t.Nodes[p].Children {
			cn := &s.t.Nodes[c]
			if cn.IsLeaf() && strings.HasPrefix(cn.Label, "VB") {
				if beForms[s.words[cn.Leaf]] {
					return true
				}
				break
			}
		}
		p = s.t.Nodes[p].Parent
	}
	return false
}

// byAgent returns the unit right after "by" in the lower sequence, or -1.
func (s *sentence) byAgent(lower []item) int {
	for i, it := range lower {
		if it.kind == itemWord && s.words[it.w] == "BY" && i+1 < len(lower) && lower[i+1].kind == itemOpen {
			return lower[i+1].u
		}
	}
	return -1
}

func (s *sentence) firstUnitIn(a, b int) int {
	for i := a; i < b; i++ {
		if u := s.unitAt[i]; u >= 0 && s.units[u].span.End <= b {
			return u
		}
	}
	return -1
}

// firstCodedIn returns the first coded unit within words [a, b), or -1.
func (s *sentence) firstCodedIn(a, b int) int {
	for i := a; i < b; i++ {
		if u := s.unitAt[i]; u >= 0 && s.units[u].span.End <= b && s.units[u].coded() {
			return u
		}
	}
	return -1
}

// findTarget returns the first unit of the lower sequence whose codes
// differ from the source's, or -1.
func (s *sentence) findTarget(lower []item, srcU int) int {
	var src map[string]bool
	if srcU >= 0 {
		src = s.units[srcU].codeSet()
	}
	for _, it := range lower {
		if it.kind != itemOpen || it.u == srcU || !s.units[it.u].coded() {
			continue
		}
		u := &s.units[it.u]
		if len(u.actors) > 1 || src == nil {
			return it.u
		}
		for _, a := range u.actors {
			if !src[a.code] {
				return it.u
			}
		}
	}
	// Failing a coded one, the first uncoded noun phrase.
	for _, it := range lower {
		if it.kind == itemOpen && it.u != srcU {
			return it.u
		}
	}
	return -1
}

// matchElems matches pattern elements against a check sequence, greedily
// from the verb outward, binding $, + and % to units in m.
func (s *sentence) matchElems(elems []celem, seq []item, m *match, upper bool) bool {
	pos := 0
	for _, e := range elems {
		next, ok := s.matchElem(e, seq, pos, m, upper)
		if !ok {
			return false
		}
		pos = next
	}
	return true
}

// matchElem finds e at or after pos (exactly at the next word when e is
// joined) and returns the position after it.
func (s *sentence) matchElem(e celem, seq []item, pos int, m *match, upper bool) (int, bool) {
	switch e.kind {
	case dict.Source, dict.Target, dict.Compound, dict.Skip:
		for i := pos; i < len(seq); i++ {
			it := seq[i]
			if it.kind == itemOpen {
				end := i + 1
				for end < len(seq) && !(seq[end].kind == itemClose && seq[end].u == it.u) {
					end++
				}
				// A second $ or + in one pattern does not rebind.
				switch e.kind {
				case dict.Source:
					if m.src < 0 {
						m.src = it.u
					}
				case dict.Target:
					if m.tgt < 0 {
						m.tgt = it.u
					}
				case dict.Compound:
					if len(s.units[it.u].actors) < 2 {
						return 0, false
					}
					m.comp = it.u
				}
				return end + 1, true
			}
			if e.joined && it.kind == itemWord {
				return 0, false
			}
		}
		return 0, false
	case dict.Word:
		for i := pos; i < len(seq); i++ {
			it := seq[i]
			if it.kind != itemWord {
				continue
			}
			if s.ids[it.w] == e.id {
				return i + 1, true
			}
			if e.joined {
				return 0, false
			}
		}
		return 0, false
	case dict.Syn:
		syn := e.syn
		if syn == nil {
			return 0, false
		}
		any := false
		for _, f := range syn.first {
			if s.has(f) {
				any = true
				break
			}
		}
		if !any {
			return 0, false
		}
		for i := pos; i < len(seq); i++ {
			if seq[i].kind != itemWord {
				continue
			}
			if s.ids[seq[i].w] >= 0 {
				for _, mem := range syn.members {
					if end, ok := s.matchPhrase(mem, seq, i, upper); ok {
						return end, true
					}
				}
			}
			if e.joined {
				return 0, false
			}
		}
	}
	return 0, false
}

// matchPhrase matches the words of a synset member consecutively from
// seq[i] (in reverse order on the upper sequence).
func (s *sentence) matchPhrase(ph []int32, seq []item, i int, upper bool) (int, bool) {
	k := 0
	for j := i; j < len(seq) && k < len(ph); j++ {
		if seq[j].kind != itemWord {
			continue
		}
		w := ph[k]
		if upper {
			w = ph[len(ph)-1-k]
		}
		if s.ids[seq[j].w] != w {
			return 0, false
		}
		k++
		if k == len(ph) {
			return j + 1, true
		}
	}
	return 0, false
}

// inQuestion reports whether node n lies in a direct question: a clause
// that holds a "?" and opens with a wh-word (WRB, WP, WDT) or an inverted
// auxiliary ("Will you pledge ...?", "Did they meet ...?").
func (s *sentence) inQuestion(n int) bool {
	for p := s.t.Nodes[n].Parent; p >= 0; p = s.t.Nodes[p].Parent {
		if !isClause(s.t.Nodes[p].Label) || s.lo[p] >= s.hi[p] {
			continue
		}
		first := s.lo[p]
		for first < s.hi[p] && (isPunct(s.t.Tag(first)) || s.t.Tag(first) == "CC") {
			first++ // opening quote, "And why ..."
		}
		if first+1 >= s.hi[p] {
			continue
		}
		switch s.t.Tag(first) {
		case "WRB", "WP", "WDT", "WP$":
		case "MD", "VBZ", "VBP", "VBD":
			next := s.t.Tag(first + 1)
			if !auxiliary[s.words[first]] || !strings.HasPrefix(next, "PRP") && !strings.HasPrefix(next, "NN") && next != "DT" {
				continue
			}
		default:
			continue
		}
		for i := s.lo[p]; i < s.hi[p]; i++ {
			if s.words[i] == "?" {
				return true
			}
		}
	}
	return false
}

// accordingTo returns the coded unit that "according to" attributes the
// sentence to, or -1.
func (s *sentence) accordingTo() int {
	for i := 0; i+2 < len(s.words); i++ {
		if s.words[i] != "ACCORDING" || s.words[i+1] != "TO" {
			continue
		}
		// The unit holding the word after "to" (parses may put the
		// whole attribution in one noun phrase).
		for u := range s.units {
			if sp := s.units[u].span; sp.Start <= i+2 && i+2 < sp.End && s.units[u].coded() {
				return u
			}
		}
	}
	return -1
}

// auxiliary lists the verbs that open a yes/no question.
var auxiliary = map[string]bool{
	"WILL": true, "WOULD": true, "CAN": true, "COULD": true, "SHOULD": true, "SHALL": true, "MAY": true, "MIGHT": true, "MUST": true,
	"DO": true, "DOES": true, "DID": true, "IS": true, "ARE": true, "WAS": true, "WERE": true, "HAS": true, "HAVE": true, "HAD": true,
}

// irrealis reports whether the verb at word v heading vp is negated or
// modalised by a word of its own verb group: "not", "n't" or "never", or
// the modal "should", "could", "might" or "would", anywhere before the verb
// in the VPs that contain it up to its clause ("does not, and never will,
// accept"; "is not actively considering"). The dictionaries' NOT_* patterns
// catch only the word right before the verb.
func (s *sentence) irrealis(vp, v int) bool {
	for p := vp; p >= 0 && s.t.Nodes[p].Label == "VP"; p = s.t.Nodes[p].Parent {
		for _, c := range s.t.Nodes[p].Children {
			cn := &s.t.Nodes[c]
			if s.lo[c] >= v {
				break
			}
			if cn.Label != "RB" && cn.Label != "MD" && cn.Label != "ADVP" {
				continue
			}
			for i := s.lo[c]; i < s.hi[c]; i++ {
				if irrealisWords[s.words[i]] {
					return true
				}
			}
		}
	}
	return false
}

var irrealisWords = map[string]bool{
	"NOT": true, "N'T": true, "N’T": true, "NEVER": true,
	"SHOULD": true, "COULD": true, "MIGHT": true, "WOULD": true,
}

// negatedClauseHead reports whether the verb at word v heading vp, not an
// auxiliary, is negated or modalised (irrealis) and takes a clause (S or
// SBAR) as complement.
func (s *sentence) negatedClauseHead(vp, v int) bool {
	switch s.words[v] {
	case "HAVE", "HAS", "HAD", "HAVING", "DO", "DOES", "DID":
		return false
	}
	if beForms[s.words[v]] {
		return false
	}
	clause := false
	for _, c := range s.t.Nodes[vp].Children {
		if l := s.t.Nodes[c].Label; l == "S" || l == "SBAR" {
			clause = true
		}
	}
	return clause && s.irrealis(vp, v)
}
