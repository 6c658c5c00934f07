package dict

import (
	"io"
	"strings"
)

// Agent is one agent phrase: a role such as "police" [~COP] that is
// combined with an actor's code.
type Agent struct {
	Phrase string // the phrase as written
	Code   string // the code to combine
	Prefix bool   // [CODE~]: CODE goes before the actor code; else after
	Pos    Pos
}

// Agents is a loaded agent dictionary, read-only after loading.
type Agents struct {
	Entries []*Agent
	// Warnings lists the lines skipped in PETRARCH's way.
	Warnings ErrorList
	index    phraseIndex
}

// Match returns the agent whose phrase matches the longest run of words
// starting at words[i], and the number of words; n is 0 when none does.
func (a *Agents) Match(words []string, i int) (ag *Agent, n int) {
	p := a.index.match(words, i)
	if p == nil {
		return nil, 0
	}
	return p.agent, len(p.words)
}

// LoadAgents reads an agent dictionary file.
func LoadAgents(path string) (*Agents, error) {
	return loadFile(path, ParseAgents)
}

// ReadAgents reads an agent dictionary from r.
func ReadAgents(name string, r io.Reader) (*Agents, error) {
	return readFrom(name, r, ParseAgents)
}

// ParseAgents parses an agent dictionary text. The well-formed entries are
// always returned; the error is an ErrorList of every malformed line.
func ParseAgents(name, data string) (*Agents, error) {
	a := &Agents{index: phraseIndex{}}
	var errs ErrorList
	subst := map[string][]string{}
	for l := range lines(data) {
		line, num := l.clean, l.num
		pos := Pos{name, num}
		if line[0] == '!' && strings.IndexByte(line, '=') >= 0 {
			i := strings.IndexByte(line, '=')
			j := strings.IndexByte(line[1:], '!')
			if i < 0 || j < 0 || j+2 > i {
				errs.add(name, num, "substitution line: want !MARKER! = word, word, ...")
				continue
			}
			marker := strings.ToUpper(strings.TrimSpace(line[:j+2]))
			var vals []string
			for _, v := range strings.Split(line[i+1:], ",") {
				if v = strings.ToUpper(strings.TrimSpace(v)); v != "" {
					vals = append(vals, v)
				}
			}
			if len(vals) == 0 {
				errs.add(name, num, "substitution %s has no values", marker)
				continue
			}
			subst[marker] = vals
			continue
		}
		var plural []string
		hasBraces := false
		if i := strings.IndexByte(line, '{'); i >= 0 {
			j := strings.IndexByte(line, '}')
			if j < i {
				errs.add(name, num, "'{' without '}'")
				continue
			}
			hasBraces = true
			plural = strings.Fields(line[i+1 : j])
			line = line[:i] + " " + line[j+1:]
		} else if strings.IndexByte(line, '}') >= 0 {
			errs.warn(name, num, "'}' without '{'; line skipped")
			continue
		}
		cs, rest, msg := codes(line)
		if msg != "" {
			errs.add(name, num, "%s", msg)
			continue
		}
		if len(cs) != 1 {
			errs.warn(name, num, "agent line needs exactly one [~CODE] or [CODE~], has %d; line skipped", len(cs))
			continue
		}
		c := strings.ReplaceAll(cs[0], " ", "")
		ag := &Agent{Phrase: rest, Pos: pos}
		switch {
		case strings.HasPrefix(c, "~") && len(c) > 1 && !strings.HasSuffix(c, "~"):
			ag.Code = strings.ToUpper(c[1:])
		case strings.HasSuffix(c, "~") && len(c) > 1 && !strings.HasPrefix(c, "~"):
			ag.Code, ag.Prefix = strings.ToUpper(c[:len(c)-1]), true
		default:
			errs.add(name, num, "agent code [%s]: want [~CODE] or [CODE~]", cs[0])
			continue
		}
		if rest == "" {
			errs.add(name, num, "agent line without a phrase")
			continue
		}
		forms, msg := expandMarkers(strings.ToUpper(rest), subst)
		if msg != "" {
			errs.add(name, num, "%s", msg)
			continue
		}
		for _, f := range forms {
			w := splitWords(f)
			if len(w) == 0 {
				continue
			}
			a.index.add(&phrase{words: w, pos: pos, agent: ag})
			if !hasBraces && !strings.Contains(rest, "!") {
				pl := append(append([]string(nil), w[:len(w)-1]...), Plural(w[len(w)-1]))
				a.index.add(&phrase{words: pl, pos: pos, agent: ag})
			}
		}
		for _, p := range plural {
			if w := splitWords(p); len(w) > 0 {
				a.index.add(&phrase{words: w, pos: pos, agent: ag})
			}
		}
		a.Entries = append(a.Entries, ag)
	}
	a.index.sort()
	errs, a.Warnings = errs.split()
	return a, errs.Err()
}

// expandMarkers replaces each !MARKER! of s by each of its values.
func expandMarkers(s string, subst map[string][]string) ([]string, string) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, ""
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, "unclosed substitution marker in " + s
	}
	marker := s[i : i+j+2]
	vals, ok := subst[marker]
	if !ok {
		return nil, "unknown substitution marker " + marker
	}
	rests, msg := expandMarkers(s[i+j+2:], subst)
	if msg != "" {
		return nil, msg
	}
	var out []string
	for _, v := range vals {
		for _, r := range rests {
			out = append(out, s[:i]+v+r)
		}
	}
	return out, ""
}
