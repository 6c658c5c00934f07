package dict

import (
	"io"
	"strings"
)

// ElemKind is the kind of one element of a verb pattern.
type ElemKind uint8

// Pattern element kinds.
const (
	Word     ElemKind = iota // a literal word
	Source                   // $: the source actor
	Target                   // +: the target actor
	Compound                 // %: a compound actor giving both source and target
	Skip                     // ^: skip the next noun phrase
	Syn                      // &NAME: any member of a synset
)

// Elem is one element of a verb pattern.
type Elem struct {
	Kind ElemKind
	Word string // the upper-cased word (Word) or synset name without '&' (Syn)
	// Joined is true when no other word may stand between this element and
	// the previous one, counted outward from the verb ("_" in the pattern).
	Joined bool
}

// Pattern is one "- ... * ... [code]" line of a verb block.
type Pattern struct {
	Code  string // event code as written: "111", "032:033", "---"
	Upper []Elem // elements before the verb, nearest the verb first
	Lower []Elem // elements after the verb, in order
	Text  string // the pattern as written, without the code and comment
	Pos   Pos
}

// Block is a "--- LABEL [code] ---" verb block: its verbs share its
// patterns.
type Block struct {
	Label    string
	Code     string // the code of the bare verbs, "---" for no event
	Pos      Pos
	Patterns []*Pattern
	Verbs    []*Verb // primary forms, as listed
}

// Verb is one form of a verb of a block. A multi-word verb has the words
// that must precede and follow the verb word itself.
type Verb struct {
	Word   string   // the inflected verb word, upper case
	Before []string // words that must come right before the verb word
	After  []string // words that must come right after the verb word
	Code   string   // the verb's own code, "" when the block code applies
	Block  *Block
	Pos    Pos
}

// Synset is a named set of words or phrases usable in patterns as &NAME.
type Synset struct {
	Name    string
	Members [][]string // phrases of upper-cased words, plurals included
	Pos     Pos
}

// Verbs is a loaded verb dictionary. It is read-only after loading.
type Verbs struct {
	Synsets map[string]*Synset
	Blocks  []*Block
	// Warnings lists the odd lines that were read in PETRARCH's way.
	Warnings ErrorList
	forms    map[string][]*Verb
}

// Lookup returns the verb entries whose verb word is w (upper case), most
// specific (longest multi-word form) first.
func (v *Verbs) Lookup(w string) []*Verb { return v.forms[w] }

// NumForms returns the number of distinct verb words indexed.
func (v *Verbs) NumForms() int { return len(v.forms) }

// LoadVerbs reads a verb dictionary file. See ParseVerbs.
func LoadVerbs(path string) (*Verbs, error) {
	return loadFile(path, ParseVerbs)
}

// ReadVerbs reads a verb dictionary from r; name is used in positions.
func ReadVerbs(name string, r io.Reader) (*Verbs, error) {
	return readFrom(name, r, ParseVerbs)
}

// ParseVerbs parses the text of a verb dictionary. It always returns the
// dictionary built from the well-formed lines; the error, if any, is an
// ErrorList naming every malformed line.
func ParseVerbs(name, data string) (*Verbs, error) {
	v := &Verbs{Synsets: map[string]*Synset{}, forms: map[string][]*Verb{}}
	var errs ErrorList
	type synRef struct {
		name string
		pos  Pos
	}
	var refs []synRef
	synIncludes := map[*Synset][]string{}
	var syn *Synset
	var blk *Block
	noPlural := false
	for l := range lines(data) {
		line, num := l.clean, l.num
		pos := Pos{name, num}
		switch {
		case strings.HasPrefix(line, "&"):
			f := strings.Fields(line)
			n := strings.ToUpper(strings.TrimPrefix(f[0], "&"))
			noPlural = strings.HasSuffix(n, "_")
			n = strings.TrimSuffix(n, "_")
			if n == "" || len(f) > 1 {
				errs.add(name, num, "synset header %q: want &NAME alone on the line", line)
				syn, blk = nil, nil
				continue
			}
			if _, dup := v.Synsets[n]; dup {
				errs.add(name, num, "synset &%s defined again (first at line %d)", n, v.Synsets[n].Pos.Line)
			}
			syn = &Synset{Name: n, Pos: pos}
			v.Synsets[n] = syn
			blk = nil
		case strings.HasPrefix(line, "---"):
			b, msg := parseBlockHeader(line)
			if msg != "" {
				errs.add(name, num, "%s", msg)
				syn, blk = nil, nil
				continue
			}
			b.Pos = pos
			v.Blocks = append(v.Blocks, b)
			blk, syn = b, nil
		case strings.HasPrefix(line, "-"):
			if blk == nil {
				errs.add(name, num, "pattern outside a verb block")
				continue
			}
			p, msg := parsePattern(line[1:])
			if msg == msgNoCode || msg == msgNoStar {
				errs.warn(name, num, "%s; pattern skipped", msg)
				continue
			}
			if msg != "" {
				errs.add(name, num, "%s", msg)
				continue
			}
			p.Pos = pos
			for _, e := range append(append([]Elem(nil), p.Upper...), p.Lower...) {
				if e.Kind == Syn {
					refs = append(refs, synRef{e.Word, pos})
				}
			}
			blk.Patterns = append(blk.Patterns, p)
		case syn != nil:
			if !strings.HasPrefix(line, "+") {
				errs.add(name, num, "synset member %q does not start with '+'", line)
				continue
			}
			m := strings.TrimSpace(line[1:])
			if strings.HasPrefix(m, "&") {
				inc := strings.ToUpper(strings.TrimSuffix(m[1:], "_"))
				if inc == "" || strings.ContainsAny(inc, " \t") {
					errs.add(name, num, "bad synset reference %q", m)
					continue
				}
				synIncludes[syn] = append(synIncludes[syn], inc)
				refs = append(refs, synRef{inc, pos})
				continue
			}
			words := splitWords(m)
			if len(words) == 0 {
				errs.add(name, num, "empty synset member")
				continue
			}
			syn.Members = append(syn.Members, words)
			if !noPlural && !strings.HasSuffix(m, "_") {
				pl := append(append([]string(nil), words[:len(words)-1]...), Plural(words[len(words)-1]))
				syn.Members = append(syn.Members, pl)
			}
		case blk != nil:
			vs, msg := parseVerbLine(line)
			if msg != "" {
				errs.add(name, num, "%s", msg)
				continue
			}
			for i, vb := range vs {
				vb.Block, vb.Pos = blk, pos
				if i == 0 {
					blk.Verbs = append(blk.Verbs, vb)
				}
				v.forms[vb.Word] = append(v.forms[vb.Word], vb)
			}
		default:
			errs.add(name, num, "line %q is outside any verb block or synset", line)
		}
	}
	for _, r := range refs {
		if _, ok := v.Synsets[r.name]; !ok {
			errs.add(r.pos.File, r.pos.Line, "unknown synset &%s", r.name)
		}
	}
	// Expand included synsets (transitively, guarding against cycles).
	var expand func(s *Synset, seen map[*Synset]bool)
	expand = func(s *Synset, seen map[*Synset]bool) {
		if seen[s] {
			return
		}
		seen[s] = true
		for _, inc := range synIncludes[s] {
			o := v.Synsets[inc]
			if o == nil {
				continue
			}
			expand(o, seen)
			s.Members = append(s.Members, o.Members...)
		}
		delete(synIncludes, s)
	}
	for s := range synIncludes {
		expand(s, map[*Synset]bool{})
	}
	// Most specific multi-word forms first.
	for w, list := range v.forms {
		sortVerbs(list)
		v.forms[w] = list
	}
	sortErrors(errs)
	errs, v.Warnings = errs.split()
	return v, errs.Err()
}

func sortVerbs(list []*Verb) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && len(list[j].Before)+len(list[j].After) > len(list[j-1].Before)+len(list[j-1].After); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func sortErrors(l ErrorList) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && l[j].Line < l[j-1].Line && l[j].File == l[j-1].File; j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// codes extracts the bracketed codes of s, returning them and the text
// outside brackets; msg is set on unbalanced brackets.
func codes(s string) (cs []string, rest string, msg string) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '[')
		j := strings.IndexByte(s, ']')
		if i < 0 {
			if j >= 0 {
				return nil, "", "']' without '['"
			}
			b.WriteString(s)
			break
		}
		if j < i {
			return nil, "", "']' without '['"
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		c := strings.TrimSpace(s[i+1 : j])
		if c == "" {
			return nil, "", "empty code []"
		}
		if strings.IndexByte(c, '[') >= 0 {
			return nil, "", "nested '['"
		}
		cs = append(cs, c)
		s = s[j+1:]
	}
	return cs, strings.TrimSpace(b.String()), ""
}

func parseBlockHeader(line string) (*Block, string) {
	s := strings.TrimSpace(strings.TrimPrefix(line, "---"))
	s = strings.TrimSpace(strings.TrimSuffix(s, "---"))
	cs, rest, msg := codes(s)
	if msg != "" {
		return nil, "verb block header: " + msg
	}
	if len(cs) == 0 {
		// A header without a code ("--- DEFEND ###") is a null block, as
		// PETRARCH reads it: its verbs code nothing unless a pattern fires.
		cs = []string{"---"}
		rest = strings.TrimSpace(strings.TrimRight(rest, "#- "))
	}
	if rest == "" {
		return nil, "verb block header without a label"
	}
	if strings.ContainsAny(cs[0], " \t") {
		return nil, "verb block code " + cs[0] + " contains a blank"
	}
	return &Block{Label: strings.ToUpper(rest), Code: cs[0]}, ""
}

// tokenizePattern splits a pattern into tokens and, for each, whether it is
// joined to the next token by '_'.
func tokenizePattern(s string) (toks []string, joined []bool) {
	for _, chunk := range strings.Fields(s) {
		parts := strings.Split(chunk, "_")
		if len(toks) > 0 && parts[0] == "" {
			joined[len(joined)-1] = true
		}
		for i, p := range parts {
			if p == "" {
				continue
			}
			toks = append(toks, strings.ToUpper(p))
			joined = append(joined, i < len(parts)-1)
		}
	}
	return toks, joined
}

func elem(tok string) (Elem, string) {
	switch tok {
	case "$":
		return Elem{Kind: Source}, ""
	case "+":
		return Elem{Kind: Target}, ""
	case "%":
		return Elem{Kind: Compound}, ""
	case "^":
		return Elem{Kind: Skip}, ""
	}
	if strings.HasPrefix(tok, "&") {
		if len(tok) == 1 {
			return Elem{}, "'&' without a synset name"
		}
		return Elem{Kind: Syn, Word: tok[1:]}, ""
	}
	return Elem{Kind: Word, Word: tok}, ""
}

const (
	msgNoCode = "pattern without [code]"
	msgNoStar = "pattern without the verb place '*'"
)

func parsePattern(s string) (*Pattern, string) {
	cs, rest, msg := codes(s)
	if msg != "" {
		return nil, "pattern: " + msg
	}
	if len(cs) == 0 {
		return nil, msgNoCode
	}
	if len(cs) > 1 {
		return nil, "pattern with more than one [code]"
	}
	if i := strings.LastIndexByte(s, '['); strings.TrimSpace(s[strings.IndexByte(s, ']')+1:]) != "" || i < 0 {
		return nil, "pattern: text after the [code]"
	}
	toks, joined := tokenizePattern(rest)
	star := -1
	for i, t := range toks {
		// A second '*' (one line of the Phoenix file has one) is kept as
		// a literal word, which PETRARCH never matches either.
		if t == "*" && star < 0 {
			star = i
		}
	}
	if star < 0 {
		return nil, msgNoStar
	}
	p := &Pattern{Code: cs[0], Text: strings.TrimSpace(rest)}
	for i := star - 1; i >= 0; i-- {
		e, msg := elem(toks[i])
		if msg != "" {
			return nil, "pattern: " + msg
		}
		e.Joined = joined[i]
		p.Upper = append(p.Upper, e)
	}
	for i := star + 1; i < len(toks); i++ {
		e, msg := elem(toks[i])
		if msg != "" {
			return nil, "pattern: " + msg
		}
		e.Joined = joined[i-1]
		p.Lower = append(p.Lower, e)
	}
	return p, ""
}

// parseVerbLine parses "WORD {forms} [code]" into the verb's forms, the
// primary form first.
func parseVerbLine(line string) ([]*Verb, string) {
	var irregular []string
	hasBraces := false
	if i := strings.IndexByte(line, '{'); i >= 0 {
		j := strings.IndexByte(line, '}')
		if j < i {
			return nil, "verb line: '{' without '}'"
		}
		hasBraces = true
		irregular = strings.Fields(line[i+1 : j])
		line = line[:i] + " " + line[j+1:]
	} else if strings.IndexByte(line, '}') >= 0 {
		return nil, "verb line: '}' without '{'"
	}
	cs, rest, msg := codes(line)
	if msg != "" {
		return nil, "verb line: " + msg
	}
	if len(cs) > 1 {
		return nil, "verb line with more than one [code]"
	}
	code := ""
	if len(cs) == 1 {
		code = cs[0]
	}
	if rest == "" {
		return nil, "verb line without a verb"
	}
	base, msg := splitVerb(rest)
	if msg != "" {
		return nil, msg
	}
	base.Code = code
	out := []*Verb{base}
	if hasBraces {
		for _, f := range irregular {
			vb, msg := splitVerb(f)
			if msg != "" {
				return nil, msg
			}
			vb.Code = code
			out = append(out, vb)
		}
	} else {
		for _, f := range regularForms(base.Word) {
			out = append(out, &Verb{Word: f, Before: base.Before, After: base.After, Code: code})
		}
	}
	return out, ""
}

// splitVerb splits a possibly multi-word verb ("WIRE_+TAP", "+CORDON_OFF")
// into the verb word and the words before and after it.
func splitVerb(s string) (*Verb, string) {
	words := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	if len(words) == 0 {
		return nil, "verb line without a verb"
	}
	at := 0
	n := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			at = i
			n++
			words[i] = w[1:]
		}
	}
	if n > 1 {
		return nil, "multi-word verb " + s + " marks more than one word with '+'"
	}
	for _, w := range words {
		if w == "" {
			return nil, "empty word in verb " + s
		}
	}
	return &Verb{Word: words[at], Before: words[:at], After: words[at+1:]}, ""
}

func isVowel(b byte) bool { return strings.IndexByte("AEIOU", b) >= 0 }

// regularForms returns the -S, -ED and -ING forms of an upper-case verb.
func regularForms(v string) []string {
	n := len(v)
	if n == 0 {
		return nil
	}
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "E"):
		s, ed, ing = v+"S", v+"D", v[:n-1]+"ING"
	case strings.HasSuffix(v, "Y") && n > 1 && !isVowel(v[n-2]):
		s, ed, ing = v[:n-1]+"IES", v[:n-1]+"IED", v+"ING"
	case strings.HasSuffix(v, "S") || strings.HasSuffix(v, "X") || strings.HasSuffix(v, "Z") ||
		strings.HasSuffix(v, "CH") || strings.HasSuffix(v, "SH"):
		s, ed, ing = v+"ES", v+"ED", v+"ING"
	default:
		s, ed, ing = v+"S", v+"ED", v+"ING"
	}
	return []string{s, ed, ing}
}

// Plural returns the regular English plural of an upper-case noun.
func Plural(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "Y") && n > 1 && !isVowel(w[n-2]):
		return w[:n-1] + "IES"
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z") ||
		strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		return w + "ES"
	}
	return w + "S"
}
