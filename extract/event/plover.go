package event

import "github.com/herald-events/herald/plover"

func ploverLookup(code string) (plover.Mapping, bool) { return plover.Lookup(code) }
