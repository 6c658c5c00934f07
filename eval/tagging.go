package eval

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/herald-events/herald/conllu"
)

// Tagger tags the words of one sentence (as nlp/tag.Tagger does).
type Tagger interface {
	Tag(words []string, xpos, upos []string)
}

// Lemmatizer gives the lemma of a word with its Penn Treebank tag (as
// nlp/lemma.Lemmatizer does).
type Lemmatizer interface {
	Lemma(word, xpos string) string
}

// TaggingResult counts the words a tagger and lemmatizer got right on a
// CoNLL-U file with gold tokens.
type TaggingResult struct {
	Sentences, Words int
	XPOSCorrect      int // predicted XPOS equals gold XPOS
	UPOSCorrect      int // predicted UPOS equals gold UPOS
	LemmaCorrect     int // lemma from the predicted XPOS equals the gold lemma
	LemmaGoldCorrect int // lemma from the gold XPOS equals the gold lemma
	TagTime          time.Duration
	LemmaTime        time.Duration
	// Confusions counts XPOS errors as "gold->predicted".
	Confusions map[string]int
	// LemmaErrors counts lemma errors (with predicted tags) as
	// "form/XPOS: gold->predicted".
	LemmaErrors map[string]int
}

// XPOS returns the XPOS accuracy in percent.
func (r TaggingResult) XPOS() float64 { return pct(r.XPOSCorrect, r.Words) }

// UPOS returns the UPOS accuracy in percent.
func (r TaggingResult) UPOS() float64 { return pct(r.UPOSCorrect, r.Words) }

// Lemma returns the lemma accuracy in percent, with predicted tags.
func (r TaggingResult) Lemma() float64 { return pct(r.LemmaCorrect, r.Words) }

// LemmaGold returns the lemma accuracy in percent, with gold tags.
func (r TaggingResult) LemmaGold() float64 { return pct(r.LemmaGoldCorrect, r.Words) }

// SentencesPerSecond returns the tagging speed.
func (r TaggingResult) SentencesPerSecond() float64 {
	if r.TagTime <= 0 {
		return 0
	}
	return float64(r.Sentences) / r.TagTime.Seconds()
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Tagging scores tagger (and lemmatizer, when not nil) on the CoNLL-U data
// of r, using its syntactic words as gold tokens. name is used in error
// messages.
func Tagging(r io.Reader, name string, tagger Tagger, lemmatizer Lemmatizer) (TaggingResult, error) {
	sents, err := conllu.Read(r, name)
	if err != nil {
		return TaggingResult{}, err
	}
	return TaggingSentences(sents, tagger, lemmatizer)
}

// TaggingSentences is Tagging on sentences already read.
func TaggingSentences(sents []conllu.Sentence, tagger Tagger, lemmatizer Lemmatizer) (TaggingResult, error) {
	res := TaggingResult{Confusions: map[string]int{}, LemmaErrors: map[string]int{}}
	words := make([][]string, len(sents))
	xpos := make([][]string, len(sents))
	upos := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = make([]string, len(s.Words))
		for j, w := range s.Words {
			words[i][j] = w.Form
		}
		xpos[i] = make([]string, len(s.Words))
		upos[i] = make([]string, len(s.Words))
	}
	// Collect the garbage of reading the data and loading the models now,
	// so that the timing measures tagging alone.
	runtime.GC()
	start := time.Now()
	for i := range sents {
		tagger.Tag(words[i], xpos[i], upos[i])
	}
	res.TagTime = time.Since(start)
	var lemmas, goldLemmas [][]string
	if lemmatizer != nil {
		lemmas = make([][]string, len(sents))
		goldLemmas = make([][]string, len(sents))
		start = time.Now()
		for i, s := range sents {
			lemmas[i] = make([]string, len(s.Words))
			for j, w := range s.Words {
				lemmas[i][j] = lemmatizer.Lemma(w.Form, xpos[i][j])
			}
		}
		res.LemmaTime = time.Since(start)
		for i, s := range sents {
			goldLemmas[i] = make([]string, len(s.Words))
			for j, w := range s.Words {
				goldLemmas[i][j] = lemmatizer.Lemma(w.Form, w.XPOS)
			}
		}
	}
	for i, s := range sents {
		res.Sentences++
		for j, w := range s.Words {
			res.Words++
			if xpos[i][j] == "" {
				return res, fmt.Errorf("eval: sentence %s word %d: tagger gave no XPOS", s.ID, j+1)
			}
			if xpos[i][j] == w.XPOS {
				res.XPOSCorrect++
			} else {
				res.Confusions[w.XPOS+"->"+xpos[i][j]]++
			}
			if upos[i][j] == w.UPOS {
				res.UPOSCorrect++
			}
			if lemmatizer != nil {
				if lemmas[i][j] == w.Lemma {
					res.LemmaCorrect++
				} else {
					res.LemmaErrors[w.Form+"/"+xpos[i][j]+": "+w.Lemma+"->"+lemmas[i][j]]++
				}
				if goldLemmas[i][j] == w.Lemma {
					res.LemmaGoldCorrect++
				}
			}
		}
	}
	return res, nil
}
