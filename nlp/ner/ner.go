package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/nlp/cluster"
)

// Mention is a named-entity mention: the tokens [Start, End) of a sentence
// and the entity type.
type Mention struct {
	Start, End int
	Label      string // PER, ORG, LOC, GPE or NORP
}

// Recognizer finds named entities in tokenised, tagged sentences. It is
// safe for concurrent use.
type Recognizer struct {
	m     *model
	g     *Gazetteer
	cache sync.Pool // *rowCache
}

//go:embed model/ner.model.gz
var embeddedModel []byte

var (
	embeddedOnce sync.Once
	embeddedRec  *Recognizer
	embeddedErr  error
)

// New returns the recognizer with the model shipped in the package. The
// model is decoded once, on the first call.
func New() (*Recognizer, error) {
	embeddedOnce.Do(func() {
		embeddedRec, embeddedErr = Load(bytes.NewReader(embeddedModel))
	})
	return embeddedRec, embeddedErr
}

// Load reads a model written by WriteModel.
func Load(r io.Reader) (*Recognizer, error) {
	m, err := decode(r)
	if err != nil {
		return nil, err
	}
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	cluster.Default() // decode the word clusters the features read now, not in the first sentence
	return &Recognizer{m: m, g: g}, nil
}

// WriteModel writes the recognizer's model in compact binary form.
func (r *Recognizer) WriteModel(w io.Writer) error { return r.m.encode(w) }

// Gazetteer returns the recognizer's name tables.
func (r *Recognizer) Gazetteer() *Gazetteer { return r.g }

// Tag returns the IOB2 tags (PER, ORG, LOC as in the training data) that the
// statistical model gives the words of one sentence. xpos holds their Penn
// Treebank tags and may be nil.
func (r *Recognizer) Tag(words, xpos []string) []string {
	best, _ := r.tag(words, xpos)
	out := make([]string, len(words))
	for i, t := range best {
		out[i] = r.m.tags[t]
	}
	return out
}

// tag returns the indexes of the IOB2 tags of Tag and the sentence its
// features were read from.
func (r *Recognizer) tag(words, xpos []string) ([]int, *sentence) {
	if len(xpos) != len(words) {
		xpos = nil
	}
	nt := len(r.m.tags)
	c, _ := r.cache.Get().(*rowCache)
	if c == nil {
		c = newRowCache(nt)
	}
	s := r.m.prepareCached(r.g, words, xpos, c)
	sc := r.emissions(s, c)
	best := viterbiIn(nt, len(words), sc, r.m.trans, r.m.allowed, &c.vit)
	r.cache.Put(c)
	return best, s
}

// emissions returns the scores of every tag for every word of s (word by
// word), summing the features of each word alone through c. The scores
// live in c until its next use.
func (r *Recognizer) emissions(s *sentence, c *rowCache) []float32 {
	nt := len(r.m.tags)
	c.sc = grow(c.sc, len(s.words)*nt) // every row is written whole below
	sc := c.sc
	for i, w := range s.words {
		row := sc[i*nt : (i+1)*nt]
		// The features of the word alone come first: their partial sum,
		// added in the same order from zero, is the same float32 value
		// whenever the word comes back, so a word in the cache needs
		// only its context features.
		own, ok := c.cached(w)
		if !ok {
			c.keys = s.ownKeys(i, c.keys[:0])
			own = c.prefix(r.m, w, c.keys)
		}
		copy(row, own)
		c.keys = s.contextKeys(r.g, i, c.keys[:0])
		r.m.addRows(c.keys, row)
	}
	return sc
}

// rowCacheSize is the number of words a rowCache holds. On one pass over
// the Reuters sample (89,913 tokens) 2048 slots miss 25% of the words,
// 8192 16% (most of them first sightings); a cache takes ~1.1 MB.
const rowCacheSize = 8192

// rowCache holds, for recently seen words, the scores of the features of
// the word alone (the first ones features writes), and scratch space.
type rowCache struct {
	nt   int
	word [rowCacheSize]string // "" is an empty slot
	sum  []float32            // rowCacheSize * nt
	keys []uint64
	// infoWord and infos hold what prepare reads of recently seen words
	// (model.info), in slots of their own.
	infoWord [rowCacheSize]string // "" is an empty slot
	infos    [rowCacheSize]wordInfo
	// scratch of tag: the emission scores and Viterbi's tables
	sc  []float32
	vit viterbiScratch
}

// info returns m.info(g, word), from the cache if it holds the word.
func (c *rowCache) info(m *model, g *Gazetteer, word string) wordInfo {
	if word == "" {
		return m.info(g, word)
	}
	slot := c.slot(word)
	if c.infoWord[slot] == word {
		return c.infos[slot]
	}
	in := m.info(g, word)
	key := strings.Clone(word)
	if in.lower == word {
		in.lower = key // not the caller's memory
	}
	c.infoWord[slot], c.infos[slot] = key, in
	return in
}

func newRowCache(nt int) *rowCache {
	return &rowCache{nt: nt, sum: make([]float32, rowCacheSize*nt)}
}

// slot returns the cache slot of word.
func (c *rowCache) slot(word string) int {
	return int(mix(uint64(newHash(0).str(word))) & (rowCacheSize - 1))
}

// cached returns the scores of the features of word alone if the cache
// holds them.
func (c *rowCache) cached(word string) ([]float32, bool) {
	slot := c.slot(word)
	if word == "" || c.word[slot] != word {
		return nil, false
	}
	return c.sum[slot*c.nt : (slot+1)*c.nt], true
}

// prefix returns the scores of keys, the features of word alone.
func (c *rowCache) prefix(m *model, word string, keys []uint64) []float32 {
	slot := c.slot(word)
	row := c.sum[slot*c.nt : (slot+1)*c.nt]
	if word != "" && c.word[slot] == word {
		return row
	}
	m.scoreRow(keys, row)
	if word != "" {
		c.word[slot] = strings.Clone(word)
	}
	return row
}

// Recognize returns the entity mentions of one sentence, in order. xpos
// holds the Penn Treebank tags of the words and may be nil. It is
// RecognizeDoc on a document of one sentence.
func (r *Recognizer) Recognize(words, xpos []string) []Mention {
	return r.RecognizeDoc([][]string{words}, [][]string{xpos})[0]
}

// RecognizeDoc returns the entity mentions of each sentence of one
// document, in order. xpos[i] holds the Penn Treebank tags of sents[i] and
// may be nil (as may xpos).
//
// The statistical model labels each sentence; then a capitalised name that
// the model marked somewhere in the document is marked with the same label
// where the model left it out (one sense per discourse); titles and
// honorifics are cut from the front of person names; places that the
// gazetteers know as countries, states or cities are labelled GPE rather
// than LOC; and nationality or group words outside other mentions
// (French, Muslims, Republicans) become NORP mentions.
func (r *Recognizer) RecognizeDoc(sents [][]string, xpos [][]string) [][]Mention {
	raw := make([][]Mention, len(sents))
	prep := make([]*sentence, len(sents))
	seen := map[string]string{}
	var tags []string
	for i, words := range sents {
		var x []string
		if i < len(xpos) {
			x = xpos[i]
		}
		var best []int
		best, prep[i] = r.tag(words, x)
		tags = tags[:0]
		for _, t := range best {
			tags = append(tags, r.m.tags[t])
		}
		raw[i] = Spans(tags)
		for _, m := range raw[i] {
			remember(seen, words, m)
		}
	}
	out := make([][]Mention, len(sents))
	for i, words := range sents {
		ms := raw[i]
		if len(seen) > 0 {
			ms = propagate(words, ms, seen)
		}
		ms = r.lowerCountries(words, prep[i].lower, prep[i].class, ms)
		ms = r.extend(words, prep[i].gaz, ms)
		out[i] = r.refine(words, prep[i].one, ms)
	}
	return out
}

// placeQualifiers are words that begin place names (South Vietnam, Greater
// London) and so never end a place of their own before another.
var placeQualifiers = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "upper": true, "lower": true, "new": true,
	"greater": true, "old": true, "little": true, "great": true, "st.": true, "saint": true, "san": true,
	"santa": true, "los": true, "las": true, "el": true, "la": true, "le": true, "de": true, "of": true,
	"the": true, "and": true, "-": true, "fort": true, "mount": true, "port": true, "lake": true,
}

// remember records in seen the name of mention m of words, and for a
// person's full name its last word (the surname) as well.
func remember(seen map[string]string, words []string, m Mention) {
	if !capitalized(words[m.Start]) {
		return
	}
	key := strings.Join(words[m.Start:m.End], " ")
	if _, ok := seen[key]; !ok {
		seen[key] = m.Label
	}
	if m.Label == "PER" && m.End-m.Start >= 2 {
		last := words[m.End-1]
		if _, ok := seen[last]; !ok && capitalized(last) && len(last) > 2 && !strings.HasSuffix(last, ".") {
			seen[last] = "PER"
		}
	}
}

// maxPropagate is the longest name, in tokens, that RecognizeDoc carries
// from one place of a document to another.
const maxPropagate = 4

// propagate adds to ms, the mentions of words, the capitalised word
// sequences outside them that seen (name -> label) knows, and returns them
// in order. A sequence followed by another capitalised word is left alone:
// it is likely part of a longer name.
func propagate(words []string, ms []Mention, seen map[string]string) []Mention {
	taken := make([]bool, len(words))
	for _, m := range ms {
		for i := m.Start; i < m.End; i++ {
			taken[i] = true
		}
	}
	added := false
	for i := 0; i < len(words); i++ {
		if taken[i] || !capitalized(words[i]) || (i > 0 && !taken[i-1] && capitalized(words[i-1])) {
			continue
		}
		for n := min(maxPropagate, len(words)-i); n >= 1; n-- {
			free := true
			for j := i; j < i+n; j++ {
				free = free && !taken[j]
			}
			if !free || (i+n < len(words) && capitalized(words[i+n])) {
				continue
			}
			if l, ok := seen[strings.Join(words[i:i+n], " ")]; ok {
				ms = append(ms, Mention{i, i + n, l})
				for j := i; j < i+n; j++ {
					taken[j] = true
				}
				added = true
				break
			}
		}
	}
	if added {
		sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
	return ms
}

// refine applies the label rules of RecognizeDoc to the model's mentions
// of one sentence. one holds the gazetteer classes of each word matched
// regardless of case (sentence.one).
func (r *Recognizer) refine(words []string, one []Kind, ms []Mention) []Mention {
	out := make([]Mention, 0, len(ms))
	next := 0
	norp := func(from, to int) {
		for i := from; i < to; i++ {
			// A name of several capitalised words that the gazetteers
			// know, exactly as written, as an organisation or a place
			// ("European Union" before "foreign ministers") is one,
			// rather than a nationality followed by other words.
			if n, label := r.gazetteerName(words, i, to); n > 0 {
				out = append(out, Mention{i, i + n, label})
				i += n - 1
				continue
			}
			// one[i] is the first result of Lookup(words[i:i+1]); the
			// second is looked up only for the few words it allows.
			if one[i]&KindNORP == 0 {
				continue
			}
			if _, ex := r.g.Lookup(words[i : i+1]); ex&KindNORP != 0 {
				out = append(out, Mention{i, i + 1, "NORP"})
			}
		}
	}
	for _, m := range ms {
		// Quotes, brackets and other marks at the edges are not part of
		// a name.
		for m.End-m.Start > 1 && !hasAlnum(words[m.Start]) {
			m.Start++
		}
		for m.End-m.Start > 1 && !hasAlnum(words[m.End-1]) {
			m.End--
		}
		// Titles and honorifics are not part of a person's name.
		for m.Label == "PER" && m.End-m.Start > 1 {
			if k, _ := r.g.Lookup(words[m.Start : m.Start+1]); k&KindTitle == 0 {
				break
			}
			m.Start++
		}
		// Days and months at the edges are not part of a name (New York
		// May, Fallujah Wednesday).
		for m.End-m.Start > 1 {
			if k, ex := r.g.Lookup(words[m.End-1 : m.End]); k&KindCalendar != 0 && ex&KindCalendar != 0 {
				m.End--
				continue
			}
			if k, ex := r.g.Lookup(words[m.Start : m.Start+1]); k&KindCalendar != 0 && ex&KindCalendar != 0 {
				m.Start++
				continue
			}
			break
		}
		// A mention made only of days and months, titles or company
		// suffixes ("July", "Inc.", "MD") is no name; a lone nationality
		// word is NORP.
		if only(r.g, words[m.Start:m.End], KindCalendar|KindTitle|KindOrgSuffix) && m.Label != "PER" {
			continue
		}
		if m.End-m.Start == 1 {
			if k, ex := r.g.Lookup(words[m.Start:m.End]); ex&KindNORP != 0 && k&(KindCountry|KindPlace|KindOrg) == 0 {
				continue // left to the NORP pass
			}
		}
		// A place or organisation whose first word is a given name and
		// whose second is capitalised is a person (lists of names).
		if m.Label != "PER" && m.End-m.Start == 2 && capitalized(words[m.Start+1]) {
			if k, ex := r.g.Lookup(words[m.Start : m.Start+1]); ex&KindFirstName != 0 && k&^KindFirstName == 0 {
				if whole, _ := r.g.Lookup(words[m.Start:m.End]); whole == 0 {
					m.Label = "PER"
				}
			}
		}
		// A name the gazetteers know as one kind only takes that kind.
		switch k, ex := r.g.Lookup(words[m.Start:m.End]); {
		case ex&KindCountry != 0 && ex&KindOrg == 0:
			m.Label = "LOC"
		case ex&KindOrg != 0 && k&(KindCountry|KindPlace|KindRegion|KindFirstName) == 0:
			m.Label = "ORG"
		}
		// "Miramar California", "Lyon France": a place followed by the
		// state or country it lies in is two mentions.
		if m.Label == "LOC" && m.End-m.Start >= 2 {
			if whole, _ := r.g.Lookup(words[m.Start:m.End]); whole == 0 {
				for k := m.Start + 1; k < m.End; k++ {
					if tail, _ := r.g.Lookup(words[k:m.End]); tail&(KindCountry|KindPlace) != 0 && !placeQualifiers[strings.ToLower(words[k-1])] {
						head := Mention{m.Start, k, "LOC"}
						if hk, _ := r.g.Lookup(words[head.Start:head.End]); hk&(KindCountry|KindPlace) != 0 {
							head.Label = "GPE"
						}
						norp(next, head.Start)
						out = append(out, head)
						next = k
						m.Start = k
						break
					}
				}
			}
		}
		norp(next, m.Start)
		next = m.End
		if m.Label == "LOC" {
			if k, _ := r.g.Lookup(words[m.Start:m.End]); k&(KindCountry|KindPlace) != 0 {
				m.Label = "GPE"
			}
		}
		out = append(out, m)
	}
	norp(next, len(words))
	return out
}

// maxGazetteerWords bounds the length of the names gazetteerName tries.
const maxGazetteerWords = 5

// gazetteerName returns the length and label of the longest name of at
// least two capitalised words starting at words[i] and ending before to
// that the gazetteers hold exactly as written as an organisation (ORG) or
// a country or place (GPE), and 0 when there is none.
func (r *Recognizer) gazetteerName(words []string, i, to int) (int, string) {
	if i+1 >= to || !capitalized(words[i]) || !capitalized(words[i+1]) {
		return 0, ""
	}
	for n := min(maxGazetteerWords, to-i); n >= 2; n-- {
		if !capitalized(words[i+n-1]) {
			continue
		}
		switch _, ex := r.g.Lookup(words[i : i+n]); {
		case ex&KindOrg != 0:
			return n, "ORG"
		case ex&(KindCountry|KindPlace) != 0:
			return n, "GPE"
		}
	}
	return 0, ""
}

// Coarse maps a mention label to the three types of Universal NER (PER,
// ORG, LOC): GPE becomes LOC, and NORP, which Universal NER does not mark,
// reports false.
func Coarse(label string) (string, bool) {
	switch label {
	case "GPE":
		return "LOC", true
	case "NORP":
		return "", false
	}
	return label, true
}

// Stage returns the pipeline stage that fills doc.Ents from the tokens,
// sentences and tags of a Doc.
func (r *Recognizer) Stage() *Stage { return &Stage{r: r} }

// Stage is the named-entity stage of a pipeline.
type Stage struct{ r *Recognizer }

// Name returns "ner".
func (s *Stage) Name() string { return "ner" }

// Requires returns the tokens, sentences and tags layers.
func (s *Stage) Requires() doc.Layer {
	return doc.LayerTokens | doc.LayerSentences | doc.LayerTags
}

// Provides returns the entities layer.
func (s *Stage) Provides() doc.Layer { return doc.LayerEntities }

// Process replaces d.Ents with the mentions found in the sentences of d,
// read as one document.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sents := make([][]string, len(d.Sents))
	xpos := make([][]string, len(d.Sents))
	n := 0
	for si, sp := range d.Sents {
		if sp.Start < 0 || sp.End > int32(len(d.Tokens)) || sp.Start > sp.End {
			return fmt.Errorf("sentence %d has bad token range [%d,%d)", si, sp.Start, sp.End)
		}
		n += sp.Len()
	}
	// The words and tags of every sentence, in two arrays.
	words, tags := make([]string, 0, n), make([]string, 0, n)
	for si, sp := range d.Sents {
		from := len(words)
		for i := sp.Start; i < sp.End; i++ {
			words = append(words, d.TokenText(int(i)))
			tags = append(tags, d.Tokens[i].Tag)
		}
		if len(words) > from {
			sents[si], xpos[si] = words[from:len(words):len(words)], tags[from:len(tags):len(tags)]
		}
	}
	d.Ents = d.Ents[:0]
	for si, ms := range s.r.RecognizeDoc(sents, xpos) {
		base := d.Sents[si].Start
		for _, m := range ms {
			d.Ents = append(d.Ents, doc.Entity{
				Span:  doc.Span{Start: base + int32(m.Start), End: base + int32(m.End)},
				Label: m.Label,
			})
		}
	}
	d.Mark(doc.LayerEntities)
	return nil
}

// hasCase reports whether strings.ToUpper changes w.
func hasCase(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return strings.ToUpper(w) != w
		}
		if 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

func hasAlnum(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// only reports whether every word of ws is written exactly as a
// gazetteer entry of the classes kinds.
func only(g *Gazetteer, ws []string, kinds Kind) bool {
	for i := range ws {
		if _, ex := g.Lookup(ws[i : i+1]); ex&kinds == 0 {
			return false
		}
	}
	return len(ws) > 0
}

// lowerCountries adds to ms the country names written in lower case
// (vietnam, south korea) outside other mentions, when the treebank that
// built the word classes always capitalises their last word (so not turkey
// or chad), and returns them in order. lower holds the words in lower
// case, and class their word classes (classOf) or nil.
func (r *Recognizer) lowerCountries(words, lower, class []string, ms []Mention) []Mention {
	var taken []bool
	added := false
	// c3[j]: the word class of word j says it is always capitalised;
	// low[j]: word j is written in lower case and has a cased letter.
	c3 := make([]bool, len(words))
	low := make([]bool, len(words))
	for j, w := range words {
		if class != nil {
			c3[j] = strings.Contains(class[j], "c3")
		} else {
			c3[j] = strings.Contains(r.m.classOf(lower[j]), "c3")
		}
		low[j] = w == lower[j] && hasCase(lower[j])
	}
	for i := 0; i < len(words); i++ {
		for n := min(r.g.maxLen, len(words)-i); n >= 1; n-- {
			ok := c3[i+n-1]
			for j := i; j < i+n && ok; j++ {
				ok = low[j]
			}
			if !ok {
				continue
			}
			if k, _ := r.g.Lookup(words[i : i+n]); k&KindCountry == 0 {
				continue
			}
			if taken == nil {
				taken = make([]bool, len(words))
				for _, m := range ms {
					for t := m.Start; t < m.End; t++ {
						taken[t] = true
					}
				}
			}
			free := true
			for j := i; j < i+n; j++ {
				free = free && !taken[j]
			}
			if !free {
				continue
			}
			ms = append(ms, Mention{i, i + n, "LOC"})
			for j := i; j < i+n; j++ {
				taken[j] = true
			}
			added = true
			i += n - 1
			break
		}
	}
	if added {
		sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	}
	return ms
}

// extend widens a mention to the longest name written exactly so in the
// gazetteers (a country, place, region or organisation) that holds it and
// overlaps no other mention and begins with a capital: "Mexico" in "Gulf of
// Mexico".
// gaz holds the gazetteer matches of words.
func (r *Recognizer) extend(words []string, gaz []match, ms []Mention) []Mention {
	if len(ms) == 0 {
		return ms
	}
	const kinds = KindCountry | KindPlace | KindRegion | KindOrg
	var best []match
	for _, g := range gaz {
		if g.exact&kinds != 0 && g.end-g.start >= 2 && capitalized(words[g.start]) {
			best = append(best, g)
		}
	}
	if len(best) == 0 {
		return ms
	}
	for mi := range ms {
		m := &ms[mi]
		for _, g := range best {
			if g.start > m.Start || g.end < m.End || g.end-g.start <= m.End-m.Start {
				continue
			}
			free := true
			for oi, o := range ms {
				if oi != mi && o.Start < g.end && g.start < o.End {
					free = false
				}
			}
			if !free {
				continue
			}
			m.Start, m.End = g.start, g.end
			if g.exact&(KindCountry|KindPlace|KindRegion) != 0 {
				m.Label = "LOC"
			} else {
				m.Label = "ORG"
			}
		}
	}
	return ms
}
