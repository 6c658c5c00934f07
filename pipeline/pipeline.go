// Package pipeline runs a sequence of stages over documents.
//
// A Stage reads the layers it Requires from a doc.Doc and adds the layers it
// Provides. New checks, when the pipeline is built, that every stage's
// requirements are provided by an earlier stage (or are declared as given by
// the input), and names the missing layer and stage otherwise.
//
// Errors are per document: when a stage fails on a Doc, the error is recorded
// in Doc.Errs, the stages that depend on what it provides are skipped for that
// Doc, and the batch goes on.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/herald-events/herald/doc"
)

// Stage is one step of annotation.
type Stage interface {
	Name() string
	Requires() doc.Layer
	Provides() doc.Layer
	Process(ctx context.Context, d *doc.Doc) error
}

// Pipeline is a checked sequence of stages. It is safe for concurrent use.
type Pipeline struct {
	stages []Stage
	given  doc.Layer
}

// New builds a pipeline from stages run in the given order, assuming the
// input documents carry no layer.
func New(stages ...Stage) (*Pipeline, error) { return NewGiven(0, stages...) }

// NewGiven builds a pipeline whose input documents already carry the layers
// of given (for example tokens read from CoNLL-U).
func NewGiven(given doc.Layer, stages ...Stage) (*Pipeline, error) {
	have := given
	for _, s := range stages {
		if missing := s.Requires() &^ have; missing != 0 {
			return nil, fmt.Errorf("pipeline: stage %q needs layer %s that no earlier stage provides; add a stage that provides it before %q", s.Name(), missing, s.Name())
		}
		have |= s.Provides()
	}
	return &Pipeline{stages: stages, given: given}, nil
}

// Stages returns the stages of p in order.
func (p *Pipeline) Stages() []Stage { return p.stages }

// Provides returns every layer a successful run fills.
func (p *Pipeline) Provides() doc.Layer {
	l := p.given
	for _, s := range p.stages {
		l |= s.Provides()
	}
	return l
}

// Process runs every stage on d. A stage whose requirements are missing
// because an earlier stage failed is skipped. The stage errors are recorded in
// d.Errs and the first one is returned; a cancelled context stops at once.
func (p *Pipeline) Process(ctx context.Context, d *doc.Doc) error {
	var first error
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := p.run(ctx, s, d); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// ProcessBatch runs every stage on each document of ds, stage by stage: the
// first stage on every document, then the second, and so on, so that one
// model at a time is in the processor's caches. Errors are recorded in each
// document's Errs as Process does; only a cancelled context is returned.
func (p *Pipeline) ProcessBatch(ctx context.Context, ds []*doc.Doc) error {
	for _, s := range p.stages {
		for _, d := range ds {
			if err := ctx.Err(); err != nil {
				return err
			}
			_ = p.run(ctx, s, d)
		}
	}
	return nil
}

// run runs stage s on d when d has what s requires, recording its error.
func (p *Pipeline) run(ctx context.Context, s Stage, d *doc.Doc) error {
	if !d.Has(s.Requires()) {
		return nil
	}
	if err := s.Process(ctx, d); err != nil {
		err = fmt.Errorf("%s: %w", s.Name(), err)
		d.Errs = append(d.Errs, err)
		d.Unmark(s.Provides())
		return err
	}
	return nil
}

// BatchSize is the most documents a worker of Run annotates together.
const BatchSize = 16

// Run processes the documents of in with workers goroutines (GOMAXPROCS
// when workers <= 0) and sends each processed document to out, in input
// order. A worker takes the documents that are ready, up to BatchSize, and
// annotates them with ProcessBatch. Run closes out when in is drained or ctx
// is cancelled. Per-document errors are left in Doc.Errs.
func (p *Pipeline) Run(ctx context.Context, workers int, in <-chan *doc.Doc, out chan<- *doc.Doc) {
	defer close(out)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type slot struct {
		ds   []*doc.Doc
		done chan struct{}
	}
	jobs := make(chan slot)
	order := make(chan slot, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				_ = p.ProcessBatch(ctx, s.ds)
				close(s.done)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for {
			var batch []*doc.Doc
			select {
			case d, ok := <-in:
				if !ok {
					return
				}
				batch = append(batch, d)
			case <-ctx.Done():
				return
			}
			// Add what is ready now, without waiting for more.
			open := true
			for open && len(batch) < BatchSize {
				select {
				case d, ok := <-in:
					if !ok {
						open = false
						break
					}
					batch = append(batch, d)
				default:
					open = false
				}
			}
			s := slot{ds: batch, done: make(chan struct{})}
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- s:
			case <-ctx.Done():
				close(s.done)
				return
			}
		}
	}()
	for s := range order {
		select {
		case <-s.done:
		case <-ctx.Done():
			wg.Wait()
			return
		}
		for _, d := range s.ds {
			select {
			case out <- d:
			case <-ctx.Done():
				wg.Wait()
				return
			}
		}
	}
	wg.Wait()
}
