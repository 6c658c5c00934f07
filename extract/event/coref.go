package event

import (
	"strings"

	"github.com/herald-events/herald/dict"
	"github.com/herald-events/herald/doc"
)

// resolveActors gives an event actor that the sentence leaves without a
// country ("the minister", coded ---GOV; "The leader") the code of the
// named entity its coreference chain resolves to, when the dictionaries
// code that name: "the minister" of an article about Iran's foreign minister
// becomes IRNGOV. The agent part of the code the sentence gave is kept
// ("---GOV" with a chain coded IRNELI gives IRNGOV). It needs the coreference
// layer and does nothing without it.
func (s *Stage) resolveActors(d *doc.Doc, date int) {
	if !d.Has(doc.LayerCoref) || len(d.Chains) == 0 {
		return
	}
	for i := range d.Events {
		e := &d.Events[i]
		resolveActor(d, &e.Source, s.c.dicts.Actors, date)
		resolveActor(d, &e.Target, s.c.dicts.Actors, date)
	}
}

func resolveActor(d *doc.Doc, a *doc.Actor, actors *dict.Actors, date int) {
	if a.End <= a.Start || (a.Code != "" && !strings.HasPrefix(a.Code, "---")) {
		return
	}
	code := chainCode(d, a.ByteSpan, actors, date)
	if len(code) < 3 {
		return
	}
	agent := strings.TrimPrefix(a.Code, "---")
	switch {
	case agent == "" || strings.HasSuffix(code, agent):
		a.Code = code
	default:
		a.Code = code[:3] + agent
	}
}

// chainCode returns the code of the chain one of whose mentions overlaps
// the byte span sp, from the chain itself or from its name.
func chainCode(d *doc.Doc, sp doc.ByteSpan, actors *dict.Actors, date int) string {
	for _, c := range d.Chains {
		for _, m := range c.Mentions {
			start, end := d.SpanBytes(m)
			if int32(start) < sp.End && sp.Start < int32(end) {
				if c.Code != "" {
					return c.Code
				}
				return actors.NameCode(c.Name, date)
			}
		}
	}
	return ""
}
