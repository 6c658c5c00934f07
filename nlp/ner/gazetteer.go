package ner

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:generate go run ./internal/gencountries -in /usr/share/iso-codes/json/iso_3166-1.json -out gazetteer/countries.txt
//go:generate go run ./internal/genactors -out gazetteer
//go:generate go run ./internal/gengivennames -out gazetteer/givennames.txt

//go:embed gazetteer/*.txt
var gazetteerFS embed.FS

// Kind is a set of gazetteer classes a name belongs to.
type Kind uint16

// Gazetteer classes.
const (
	KindCountry   Kind = 1 << iota // country names (GPE)
	KindPlace                      // states, provinces, cities (GPE)
	KindRegion                     // continents, regions, natural features (LOC)
	KindNORP                       // nationalities, religious and political groups
	KindOrg                        // organisations
	KindFirstName                  // given names
	KindTitle                      // titles and honorifics before a name
	KindOrgSuffix                  // words ending organisation names (Inc, Ministry, Party)
	KindLocSuffix                  // words ending place names (Street, River, County)
	KindCalendar                   // days and months
	KindPerson                     // people's names (leaders)
	numKinds      = iota
)

var kindNames = [numKinds]string{"country", "place", "region", "norp", "org", "first", "title", "orgsuf", "locsuf", "calendar", "person"}

var gazetteerFiles = []struct {
	file string
	kind Kind
}{
	{"countries.txt", KindCountry},
	{"places.txt", KindPlace},
	{"regions.txt", KindRegion},
	{"demonyms.txt", KindNORP},
	{"orgs.txt", KindOrg},
	{"firstnames.txt", KindFirstName},
	{"givennames.txt", KindFirstName},
	{"titles.txt", KindTitle},
	{"orgsuffixes.txt", KindOrgSuffix},
	{"locsuffixes.txt", KindLocSuffix},
	{"calendar.txt", KindCalendar},
	{"persons.txt", KindPerson},
	{"actororgs.txt", KindOrg},
}

// Gazetteer is a read-only table of multi-word names and their classes,
// matched case-insensitively on tokens.
type Gazetteer struct {
	kinds  map[string]Kind // lowercased tokens joined by one space
	exact  map[string]Kind // names as written
	maxLen int             // tokens in the longest name
	// prefixes holds every beginning of a key of kinds that ends just
	// before one of its spaces: matches stops lengthening a candidate name
	// as soon as it is no such beginning.
	prefixes map[string]struct{}
}

// loadGazetteer reads the embedded gazetteer files.
func loadGazetteer() (*Gazetteer, error) {
	g := &Gazetteer{kinds: map[string]Kind{}, exact: map[string]Kind{}, prefixes: map[string]struct{}{}}
	for _, f := range gazetteerFiles {
		b, err := gazetteerFS.ReadFile("gazetteer/" + f.file)
		if err != nil {
			return nil, fmt.Errorf("ner: gazetteer %s: %w", f.file, err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			toks := nameTokens(line)
			key := strings.Join(toks, " ")
			g.exact[key] |= f.kind
			lower := strings.ToLower(key)
			g.kinds[lower] |= f.kind
			g.maxLen = max(g.maxLen, len(toks))
			for j := range len(lower) {
				if lower[j] == ' ' {
					g.prefixes[lower[:j]] = struct{}{}
				}
			}
		}
	}
	return g, nil
}

// nameTokens splits a gazetteer name into tokens the way the treebank
// tokenises: on spaces, with a possessive 's split off.
func nameTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if len(f) > 2 && strings.HasSuffix(f, "'s") {
			out = append(out, f[:len(f)-2], "'s")
			continue
		}
		out = append(out, f)
	}
	return out
}

// Lookup returns the classes of the name made of the given tokens, matched
// regardless of case, and the classes of the name written exactly so.
func (g *Gazetteer) Lookup(toks []string) (any, exact Kind) {
	var arr [2][64]byte
	key, lower := arr[0][:0], arr[1][:0]
	ascii := true
	for i, t := range toks {
		if i > 0 {
			key, lower = append(key, ' '), append(lower, ' ')
		}
		key = append(key, t...)
		for j := 0; j < len(t); j++ {
			c := t[j]
			if c >= 0x80 {
				ascii = false
			} else if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower = append(lower, c)
		}
	}
	if !ascii {
		// strings.ToLower maps runes (and bad bytes) beyond ASCII.
		return g.kinds[strings.ToLower(string(key))], g.exact[string(key)]
	}
	return g.kinds[string(lower)], g.exact[string(key)]
}

// match is a gazetteer name found in a sentence.
type match struct {
	start, end  int
	kind, exact Kind
}

// matches returns, for every start position, the longest gazetteer name
// starting there (at most one match per start and kind group). lower holds
// the words in lower case; one and pre, if not nil, hold kinds[lower[i]]
// and whether lower[i] is in prefixes for every i (sentence.one and
// sentence.pre), which spares the lookups of one-word candidates.
func (g *Gazetteer) matches(lower, words []string, one []Kind, pre []bool) []match {
	var out []match
	var buf, ebuf []byte
	ks := make([]Kind, g.maxLen)
	for i := range lower {
		// Lengthen the candidate while it begins some name, noting the
		// classes of each length; the key of every length is the words
		// joined by one space, as in kinds.
		buf = buf[:0]
		top := 0
		for n := 1; n <= min(g.maxLen, len(lower)-i); n++ {
			if n > 1 {
				buf = append(buf, ' ')
			}
			buf = append(buf, lower[i+n-1]...)
			if n == 1 && one != nil {
				ks[0] = one[i]
			} else {
				ks[n-1] = g.kinds[string(buf)]
			}
			top = n
			if n == 1 && pre != nil {
				if !pre[i] {
					break
				}
				continue
			}
			if _, ok := g.prefixes[string(buf)]; !ok {
				break
			}
		}
		var found Kind
		for n := top; n >= 1; n-- {
			k := ks[n-1] &^ found
			if k == 0 {
				continue
			}
			found |= k
			ebuf = ebuf[:0]
			for j := i; j < i+n; j++ {
				if j > i {
					ebuf = append(ebuf, ' ')
				}
				ebuf = append(ebuf, words[j]...)
			}
			out = append(out, match{i, i + n, k, g.exact[string(ebuf)] & k})
		}
	}
	return out
}
