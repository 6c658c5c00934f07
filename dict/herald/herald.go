package herald

import (
	"embed"
	"io/fs"
)

//go:generate go run ../../tools/gendict -iso /usr/share/iso-codes/json/iso_3166-1.json -table ../../tools/gendict/countries.tsv -o herald.countries.actors.txt

//go:embed *.txt NOTICE
var files embed.FS

// File names of the dictionaries in FS.
const (
	CountriesFile = "herald.countries.actors.txt" // generated: every ISO 3166 country
	ActorsFile    = "herald.actors.txt"           // regions, IGOs, groups, institutions, media
	LeadersFile   = "herald.leaders.actors.txt"   // dated office holders
	AgentsFile    = "herald.agents.txt"
	VerbsFile     = "herald.verbs.txt"
	DiscardsFile  = "herald.discards.txt"
)

// ActorFiles lists the actor dictionaries in the order to load them.
var ActorFiles = []string{CountriesFile, ActorsFile, LeadersFile}

// FS returns the embedded dictionary files (and NOTICE), read-only.
func FS() fs.FS { return files }
