package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/dict/herald"
)

// dictOptions choose the event-coding dictionaries.
type dictOptions struct {
	dir     string // a directory of TABARI/PETRARCH dictionaries
	only    bool   // use dir's dictionaries alone, not Herald's
	lenient bool   // load the well-formed lines of malformed dictionaries
}

// loadDicts loads Herald's embedded dictionaries and, with a directory,
// adds its actor files to them and lets its verb, agent, discard and issue
// files replace Herald's; with only, the directory's files are used alone.
// Warnings about malformed lines loaded leniently go to warn.
func loadDicts(o dictOptions, warn io.Writer) (*dict.Set, error) {
	// report turns the malformed lines of a load into warnings with
	// --lenient and into the error without it.
	report := func(set *dict.Set, err error) (*dict.Set, error) {
		if err == nil {
			return set, nil
		}
		var el dict.ErrorList
		if o.lenient && set != nil && errors.As(err, &el) {
			fmt.Fprintf(warn, "dictionaries: %d malformed lines skipped:\n%v\n", len(el), err)
			return set, nil
		}
		return nil, err
	}
	var user dict.Files
	if o.dir != "" {
		var err error
		user, err = dict.FindFiles(os.DirFS(o.dir), ".")
		if err != nil {
			return nil, fmt.Errorf("--dict %s: %w", o.dir, err)
		}
		if user.Verbs == "" && len(user.Actors) == 0 && user.Agents == "" && user.Discards == "" && user.Issues == "" {
			return nil, fmt.Errorf("--dict %s: no dictionary files (names with verb, actor, agent, discard or issue, ending in .txt)", o.dir)
		}
	}
	if o.only {
		if o.dir == "" {
			return nil, errors.New("--dict-only needs --dict DIR")
		}
		return report(dict.LoadFS(os.DirFS(o.dir), user, o.lenient))
	}
	set, err := report(herald.Set())
	if err != nil || o.dir == "" {
		return set, err
	}
	extra, err := report(dict.LoadFS(os.DirFS(o.dir), dict.Files{Verbs: user.Verbs, Agents: user.Agents,
		Discards: user.Discards, Issues: user.Issues}, o.lenient))
	if err != nil {
		return nil, err
	}
	if user.Verbs != "" {
		set.Verbs = extra.Verbs
	}
	if user.Agents != "" {
		set.Agents = extra.Agents
	}
	if user.Discards != "" {
		set.Discards = extra.Discards
	}
	if user.Issues != "" {
		set.Issues = extra.Issues
	}
	for _, name := range user.Actors {
		data, err := os.ReadFile(o.dir + string(os.PathSeparator) + name)
		if err != nil {
			return nil, err
		}
		if _, err := report(set, set.Actors.Parse(name, string(data))); err != nil {
			return nil, err
		}
	}
	return set, nil
}
