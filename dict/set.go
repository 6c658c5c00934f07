package dict

import (
	"errors"
	"path/filepath"
)

// Files names the dictionary files of a Set. Empty names are skipped.
type Files struct {
	Verbs    string
	Actors   []string
	Agents   string
	Discards string
	Issues   string
}

// Set is a complete, read-only set of dictionaries for the coder.
type Set struct {
	Verbs    *Verbs
	Actors   *Actors
	Agents   *Agents
	Discards *Discards
	Issues   *Issues
}

// Warnings returns the warnings of every dictionary of s.
func (s *Set) Warnings() ErrorList {
	var w ErrorList
	if s.Verbs != nil {
		w = append(w, s.Verbs.Warnings...)
	}
	if s.Actors != nil {
		w = append(w, s.Actors.Warnings...)
	}
	if s.Agents != nil {
		w = append(w, s.Agents.Warnings...)
	}
	if s.Issues != nil {
		w = append(w, s.Issues.Warnings...)
	}
	return w
}

// Load reads every file of f. All malformed lines of all files are
// collected into one ErrorList. When lenient is false a malformed line
// fails the load (the Set is nil); when lenient is true the Set of the
// well-formed lines is returned together with the ErrorList, to be shown as
// warnings. A missing file is always an error.
func Load(f Files, lenient bool) (*Set, error) {
	s := &Set{Verbs: &Verbs{Synsets: map[string]*Synset{}, forms: map[string][]*Verb{}}, Actors: NewActors(),
		Agents: &Agents{index: phraseIndex{}}}
	var errs ErrorList
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
	var err error
	if f.Verbs != "" {
		var v *Verbs
		v, err = LoadVerbs(f.Verbs)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Verbs = v
	}
	if len(f.Actors) > 0 {
		a, err := LoadActors(f.Actors...)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Actors = a
	}
	if f.Agents != "" {
		a, err := LoadAgents(f.Agents)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Agents = a
	}
	if f.Discards != "" {
		d, err := LoadDiscards(f.Discards)
		if err = collect(err); err != nil {
			return nil, err
		}
		s.Discards = d
	}
	if f.Issues != "" {
		is, err := LoadIssues(f.Issues)
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

// PhoenixFiles returns the Files of the Phoenix dictionary set in dir
// (CAMEO.verbpatterns.150430.txt, Phoenix.*.actors.txt, Phoenix.agents.txt,
// Phoenix.discards.txt, Phoenix.IssueCoding.txt).
func PhoenixFiles(dir string) Files {
	j := func(n string) string { return filepath.Join(dir, n) }
	return Files{
		Verbs:    j("CAMEO.verbpatterns.150430.txt"),
		Actors:   []string{j("Phoenix.Countries.actors.txt"), j("Phoenix.International.actors.txt"), j("Phoenix.MilNonState.actors.txt")},
		Agents:   j("Phoenix.agents.txt"),
		Discards: j("Phoenix.discards.txt"),
		Issues:   j("Phoenix.IssueCoding.txt"),
	}
}
