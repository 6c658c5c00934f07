// Package plover maps CAMEO event codes to PLOVER event types and modes,
// from the embedded CAMEO2PLOVER-2021 table of the PLOVER manual (draft 0.8;
// CC BY-SA 4.0, see NOTICE).
//
//	m, ok := plover.Lookup("041") // m.Type "CONSULT", m.Mode "phone"
//
// The table maps the CAMEO roots 03 to 20. It has no entry for 01 (public
// statements) and 02 (appeals), which PLOVER does not code as events:
// Lookup reports false for them and events keep an empty PLOVER type.
package plover

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed CAMEO2PLOVER-2021.txt
var table string

// Mapping is the PLOVER reading of one CAMEO code.
type Mapping struct {
	Type    string // PLOVER event type, such as CONSULT
	Mode    string // PLOVER mode, such as phone; may be empty
	Context string // PLOVER context(s), "; "-separated; may be empty
}

var (
	once sync.Once
	byID map[string]Mapping
)

func load() {
	byID = map[string]Mapping{}
	for _, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok || code == "" {
			continue
		}
		f := strings.Split(rest, ",")
		m := Mapping{Type: strings.TrimSpace(f[0])}
		if len(f) > 1 {
			m.Mode = strings.TrimSpace(f[1])
		}
		if len(f) > 2 {
			m.Context = strings.TrimSpace(strings.Join(f[2:], ","))
		}
		code = strings.TrimSpace(code)
		if _, dup := byID[code]; !dup { // a root listed twice keeps its first type
			byID[code] = m
		}
	}
}

// Lookup returns the PLOVER mapping of a CAMEO code, falling back to its
// three-digit and then two-digit (root) prefix.
func Lookup(code string) (Mapping, bool) {
	once.Do(load)
	for n := len(code); n >= 2; n-- {
		if m, ok := byID[code[:n]]; ok {
			return m, true
		}
	}
	return Mapping{}, false
}
