package quote

import (
	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
)

// Option configures the stage built by New.
type Option func(*Stage)

// WithActors codes resolved speakers with the CAMEO actor codes of an actor
// dictionary (for example the Actors of dict/herald's Set) when the
// coreference chain or entity carries no code of its own.
func WithActors(a *dict.Actors) Option {
	return func(s *Stage) { s.actors = a }
}

// actorCode returns the code the dictionary gives the whole name on the
// document's date (the latest codes when the date is unknown), or "".
func (s *Stage) actorCode(d *doc.Doc, name string) string {
	date := 0
	if !d.Date.IsZero() {
		date = dict.DateInt(d.Date)
	}
	return s.actors.NameCode(name, date)
}
