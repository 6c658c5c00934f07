package eval

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/herald-events/herald/conllu"
)

// DepParser parses one sentence given its words and tags (as
// nlp/parse.Parser does): heads are 0-based, -1 for the root.
type DepParser interface {
	Parse(words, xpos, upos []string, heads []int, rels []string)
}

// ParsingResult counts the words whose head and relation a tagger and
// parser got right on a CoNLL-U file with gold tokens. Every word counts,
// punctuation included, as in the CoNLL 2018 shared task.
type ParsingResult struct {
	Sentences, Words int
	HeadCorrect      int // UAS numerator
	LabelCorrect     int // head and full relation (with subtype, such as nmod:poss) right
	BaseCorrect      int // head and universal relation (before ":") right
	Time             time.Duration
	// Errors counts relation errors of words with the right head, as
	// "gold->predicted".
	Errors map[string]int
}

// UAS returns the unlabelled attachment score in percent.
func (r ParsingResult) UAS() float64 { return percent(r.HeadCorrect, r.Words) }

// LAS returns the labelled attachment score in percent, on full relations.
func (r ParsingResult) LAS() float64 { return percent(r.LabelCorrect, r.Words) }

// BaseLAS returns the labelled attachment score in percent, on universal
// relations without subtypes.
func (r ParsingResult) BaseLAS() float64 { return percent(r.BaseCorrect, r.Words) }

// SentencesPerSecond returns the speed of tagging and parsing together.
func (r ParsingResult) SentencesPerSecond() float64 {
	if r.Time <= 0 {
		return 0
	}
	return float64(r.Sentences) / r.Time.Seconds()
}

// Parsing scores tagger and parser on the CoNLL-U file at goldPath: the
// gold words are tagged by tagger (when nil, the gold tags are used) and
// parsed by parser, and the trees are compared with the gold ones.
func Parsing(goldPath string, tagger Tagger, parser DepParser) (ParsingResult, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return ParsingResult{}, err
	}
	defer f.Close()
	return ParsingReader(f, goldPath, tagger, parser)
}

// ParsingReader is Parsing on CoNLL-U read from r; name is used in error
// messages.
func ParsingReader(r io.Reader, name string, tagger Tagger, parser DepParser) (ParsingResult, error) {
	sents, err := conllu.Read(r, name)
	if err != nil {
		return ParsingResult{}, err
	}
	return ParsingSentences(sents, tagger, parser)
}

// ParsingSentences is Parsing on sentences already read.
func ParsingSentences(sents []conllu.Sentence, tagger Tagger, parser DepParser) (ParsingResult, error) {
	res := ParsingResult{Errors: map[string]int{}}
	type input struct {
		words, xpos, upos, rels []string
		heads                   []int
	}
	in := make([]input, len(sents))
	for i, s := range sents {
		n := len(s.Words)
		x := input{words: make([]string, n), xpos: make([]string, n), upos: make([]string, n),
			rels: make([]string, n), heads: make([]int, n)}
		for j, w := range s.Words {
			x.words[j] = w.Form
			if tagger == nil {
				x.xpos[j], x.upos[j] = w.XPOS, w.UPOS
			}
		}
		in[i] = x
	}
	start := time.Now()
	for _, x := range in {
		if tagger != nil {
			tagger.Tag(x.words, x.xpos, x.upos)
		}
		parser.Parse(x.words, x.xpos, x.upos, x.heads, x.rels)
	}
	res.Time = time.Since(start)
	for i, s := range sents {
		res.Sentences++
		x := in[i]
		for j, w := range s.Words {
			res.Words++
			h := x.heads[j] + 1 // CoNLL-U numbering, 0 for the root
			if h < 0 || h > len(s.Words) {
				return res, fmt.Errorf("eval: sentence %s word %d: parser gave head %d out of range", s.ID, j+1, x.heads[j])
			}
			if h != w.Head {
				continue
			}
			res.HeadCorrect++
			if x.rels[j] == w.Deprel {
				res.LabelCorrect++
			} else {
				res.Errors[w.Deprel+"->"+x.rels[j]]++
			}
			if baseRel(x.rels[j]) == baseRel(w.Deprel) {
				res.BaseCorrect++
			}
		}
	}
	return res, nil
}

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

func percent(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
