// Package cameo is the CAMEO event codebook as data: for every event code
// its name, root code, QuadClass and Goldstein value.
//
// The tables are embedded (see NOTICE for their origin) and decoded once,
// on first use.
//
//	e, ok := cameo.Lookup("111")
//	// e.Name "Criticize or denounce", e.Root "11", e.Quad 3, e.Goldstein -2
package cameo

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:embed CAMEO.eventcodes.txt
var eventCodes string

//go:embed CAMEO.goldsteinscale.txt
var goldstein string

// QuadClass values.
const (
	VerbalCoop   = 1 // roots 01-05
	MaterialCoop = 2 // roots 06-09
	VerbalConf   = 3 // roots 10-14
	MaterialConf = 4 // roots 15-20
)

// Entry is one CAMEO event code.
type Entry struct {
	Code      string // "111"
	Name      string // "Criticize or denounce"
	Root      string // "11"
	Quad      int    // QuadClass 1..4
	Goldstein float64
}

var (
	once  sync.Once
	table map[string]Entry
)

func load() {
	table = map[string]Entry{}
	for _, line := range strings.Split(eventCodes, "\n")[1:] {
		code, name, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if !ok || code == "" {
			continue
		}
		table[code] = Entry{Code: code, Name: name, Root: code[:2], Quad: QuadOf(code)}
	}
	for _, line := range strings.Split(goldstein, "\n")[1:] {
		code, v, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if !ok {
			continue
		}
		if e, ok := table[code]; ok {
			e.Goldstein, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
			table[code] = e
		}
	}
}

// QuadOf returns the QuadClass of a code from its root, or 0 when the code
// has no valid root.
func QuadOf(code string) int {
	if len(code) < 2 {
		return 0
	}
	r, err := strconv.Atoi(code[:2])
	switch {
	case err != nil || r < 1 || r > 20:
		return 0
	case r <= 5:
		return VerbalCoop
	case r <= 9:
		return MaterialCoop
	case r <= 14:
		return VerbalConf
	}
	return MaterialConf
}

// Lookup returns the codebook entry of code. A code not in the codebook
// (such as a dictionary's private code "1717") is looked up by its
// three-digit and then two-digit prefix; ok is false when none is known.
func Lookup(code string) (Entry, bool) {
	once.Do(load)
	if e, ok := table[code]; ok {
		return e, true
	}
	for n := 3; n >= 2; n-- {
		if len(code) > n {
			if e, ok := table[code[:n]]; ok {
				return e, true
			}
		}
	}
	return Entry{}, false
}

// Codes returns the number of codes in the codebook.
func Codes() int {
	once.Do(load)
	return len(table)
}
