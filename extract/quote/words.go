package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-events/herald/doc"
)

//go:embed cues.txt
var cuesTxt string

// cue describes one reporting-verb form.
type cue struct {
	lemma string
	form  string // the inflected form
	noun  bool   // base and -s forms are nouns too
	obj   bool   // takes a recipient before its content
	weak  bool   // cognition or evidence verb
}

func (c cue) participle() bool { return strings.HasSuffix(c.form, "ing") }

// ambiguous reports whether this form of a noun-ambiguous verb can be a
// noun (the base and -s forms).
func (c cue) ambiguous() bool {
	return c.noun && !strings.HasSuffix(c.form, "ed") && !strings.HasSuffix(c.form, "ing")
}

// parseCues reads the cue lexicon: lemma, forms, and flags after "|".
func parseCues(src string) (map[string]cue, error) {
	out := map[string]cue{}
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	var errs []string
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		words, flags, _ := strings.Cut(line, "|")
		f := strings.Fields(words)
		if len(f) < 2 || f[0] == "-" {
			errs = append(errs, fmt.Sprintf("cues.txt:%d: want a lemma and its forms", n))
			continue
		}
		lemma, skipBase := strings.CutPrefix(f[0], "-")
		c := cue{lemma: lemma}
		if skipBase {
			f = f[1:]
		}
		for _, fl := range strings.Fields(flags) {
			switch fl {
			case "noun":
				c.noun = true
			case "obj":
				c.obj = true
			case "weak":
				c.weak = true
			default:
				errs = append(errs, fmt.Sprintf("cues.txt:%d: unknown flag %q", n, fl))
			}
		}
		for _, form := range f {
			c.form = form
			out[form] = c
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("quote: %s", strings.Join(errs, "; "))
	}
	return out, nil
}

// Word classes used when the Doc has no part-of-speech tags.
var (
	pronouns = set("he", "she", "they", "it", "we", "i", "you", "who")
	dets     = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "some", "many", "most", "several", "both", "all", "other", "another", "each", "one", "two", "three", "four", "five", "no", "few", "more")
	advAux   = set("also", "has", "have", "had", "is", "was", "were", "are", "been", "be", "will", "would", "could", "should", "may", "might", "can", "did", "does", "do", "not", "n't", "never", "later", "then", "further", "repeatedly", "previously", "recently", "once", "often", "still", "already", "again", "just", "even", "publicly", "privately", "reportedly", "had", "first", "earlier", "now", "always", "frequently", "specifically", "explicitly", "openly", "simply", "apparently", "separately", "quickly", "flatly", "long", "ever", "must", "shall", "'s", "’s", "'d", "’d", "'ve", "’ve", "'ll", "’ll", "n't", "n’t")
	// function words that end a noun phrase read backwards
	stops   = set("that", "which", "when", "while", "because", "as", "if", "but", "or", "and", "so", "than", "in", "on", "at", "for", "with", "by", "from", "after", "before", "during", "to", "into", "about", "over", "under", "since", "until", "against", "through", "between", "among", "without", "within", "where", "whether", "what", "how", "why", "not", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "did", "does", "do", "said", "says", "say", "there", "here", "also", "then", "just", "only", "very", "too", "yet", "however", "although", "though", "even", "like", "unlike", "whose", "whom", "of", "per", "via", "amid", "despite", "toward", "towards", "upon", "across", "around", "behind", "beyond", "near", "off", "out", "up", "down", "Tuesday")
	titleNP = set("mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "prof.", "pres.", "st.", "sgt.", "capt.", "adm.", "mr", "mrs", "ms", "dr", "jr.", "sr.", "u.s.", "u.n.", "u.k.")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// view gives word-level access to a Doc.
type view struct {
	d    *doc.Doc
	low  []string // lower-cased token texts
	tags bool
}

func newView(d *doc.Doc) *view {
	v := &view{d: d, low: make([]string, len(d.Tokens)), tags: d.Has(doc.LayerTags)}
	for i := range d.Tokens {
		v.low[i] = strings.ToLower(d.TokenText(i))
	}
	return v
}

func (v *view) text(i int) string { return v.d.TokenText(i) }

func (v *view) isPunct(i int) bool {
	for _, r := range v.text(i) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func (v *view) isCap(i int) bool {
	r, _ := utf8.DecodeRuneInString(v.text(i))
	return unicode.IsUpper(r)
}

func (v *view) isPossessive(i int) bool {
	w := v.low[i]
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

func (v *view) isPronoun(i int) bool { return pronouns[v.low[i]] }

// isVerbish reports whether token i is a verb or auxiliary by tag, or, with
// no tags, a common auxiliary.
func (v *view) isVerbish(i int) bool {
	if v.tags {
		u := v.d.Tokens[i].UPOS
		return u == "VERB" || u == "AUX"
	}
	return advAux[v.low[i]] && !strings.HasSuffix(v.low[i], "ly")
}

// nominal reports whether token i can be inside a noun phrase.
func (v *view) nominal(i int) bool {
	if v.tags {
		switch v.d.Tokens[i].UPOS {
		case "NOUN", "PROPN", "ADJ", "NUM", "DET", "PRON":
			return !(v.d.Tokens[i].UPOS == "PRON" && !pronouns[v.low[i]] && v.low[i] != "who")
		case "PART":
			return v.isPossessive(i)
		case "PUNCT":
			w := v.low[i]
			return w == "-" || w == "&" || w == "."
		}
		return false
	}
	w := v.low[i]
	if v.isPossessive(i) || titleNP[w] {
		return true
	}
	if v.isPunct(i) {
		return w == "-" || w == "&"
	}
	if stops[w] || stops[strings.ToLower(w)] {
		return false
	}
	if advAux[w] || strings.HasSuffix(w, "ly") && !v.isCap(i) {
		return false
	}
	return true
}
