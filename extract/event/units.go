package event

import (
	"strings"

	"github.com/herald-events/herald/dict"
)

// findUnits codes every noun phrase of the tree and registers the outermost
// coded ones as the units the verb patterns see.
func (s *sentence) findUnits() {
	for i := range s.t.Nodes {
		if isNP(s.t.Nodes[i].Label) && !s.gone[i] {
			s.codeNP(i)
		}
	}
	s.register(0)
}

// register marks, top-down, the outermost unit of each branch. Noun
// phrases in parentheses ("the European Union (EU)") are not units.
func (s *sentence) register(node int) {
	if s.t.Nodes[node].Label == "PRN" || s.gone[node] {
		return
	}
	if u := s.nodeU[node]; u >= 0 {
		un := &s.units[u]
		free := true
		for i := un.span.Start; i < un.span.End; i++ {
			if s.unitAt[i] >= 0 {
				free = false
			}
		}
		if free && s.unitAt[un.span.Start] < 0 {
			s.unitAt[un.span.Start] = u
			// Units nested in clauses of the NP (relative clauses) are
			// registered as well, outside the unit's span.
			s.registerOutside(node, un.span)
			return
		}
	}
	for _, c := range s.t.Nodes[node].Children {
		s.register(int(c))
	}
}

// registerOutside registers the units of the parts of node that lie
// outside sp.
func (s *sentence) registerOutside(node int, sp Span) {
	for _, c := range s.t.Nodes[node].Children {
		ci := int(c)
		switch {
		case s.hi[ci] <= sp.Start || s.lo[ci] >= sp.End:
			s.register(ci)
		case !s.t.Nodes[ci].IsLeaf():
			s.registerOutside(ci, sp)
		}
	}
}

// clauseLike reports labels whose words belong to a nested clause or
// modifier rather than to the noun phrase's own name.
func clauseLike(l string) bool {
	switch l {
	case "PP", "SBAR", "VP", "S", "RRC", "PRN", "ADVP", "UCP", "SINV", "SQ", "FRAG":
		return true
	}
	return false
}

// codeNP returns the unit of an NP node (coding it on first use), or -1.
func (s *sentence) codeNP(node int) int {
	if u := s.nodeU[node]; u != -2 {
		return u
	}
	s.nodeU[node] = -1
	n := &s.t.Nodes[node]
	// Compound: NP children joined by CC.
	var nps []int
	hasCC := false
	for _, c := range n.Children {
		cn := &s.t.Nodes[c]
		switch {
		case isNP(cn.Label):
			nps = append(nps, int(c))
		case cn.IsLeaf() && cn.Label == "CC":
			hasCC = true
		}
	}
	if hasCC && len(nps) >= 2 {
		var acts []actor
		var members []int
		for _, c := range nps {
			if u := s.codeNP(c); u >= 0 {
				members = append(members, u)
				acts = append(acts, s.units[u].actors...)
			}
		}
		if len(members) == 0 {
			return -1
		}
		if len(members) == 1 {
			s.nodeU[node] = members[0]
			return members[0]
		}
		sp := s.units[members[0]].span
		for _, m := range members[1:] {
			sp.Start = min(sp.Start, s.units[m].span.Start)
			sp.End = max(sp.End, s.units[m].span.End)
		}
		return s.addUnit(node, sp, acts, members)
	}
	// One NP with clause-like or bracketed additions: the NP decides.
	if len(nps) == 1 {
		only := true
		for _, c := range n.Children {
			cn := &s.t.Nodes[c]
			if int(c) != nps[0] && (!clauseLike(cn.Label) || cn.Label == "PP") && !isPunct(cn.Label) && cn.Label != "POS" {
				only = false
			}
		}
		if only && s.t.Nodes[n.Children[0]].Label != "PP" {
			if u := s.codeNP(nps[0]); u >= 0 {
				s.nodeU[node] = u
				return u
			}
		}
	}
	// Own words: the leaves not inside clause-like children.
	// The own words and PPs go to per-sentence arenas, released on
	// return; recursive calls append beyond them.
	ownStart, ppStart := len(s.ownArena), len(s.ppArena)
	defer func() { s.ownArena, s.ppArena = s.ownArena[:ownStart], s.ppArena[:ppStart] }()
	for _, c := range n.Children {
		s.collectOwn(int(c))
	}
	own := s.ownArena[ownStart:len(s.ownArena):len(s.ownArena)]
	pps := s.ppArena[ppStart:len(s.ppArena):len(s.ppArena)]
	if len(own) == 0 {
		return -1
	}
	// Split the own words at CC into segments (a compound of bare nouns).
	var segsBuf [4][]int
	segs := segsBuf[:0]
	start := 0
	nounAt := func(i int) bool {
		for i >= 0 && i < len(own) && s.t.Tag(own[i]) == "DT" {
			i++
		}
		return i >= 0 && i < len(own) && strings.HasPrefix(s.t.Tag(own[i]), "NN")
	}
	for i, w := range own {
		tag := s.t.Tag(w)
		if (tag == "CC" || tag == ",") && nounAt(i-1) && nounAt(i+1) {
			if i > start {
				segs = append(segs, own[start:i])
			}
			start = i + 1
		}
	}
	if start < len(own) {
		segs = append(segs, own[start:])
	}
	type segCode struct {
		bases  []string
		agents []agentCode
		ok     bool
		from   dict.Pos
	}
	var codesBuf [4]segCode
	codes := codesBuf[:0]
	for range segs {
		codes = append(codes, segCode{})
	}
	anyActor := -1
	for i, seg := range segs {
		b, ags, ok, from := s.codeWords(seg, s.hi[node])
		codes[i] = segCode{b, ags, ok, from}
		if b != nil && anyActor < 0 {
			anyActor = i
		}
	}
	span := Span{own[0], own[len(own)-1] + 1}
	var ppActors []actor
	if anyActor < 0 {
		// An actor named in a PP: "the information ministry of Gondor".
		// Only "of" lends an actor to a bare head ("the ministry of
		// Gondor"); a head with agents takes it from any preposition
		// ("lawmakers in Fornost"), a plain noun from no other.
		hasAgents := false
		for _, sc := range codes {
			if len(sc.agents) > 0 {
				hasAgents = true
			}
		}
	pp:
		for _, pp := range pps {
			if !hasAgents && !s.ppIs(pp, "OF") {
				continue
			}
			for _, c := range s.t.Nodes[pp].Children {
				if !isNP(s.t.Nodes[c].Label) {
					continue
				}
				if u := s.codeNP(int(c)); u >= 0 && s.units[u].hasActor() {
					ppActors = s.units[u].actors
					span = Span{s.lo[node], s.hi[pp]}
					break pp
				}
			}
		}
	}
	// The agents of the last of several actors are shared by the actors
	// before it that have none: "the Gondor, Osgiliath and Arnor
	// governments".
	var shared []agentCode
	if last := codes[len(codes)-1]; len(segs) > 1 && last.bases != nil {
		shared = last.agents
	}
	var actsBuf [4]actor // addUnit copies them
	acts := actsBuf[:0]
	for i, sc := range codes {
		if !sc.ok && len(segs) > 1 {
			continue
		}
		// Each member of a compound cites its own words.
		sp := span
		if len(segs) > 1 {
			sp = Span{segs[i][0], segs[i][len(segs[i])-1] + 1}
		}
		switch {
		case sc.bases != nil:
			ags := sc.agents
			if len(ags) == 0 {
				ags = shared
			}
			for _, b := range sc.bases {
				a := makeActor(b, "", "", ags, sp)
				a.from = sc.from
				acts = append(acts, a)
			}
		case anyActor >= 0:
			// A segment of agents only shares the actor and the leading
			// agents of the segment that names one: "the Danish Islamist
			// media and government".
			o := codes[anyActor]
			inh := o.agents
			if len(inh) > 0 {
				inh = inh[:len(inh)-1]
			}
			ags := append(append([]agentCode(nil), inh...), sc.agents...)
			for _, b := range o.bases {
				a := makeActor(b, "", "", ags, sp)
				a.from = o.from
				acts = append(acts, a)
			}
		case ppActors != nil:
			for _, pa := range ppActors {
				a := makeActor(pa.base, pa.prefix, pa.suffix, sc.agents, sp)
				a.from = pa.from
				acts = append(acts, a)
			}
		case sc.ok && s.dlBases != nil && s.lo[node] <= s.dlEnd:
			// Agents only, in the noun phrase the dropped dateline
			// opened ("MANILA, March 3 - the central bank governor"):
			// the bureau's country is the best guess.
			for _, b := range s.dlBases {
				a := makeActor(b, "", "", sc.agents, sp)
				a.from = s.dlFrom
				acts = append(acts, a)
			}
		case sc.ok:
			acts = append(acts, makeActor("", "", "", sc.agents, sp))
		}
	}
	if len(acts) == 0 {
		// Only a phrase that stands on its own or as a member of a
		// compound names a new actor, not a possessive inside a larger NP.
		maximal := n.Parent < 0 || !isNP(s.t.Nodes[n.Parent].Label) || hasCCChild(s, n.Parent)
		if s.c.opt.NewActorLength > 0 && maximal && len(own) <= s.c.opt.NewActorLength && hasNoun(s, own) {
			// new_actor_length: an uncoded short noun phrase names itself.
			var b []string
			for _, w := range own {
				if t := s.t.Tag(w); t == "DT" || t == "PRP$" || t == "POS" {
					continue
				}
				b = append(b, s.words[w])
			}
			if len(b) > 0 {
				return s.addUnit(node, span, []actor{{code: "\"" + strings.Join(b, " ") + "\"", span: span, hasActor: true, newActor: true}}, nil)
			}
		}
		// An uncoded base noun phrase is still a place an actor can
		// stand: it is coded "---" when dyads are not required.
		if n.Label == "NP" && len(nps) == 0 && (hasNoun(s, own) || hasTag(s, own, "PRP")) {
			return s.addUnit(node, span, []actor{{code: "", span: span}}, nil)
		}
		return -1
	}
	return s.addUnit(node, span, acts, nil)
}

// collectOwn appends to the arenas the words of node k that belong to its
// noun phrase itself, and the PPs met on the way; other clause-like
// children are left out.
func (s *sentence) collectOwn(k int) {
	kn := &s.t.Nodes[k]
	if kn.IsLeaf() {
		if !s.gone[k] { // a dropped dateline
			s.ownArena = append(s.ownArena, kn.Leaf)
		}
		return
	}
	if clauseLike(kn.Label) {
		if kn.Label == "PP" {
			s.ppArena = append(s.ppArena, k)
		}
		return
	}
	for _, c := range kn.Children {
		s.collectOwn(int(c))
	}
}

// ppIs reports whether the PP node pp starts with the preposition w.
func (s *sentence) ppIs(pp int, w string) bool {
	ch := s.t.Nodes[pp].Children
	if len(ch) == 0 {
		return false
	}
	f := &s.t.Nodes[ch[0]]
	return f.IsLeaf() && s.words[f.Leaf] == w
}

func hasCCChild(s *sentence, node int) bool {
	for _, c := range s.t.Nodes[node].Children {
		if s.t.Nodes[c].Label == "CC" {
			return true
		}
	}
	return false
}

func hasTag(s *sentence, ws []int, tag string) bool {
	for _, w := range ws {
		if s.t.Tag(w) == tag {
			return true
		}
	}
	return false
}

func hasNoun(s *sentence, ws []int) bool {
	for _, w := range ws {
		if strings.HasPrefix(s.t.Tag(w), "NN") {
			return true
		}
	}
	return false
}

func (u *unit) hasActor() bool {
	for _, a := range u.actors {
		if a.hasActor {
			return true
		}
	}
	return false
}

// The unit keeps a copy of acts (nil for none) in the sentence's actor
// arena, so that callers may build acts on the stack.
func (s *sentence) addUnit(node int, sp Span, acts []actor, members []int) int {
	var kept []actor
	if len(acts) > 0 {
		from := len(s.actArena)
		s.actArena = append(s.actArena, acts...)
		kept = s.actArena[from:len(s.actArena):len(s.actArena)]
	}
	s.units = append(s.units, unit{span: sp, actors: kept, node: node, members: members})
	u := len(s.units) - 1
	s.nodeU[node] = u
	return u
}

type agentCode struct {
	code   string
	prefix bool
}

func compose(base, prefix, suffix string) string {
	if base == "" {
		base = "---"
	}
	if suffix != "" && strings.HasSuffix(base, suffix) {
		suffix = ""
	}
	return prefix + base + suffix
}

// makeActor composes an actor code from a base code and agents.
// Agents apply in text order, each prefix agent going in front of the
// code built so far; an agent whose code is already in it adds nothing.
func makeActor(base, pre, suf string, ags []agentCode, span Span) actor {
	for _, a := range ags {
		if strings.Contains(pre+base+suf, a.code) {
			continue
		}
		if a.prefix {
			pre = a.code + pre
		} else {
			suf += a.code
		}
	}
	return actor{code: compose(base, pre, suf), span: span, hasActor: base != "", base: base, prefix: pre, suffix: suf}
}

// codeWords codes a run of words of one noun phrase: the first actor found
// (one code per member of a "/" list) and every agent phrase, overlapping
// ones included. Phrases may run on into the rest of the NP (up to end),
// as "Ministry of Silly Walks" does.
func (s *sentence) codeWords(ws []int, end int) (bases []string, agents []agentCode, ok bool, from dict.Pos) {
	d := s.c.dicts
	words := s.words[:end]
	skipTo := -1
	for _, i := range ws {
		if i < skipTo {
			continue
		}
		if d.Actors != nil && bases == nil {
			if act, n, pos := d.Actors.Match(words, i); act != nil {
				from = pos
				bases = act.CodesAt(s.date)
				if bases == nil {
					bases = []string{""}
				}
				skipTo = i + n
				continue
			}
		}
		if d.Agents != nil {
			if ag, _ := d.Agents.Match(words, i); ag != nil {
				agents = append(agents, agentCode{ag.Code, ag.Prefix})
			}
		}
	}
	return bases, agents, bases != nil || len(agents) > 0, from
}
