package dict

import (
	"io"
	"strings"
)

// Discard is one discard phrase: a sentence or story containing it is not
// coded.
type Discard struct {
	Words []string // upper case
	Story bool     // '+': discard the whole story
	Pos   Pos
}

// Discards is a loaded discard dictionary, read-only after loading.
type Discards struct {
	Entries []*Discard
	index   map[string][]*Discard
}

// LoadDiscards reads a discard dictionary file.
func LoadDiscards(path string) (*Discards, error) {
	return loadFile(path, ParseDiscards)
}

// ReadDiscards reads a discard dictionary from r.
func ReadDiscards(name string, r io.Reader) (*Discards, error) {
	return readFrom(name, r, ParseDiscards)
}

// ParseDiscards parses a discard dictionary text.
func ParseDiscards(name, data string) (*Discards, error) {
	d := &Discards{index: map[string][]*Discard{}}
	var errs ErrorList
	for l := range lines(data) {
		line, num := l.clean, l.num
		e := &Discard{Pos: Pos{name, num}}
		if line[0] == '+' {
			e.Story = true
			line = line[1:]
		}
		if strings.ContainsAny(line, "[]{}") {
			errs.add(name, num, "discard phrase %q contains brackets", line)
			continue
		}
		e.Words = splitWords(line)
		if len(e.Words) == 0 {
			errs.add(name, num, "empty discard phrase")
			continue
		}
		d.Entries = append(d.Entries, e)
		d.index[e.Words[0]] = append(d.index[e.Words[0]], e)
	}
	return d, errs.Err()
}

// Match returns the first discard phrase found in words (upper case), or
// nil.
func (d *Discards) Match(words []string) *Discard {
	if d == nil {
		return nil
	}
	for i, w := range words {
		for _, e := range d.index[w] {
			if i+len(e.Words) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(e.Words); k++ {
				if words[i+k] != e.Words[k] {
					ok = false
					break
				}
			}
			if ok {
				return e
			}
		}
	}
	return nil
}
