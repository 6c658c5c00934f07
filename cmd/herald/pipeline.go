package main

import (
	"flag"
	"io"
	"sync"
	"time"

	"github.com/herald-events/herald/dict"

	"github.com/herald-events/herald/doc"
	"github.com/herald-events/herald/extract/event"
	"github.com/herald-events/herald/extract/quote"
	"github.com/herald-events/herald/nlp/coref"
	"github.com/herald-events/herald/nlp/lemma"
	"github.com/herald-events/herald/nlp/ner"
	"github.com/herald-events/herald/nlp/parse"
	"github.com/herald-events/herald/nlp/phrase"
	"github.com/herald-events/herald/nlp/segment"
	"github.com/herald-events/herald/nlp/tag"
	"github.com/herald-events/herald/nlp/tokenize"
	"github.com/herald-events/herald/pipeline"
)

// pipelineOptions are the flags that choose the annotation stages.
type pipelineOptions struct {
	noQuotes bool
	noEvents bool
	dicts    dictOptions
	undated  time.Time // the date to code undated documents on
}

func (o *pipelineOptions) addFlags(fs *flag.FlagSet) {
	fs.BoolVar(&o.noQuotes, "no-quotes", false, "do not extract quotations (nor resolve coreference)")
	fs.BoolVar(&o.noEvents, "no-events", false, "do not code events")
	fs.StringVar(&o.dicts.dir, "dict", "", "add the TABARI/PETRARCH dictionaries of `DIR` to Herald's: its actor files are added, its verb, agent, discard and issue files replace Herald's")
	fs.BoolVar(&o.dicts.only, "dict-only", false, "use the dictionaries of --dict alone, without Herald's")
	fs.Func("date", "code documents without a date as published on `YYYY-MM-DD` (default: today), for dated actor codes", func(v string) error {
		t, err := time.Parse("2006-01-02", v)
		o.undated = t
		return err
	})
	o.undated = time.Now().UTC().Truncate(24 * time.Hour)
	fs.BoolVar(&o.dicts.lenient, "lenient", false, "skip malformed dictionary lines (listed on stderr) instead of failing")
}

// buildPipeline assembles the annotation stages of herald run: tokens and
// sentences, tags, lemmas, dependencies, entities, coreference, quotations
// and events. Dictionary warnings go to warn.
func buildPipeline(o pipelineOptions, warn io.Writer) (*pipeline.Pipeline, error) {
	preload(func() { _, _ = ner.New() })
	stages, err := syntaxStages()
	if err != nil {
		return nil, err
	}
	recognizer, err := ner.New()
	if err != nil {
		return nil, err
	}
	stages = append(stages, recognizer.Stage())
	var set *dict.Set
	if !o.noEvents || !o.noQuotes {
		if set, err = loadDicts(o.dicts, warn); err != nil {
			return nil, err
		}
	}
	if !o.noQuotes {
		stages = append(stages, coref.New(), quote.New(quote.WithActors(set.Actors)))
	}
	if !o.noEvents {
		coder := event.NewCoder(set, event.DefaultOptions())
		stages = append(stages, needing{event.New(coder, phrase.TreeOf).WithUndated(o.undated), doc.LayerTags | doc.LayerDeps})
	}
	return pipeline.New(stages...)
}

// preload decodes the embedded models of the syntax stages, and those of
// more, at the same time, one goroutine each: every New decodes its model
// once and shares it, so the calls that build the stages then return at
// once (with the same error, if any). On two cores, herald run on the
// repository's sample took 0.39-0.42 s instead of 0.45-0.56 s.
func preload(more ...func()) {
	loads := append([]func(){
		func() { _, _ = tag.New() },
		func() { _, _ = lemma.New() },
		func() { _, _ = parse.New() },
	}, more...)
	var wg sync.WaitGroup
	for _, load := range loads {
		wg.Go(load)
	}
	wg.Wait()
}

// syntaxStages returns the stages from raw text to a dependency parse:
// tokenize, segment, tag, lemma, parse.
func syntaxStages() ([]pipeline.Stage, error) {
	preload()
	tagger, err := tag.New()
	if err != nil {
		return nil, err
	}
	lemmatizer, err := lemma.New()
	if err != nil {
		return nil, err
	}
	parser, err := parse.New()
	if err != nil {
		return nil, err
	}
	return []pipeline.Stage{tokenize.New(), segment.New(), tagger.Stage(), lemmatizer.Stage(), parser.Stage()}, nil
}

// needing is a stage that needs more layers than it declares: the event
// stage gets its trees from the dependency parse.
type needing struct {
	pipeline.Stage
	extra doc.Layer
}

func (n needing) Requires() doc.Layer { return n.Stage.Requires() | n.extra }
