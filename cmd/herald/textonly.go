package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/eval"
	"github.com/herald-events/herald/nlp/phrase"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
	"github.com/herald-events/herald/ptb"
)

// textTrees returns a tree source that analyses each record's text with
// Herald's own stages, taking the whole text as one sentence as PETRARCH
// does, and derives the phrase tree from the dependency parse.
func textTrees() (eval.TreeSource, error) {
	stages, err := syntaxStages()
	if err != nil {
		return nil, err
	}
	// tokenize and segment come first; the record is one sentence.
	var after []pipeline.Stage
	for _, s := range stages {
		if s.Name() != "tokenize" && s.Name() != "segment" {
			after = append(after, s)
		}
	}
	p, err := pipeline.NewGiven(doc.LayerTokens|doc.LayerSentences, after...)
	if err != nil {
		return nil, err
	}
	return func(rec *eval.PetrarchRecord) (*ptb.Tree, error) {
		d := &doc.Doc{ID: rec.ID, Text: strings.Join(strings.Fields(rec.Text), " "), Date: rec.Date}
		d.Tokens = tokenize.Tokens(d.Text, nil)
		if len(d.Tokens) == 0 {
			return nil, fmt.Errorf("record %s: no words in <Text>", rec.ID)
		}
		d.Sents = []doc.Span{{Start: 0, End: int32(len(d.Tokens))}}
		d.Mark(doc.LayerTokens | doc.LayerSentences)
		if err := p.Process(context.Background(), d); err != nil {
			return nil, fmt.Errorf("record %s: %w", rec.ID, err)
		}
		t, _, err := phrase.TreeOf(d, 0)
		return t, err
	}, nil
}
