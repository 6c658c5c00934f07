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
//
// A definite description still left without a country ("the minister")
// then takes the country of the last actor before it with the same head
// noun that has one ("Iran's foreign minister", IRNGOV).
func (s *Stage) resolveActors(d *doc.Doc, date int) {
	chains := d.Has(doc.LayerCoref) && len(d.Chains) > 0
	last := map[string]string{} // head noun -> code of the last actor with a country
	for i := range d.Events {
		e := &d.Events[i]
		for _, a := range []*doc.Actor{&e.Source, &e.Target} {
			if chains {
				resolveActor(d, a, s.c.dicts.Actors, date)
			}
			head, definite := actorHead(d, a)
			if head == "" {
				continue
			}
			if code := last[head]; definite && strings.HasPrefix(a.Code, "---") && code != "" {
				a.Code = code[:3] + strings.TrimPrefix(a.Code, "---")
			}
			if len(a.Code) >= 3 && !strings.HasPrefix(a.Code, "---") {
				last[head] = a.Code
			}
		}
	}
}

// actorHead returns the lower-cased last word of actor a's text, and
// whether the text is "the" and that one word; "" when a has no text.
func actorHead(d *doc.Doc, a *doc.Actor) (head string, definite bool) {
	if a.End <= a.Start || int(a.End) > len(d.Text) {
		return "", false
	}
	words := strings.Fields(d.Text[a.Start:a.End])
	if len(words) == 0 {
		return "", false
	}
	head = strings.ToLower(words[len(words)-1])
	return head, len(words) == 2 && strings.EqualFold(words[0], "the")
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
