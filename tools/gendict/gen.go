package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// country is one ISO 3166-1 entry as iso-codes publishes it.
type country struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Numeric      string `json:"numeric"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

// row is one line of countries.tsv.
type row struct {
	line      int
	alpha3    string
	extra     bool // not an ISO 3166-1 code ("+" rows)
	code      string
	aliases   []string
	demonyms  []string
	govPlaces []string
}

func parseISO(data []byte) ([]country, error) {
	var doc struct {
		Entries []country `json:"3166-1"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Entries) == 0 {
		return nil, errors.New(`no "3166-1" entries`)
	}
	return doc.Entries, nil
}

func splitList(s string) []string {
	s = strings.TrimSpace(s)
	if s == "-" || s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isCode(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// parseTable reads countries.tsv, collecting every error with its line.
func parseTable(name string, r io.Reader) ([]row, error) {
	var rows []row
	var errs []error
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			errs = append(errs, fmt.Errorf("%s:%d: want 5 tab-separated fields, got %d", name, n, len(f)))
			continue
		}
		rw := row{line: n, alpha3: f[0], code: f[1], aliases: splitList(f[2]), demonyms: splitList(f[3]), govPlaces: splitList(f[4])}
		if strings.HasPrefix(rw.alpha3, "+") {
			rw.extra = true
			rw.alpha3 = rw.alpha3[1:]
			if len(rw.aliases) == 0 {
				errs = append(errs, fmt.Errorf("%s:%d: a + row needs an alias for its primary name", name, n))
			}
		}
		if len(rw.alpha3) != 3 || !isCode(rw.alpha3) {
			errs = append(errs, fmt.Errorf("%s:%d: bad alpha-3 code %q", name, n, rw.alpha3))
		}
		if len(rw.code) != 3 || !isCode(rw.code) {
			errs = append(errs, fmt.Errorf("%s:%d: bad CAMEO country code %q", name, n, rw.code))
		}
		rows = append(rows, rw)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, err)
	}
	return rows, errors.Join(errs...)
}

// fold maps the Latin letters with diacritics found in country names to
// ASCII, for the spelling most English news uses.
var fold = strings.NewReplacer(
	"À", "A", "Á", "A", "Â", "A", "Ã", "A", "Ä", "A", "Å", "A",
	"Ç", "C", "È", "E", "É", "E", "Ê", "E", "Ë", "E",
	"Ì", "I", "Í", "I", "Î", "I", "Ï", "I", "Ñ", "N",
	"Ò", "O", "Ó", "O", "Ô", "O", "Õ", "O", "Ö", "O", "Ø", "O",
	"Ù", "U", "Ú", "U", "Û", "U", "Ü", "U", "Ý", "Y",
)

// phrase turns a name into a dictionary phrase: upper case, words joined
// with "_", ending on a word boundary.
func phrase(name string) string {
	name = strings.Join(strings.Fields(strings.ToUpper(name)), "_")
	return name + "_"
}

// isoNames returns the usable names of an ISO entry: inverted names
// ("Korea, Republic of") are skipped, parentheses split into two names when
// the bracketed part is itself a name.
func isoNames(c country) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, "the ")
		if s == "" || strings.Contains(s, ",") {
			return
		}
		if i := strings.Index(s, "("); i >= 0 {
			j := strings.Index(s, ")")
			if j < i {
				return
			}
			inner := s[i+1 : j]
			outer := strings.Join(strings.Fields(s[:i]+" "+s[j+1:]), " ")
			out = append(out, outer)
			if j == len(s)-1 && capitalized(inner) {
				out = append(out, inner)
			}
			return
		}
		out = append(out, s)
	}
	add(c.CommonName)
	add(c.Name)
	add(c.OfficialName)
	return out
}

func capitalized(s string) bool {
	for _, w := range strings.Fields(s) {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return s != ""
}

// plural gives the regular plural of a demonym, or "" when it has none.
func plural(d string) string {
	u := strings.ToUpper(d)
	for _, suf := range []string{"ESE", "SH", "CH", "S", "X", "Z", "MEN", "I-KIRIBATI", "NI-VANUATU", "BASOTHO", "MOSOTHO", "MOTSWANA", "BATSWANA", "KHMER", "LAO"} {
		if strings.HasSuffix(u, suf) {
			return ""
		}
	}
	if strings.HasSuffix(u, "MAN") {
		return d[:len(d)-3] + "men"
	}
	return d + "s"
}

type entry struct {
	primary  string
	synonyms []string
	code     string
	comment  string
}

// generate builds the dictionary text. It fails when an ISO code has no row,
// a row names an unknown code, or one phrase would get two codes.
func generate(countries []country, rows []row) (string, error) {
	var errs []error
	byCode := map[string]country{}
	for _, c := range countries {
		byCode[c.Alpha3] = c
	}
	rowOf := map[string]row{}
	for _, r := range rows {
		if _, dup := rowOf[r.alpha3]; dup {
			errs = append(errs, fmt.Errorf("countries.tsv:%d: second row for %s", r.line, r.alpha3))
		}
		rowOf[r.alpha3] = r
		if _, ok := byCode[r.alpha3]; !ok && !r.extra {
			errs = append(errs, fmt.Errorf("countries.tsv:%d: %s is not an ISO 3166-1 code (mark extra rows with +)", r.line, r.alpha3))
		}
	}
	codes := make([]string, 0, len(byCode))
	for code := range byCode {
		if _, ok := rowOf[code]; !ok {
			errs = append(errs, fmt.Errorf("countries.tsv: no row for %s (%s)", code, byCode[code].Name))
		}
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, r := range rows {
		if r.extra {
			codes = append(codes, r.alpha3)
		}
	}
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}

	owner := map[string]string{} // phrase -> code
	var entries []entry
	for _, a3 := range codes {
		r := rowOf[a3]
		c, inISO := byCode[a3]
		var names []string
		comment := ""
		if inISO {
			comment = fmt.Sprintf("%s %s %s: %s", c.Alpha2, c.Alpha3, c.Numeric, c.Name)
			names = isoNames(c)
		} else {
			comment = fmt.Sprintf("%s: not in ISO 3166-1", a3)
		}
		drop := map[string]bool{}
		for _, a := range r.aliases {
			if strings.HasPrefix(a, "!") {
				drop[phrase(a[1:])] = true
			} else {
				names = append(names, a)
			}
		}
		for _, d := range r.demonyms {
			names = append(names, d)
			if p := plural(d); p != "" {
				names = append(names, p)
			}
		}
		country := entry{code: r.code, comment: comment}
		gov := entry{code: r.code + "GOV"}
		fill := func(e *entry, list []string) {
			seen := map[string]bool{}
			for _, n := range list {
				for _, p := range []string{phrase(n), phrase(fold.Replace(strings.ToUpper(n)))} {
					if seen[p] || drop[p] {
						continue
					}
					seen[p] = true
					if prev, ok := owner[p]; ok && prev != e.code {
						errs = append(errs, fmt.Errorf("%s: phrase %s is both %s and %s", a3, p, prev, e.code))
						continue
					}
					owner[p] = e.code
					if e.primary == "" {
						e.primary = p
					} else {
						e.synonyms = append(e.synonyms, p)
					}
				}
			}
		}
		fill(&country, names)
		if country.primary == "" {
			errs = append(errs, fmt.Errorf("%s: no usable name", a3))
			continue
		}
		entries = append(entries, country)
		if len(r.govPlaces) > 0 {
			fill(&gov, r.govPlaces)
			gov.comment = "seat of government of " + strings.ReplaceAll(strings.TrimSuffix(country.primary, "_"), "_", " ")
			entries = append(entries, gov)
		}
	}
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}
	var b strings.Builder
	b.WriteString(header)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s  [%s]  # %s\n", e.primary, e.code, e.comment)
		for _, s := range e.synonyms {
			fmt.Fprintf(&b, "+%s\n", s)
		}
	}
	return b.String(), nil
}

const header = `# Herald country actors: generated by tools/gendict; do not edit by hand.
# Edit tools/gendict/countries.tsv and run "go generate ./dict/herald".
#
# Names, official names, common names and alpha-3 codes come from Debian's
# iso-codes (ISO 3166-1 JSON, LGPL-2.1; the facts themselves are not
# copyrightable). Aliases, demonyms and seats of government are Herald's own
# (CC BY 4.0). See NOTICE.
#
# Format: TABARI/PETRARCH actors. Each entry is a primary phrase with its
# [CODE], then "+" synonyms. Words join with "_"; a trailing "_"
# ends the phrase on a word boundary. Seats of government ("Tehran", "the
# Kremlin") are coded as the country's government (IRNGOV, RUSGOV).

`
