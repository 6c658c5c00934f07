package quote

import (
	"strings"

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
	if s.actors == nil || name == "" {
		return ""
	}
	words := strings.FieldsFunc(strings.ToUpper(name), func(r rune) bool { return r == ' ' || r == '-' })
	for i, w := range words {
		words[i] = strings.Trim(w, ".,’'")
	}
	act, n, _ := s.actors.Match(words, 0)
	if act == nil || n != len(words) {
		return ""
	}
	date := 99991231
	if !d.Date.IsZero() {
		date = dict.DateInt(d.Date)
	}
	if c := act.CodeAt(date); c != nil {
		return c.Code
	}
	return ""
}
