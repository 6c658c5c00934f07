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

	"github.com/herald-events/herald/doc"
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
	m *model
	g *Gazetteer
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
	if len(xpos) != len(words) {
		xpos = nil
	}
	s := r.m.prepare(r.g, words, xpos)
	nt := len(r.m.tags)
	sc := make([]float32, len(words)*nt)
	feats := make([][]uint64, len(words))
	var buf []uint64
	for i := range words {
		buf = s.features(r.g, i, buf[:0])
		feats[i] = buf
		r.m.scores(feats[i:i+1], sc[i*nt:(i+1)*nt])
	}
	best := viterbi(nt, len(words), sc, r.m.trans, r.m.allowed)
	out := make([]string, len(words))
	for i, t := range best {
		out[i] = r.m.tags[t]
	}
	return out
}

// Recognize returns the entity mentions of one sentence, in order. xpos
// holds the Penn Treebank tags of the words and may be nil. Places that the
// gazetteers know as countries, states or cities are labelled GPE rather than
// LOC, and nationality or group words outside other mentions (French,
// Muslims, Republicans) are NORP mentions.
func (r *Recognizer) Recognize(words, xpos []string) []Mention {
	ms := Spans(r.Tag(words, xpos))
	out := make([]Mention, 0, len(ms))
	next := 0
	for _, m := range ms {
		// Titles and honorifics are not part of a person's name.
		for m.Label == "PER" && m.End-m.Start > 1 {
			if k, _ := r.g.Lookup(words[m.Start : m.Start+1]); k&KindTitle == 0 {
				break
			}
			m.Start++
		}
		for i := next; i < m.Start; i++ {
			if k, ex := r.g.Lookup(words[i : i+1]); k&KindNORP != 0 && ex&KindNORP != 0 {
				out = append(out, Mention{i, i + 1, "NORP"})
			}
		}
		next = m.End
		if m.Label == "LOC" {
			if k, _ := r.g.Lookup(words[m.Start:m.End]); k&(KindCountry|KindPlace) != 0 {
				m.Label = "GPE"
			}
		}
		out = append(out, m)
	}
	for i := next; i < len(words); i++ {
		if k, ex := r.g.Lookup(words[i : i+1]); k&KindNORP != 0 && ex&KindNORP != 0 {
			out = append(out, Mention{i, i + 1, "NORP"})
		}
	}
	return out
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

// Process replaces d.Ents with the mentions found in each sentence.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	d.Ents = d.Ents[:0]
	var words, xpos []string
	for si, sp := range d.Sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sp.Start < 0 || sp.End > int32(len(d.Tokens)) || sp.Start > sp.End {
			return fmt.Errorf("sentence %d has bad token range [%d,%d)", si, sp.Start, sp.End)
		}
		words, xpos = words[:0], xpos[:0]
		for i := sp.Start; i < sp.End; i++ {
			words = append(words, d.TokenText(int(i)))
			xpos = append(xpos, d.Tokens[i].Tag)
		}
		for _, m := range s.r.Recognize(words, xpos) {
			d.Ents = append(d.Ents, doc.Entity{
				Span:  doc.Span{Start: sp.Start + int32(m.Start), End: sp.Start + int32(m.End)},
				Label: m.Label,
			})
		}
	}
	d.Mark(doc.LayerEntities)
	return nil
}

// addGazetteer adds, to the mentions ms of words, the capitalised names the
// gazetteers know (countries, places, regions, organisations) that overlap
// no mention.
func (r *Recognizer) addGazetteer(words []string, ms []Mention) []Mention {
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	taken := make([]bool, len(words))
	for _, m := range ms {
		for i := m.Start; i < m.End; i++ {
			taken[i] = true
		}
	}
	for _, g := range r.g.matches(lower, words) {
		var label string
		switch {
		case g.exact&(KindCountry|KindPlace|KindRegion) != 0:
			label = "LOC"
		case g.exact&KindOrg != 0:
			label = "ORG"
		default:
			continue
		}
		if !capitalized(words[g.start]) {
			continue
		}
		free := true
		for i := g.start; i < g.end; i++ {
			free = free && !taken[i]
		}
		if !free {
			continue
		}
		for i := g.start; i < g.end; i++ {
			taken[i] = true
		}
		ms = append(ms, Mention{g.start, g.end, label})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}
