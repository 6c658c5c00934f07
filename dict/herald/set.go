package herald

import "github.com/herald-events/herald/dict"

// Files returns the names, within FS, of Herald's dictionaries: verbs,
// actors in ActorFiles order, agents and discards (no issues).
func Files() dict.Files {
	return dict.Files{Verbs: VerbsFile, Actors: ActorFiles, Agents: AgentsFile, Discards: DiscardsFile}
}

// Set parses the embedded dictionaries into a dict.Set. Malformed lines are
// returned as a dict.ErrorList together with the set of the well-formed
// ones; the shipped files have none, which the package tests check.
func Set() (*dict.Set, error) { return dict.LoadFS(FS(), Files(), true) }
