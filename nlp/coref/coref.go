package coref

import (
	"context"
	_ "embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
)

//go:embed words.txt
var wordsTxt string

// lexicon holds the word lists of words.txt.
type lexicon struct {
	titles, roles, documents, orgWords, orgNouns, male, female, starters map[string]bool
}

func parseLexicon(src string) lexicon {
	lx := lexicon{titles: map[string]bool{}, roles: map[string]bool{}, documents: map[string]bool{},
		orgWords: map[string]bool{}, orgNouns: map[string]bool{}, male: map[string]bool{}, female: map[string]bool{}, starters: map[string]bool{}}
	var cur map[string]bool
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			switch line {
			case "[titles]":
				cur = lx.titles
			case "[roles]":
				cur = lx.roles
			case "[documents]":
				cur = lx.documents
			case "[orgwords]":
				cur = lx.orgWords
			case "[orgnouns]":
				cur = lx.orgNouns
			case "[male]":
				cur = lx.male
			case "[female]":
				cur = lx.female
			case "[starters]":
				cur = lx.starters
			default:
				cur = nil
			}
			continue
		}
		if cur != nil {
			for _, w := range strings.Fields(line) {
				cur[strings.ToLower(w)] = true
			}
		}
	}
	return lx
}

// Stage is the coreference resolver as a pipeline stage. It is safe for
// concurrent use.
type Stage struct{ lx lexicon }

// New returns the coreference stage.
func New() *Stage { return &Stage{lx: parseLexicon(wordsTxt)} }

// Name returns "coref".
func (*Stage) Name() string { return "coref" }

// Requires returns doc.LayerTokens|doc.LayerSentences.
func (*Stage) Requires() doc.Layer { return doc.LayerTokens | doc.LayerSentences }

// Provides returns doc.LayerCoref.
func (*Stage) Provides() doc.Layer { return doc.LayerCoref }

// Process fills d.Chains.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Chains = s.Resolve(d)
	d.Mark(doc.LayerCoref)
	return nil
}

// Mention kinds.
const (
	kindName = iota
	kindNominal
	kindPronoun
)

type mention struct {
	span    doc.Span
	kind    int
	sent    int
	words   []string // name words without titles (kindName)
	head    string   // lower-cased head word (nominal, pronoun)
	label   string   // PER, ORG, ... when known
	gender  byte     // 'm', 'f' or 0
	subject bool     // first mention of its sentence
	chain   int
	code    string
	docName string // the name modifying a document noun ("Foreign Policy" of "a Foreign Policy report")
}

type chain struct {
	mentions []int
	name     []string // longest name
	label    string
	gender   byte
	code     string
	doc      bool // a document or outlet
	last     int  // token index of the last mention
	count    int
}

// Resolve returns the coreference chains of d: each chain gathers the
// mentions of one person, organisation or document, with the best name of
// the entity. Singleton chains of pronouns and descriptions are dropped.
func (s *Stage) Resolve(d *doc.Doc) []doc.Chain {
	ms := s.mentions(d)
	var chains []*chain
	add := func(mi int, ci int) {
		m := &ms[mi]
		if ci < 0 {
			chains = append(chains, &chain{})
			ci = len(chains) - 1
		}
		c := chains[ci]
		m.chain = ci
		c.mentions = append(c.mentions, mi)
		c.count++
		c.last = int(m.span.End)
		if m.kind == kindName && len(m.words) > len(c.name) {
			c.name = m.words
		}
		if c.label == "" {
			c.label = m.label
		}
		if c.gender == 0 {
			c.gender = m.gender
		}
		if c.code == "" {
			c.code = m.code
		}
	}
	for mi := range ms {
		m := &ms[mi]
		m.chain = -1
		switch m.kind {
		case kindName:
			add(mi, s.matchName(chains, m))
		case kindNominal:
			if s.lx.documents[m.head] {
				ci := -1
				if len(m.docName) > 0 {
					// "a Foreign Policy report": the outlet's chain
					nm := mention{words: strings.Fields(m.docName)}
					ci = s.matchName(chains, &nm)
					if ci < 0 {
						chains = append(chains, &chain{name: nm.words, label: "ORG"})
						ci = len(chains) - 1
					}
					chains[ci].doc = true
				} else {
					ci = s.recentDocument(chains, ms, m.head)
				}
				if ci >= 0 {
					add(mi, ci)
				}
				continue
			}
			if s.lx.orgNouns[m.head] {
				if ci := lastOrg(chains, m.sent, ms); ci >= 0 {
					add(mi, ci)
				}
				continue
			}
			if ci := s.roleChain(d, chains, ms, m); ci >= 0 {
				add(mi, ci)
			}
		case kindPronoun:
			if ci := s.pronounChain(chains, ms, m); ci >= 0 {
				add(mi, ci)
			}
		}
	}
	// Descriptions in the first sentence, seen before any person was named
	// ("The Iranian leader urges …" above "Sayyed Ali Khamenei said …"), go
	// to the most salient person of the article. Further down, an
	// unresolved description is about someone the article never names
	// ("Iran's foreign minister … the minister told reporters"), not about
	// a person named later (the PolNeAR dev scores are the same either way).
	best := -1
	for ci, c := range chains {
		if c.label == "PER" && (best < 0 || c.count > chains[best].count) {
			best = ci
		}
	}
	if best >= 0 {
		for mi := range ms {
			if m := &ms[mi]; m.chain < 0 && m.kind == kindNominal && s.lx.roles[m.head] && m.sent == 0 {
				add(mi, best)
			}
		}
	}
	var out []doc.Chain
	for _, c := range chains {
		if len(c.name) == 0 {
			continue
		}
		if c.label == "PER" && c.gender == 0 {
			c.gender = s.gender(c.name)
		}
		dc := doc.Chain{Name: strings.Join(c.name, " "), Code: c.code, Label: c.label}
		for _, mi := range c.mentions {
			dc.Mentions = append(dc.Mentions, ms[mi].span)
		}
		sort.Slice(dc.Mentions, func(i, j int) bool { return dc.Mentions[i].Start < dc.Mentions[j].Start })
		out = append(out, dc)
	}
	return out
}

// matchName returns the chain a proper-name mention belongs to: the same
// name, or one name's words contained in the other's ("Khamenei", "Sayyed
// Khamenei" and "Ali Khamenei" when "Sayyed Ali Khamenei" has been seen).
func (s *Stage) matchName(chains []*chain, m *mention) int {
	best := -1
	for ci := len(chains) - 1; ci >= 0; ci-- {
		c := chains[ci]
		if len(c.name) == 0 {
			continue
		}
		if subset(m.words, c.name) || subset(c.name, m.words) && c.label != "" && (m.label == "" || m.label == c.label) {
			// Prefer a longer-name chain for a bare surname.
			if best < 0 || len(c.name) > len(chains[best].name) {
				best = ci
			}
		}
	}
	return best
}

// subset reports whether the words of a all occur in b, the last word of a
// being the last word of b (surnames agree).
func subset(a, b []string) bool {
	if len(a) == 0 || len(a) > len(b) || !strings.EqualFold(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	for _, w := range a {
		found := false
		for _, x := range b {
			if strings.EqualFold(w, x) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// recentDocument returns the chain of the latest document mention with the
// same head noun.
func (s *Stage) recentDocument(chains []*chain, ms []mention, head string) int {
	for ci := len(chains) - 1; ci >= 0; ci-- {
		if !chains[ci].doc {
			continue
		}
		for _, mi := range chains[ci].mentions {
			if ms[mi].head == head {
				return ci
			}
		}
	}
	// Any named document or outlet.
	for ci := len(chains) - 1; ci >= 0; ci-- {
		if chains[ci].doc {
			return ci
		}
	}
	return -1
}

// lastOrg returns the named organisation chain mentioned last, in sentence
// sent or the ten before it, or -1.
func lastOrg(chains []*chain, sent int, ms []mention) int {
	best, bestLast := -1, -1
	for ci, c := range chains {
		if c.label != "ORG" || len(c.name) == 0 || c.doc || len(c.mentions) == 0 {
			continue
		}
		lm := ms[c.mentions[len(c.mentions)-1]]
		if sent-lm.sent <= 10 && c.last > bestLast {
			best, bestLast = ci, c.last
		}
	}
	return best
}

// roleChain links a description ("the leader", "Iran's leader") to the
// person the text has named with that role ("the leader of X, Ali
// Khamenei"), or else to the most salient person.
func (s *Stage) roleChain(d *doc.Doc, chains []*chain, ms []mention, m *mention) int {
	// A person whose name follows or precedes the role word closely.
	for ci := range chains {
		c := chains[ci]
		if c.label != "PER" {
			continue
		}
		for _, mi := range c.mentions {
			n := ms[mi]
			if n.kind != kindName {
				continue
			}
			lo := max(0, int(n.span.Start)-8)
			for k := lo; k < int(n.span.Start); k++ {
				if strings.EqualFold(d.TokenText(k), m.head) {
					return ci
				}
			}
		}
	}
	best, bestScore := -1, 0
	for ci, c := range chains {
		if c.label != "PER" {
			continue
		}
		score := c.count*4 - (int(m.span.Start)-c.last)/50
		if best < 0 || score > bestScore {
			best, bestScore = ci, score
		}
	}
	return best
}

// pronounChain resolves a pronoun to the most salient compatible chain among
// the recent ones: persons of the same gender for he/she, documents and
// organisations for it.
func (s *Stage) pronounChain(chains []*chain, ms []mention, m *mention) int {
	best, bestScore := -1, 0
	for ci, c := range chains {
		if len(c.name) == 0 {
			continue
		}
		switch m.head {
		case "he", "him", "his", "himself", "she", "her", "hers", "herself":
			if c.label != "PER" && !(c.label == "" && len(c.name) >= 2 && !c.doc) {
				continue
			}
			g := c.gender
			if g == 0 {
				g = s.gender(c.name)
			}
			if g != 0 && g != m.gender {
				continue
			}
		case "it", "its":
			if !(c.doc || c.label == "ORG") {
				continue
			}
		default:
			continue
		}
		// The last mention of the chain before m.
		lastTok, lastSent, subj := -1, -1, false
		for _, mi := range c.mentions {
			if ms[mi].span.Start < m.span.Start {
				lastTok, lastSent, subj = int(ms[mi].span.Start), ms[mi].sent, ms[mi].subject
			}
		}
		if lastTok < 0 || m.sent-lastSent > 3 {
			continue
		}
		score := 100 - 20*(m.sent-lastSent) + 3*min(c.count, 5)
		if subj {
			score += 10
		}
		if best < 0 || score > bestScore {
			best, bestScore = ci, score
		}
	}
	return best
}

// gender guesses the gender of a person from the first word of a name.
func (s *Stage) gender(name []string) byte {
	if len(name) == 0 {
		return 0
	}
	w := strings.ToLower(name[0])
	switch {
	case s.lx.male[w]:
		return 'm'
	case s.lx.female[w]:
		return 'f'
	}
	return 0
}

// mentions finds the name, description and pronoun mentions of d in text
// order.
func (s *Stage) mentions(d *doc.Doc) []mention {
	var ms []mention
	low := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		low[i] = strings.ToLower(d.TokenText(i))
	}
	isCap := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(d.TokenText(i))
		return unicode.IsUpper(r)
	}
	entAt := map[int32]doc.Entity{}
	useEnts := d.Has(doc.LayerEntities)
	for _, e := range d.Ents {
		entAt[e.Start] = e
	}
	for si, sent := range d.Sents {
		first := len(ms)
		for i := int(sent.Start); i < int(sent.End); i++ {
			w := low[i]
			// Pronouns.
			switch w {
			case "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its":
				m := mention{span: doc.Span{Start: int32(i), End: int32(i + 1)}, kind: kindPronoun, sent: si, head: w}
				switch w[0] {
				case 'h':
					if w == "her" || w == "hers" || w == "herself" {
						m.gender = 'f'
					} else {
						m.gender = 'm'
					}
				case 's':
					m.gender = 'f'
				}
				ms = append(ms, m)
				continue
			}
			// "the company": the organisation named last.
			if s.lx.orgNouns[w] && !isCap(i) && i > int(sent.Start) && low[i-1] == "the" {
				ms = append(ms, mention{span: doc.Span{Start: int32(i - 1), End: int32(i + 1)}, kind: kindNominal, sent: si, head: w, label: "ORG"})
				continue
			}
			// Descriptions: determiner or possessor, modifiers, role or
			// document noun.
			if (s.lx.roles[w] || s.lx.documents[w]) && !isCap(i) || (s.lx.roles[w] || s.lx.documents[w]) && isCap(i) && i == int(sent.Start) {
				k := i - 1
				for k >= int(sent.Start) && i-k <= 5 {
					lw := low[k]
					if lw == "the" || lw == "a" || lw == "an" || lw == "this" || lw == "that" || lw == "'s" || lw == "’s" {
						break
					}
					if !isCap(k) && !strings.HasSuffix(lw, "ian") && !strings.HasSuffix(lw, "ese") && !strings.HasSuffix(lw, "an") && !isAdjLike(lw) {
						k = -1
						break
					}
					k--
				}
				if k >= int(sent.Start) {
					start := k
					if low[k] == "'s" || low[k] == "’s" {
						start = k - 1 // "Iran's leader"
					}
					if start >= int(sent.Start) {
						m := mention{span: doc.Span{Start: int32(start), End: int32(i + 1)}, kind: kindNominal, sent: si, head: w}
						if s.lx.documents[w] {
							var name []string
							for j := k + 1; j < i; j++ {
								if isCap(j) {
									name = append(name, d.TokenText(j))
								}
							}
							m.docName = strings.Join(name, " ")
						}
						ms = append(ms, m)
						continue
					}
				}
			}
			// Proper names.
			if useEnts {
				if e, ok := entAt[int32(i)]; ok {
					words := s.nameWords(d, e.Span)
					if len(words) > 0 {
						ms = append(ms, mention{span: e.Span, kind: kindName, sent: si, words: words, label: e.Label, code: e.Code, gender: s.titleGender(d, int(e.Start))})
					}
					i = int(e.End) - 1
				}
				continue
			}
			if !isCap(i) || s.lx.titles[w] && i+1 < int(sent.End) && isCap(i+1) {
				continue
			}
			j := i
			for j < int(sent.End) && (isCap(j) && !s.lx.titles[low[j]] || j > i && (low[j] == "." && j+1 < int(sent.End) && isCap(j+1)) || j > i && low[j] == "-" && j+1 < int(sent.End) && isCap(j+1)) {
				j++
			}
			if j == i {
				continue
			}
			span := doc.Span{Start: int32(i), End: int32(j)}
			// A modifier of a role noun ("the Iranian leader") is not a
			// mention of its own.
			if j == i+1 && j < int(sent.End) && s.lx.roles[low[j]] && !isCap(j) {
				continue
			}
			// A sentence-initial function word is not part of a name.
			if i == int(sent.Start) && s.lx.starters[w] {
				if j == i+1 {
					continue
				}
				span.Start++
			}
			words := s.nameWords(d, span)
			if len(words) == 0 {
				i = j - 1
				continue
			}
			m := mention{span: span, kind: kindName, sent: si, words: words, gender: s.titleGender(d, int(span.Start))}
			m.label = s.guessLabel(d, span, words, low)
			ms = append(ms, m)
			i = j - 1
		}
		if len(ms) > first {
			ms[first].subject = true
		}
	}
	return ms
}

func isAdjLike(w string) bool {
	return strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "i") || strings.HasSuffix(w, "ic") || w == "new" || w == "former" || w == "supreme" || w == "top" || w == "chief" || w == "senior" || w == "latest" || w == "recent" || w == "same" || w == "u.s." || w == "state" || w == "party" || w == "campaign" || w == "white" || w == "house"
}

// nameWords returns the words of a name mention without titles and
// possessive endings.
func (s *Stage) nameWords(d *doc.Doc, sp doc.Span) []string {
	var out []string
	for i := sp.Start; i < sp.End; i++ {
		w := d.TokenText(int(i))
		lw := strings.ToLower(w)
		if s.lx.titles[lw] || lw == "'s" || lw == "’s" || lw == "." || lw == "the" {
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		out = append(out, w)
	}
	return out
}

// titleGender reads the gender of a title before a name ("Mrs. Clinton").
func (s *Stage) titleGender(d *doc.Doc, start int) byte {
	for k := start - 1; k >= 0 && k >= start-2; k-- {
		switch strings.ToLower(strings.TrimSuffix(d.TokenText(k), ".")) {
		case "mr", "sir", "lord", "king", "prince", "father", "brother", "sayyed", "ayatollah", "sheikh":
			return 'm'
		case "mrs", "ms", "miss", "madam", "lady", "queen", "princess", "sister", "dame":
			return 'f'
		}
	}
	return 0
}

// guessLabel guesses the entity type of a name found without NER.
func (s *Stage) guessLabel(d *doc.Doc, sp doc.Span, words []string, low []string) string {
	for _, w := range words {
		if s.lx.orgWords[strings.ToLower(w)] {
			return "ORG"
		}
	}
	if k := int(sp.Start) - 1; k >= 0 && (s.lx.titles[low[k]] || s.lx.roles[low[k]]) {
		return "PER"
	}
	if len(words) >= 2 && len(words) <= 4 {
		return "PER"
	}
	if s.gender(words) != 0 {
		return "PER"
	}
	return ""
}
