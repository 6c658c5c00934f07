package parse

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/herald-events/herald/nlp/tag"
)

// Supertags. Before parsing, a sequence tagger (an nlp/tag model trained
// on trees instead of parts of speech) gives every word a dependency
// supertag: the side its head is on, its relation and the sides it has
// dependents on ("Rnsubj": a subject whose head is to its right, with no
// dependents; "0root<>": the root, with dependents on both sides; see
// Supertags). The tagger reads the whole sentence, words to the right
// included, before the parser commits to anything. The parser's move and
// label features read the supertags of the words on the stack and the
// buffer (Ouchi, Duh and Matsumoto 2014, "Improving Dependency Parsers
// with Supertags").

//go:embed model/supertagger.bin.gz
var embeddedSupertagger []byte

// superUPOS is the UPOS column of supertagger examples: the tagger predicts
// (XPOS, UPOS) pairs and supertags need only one.
const superUPOS = "X"

// Supertags returns the supertag of each word of a tree given its heads
// (0-based, -1 for the root) and relations: "L" when the head is to the
// left, "R" when it is to the right, "0" for the root, then the relation,
// then "<" when the word has dependents on its left and ">" when it has
// some on its right.
func Supertags(heads []int, rels []string) []string {
	left := make([]bool, len(heads))
	right := make([]bool, len(heads))
	for i, h := range heads {
		switch {
		case h < 0 || h >= len(heads):
		case h < i:
			right[h] = true
		default:
			left[h] = true
		}
	}
	out := make([]string, len(heads))
	for i, h := range heads {
		side := "R"
		switch {
		case h < 0:
			side = "0"
		case h < i:
			side = "L"
		}
		st := side + rels[i]
		if left[i] {
			st += "<"
		}
		if right[i] {
			st += ">"
		}
		out[i] = st
	}
	return out
}

// Settings of the supertagger. SupertagPrune is the tag.TrainOptions.Prune
// that "herald train parse" trains it with: on EWT dev, dropping the
// weights below 1 halves the model and changes nothing measurable. A word
// whose first-pass supertag leads the next best by SupertagSureMargin keeps
// it without the second pass (tag.Tagger.WithSureMargin), at run time; the
// training supertags are jackknifed with the narrower
// JackknifeSureMargin, so that the parser learns from supertags a little
// noisier than those it gets. Measured on EWT dev (three models, parser
// pruned at 1.5): margins 5 in training and 10 at run time give UAS 86.32,
// LAS 83.12, against 86.17 / 83.02 with 5 at both and 86.48 / 83.27 with
// 20 at run time; each step down in the run-time margin makes tagging and
// parsing about 10% faster. With the shipped parser (pruned at 1.95): 10
// gives 86.34 / 83.14, 15 gives 86.49 / 83.29, 20 gives 86.43 / 83.22,
// 30 gives 86.40 / 83.20; 15, the run-time margin, costs about 2% of
// herald run's speed against 10 (medians of interleaved runs).
const (
	SupertagPrune       = 1.0
	SupertagSureMargin  = 15
	JackknifeSureMargin = 5
)

// minSupertag is how often a supertag must occur in training to be kept
// whole; rarer ones lose their dependent marks (< and >).
const minSupertag = 5

// TrainSupertagger trains the supertagger of data's trees and fills each
// sentence's ST with jackknifed supertags: the sentences are dealt into
// folds (sentence i to fold i mod folds) and each fold is tagged by a
// supertagger trained on the others (run with JackknifeSureMargin), so
// that the parser learns from supertags as noisy as those it gets on new
// text. It returns the supertagger trained on all of data, run with
// SupertagSureMargin. Two folds are trained at a time; the
// result does not depend on the order they finish in.
func TrainSupertagger(data []Sentence, folds int, opt tag.TrainOptions) (*tag.Tagger, error) {
	if folds < 2 {
		return nil, errors.New("parse: supertagger needs at least 2 folds")
	}
	ex := make([]tag.Example, len(data))
	count := map[string]int{}
	for i, s := range data {
		if len(s.Heads) != len(s.Words) || len(s.Rels) != len(s.Words) {
			return nil, fmt.Errorf("parse: sentence %d: %d words, %d heads, %d relations", i+1, len(s.Words), len(s.Heads), len(s.Rels))
		}
		u := make([]string, len(s.Words))
		for j := range u {
			u[j] = superUPOS
		}
		ex[i] = tag.Example{Words: s.Words, Aux: auxTags(s.XPOS, len(s.Words)), XPOS: Supertags(s.Heads, s.Rels), UPOS: u}
		for _, st := range ex[i].XPOS {
			count[st]++
		}
	}
	for _, e := range ex {
		for j, st := range e.XPOS {
			if count[st] < minSupertag {
				e.XPOS[j] = strings.TrimRight(st, "<>")
			}
		}
	}
	taggers := make([]*tag.Tagger, folds+1)
	errs := make([]error, folds+1)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := 0; f <= folds; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var tr []tag.Example
			for i, e := range ex {
				if f == folds || i%folds != f {
					tr = append(tr, e)
				}
			}
			t, err := tag.Train(tr, opt)
			if err == nil {
				t = t.WithSureMargin(JackknifeSureMargin)
			}
			taggers[f], errs[f] = t, err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i := range data {
		n := len(data[i].Words)
		st, u := make([]string, n), make([]string, n)
		taggers[i%folds].TagAux(ex[i].Words, ex[i].Aux, st, u)
		data[i].ST = st
	}
	return taggers[folds].WithSureMargin(SupertagSureMargin), nil
}

// WithSupertagger returns a parser with p's model that supertags each
// sentence with t before parsing it (unless supertags are given).
func (p *Parser) WithSupertagger(t *tag.Tagger) *Parser {
	q := p.WithBeam(p.beam)
	q.super = t
	return q
}

// Supertagger returns the supertagger of p (nil for none).
func (p *Parser) Supertagger() *tag.Tagger { return p.super }

// LoadWithSupertagger reads a parser model (from WriteModel) and the
// supertagger it was trained with (a tag model from TrainSupertagger).
func LoadWithSupertagger(model, supertagger io.Reader) (*Parser, error) {
	// The two models are decoded at the same time (about 0.1 and 0.3 s on
	// one core).
	var t *tag.Tagger
	var terr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		t, terr = tag.Load(supertagger)
	}()
	p, err := Load(model)
	<-done
	if err != nil {
		return nil, err
	}
	if terr != nil {
		return nil, fmt.Errorf("parse: supertagger: %w", terr)
	}
	return p.WithSupertagger(t.WithSureMargin(SupertagSureMargin)), nil
}

// supertag fills sc's supertag buffer for words with p's supertagger, which
// reads the words' XPOS tags too, and returns it.
func (p *Parser) supertag(sc *scratch, words, xpos []string) []string {
	n := len(words)
	if cap(sc.st) < n {
		sc.st = make([]string, n, n+16)
		sc.stu = make([]string, n, n+16)
	}
	sc.st, sc.stu = sc.st[:n], sc.stu[:n]
	p.super.TagAux(words, xpos, sc.st, sc.stu)
	return sc.st
}

// auxTags returns xpos as the supertagger's auxiliary tags, n of them
// (empty when the sentence has none).
func auxTags(xpos []string, n int) []string {
	if len(xpos) >= n {
		return xpos[:n]
	}
	return append(append(make([]string, 0, n), xpos...), make([]string, n-len(xpos))...)
}

func loadEmbedded() (*Parser, error) {
	if len(embedded) == 0 || len(embeddedSupertagger) == 0 {
		return nil, ErrNoModel
	}
	return LoadWithSupertagger(bytes.NewReader(embedded), bytes.NewReader(embeddedSupertagger))
}
