package dict

import (
	"errors"
	"io"
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
	// collect keeps the ErrorList of malformed lines and returns any other
	// error, which is fatal.
	collect := func(err error) error {
		var el ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
			return nil
		}
		return err
	}
	var err error
	if f.Verbs != "" {
		var v *Verbs
		if v, err = parseFS(fsys, f.Verbs, ParseVerbs); collect(err) != nil {
			return nil, err
		}
		s.Verbs = v
	}
	for _, name := range f.Actors {
		if _, err = parseFS(fsys, name, func(name, data string) (*Actors, error) {
			return s.Actors, s.Actors.Parse(name, data)
		}); collect(err) != nil {
			return nil, err
		}
	}
	if f.Agents != "" {
		var a *Agents
		if a, err = parseFS(fsys, f.Agents, ParseAgents); collect(err) != nil {
			return nil, err
		}
		s.Agents = a
	}
	if f.Discards != "" {
		var d *Discards
		if d, err = parseFS(fsys, f.Discards, ParseDiscards); collect(err) != nil {
			return nil, err
		}
		s.Discards = d
	}
	if f.Issues != "" {
		var is *Issues
		if is, err = parseFS(fsys, f.Issues, ParseIssues); collect(err) != nil {
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

// parseFS reads the file name of fsys and parses it with parse.
func parseFS[T any](fsys fs.FS, name string, parse func(name, data string) (T, error)) (T, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		var zero T
		return zero, err
	}
	return parse(name, string(data))
}

// loadFile reads the file at path and parses it with parse.
func loadFile[T any](path string, parse func(name, data string) (T, error)) (T, error) {
	return parseFS(osFS{}, path, parse)
}

// readFrom reads r to its end and parses it with parse.
func readFrom[T any](name string, r io.Reader, parse func(name, data string) (T, error)) (T, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		var zero T
		return zero, err
	}
	return parse(name, string(data))
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
