package dict

import (
	"io"
	"strings"
)

// Issue is one issue phrase. Words marked "n:" or "v:" in the file also
// match their inflected forms; "+" joins words written with a hyphen or
// together. An Exclude phrase ("~...") cancels issue phrases inside it.
type Issue struct {
	Words    []string // lower case
	Inflect  []bool   // word i may be inflected (n: or v:)
	Code     string   // issue code; the category when the line has none
	Category string
	Exclude  bool
	Pos      Pos
}

// Issues is a loaded issue dictionary, read-only after loading.
type Issues struct {
	Entries []*Issue
	// Warnings lists the odd lines read in PETRARCH's way.
	Warnings ErrorList
}

// LoadIssues reads an issue dictionary file.
func LoadIssues(path string) (*Issues, error) {
	return loadFile(path, ParseIssues)
}

// ReadIssues reads an issue dictionary from r.
func ReadIssues(name string, r io.Reader) (*Issues, error) {
	return readFrom(name, r, ParseIssues)
}

// ParseIssues parses an issue dictionary text.
func ParseIssues(name, data string) (*Issues, error) {
	is := &Issues{}
	var errs ErrorList
	cat := ""
	for num, raw := range strings.Split(strings.ReplaceAll(data, "\r\n", "\n"), "\n") {
		num++
		line := strings.TrimSpace(raw)
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "<ISSUE") {
			i := strings.Index(line, `CATEGORY="`)
			if i < 0 {
				errs.add(name, num, "<ISSUE> without CATEGORY")
				continue
			}
			rest := line[i+len(`CATEGORY="`):]
			j := strings.IndexByte(rest, '"')
			if j <= 0 {
				errs.add(name, num, "<ISSUE> with a bad CATEGORY")
				continue
			}
			cat = rest[:j]
			continue
		}
		if strings.HasPrefix(line, "</ISSUE") {
			cat = ""
			continue
		}
		if strings.HasPrefix(line, "<") {
			errs.add(name, num, "unknown tag %q", line)
			continue
		}
		if cat == "" {
			errs.add(name, num, "issue phrase outside an <ISSUE> block")
			continue
		}
		e := &Issue{Category: cat, Pos: Pos{name, num}}
		if line[0] == '~' {
			e.Exclude = true
			line = strings.TrimLeft(line, "~")
		}
		cs, rest, msg := codes(line)
		if msg != "" {
			errs.add(name, num, "%s", msg)
			continue
		}
		if len(cs) > 1 {
			errs.warn(name, num, "more than one [code]; the first is used")
		}
		e.Code = cat
		if len(cs) == 1 {
			e.Code = cs[0]
		}
		for _, w := range strings.Fields(strings.ToLower(rest)) {
			for _, p := range strings.Split(w, "+") {
				infl := false
				if i := strings.IndexByte(p, ':'); i >= 0 {
					infl = true
					p = p[i+1:]
				}
				if p != "" {
					e.Words = append(e.Words, p)
					e.Inflect = append(e.Inflect, infl)
				}
			}
		}
		if len(e.Words) == 0 {
			errs.add(name, num, "empty issue phrase")
			continue
		}
		is.Entries = append(is.Entries, e)
	}
	errs, is.Warnings = errs.split()
	return is, errs.Err()
}

func issueWordMatch(pat string, infl bool, w string) bool {
	if w == pat {
		return true
	}
	if !infl || !strings.HasPrefix(w, pat) {
		return false
	}
	switch w[len(pat):] {
	case "s", "es", "ed", "d", "ing", "er", "ers":
		return true
	}
	return false
}

// Code returns the issue codes found in words (lower case, split at
// hyphens as well), each once, in dictionary order.
func (is *Issues) Code(words []string) []string {
	if is == nil {
		return nil
	}
	excluded := make([]bool, len(words))
	for _, e := range is.Entries {
		if e.Exclude {
			for i := range words {
				if is.matchAt(e, words, i) {
					for k := range e.Words {
						excluded[i+k] = true
					}
				}
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, e := range is.Entries {
		if e.Exclude || seen[e.Code] {
			continue
		}
		for i := range words {
			if !excluded[i] && is.matchAt(e, words, i) {
				seen[e.Code] = true
				out = append(out, e.Code)
				break
			}
		}
	}
	return out
}

func (is *Issues) matchAt(e *Issue, words []string, i int) bool {
	if i+len(e.Words) > len(words) {
		return false
	}
	for k, p := range e.Words {
		if !issueWordMatch(p, e.Inflect[k], words[i+k]) {
			return false
		}
	}
	return true
}
