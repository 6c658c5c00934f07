package main

import (
	"flag"

	"github.com/herald-events/herald/extract/quote"
	"github.com/herald-events/herald/nlp/coref"
	"github.com/herald-events/herald/nlp/lemma"
	"github.com/herald-events/herald/nlp/ner"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// pipelineOptions are the flags that choose the annotation stages.
type pipelineOptions struct {
	noQuotes bool
}

func (o *pipelineOptions) addFlags(fs *flag.FlagSet) {
	fs.BoolVar(&o.noQuotes, "no-quotes", false, "do not extract quotations (nor resolve coreference)")
}

// buildPipeline assembles the annotation stages of herald run: tokens and
// sentences, tags, lemmas, dependencies, entities, coreference, quotations
// and events.
func buildPipeline(o pipelineOptions) (*pipeline.Pipeline, error) {
	tagger, err := tag.New()
	if err != nil {
		return nil, err
	}
	lemmatizer, err := lemma.New()
	if err != nil {
		return nil, err
	}
	recognizer, err := ner.New()
	if err != nil {
		return nil, err
	}
	stages := []pipeline.Stage{tokenize.New(), segment.New(), tagger.Stage(), lemmatizer.Stage(), recognizer.Stage()}
	if !o.noQuotes {
		stages = append(stages, coref.New(), quote.New())
	}
	return pipeline.New(stages...)
}
