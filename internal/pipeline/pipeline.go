// Package pipeline wires storyline's stages into one run: it reads
// documents from a source, cleans and analyses them on a pool of workers,
// and hands the results to the store through a single writer, with
// bounded channels between the stages for back-pressure. It is the only
// package that starts goroutines.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"storyline"
	"storyline/internal/ingest"
	"storyline/internal/store"
)

// Store is what a run needs of the store.
type Store interface {
	store.Writer
	store.Checker
}

// Analyser runs the per-report analysis stages on a cleaned report. It
// must be safe for concurrent use.
type Analyser interface {
	Analyse(ctx context.Context, r *storyline.Report) (*storyline.Analysis, error)
}

// Config configures a run.
type Config struct {
	// Workers is the number of analysis workers; 0 means one per CPU.
	Workers  int
	Language LanguageDetector
	Analyser Analyser
	// OnFailure is called (from one goroutine at a time) for every
	// document that could not be read, cleaned, analysed or stored.
	OnFailure func(f *ingest.Failure)
	// OnWarning is called for problems that did not stop a document.
	OnWarning func(msg string)
	// OnFile is called once per input file, after all its documents are
	// read.
	OnFile func(path string)
	// OnStored is called after each report is written, with the outcome.
	OnStored func(r *storyline.Report, o store.Outcome)
	// Linker, when set, gives each new report provisional cross-report
	// links before it is stored (see Linker).
	Linker *Linker
	// OnAnalysis, when set, is called after each report that was added
	// or replaced is written, with its analysis as stored, so that the
	// cross-report stage need not read it back.
	OnAnalysis func(a *storyline.Analysis)
	// OnLinked, when set with Linker, is called once, after the run's
	// last report is linked, with the analyses of every report linked
	// (those the writer is to store), in the order they were linked. The
	// writer may still be storing them: they must only be read. It is
	// not called when the run ends early. With a store that is not a
	// Normalizer it is never called.
	OnLinked func(as []*storyline.Analysis)
}

// Normalizer is a store that can put an analysis in the form it stores
// it in beforehand, so that storing it only reads it (see
// Config.OnLinked).
type Normalizer interface {
	Normalize(a *storyline.Analysis)
}

// Stats counts what a run did and where its time went. Stage times are
// summed over workers (CPU-ish time, not wall time).
type Stats struct {
	Added, Replaced, Unchanged, Failed int
	// Bytes is the size of the documents read (HTML or text as given).
	Bytes int64
	// Prepare is the time spent extracting and cleaning text, Analyse the
	// per-report analysis, Store the writes.
	Prepare, Analyse, Store time.Duration
}

type result struct {
	bytes            int64
	prepare, analyse time.Duration
	key              string
	a                *storyline.Analysis
	skip             bool // stored already with the same content
	fail             *ingest.Failure
	warn             string
}

// Run reads everything src yields and stores it. It returns when src is
// exhausted or ctx ends; what was stored before ctx ended stays stored.
func Run(ctx context.Context, src *ingest.Source, st Store, cfg Config) (Stats, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	normalizer, _ := st.(Normalizer)
	if normalizer == nil {
		cfg.OnLinked = nil
	}
	items := make(chan ingest.Item, 2*workers)
	// The buffer after the workers holds a batch: the workers go on while
	// the writer stores the previous one, and stop (back-pressure) only
	// when a whole batch waits.
	analysed := make(chan result, maxBatch)
	var srcErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(items)
		srcErr = src.Run(ctx, items, cfg.OnFile)
	}()
	var workWG sync.WaitGroup
	for range workers {
		workWG.Add(1)
		go func() {
			defer workWG.Done()
			for it := range items {
				res := process(ctx, it, st, cfg)
				if cfg.Linker != nil && res.fail == nil && res.a != nil && !res.skip {
					if normalizer != nil {
						normalizer.Normalize(res.a)
					}
					cfg.Linker.prep.add(res.a)
				}
				select {
				case analysed <- res:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		workWG.Wait()
		close(analysed)
	}()
	results := analysed
	if cfg.Linker != nil {
		// One goroutine links the reports in the order they come, off
		// the writer's path.
		linked := make(chan result, maxBatch)
		go func() {
			defer close(linked)
			var all []*storyline.Analysis
			for res := range analysed {
				if res.fail == nil && res.a != nil && !res.skip {
					cfg.Linker.Link(res.a)
					if cfg.OnLinked != nil {
						all = append(all, res.a)
					}
				}
				linked <- res
			}
			if cfg.OnLinked != nil && ctx.Err() == nil {
				cfg.OnLinked(all)
			}
		}()
		results = linked
	}

	var stats Stats
	var storeErr error
	// The writer takes what the workers have finished, up to maxBatch
	// reports, and stores them in one transaction when the store can.
	batch := make([]result, 0, maxBatch)
	flush := func() {
		if len(batch) == 0 || storeErr != nil {
			batch = batch[:0]
			return
		}
		t0 := time.Now()
		outs, err := putBatch(ctx, st, batch)
		stats.Store += time.Since(t0)
		for i, res := range batch {
			if err != nil {
				if ctx.Err() != nil {
					storeErr = ctx.Err()
					break
				}
				stats.Failed++
				if cfg.OnFailure != nil {
					cfg.OnFailure(&ingest.Failure{Name: res.a.Report.Origin, Err: fmt.Errorf("store: %w", err)})
				}
				continue
			}
			switch outs[i] {
			case store.Added:
				stats.Added++
			case store.Replaced:
				stats.Replaced++
			default:
				stats.Unchanged++
			}
			if cfg.OnStored != nil {
				cfg.OnStored(&res.a.Report, outs[i])
			}
			if cfg.OnAnalysis != nil && outs[i] != store.Unchanged {
				cfg.OnAnalysis(res.a)
			}
		}
		batch = batch[:0]
	}
	handle := func(res result) {
		stats.Bytes += res.bytes
		stats.Prepare += res.prepare
		stats.Analyse += res.analyse
		if res.warn != "" && cfg.OnWarning != nil {
			cfg.OnWarning(res.warn)
		}
		switch {
		case res.fail != nil:
			stats.Failed++
			if cfg.OnFailure != nil {
				cfg.OnFailure(res.fail)
			}
		case res.a == nil:
		case res.skip:
			stats.Unchanged++
			if cfg.OnStored != nil {
				cfg.OnStored(&res.a.Report, store.Unchanged)
			}
		default:
			batch = append(batch, res)
		}
	}
	for res := range results {
		handle(res)
		// Wait a little for more: every transaction costs a commit and a
		// flush of the search index, whose small segments SQLite then
		// merges again.
		linger := time.NewTimer(maxLinger)
	drain:
		for len(batch) < maxBatch {
			select {
			case more, ok := <-results:
				if !ok {
					break drain
				}
				handle(more)
			case <-linger.C:
				break drain
			}
		}
		linger.Stop()
		flush()
		if storeErr != nil {
			break
		}
	}
	flush()
	cancel()
	for range results {
	}
	wg.Wait()
	if storeErr != nil {
		return stats, storeErr
	}
	if srcErr != nil && !errors.Is(srcErr, context.Canceled) {
		return stats, srcErr
	}
	return stats, parent.Err()
}

// maxBatch is the most reports stored in one transaction, and maxLinger
// the longest the writer waits for a batch to fill.
const (
	maxBatch  = 128
	maxLinger = 100 * time.Millisecond
)

// putBatch stores a batch in one transaction when the store can, else
// one report at a time.
func putBatch(ctx context.Context, st Store, batch []result) ([]store.Outcome, error) {
	if bw, ok := st.(store.BatchWriter); ok {
		keys := make([]string, len(batch))
		as := make([]*storyline.Analysis, len(batch))
		for i, r := range batch {
			keys[i], as[i] = r.key, r.a
		}
		return bw.PutBatch(ctx, keys, as)
	}
	outs := make([]store.Outcome, len(batch))
	for i, r := range batch {
		o, err := st.Put(ctx, r.key, r.a)
		if err != nil {
			return nil, err
		}
		outs[i] = o
	}
	return outs, nil
}

func process(ctx context.Context, it ingest.Item, st Store, cfg Config) result {
	if it.Fail != nil || it.Doc == nil {
		return result{fail: it.Fail, warn: it.Warning}
	}
	doc := it.Doc
	res := result{bytes: int64(len(doc.Content)), warn: it.Warning}
	fail := func(err error) result {
		res.fail = &ingest.Failure{Name: doc.Name, Err: err}
		return res
	}
	t0 := time.Now()
	r, key, err := Prepare(doc, cfg.Language)
	res.prepare = time.Since(t0)
	if err != nil {
		return fail(err)
	}
	has, err := st.Has(ctx, key, r.Hash)
	if err != nil {
		return fail(fmt.Errorf("store: %w", err))
	}
	res.key = key
	if has {
		res.a, res.skip = &storyline.Analysis{Report: *r}, true
		return res
	}
	res.a = &storyline.Analysis{Report: *r}
	if cfg.Analyser != nil {
		t0 := time.Now()
		res.a, err = cfg.Analyser.Analyse(ctx, r)
		res.analyse = time.Since(t0)
		if err != nil {
			return fail(fmt.Errorf("analyse: %w", err))
		}
	}
	return res
}

// One cleans, analyses and stores a single document, as Run does for each
// document of a source. It is safe for concurrent use when st is.
func One(ctx context.Context, doc *ingest.Doc, st Store, cfg Config) (*storyline.Report, store.Outcome, error) {
	res := process(ctx, ingest.Item{Doc: doc}, st, cfg)
	if res.fail != nil {
		return nil, 0, res.fail
	}
	if res.skip {
		return &res.a.Report, store.Unchanged, nil
	}
	out, err := st.Put(ctx, res.key, res.a)
	if err != nil {
		return nil, 0, &ingest.Failure{Name: doc.Name, Err: fmt.Errorf("store: %w", err)}
	}
	return &res.a.Report, out, nil
}
