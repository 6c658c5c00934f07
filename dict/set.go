package dict

import "path/filepath"

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

// Load reads every file of f from the operating system's file system
// (paths absolute or relative to the working directory). See LoadFS.
func Load(f Files, lenient bool) (*Set, error) {
	return LoadFS(osFS{}, f, lenient)
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
