package main

import (
	"flag"

	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// pipelineOptions are the flags that choose the annotation stages.
type pipelineOptions struct {
}

func (o *pipelineOptions) addFlags(fs *flag.FlagSet) {}

// buildPipeline assembles the annotation stages of herald run.
func buildPipeline(o pipelineOptions) (*pipeline.Pipeline, error) {
	stages := []pipeline.Stage{tokenize.New(), segment.New()}
	return pipeline.New(stages...)
}
