package herald

import (
	"errors"
	"io/fs"

	"github.com/herald-events/herald/dict"
)

// Set parses the embedded dictionaries into a dict.Set (verbs, actors in
// ActorFiles order, agents, discards; no issues). Malformed lines are
// returned as a dict.ErrorList together with the set of the well-formed
// ones; the shipped files have none, which the package tests check.
func Set() (*dict.Set, error) {
	s := &dict.Set{Actors: dict.NewActors()}
	var errs dict.ErrorList
	collect := func(err error) error {
		var el dict.ErrorList
		if errors.As(err, &el) {
			errs = append(errs, el...)
			return nil
		}
		return err
	}
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(files, name)
		return string(b), err
	}
	text, err := read(VerbsFile)
	if err != nil {
		return nil, err
	}
	v, err := dict.ParseVerbs(VerbsFile, text)
	if err := collect(err); err != nil {
		return nil, err
	}
	s.Verbs = v
	for _, f := range ActorFiles {
		if text, err = read(f); err != nil {
			return nil, err
		}
		if err := collect(s.Actors.Parse(f, text)); err != nil {
			return nil, err
		}
	}
	if text, err = read(AgentsFile); err != nil {
		return nil, err
	}
	a, err := dict.ParseAgents(AgentsFile, text)
	if err := collect(err); err != nil {
		return nil, err
	}
	s.Agents = a
	if text, err = read(DiscardsFile); err != nil {
		return nil, err
	}
	d, err := dict.ParseDiscards(DiscardsFile, text)
	if err := collect(err); err != nil {
		return nil, err
	}
	s.Discards = d
	if len(errs) > 0 {
		return s, errs
	}
	return s, nil
}
