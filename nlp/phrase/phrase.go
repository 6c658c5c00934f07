// Package phrase derives a Penn Treebank style phrase-structure tree from a
// dependency parse, so that coders written for constituency parses (the
// TABARI/PETRARCH family) can run on Herald's own analysis.
//
// The conversion follows the shapes a CoreNLP parse of news gives: a clause
// is (S subject (VP verb objects modifiers)), auxiliaries nest VPs
// ((VP (MD will) (VP (VB attack) ...))), prepositional modifiers are
// (PP (IN on) (NP ...)), possessors are (NP (NP Iran 's) leader),
// coordination is (NP (NP a) (CC and) (NP b)) or (VP (VP ...) (CC and) (VP
// ...)), an object-control complement is (VP urged (S (NP Muslims) (VP to
// ...))), and a complement clause with "that" is (SBAR (IN that) (S ...)).
package phrase

import (
	"cmp"
	"slices"
	"strings"

	"github.com/herald-events/herald/ptb"
)

// Sentence is one parsed sentence: parallel slices, heads 0-based within the
// sentence with -1 for the root.
type Sentence struct {
	Words []string
	Tags  []string // Penn Treebank XPOS
	Heads []int
	Rels  []string // Universal Dependencies relations
}

type node struct {
	label string
	leaf  int // word index of a preterminal; -1 for a phrase
	kids  []*node
	min   int // leftmost word index
}

type builder struct {
	s    Sentence
	deps [][]int // dependents of each word, in order
	used []bool
	slab []node  // room for new nodes
	ptrs []*node // room for lists of kids
}

// Bracketed returns the phrase-structure tree of s in Penn Treebank bracketed
// form, rooted at ROOT. Words are escaped as the treebank does ("(" becomes
// -LRB-). It returns "" for an empty sentence.
func Bracketed(s Sentence) string {
	b, root := build(s)
	if root == nil {
		return ""
	}
	var sb strings.Builder
	sb.Grow(len(s.Words) * 24)
	sb.WriteString("(ROOT ")
	b.write(&sb, root)
	sb.WriteString(")")
	return sb.String()
}

// build builds the phrase tree of s; root is nil for an empty sentence.
func build(s Sentence) (b *builder, root *node) {
	n := len(s.Words)
	if n == 0 {
		return nil, nil
	}
	s = mend(s)
	b = &builder{s: s, deps: make([][]int, n), used: make([]bool, n)}
	var roots []int
	// The dependents of every word, in order, in one array.
	ndeps := make([]int, n)
	for i, h := range s.Heads {
		if h >= 0 && h < n && h != i {
			ndeps[h]++
		}
	}
	all := make([]int, n)
	off := 0
	for h, c := range ndeps {
		if c > 0 {
			b.deps[h] = all[off : off : off+c]
			off += c
		}
	}
	for i, h := range s.Heads {
		if h < 0 || h >= n || h == i {
			roots = append(roots, i)
			continue
		}
		b.deps[h] = append(b.deps[h], i)
	}
	var top []*node
	for _, r := range roots {
		top = append(top, b.phrase(r, -1))
	}
	// Words left out by a malformed (cyclic) parse still appear, as leaves.
	for i := range n {
		if !b.used[i] {
			top = append(top, b.leaf(i))
		}
	}
	if len(top) == 1 && top[0].leaf < 0 && (top[0].label == "S" || top[0].label == "SBAR" || top[0].label == "NP" || top[0].label == "FRAG") {
		root = top[0]
	} else {
		root = b.group("S", top...)
	}
	repair(root)
	return b, root
}

// tree returns what ptb.Parse gives for Bracketed(s), built without
// writing and reading the bracketed text, and false when s holds something
// (a word or tag that brackets or white space would split, an empty
// phrase, very deep nesting) for which only reading the text tells.
func tree(s Sentence) (*ptb.Tree, bool) {
	b, root := build(s)
	if root == nil {
		return nil, false
	}
	nodes, leaves := count(root)
	t := &ptb.Tree{Nodes: make([]ptb.Node, 0, nodes+1), Leaves: make([]int32, 0, leaves)}
	t.Nodes = append(t.Nodes, ptb.Node{Label: "ROOT", Leaf: -1, Parent: -1, Start: 0})
	// The children of every node, in one array; the root has one.
	kids := make([]int32, nodes)
	t.Nodes[0].Children = kids[0:0:1]
	kids = kids[1:]
	pos := len("(ROOT ")
	if !b.add(t, root, 0, &pos, 1, &kids) {
		return nil, false
	}
	return t, true
}

// count returns the number of nodes and of leaves under n, n included.
func count(n *node) (nodes, leaves int) {
	if n.leaf >= 0 {
		return 1, 1
	}
	nodes = 1
	for _, k := range n.kids {
		a, b := count(k)
		nodes, leaves = nodes+a, leaves+b
	}
	return nodes, leaves
}

// maxTreeDepth bounds the nesting tree builds itself; ptb.Parse refuses
// deeper trees than this with an error, which only it should report.
const maxTreeDepth = 1000

// add appends n, a child of node parent, and its subtree to t as ptb.Parse
// reads the text write gives for it at byte offset *pos, and advances *pos
// past that text.
// kids holds room for the children lists of phrases.
func (b *builder) add(t *ptb.Tree, n *node, parent int, pos *int, depth int, kids *[]int32) bool {
	if depth > maxTreeDepth {
		return false
	}
	idx := len(t.Nodes)
	t.Nodes[parent].Children = append(t.Nodes[parent].Children, int32(idx))
	if n.leaf >= 0 {
		tag := escapeTag(b.s.Tags[n.leaf], b.s.Words[n.leaf])
		word := escapeWord(b.s.Words[n.leaf])
		if !plainToken(tag) || !plainToken(word) {
			return false
		}
		t.Nodes = append(t.Nodes, ptb.Node{Label: tag, Word: word, Leaf: len(t.Leaves), Parent: parent, Start: *pos})
		t.Leaves = append(t.Leaves, int32(idx))
		*pos += 3 + len(tag) + len(word)
		return true
	}
	if len(n.kids) == 0 || !plainToken(n.label) {
		return false
	}
	nk := len(n.kids)
	if nk > len(*kids) {
		return false // cannot happen: count counted them
	}
	t.Nodes = append(t.Nodes, ptb.Node{Label: n.label, Leaf: -1, Parent: parent, Start: *pos, Children: (*kids)[0:0:nk]})
	*kids = (*kids)[nk:]
	*pos += 1 + len(n.label)
	for _, k := range n.kids {
		*pos++
		if !b.add(t, k, idx, pos, depth+1, kids) {
			return false
		}
	}
	*pos++
	return true
}

// plainToken reports whether ptb.Parse reads s back as one label or word:
// it is not empty and holds no bracket or white space.
func plainToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v', '(', ')':
			return false
		}
	}
	return true
}

func (b *builder) write(sb *strings.Builder, n *node) {
	if n.leaf >= 0 {
		sb.WriteByte('(')
		sb.WriteString(escapeTag(b.s.Tags[n.leaf], b.s.Words[n.leaf]))
		sb.WriteByte(' ')
		sb.WriteString(escapeWord(b.s.Words[n.leaf]))
		sb.WriteByte(')')
		return
	}
	sb.WriteByte('(')
	sb.WriteString(n.label)
	for _, k := range n.kids {
		sb.WriteByte(' ')
		b.write(sb, k)
	}
	sb.WriteByte(')')
}

func escapeWord(w string) string {
	switch w {
	case "(", "[", "{":
		return "-LRB-"
	case ")", "]", "}":
		return "-RRB-"
	}
	if strings.ContainsAny(w, "() \t\n") {
		r := strings.NewReplacer("(", "-LRB-", ")", "-RRB-", " ", "_", "\t", "_", "\n", "_")
		return r.Replace(w)
	}
	return w
}

func escapeTag(t, w string) string {
	switch {
	case t == "" || t == "_":
		return "NN"
	case t == "(" || w == "(" && t == "-LRB-":
		return "-LRB-"
	case t == ")":
		return "-RRB-"
	}
	if strings.ContainsAny(t, "() ") {
		return "SYM"
	}
	return t
}

// byMin orders nodes by their leftmost word.
func byMin(x, y *node) int { return cmp.Compare(x.min, y.min) }

// newNode returns a new node from the builder's slab (one allocation for
// many nodes).
func (b *builder) newNode() *node {
	if len(b.slab) == 0 {
		b.slab = make([]node, max(16, 2*len(b.s.Words)))
	}
	n := &b.slab[0]
	b.slab = b.slab[1:]
	return n
}

func (b *builder) leaf(i int) *node {
	b.used[i] = true
	n := b.newNode()
	*n = node{label: b.s.Tags[i], leaf: i, min: i}
	return n
}

func (b *builder) group(label string, kids ...*node) *node {
	cnt := 0
	for _, k := range kids {
		if k != nil {
			cnt++
		}
	}
	var ks []*node
	if cnt > 0 {
		if len(b.ptrs) < cnt {
			b.ptrs = make([]*node, max(64, 4*len(b.s.Words), cnt))
		}
		// Capacity cnt: an append to the kids copies them elsewhere.
		ks = b.ptrs[0:0:cnt]
		b.ptrs = b.ptrs[cnt:]
	}
	for _, k := range kids {
		if k != nil {
			ks = append(ks, k)
		}
	}
	slices.SortStableFunc(ks, byMin)
	n := b.newNode()
	*n = node{label: label, leaf: -1, kids: ks, min: 1 << 30}
	if len(ks) > 0 {
		n.min = ks[0].min
	}
	return n
}

func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

func (b *builder) tag(i int) string { return b.s.Tags[i] }

func (b *builder) rel(i int) string { return b.s.Rels[i] }

func (b *builder) isVerbTag(i int) bool {
	t := b.tag(i)
	return strings.HasPrefix(t, "VB") || t == "MD"
}

func (b *builder) isNounTag(i int) bool {
	t := b.tag(i)
	return strings.HasPrefix(t, "NN") || t == "PRP" || t == "CD" || t == "DT" || t == "EX" ||
		t == "WP" || t == "WDT" || t == "FW" || t == "$" || t == "PRP$" || t == "ADD" || t == "GW"
}

// clausal reports whether word h heads a clause: a verb, or a word with a
// subject, copula or auxiliary.
func (b *builder) clausal(h int) bool {
	if b.isVerbTag(h) {
		return true
	}
	for _, d := range b.deps[h] {
		switch base(b.rel(d)) {
		case "nsubj", "csubj", "cop", "aux", "expl":
			return true
		}
	}
	return false
}

// phrase builds the phrase headed by h; subj, when not -1, is an extra
// subject (the object of a control verb) to place before it.
func (b *builder) phrase(h, subj int) *node {
	if b.clausal(h) {
		return b.clause(h, subj)
	}
	t := b.tag(h)
	switch {
	case b.isNounTag(h) || strings.HasPrefix(t, "NNP"):
		return b.nominal(h)
	case strings.HasPrefix(t, "JJ"):
		return b.simple(h, "ADJP")
	case strings.HasPrefix(t, "RB") || t == "WRB":
		return b.simple(h, "ADVP")
	case t == "IN" || t == "TO":
		return b.simple(h, "PP")
	case t == "RP":
		return b.simple(h, "PRT")
	}
	if len(b.deps[h]) == 0 {
		return b.leaf(h)
	}
	return b.simple(h, "FRAG")
}

// simple builds label(dependents..., h) with the dependents' own phrases.
func (b *builder) simple(h int, label string) *node {
	if len(b.deps[h]) == 0 && label != "ADJP" && label != "ADVP" {
		if label == "PP" || label == "PRT" {
			return b.group(label, b.leaf(h))
		}
		return b.leaf(h)
	}
	kids := []*node{b.leaf(h)}
	kids = append(kids, b.coordinated(h, b.deps[h])...)
	return b.group(label, kids...)
}

// coordinated builds the phrases of the dependents ds of h, turning cc and
// conj dependents into coordination at this level.
func (b *builder) coordinated(h int, ds []int) []*node {
	var kids []*node
	for _, d := range ds {
		switch base(b.rel(d)) {
		case "conj":
			kids = append(kids, b.conjunct(d)...)
		default:
			kids = append(kids, b.dependent(d))
		}
	}
	return kids
}

// conjunct builds a conjunct, hoisting its leading cc and punctuation to the
// coordination level.
func (b *builder) conjunct(c int) []*node {
	var hoisted []*node
	var rest []int
	for _, d := range b.deps[c] {
		r := base(b.rel(d))
		if d < c && (r == "cc" || r == "punct") && len(b.deps[d]) == 0 {
			hoisted = append(hoisted, b.leaf(d))
			continue
		}
		rest = append(rest, d)
	}
	saved := b.deps[c]
	b.deps[c] = rest
	n := b.phrase(c, -1)
	b.deps[c] = saved
	return append(hoisted, n)
}

// dependent builds the phrase of a dependent d in its role.
func (b *builder) dependent(d int) *node {
	switch base(b.rel(d)) {
	case "punct", "cc", "det", "case", "mark", "aux", "cop", "compound", "flat", "fixed", "goeswith", "discourse":
		if len(b.deps[d]) == 0 {
			if b.rel(d) == "compound:prt" {
				return b.group("PRT", b.leaf(d))
			}
			return b.leaf(d)
		}
	}
	return b.phrase(d, -1)
}

// nominal builds a noun phrase headed by h, wrapped in a PP when h has a
// preposition (case dependent).
func (b *builder) nominal(h int) *node {
	var pre, post, cases, conjs []int
	var poss []int
	for _, d := range b.deps[h] {
		r := b.rel(d)
		switch {
		case base(r) == "case" && d < h && b.tag(d) != "POS":
			cases = append(cases, d)
		case base(r) == "case" && b.tag(d) == "POS":
			poss = append(poss, d)
		case base(r) == "conj" || (base(r) == "cc" && d > h) || (base(r) == "punct" && d > h && b.hasConjAfter(h, d)):
			conjs = append(conjs, d)
		case d < h:
			pre = append(pre, d)
		case len(b.deps[d]) == 0 && (base(r) == "flat" || base(r) == "compound" || base(r) == "fixed" || base(r) == "goeswith"):
			pre = append(pre, d) // name parts after the head: "Jennifer M. Anderson"
		default:
			post = append(post, d)
		}
	}
	core := []*node{b.leaf(h)}
	for _, d := range pre {
		core = append(core, b.premodifier(d))
	}
	for _, d := range poss {
		core = append(core, b.leaf(d))
	}
	var np *node
	if len(post) == 0 {
		np = b.group("NP", core...)
	} else {
		kids := []*node{b.group("NP", core...)}
		for _, d := range post {
			kids = append(kids, b.hoisted(d, b.postmodifier)...)
		}
		np = b.group("NP", kids...)
	}
	if len(conjs) > 0 {
		kids := []*node{np}
		for _, d := range conjs {
			if base(b.rel(d)) == "conj" {
				kids = append(kids, b.conjunct(d)...)
			} else {
				kids = append(kids, b.leaf(d))
			}
		}
		np = b.group("NP", kids...)
	}
	if len(cases) > 0 {
		kids := []*node{np}
		for _, c := range cases {
			kids = append(kids, b.function(c)...)
		}
		return b.group("PP", kids...)
	}
	return np
}

// hasConjAfter reports whether h has a conj dependent after position p.
func (b *builder) hasConjAfter(h, p int) bool {
	for _, d := range b.deps[h] {
		if d > p && base(b.rel(d)) == "conj" {
			return true
		}
	}
	return false
}

// premodifier builds a modifier before a noun: a bare word stays a leaf of
// the noun phrase; a possessor is (NP Iran 's); others are their phrases.
func (b *builder) premodifier(d int) *node {
	if len(b.deps[d]) == 0 {
		return b.leaf(d)
	}
	if b.rel(d) == "nmod:poss" || base(b.rel(d)) == "compound" || base(b.rel(d)) == "flat" {
		return b.nominalNoCase(d)
	}
	return b.phrase(d, -1)
}

// nominalNoCase is nominal for possessors, whose "'s" stays inside.
func (b *builder) nominalNoCase(h int) *node {
	if !b.isNounTag(h) && !strings.HasPrefix(b.tag(h), "NNP") {
		return b.phrase(h, -1)
	}
	return b.nominal(h)
}

// postmodifier builds a modifier after a noun.
func (b *builder) postmodifier(d int) *node {
	switch base(b.rel(d)) {
	case "acl":
		n := b.phrase(d, -1)
		if b.rel(d) == "acl:relcl" && n.label != "SBAR" {
			return b.group("SBAR", n)
		}
		return n
	case "punct":
		if len(b.deps[d]) == 0 {
			return b.leaf(d)
		}
	}
	return b.dependent(d)
}

// clause builds the clause headed by h: S (subject VP), SBAR when it has a
// complementizer, or a bare VP when it has no subject.
func (b *builder) clause(h, extraSubj int) *node {
	var subj, marks, auxs, front, vpPost, conjs, finalPunct []int
	ds := b.deps[h]
	lastTok := h
	for _, d := range ds {
		if d > lastTok {
			lastTok = d
		}
	}
	inner := -1 // the last auxiliary or copula before the head
	for _, d := range ds {
		if br := base(b.rel(d)); (br == "aux" || br == "cop") && d < h && d > inner {
			inner = d
		}
	}
	var inside []int // modifiers between the auxiliaries and the head
	firstMark := h
	for _, d := range ds {
		if base(b.rel(d)) == "mark" && d < firstMark {
			firstMark = d
		}
	}
	var lead []int // punctuation before the complementizer
	for _, d := range ds {
		r := b.rel(d)
		switch br := base(r); {
		case br == "punct" && d < firstMark && firstMark < h && len(b.deps[d]) == 0:
			lead = append(lead, d)
		case d < h && d > inner && inner >= 0 && br != "nsubj" && br != "csubj" && br != "expl" && br != "mark" && br != "aux" && br != "cop" && !isNegation(b.s.Words[d]):
			inside = append(inside, d)
		case br == "nsubj" || br == "csubj" || br == "expl":
			subj = append(subj, d)
		case br == "mark" && d < h:
			marks = append(marks, d)
		case (br == "aux" || br == "cop") && d < h:
			auxs = append(auxs, d)
		case br == "advmod" && d < h && isNegation(b.s.Words[d]) && len(subj) > 0:
			auxs = append(auxs, d)
		case br == "conj" || (br == "cc" && d > h):
			conjs = append(conjs, d)
		case br == "punct" && d > h && b.hasConjAfter(h, d):
			conjs = append(conjs, d)
		case br == "punct" && d == lastTok && d > h:
			finalPunct = append(finalPunct, d)
		case d < h:
			front = append(front, d)
		default:
			vpPost = append(vpPost, d)
		}
	}

	// The predicate: the verb with its objects and modifiers; for a copular
	// clause, the predicate noun or adjective phrase.
	var vp *node
	if b.isVerbTag(h) {
		kids := []*node{b.leaf(h)}
		for _, d := range inside {
			kids = append(kids, b.dependent(d))
		}
		for i := 0; i < len(vpPost); i++ {
			d := vpPost[i]
			if base(b.rel(d)) == "obj" && i+1 < len(vpPost) && base(b.rel(vpPost[i+1])) == "xcomp" && !b.hasSubject(vpPost[i+1]) {
				x := vpPost[i+1]
				kids = append(kids, b.clause(x, d))
				i++
				continue
			}
			kids = append(kids, b.hoisted(d, b.complement)...)
		}
		vp = b.group("VP", kids...)
	} else {
		saved := b.deps[h]
		b.deps[h] = append(inside[:len(inside):len(inside)], vpPost...)
		pred := b.predicate(h)
		b.deps[h] = saved
		vp = pred
	}
	// Auxiliaries and copulas nest VPs from the inside out; "to" of an
	// infinitive is (TO to) in the VP.
	toMark := -1
	for i, m := range marks {
		if b.tag(m) == "TO" || strings.EqualFold(b.s.Words[m], "to") {
			toMark = m
			marks = append(marks[:i:i], marks[i+1:]...)
			break
		}
	}
	for i := len(auxs) - 1; i >= 0; i-- {
		a := auxs[i]
		if isNegation(b.s.Words[a]) {
			vp.kids = append([]*node{b.leaf(a)}, vp.kids...)
			vp.min = a
			continue
		}
		vp = b.group("VP", b.leaf(a), vp)
	}
	if toMark >= 0 {
		vp = b.group("VP", b.leaf(toMark), vp)
	}
	if len(conjs) > 0 {
		kids := []*node{vp}
		for _, d := range conjs {
			if base(b.rel(d)) == "conj" {
				kids = append(kids, b.conjunct(d)...)
			} else {
				kids = append(kids, b.leaf(d))
			}
		}
		vp = b.group("VP", kids...)
	}

	var skids []*node
	if extraSubj >= 0 {
		skids = append(skids, b.phrase(extraSubj, -1))
	}
	for _, d := range subj {
		skids = append(skids, b.phrase(d, -1))
	}
	for _, d := range front {
		skids = append(skids, b.hoisted(d, b.dependent)...)
	}
	for _, d := range finalPunct {
		skids = append(skids, b.leaf(d))
	}
	var s *node
	if len(subj) == 0 && extraSubj < 0 && toMark < 0 && len(marks) == 0 && len(skids) == len(finalPunct) {
		// A bare verb phrase (participle, imperative, headline).
		s = vp
		if len(skids) > 0 {
			s = b.group("S", append([]*node{vp}, skids...)...)
		}
	} else {
		s = b.group("S", append([]*node{vp}, skids...)...)
	}
	if len(marks) > 0 {
		kids := []*node{s}
		for _, m := range marks {
			kids = append(kids, b.function(m)...)
		}
		for _, d := range lead {
			kids = append(kids, b.leaf(d))
		}
		return b.group("SBAR", kids...)
	}
	for _, d := range lead {
		s.kids = append(s.kids, b.leaf(d))
	}
	return b.group(s.label, s.kids...)
}

// predicate builds the predicate of a copular clause headed by a noun or
// adjective.
func (b *builder) predicate(h int) *node {
	t := b.tag(h)
	switch {
	case b.isNounTag(h) || strings.HasPrefix(t, "NNP"):
		return b.nominal(h)
	case strings.HasPrefix(t, "JJ"):
		return b.simple(h, "ADJP")
	case strings.HasPrefix(t, "RB"):
		return b.simple(h, "ADVP")
	}
	return b.simple(h, "VP")
}

func (b *builder) hasSubject(h int) bool {
	for _, d := range b.deps[h] {
		switch base(b.rel(d)) {
		case "nsubj", "csubj", "expl":
			return true
		}
	}
	return false
}

// complement builds a dependent after the verb.
func (b *builder) complement(d int) *node {
	switch base(b.rel(d)) {
	case "ccomp", "xcomp", "advcl", "csubj":
		n := b.phrase(d, -1)
		if n.label == "VP" && base(b.rel(d)) != "xcomp" {
			return b.group("S", n)
		}
		return n
	}
	return b.dependent(d)
}

func isNegation(w string) bool {
	switch strings.ToLower(w) {
	case "not", "n't", "never":
		return true
	}
	return false
}

// span returns the first and last word index under n.
func span(n *node) (lo, hi int) {
	if n.leaf >= 0 {
		return n.leaf, n.leaf
	}
	lo, hi = 1<<30, -1
	for _, k := range n.kids {
		a, z := span(k)
		lo, hi = min(lo, a), max(hi, z)
	}
	return lo, hi
}

// repair restores word order where the conversion put a word beside a
// phrase that surrounds it (an adverb between an auxiliary and its verb, say):
// the word moves down into the deepest phrase whose span contains it.
func repair(n *node) {
	if n.leaf >= 0 {
		return
	}
	for moved := true; moved; {
		moved = false
		for i := 0; i < len(n.kids) && !moved; i++ {
			k := n.kids[i]
			if k.leaf >= 0 {
				continue
			}
			lo, hi := span(k)
			for j, x := range n.kids {
				if j == i {
					continue
				}
				if xlo, _ := span(x); xlo > lo && xlo < hi {
					n.kids = append(n.kids[:j:j], n.kids[j+1:]...)
					sink(k, x, xlo)
					moved = true
					break
				}
			}
		}
	}
	sortKids(n)
	for _, k := range n.kids {
		repair(k)
	}
}

// sink puts x, whose first word is at, into the deepest phrase under p whose
// span contains that word.
func sink(p, x *node, at int) {
	for _, c := range p.kids {
		if c.leaf >= 0 {
			continue
		}
		if lo, hi := span(c); lo < at && at < hi {
			sink(c, x, at)
			return
		}
	}
	p.kids = append(p.kids, x)
	sortKids(p)
}

func sortKids(n *node) {
	slices.SortStableFunc(n.kids, byMin)
	if len(n.kids) > 0 {
		n.min = n.kids[0].min
	}
}

// hoisted builds dependent d with build, returning first the punctuation
// that opens d's phrase ("(, ,) according to officials"), which belongs to
// the level above, as PTB trees have it.
func (b *builder) hoisted(d int, build func(int) *node) []*node {
	var lead []*node
	var rest []int
	opening := true
	for _, x := range b.deps[d] {
		if opening && x < d && base(b.rel(x)) == "punct" && len(b.deps[x]) == 0 {
			lead = append(lead, b.leaf(x))
			continue
		}
		opening = false
		rest = append(rest, x)
	}
	if len(lead) == 0 {
		return []*node{build(d)}
	}
	saved := b.deps[d]
	b.deps[d] = rest
	n := build(d)
	b.deps[d] = saved
	return append(lead, n)
}

// function returns a function word with its fixed expression ("according
// to", "because of") as leaves, or its phrase when it has other dependents.
func (b *builder) function(d int) []*node {
	for _, x := range b.deps[d] {
		if r := base(b.rel(x)); (r != "fixed" && r != "flat" && r != "goeswith") || len(b.deps[x]) > 0 {
			return []*node{b.dependent(d)}
		}
	}
	out := []*node{b.leaf(d)}
	for _, x := range b.deps[d] {
		out = append(out, b.leaf(x))
	}
	return out
}

// mend corrects two parser errors that break the subject of a clause, on a
// copy of s: a possessor attached to the verb ("Gondor 's" as a dependent of
// "noted") goes to the subject it precedes, and two subjects of one verb
// become one ("Deputy Prime Minister Telemar": the first a compound of the
// second) or a coordination ("Mordor, Rohan, Fornost and Bree": the second
// a conjunct of the first, when only commas and conjunctions stand between
// them).
func mend(s Sentence) Sentence {
	n := len(s.Words)
	heads := append([]int(nil), s.Heads...)
	rels := append([]string(nil), s.Rels...)
	subjectOf := func(h, after int) int { // first subject of h after position after
		for k := after + 1; k < h; k++ {
			if heads[k] == h && base(rels[k]) == "nsubj" {
				return k
			}
		}
		return -1
	}
	verbal := func(i int) bool { return strings.HasPrefix(s.Tags[i], "VB") || s.Tags[i] == "MD" }
	for d := range n {
		h := heads[d]
		if h < 0 || h >= n || h <= d || rels[d] != "nmod:poss" || !verbal(h) {
			continue
		}
		if k := subjectOf(h, d); k >= 0 {
			heads[d] = k
		}
	}
	for h := range n {
		var subj []int
		for k := range h {
			if heads[k] == h && base(rels[k]) == "nsubj" {
				subj = append(subj, k)
			}
		}
		for i := len(subj) - 1; i > 0; i-- {
			a, b := subj[i-1], subj[i]
			// The words between a and b that are not in a's subtree.
			joiners, other := 0, 0
			for k := a + 1; k < b; k++ {
				if dominates(heads, a, k) || dominates(heads, b, k) {
					if (rels[k] == "punct" || rels[k] == "cc") && heads[k] == b {
						joiners++
					}
					continue
				}
				if s.Tags[k] == "," || s.Tags[k] == "CC" {
					joiners++
					continue
				}
				other++
			}
			switch {
			case other > 0:
				continue
			case joiners > 0:
				heads[b], rels[b] = a, "conj"
			default:
				heads[a], rels[a] = b, "compound"
			}
		}
	}
	s.Heads, s.Rels = heads, rels
	return s
}

// dominates reports whether a is an ancestor of k (or k itself).
func dominates(heads []int, a, k int) bool {
	for steps := 0; k >= 0 && k < len(heads) && steps <= len(heads); steps++ {
		if k == a {
			return true
		}
		k = heads[k]
	}
	return false
}
