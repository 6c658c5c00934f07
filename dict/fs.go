package dict

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// LoadFS reads every file of f from fsys. All malformed lines of all files
// are collected into one ErrorList. When lenient is false a malformed line
// fails the load (the Set is nil); when lenient is true the Set of the
// well-formed lines is returned together with the ErrorList, to be shown as
// warnings. A missing file is always an error. Positions name the files as
// f does.
func LoadFS(fsys fs.FS, f Files, lenient bool) (*Set, error) {
	s := &Set{Verbs: &Verbs{Synsets: map[string]*Synset{}, forms: map[string][]*Verb{}}, Actors: NewActors(),
		Agents: &Agents{index: phraseIndex{}}}
	var errs ErrorList
	// read returns the text of a file; collect keeps the ErrorList of
	// malformed lines and returns any other error, which is fatal.
	read := func(name string) (string, error) {
		data, err := fs.ReadFile(fsys, name)
		return string(data), err
	}
	collect := func(err error) error {
		if err == nil {
			return nil
		}
		var el ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
			return nil
		}
		return err
	}
	if f.Verbs != "" {
		data, err := read(f.Verbs)
		if err != nil {
			return nil, err
		}
		v, err := ParseVerbs(f.Verbs, data)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Verbs = v
	}
	for _, name := range f.Actors {
		data, err := read(name)
		if err != nil {
			return nil, err
		}
		if err := collect(s.Actors.Parse(name, data)); err != nil {
			return nil, err
		}
	}
	if f.Agents != "" {
		data, err := read(f.Agents)
		if err != nil {
			return nil, err
		}
		a, err := ParseAgents(f.Agents, data)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Agents = a
	}
	if f.Discards != "" {
		data, err := read(f.Discards)
		if err != nil {
			return nil, err
		}
		d, err := ParseDiscards(f.Discards, data)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Discards = d
	}
	if f.Issues != "" {
		data, err := read(f.Issues)
		if err != nil {
			return nil, err
		}
		is, err := ParseIssues(f.Issues, data)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Issues = is
	}
	if len(errs) > 0 {
		if !lenient {
			return nil, errs
		}
		return s, errs
	}
	return s, nil
}

// osFS reads files by their operating-system path, absolute or relative to
// the working directory.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

func (osFS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// FindFiles names the dictionaries of a directory by what their file names
// say they hold: "verb" (verb patterns), "actor" (actors, several files
// allowed), "agent", "discard" and "issue", compared without case; other
// files are ignored. The names returned are paths within fsys.
func FindFiles(fsys fs.FS, dir string) (Files, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return Files{}, err
	}
	var f Files
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".txt") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		low := strings.ToLower(n)
		p := path.Join(dir, n)
		switch {
		case strings.Contains(low, "verb"):
			f.Verbs = p
		case strings.Contains(low, "actor"):
			f.Actors = append(f.Actors, p)
		case strings.Contains(low, "agent"):
			f.Agents = p
		case strings.Contains(low, "discard"):
			f.Discards = p
		case strings.Contains(low, "issue"):
			f.Issues = p
		}
	}
	return f, nil
}
