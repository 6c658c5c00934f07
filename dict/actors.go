package dict

import (
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DateKind says when a dated actor code applies.
type DateKind uint8

// Kinds of actor code restrictions.
const (
	Always  DateKind = iota // [CODE]: the default
	Before                  // [CODE <date]
	After                   // [CODE >date]
	Between                 // [CODE d1-d2], bounds inclusive
)

// DatedCode is one actor code with its date restriction. From and To are
// dates as yyyymmdd integers.
type DatedCode struct {
	Code     string
	Kind     DateKind
	From, To int
	Pos      Pos
}

// Applies reports whether c applies on the date d (yyyymmdd).
func (c DatedCode) Applies(d int) bool {
	switch c.Kind {
	case Before:
		return d < c.To
	case After:
		return d > c.From
	case Between:
		return c.From <= d && d <= c.To
	}
	return true
}

// Actor is one actor entry: a primary phrase, its synonyms and codes.
type Actor struct {
	Name  string // the primary phrase as written
	Codes []DatedCode
	Pos   Pos
	open  bool // while loading: no code line read yet
}

// CodesAt returns the actor's codes on date d: those of the first date
// restriction that applies, else the default. A code written with '/'
// ("FRO/BIL/SAM") names several actors and is split.
func (a *Actor) CodesAt(d int) []string {
	if c := a.CodeAt(d); c != nil {
		return strings.Split(c.Code, "/")
	}
	return nil
}

// CodeAt returns the DatedCode in force on date d, or nil.
func (a *Actor) CodeAt(d int) *DatedCode {
	var def *DatedCode
	for i := range a.Codes {
		c := &a.Codes[i]
		if c.Kind == Always {
			if def == nil {
				def = c
			}
			continue
		}
		if c.Applies(d) {
			return c
		}
	}
	return def
}

// phrase is one indexed phrase of an actor or agent dictionary.
type phrase struct {
	words []string
	pos   Pos
	actor *Actor
	agent *Agent
}

// phraseIndex finds phrases by their first word and, for longer phrases,
// their second word, so that common first words ("THE") stay cheap.
type phraseIndex map[string]*bucket

type bucket struct {
	one  []*phrase            // one-word phrases
	more map[string][]*phrase // by second word, longest first
}

func (ix phraseIndex) add(p *phrase) {
	b := ix[p.words[0]]
	if b == nil {
		b = &bucket{}
		ix[p.words[0]] = b
	}
	if len(p.words) == 1 {
		b.one = append(b.one, p)
		return
	}
	if b.more == nil {
		b.more = map[string][]*phrase{}
	}
	b.more[p.words[1]] = append(b.more[p.words[1]], p)
}

func (ix phraseIndex) sort() {
	for _, b := range ix {
		for _, l := range b.more {
			sort.SliceStable(l, func(i, j int) bool { return len(l[i].words) > len(l[j].words) })
		}
	}
}

// match returns the longest phrase matching words[i:], or nil.
func (ix phraseIndex) match(words []string, i int) *phrase {
	b := ix[words[i]]
	if b == nil {
		return nil
	}
	if i+1 < len(words) && b.more != nil {
		for _, p := range b.more[words[i+1]] {
			if i+len(p.words) > len(words) {
				continue
			}
			ok := true
			for k := 2; k < len(p.words); k++ {
				if words[i+k] != p.words[k] {
					ok = false
					break
				}
			}
			if ok {
				return p
			}
		}
	}
	if len(b.one) > 0 {
		return b.one[0]
	}
	return nil
}

// Actors is a loaded set of actor dictionaries, read-only after loading.
type Actors struct {
	Entries []*Actor
	// Warnings lists the odd lines that were read in PETRARCH's way.
	Warnings ErrorList
	index    phraseIndex
}

// NewActors returns an empty actor set to which files can be added.
func NewActors() *Actors { return &Actors{index: phraseIndex{}} }

// Match returns the actor whose phrase matches the longest run of words
// starting at words[i] (upper case), the number of words matched and the
// position of the phrase's line; n is 0 when none matches.
func (a *Actors) Match(words []string, i int) (act *Actor, n int, pos Pos) {
	p := a.index.match(words, i)
	if p == nil {
		return nil, 0, Pos{}
	}
	return p.actor, len(p.words), p.pos
}

// LoadActors reads actor dictionary files into one set.
func LoadActors(paths ...string) (*Actors, error) {
	a := NewActors()
	var errs ErrorList
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if err := a.Parse(p, string(data)); err != nil {
			errs = append(errs, err.(ErrorList)...)
		}
	}
	return a, errs.Err()
}

// Read adds the actor dictionary read from r.
func (a *Actors) Read(name string, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return a.Parse(name, string(data))
}

// Parse adds the entries of an actor dictionary text. Well-formed entries
// are always added; the error is an ErrorList of every malformed line.
func (a *Actors) Parse(name, data string) error {
	var errs ErrorList
	var cur *Actor
	finish := func() {
		if cur != nil && len(cur.Codes) == 0 {
			errs.warn(name, cur.Pos.Line, "actor %s has no usable code; it matches but codes nothing", cur.Name)
		}
	}
	for l := range lines(data) {
		line, num := l.clean, l.num
		raw := l.raw
		pos := Pos{name, num}
		switch {
		case line[0] == '[':
			if cur == nil {
				errs.add(name, num, "date code line before any actor")
				continue
			}
			dcs := parseActorCodes(line, pos, &errs)
			cur.Codes = append(cur.Codes, dcs...)
		case line[0] == '+':
			if cur == nil {
				errs.add(name, num, "synonym before any actor")
				continue
			}
			syn := line[1:]
			if strings.Count(syn, "[") == 0 && strings.Count(syn, "]") > 0 {
				errs.warn(name, num, "stray ']' in synonym ignored")
				syn = strings.ReplaceAll(syn, "]", "")
			}
			cs, rest, msg := codes(syn)
			if msg != "" || len(cs) > 0 {
				if msg == "" {
					msg = "synonym lines take no code"
				}
				errs.add(name, num, "%s", msg)
				continue
			}
			w := splitWords(rest)
			if len(w) == 0 {
				errs.add(name, num, "empty synonym")
				continue
			}
			a.index.add(&phrase{words: w, pos: pos, actor: cur})
		default:
			_ = raw
			i := strings.IndexByte(line, '[')
			head := line
			if i >= 0 {
				head = line[:i]
			}
			w := splitWords(head)
			if len(w) == 0 {
				errs.add(name, num, "actor line without a phrase")
				continue
			}
			// Consecutive phrase lines before any code line are one
			// entry: the later lines are synonyms of the first.
			if cur == nil || len(cur.Codes) > 0 || !cur.open {
				finish()
				cur = &Actor{Name: strings.TrimSpace(head), Pos: pos}
				a.Entries = append(a.Entries, cur)
			}
			cur.open = i < 0
			a.index.add(&phrase{words: w, pos: pos, actor: cur})
			if i >= 0 {
				cur.Codes = append(cur.Codes, parseActorCodes(line[i:], pos, &errs)...)
			}
		}
	}
	finish()
	for _, e := range a.Entries {
		e.open = false
	}
	a.index.sort()
	sortErrors(errs)
	errs, warns := errs.split()
	a.Warnings = append(a.Warnings, warns...)
	return errs.Err()
}

// parseActorCodes parses one or more "[CODE date]" groups. A group whose
// date restriction cannot be read is skipped with a warning.
func parseActorCodes(s string, pos Pos, errs *ErrorList) []DatedCode {
	cs, rest, msg := codes(s)
	if msg != "" {
		errs.add(pos.File, pos.Line, "%s", msg)
		return nil
	}
	if rest != "" {
		errs.warn(pos.File, pos.Line, "text %q after the [code] ignored", rest)
	}
	var out []DatedCode
	for _, c := range cs {
		dc, msg, warn := parseDatedCode(c)
		if msg != "" {
			if warn {
				errs.warn(pos.File, pos.Line, "%s; restriction ignored", msg)
			} else {
				errs.add(pos.File, pos.Line, "%s", msg)
			}
			continue
		}
		dc.Pos = pos
		out = append(out, dc)
	}
	return out
}

func parseDatedCode(c string) (DatedCode, string, bool) {
	f := strings.Fields(c)
	code := strings.ToUpper(f[0])
	if code[0] >= '0' && code[0] <= '9' || code[0] == '<' || code[0] == '>' {
		return DatedCode{}, "code block [" + c + "] has no actor code", false
	}
	if i := strings.IndexAny(code, "<>"); i > 0 { // [CODE<date]
		f = append([]string{code[:i], code[i:]}, f[1:]...)
		code = code[:i]
	}
	dc := DatedCode{Code: code}
	spec := strings.Join(f[1:], "")
	if spec == "" {
		return dc, "", false
	}
	var err string
	switch spec[0] {
	case '<':
		dc.Kind = Before
		dc.To, err = parseDictDate(spec[1:])
	case '>':
		dc.Kind = After
		dc.From, err = parseDictDate(spec[1:])
	default:
		i := strings.IndexByte(spec, '-')
		if i < 0 {
			return dc, "date restriction " + strconv.Quote(spec) + ": want <date, >date or date-date", true
		}
		dc.Kind = Between
		dc.From, err = parseDictDate(spec[:i])
		if err == "" {
			dc.To, err = parseDictDate(spec[i+1:])
		}
		if err == "" && dc.To < dc.From {
			err = "date interval ends before it starts"
		}
	}
	if err != "" {
		return dc, "code [" + c + "]: " + err, true
	}
	return dc, "", false
}

// parseDictDate reads YYMMDD (years 00-29 are 20xx) or YYYYMMDD.
func parseDictDate(s string) (int, string) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, "date " + strconv.Quote(s) + " is not YYMMDD or YYYYMMDD"
		}
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y, _ = strconv.Atoi(s[:2])
		if y < 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:])
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:])
	default:
		return 0, "date " + strconv.Quote(s) + " is not YYMMDD or YYYYMMDD"
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, "date " + strconv.Quote(s) + " has no such month or day"
	}
	return y*10000 + m*100 + d, ""
}

// DateInt converts t to the yyyymmdd form used by DatedCode.
func DateInt(t time.Time) int { return t.Year()*10000 + int(t.Month())*100 + t.Day() }
