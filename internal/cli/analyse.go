package cli

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"storyline"
	"storyline/internal/ingest"
	"storyline/internal/ner"
	"storyline/internal/pipeline"
	"storyline/internal/quote"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
	"storyline/internal/text"
	"storyline/internal/timeline"
	"storyline/internal/timex"
)

// analyser runs the per-report analysis stages: sentences and tokens,
// entity mentions, quotations with their speakers, temporal expressions.
// It is safe for concurrent use.
type analyser struct {
	tagger *ner.Tagger
	// Time spent in each stage, in nanoseconds, summed over workers.
	nsSplit, nsNER, nsQuote, nsTimex atomic.Int64
}

func newAnalyser() (*analyser, error) {
	t, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return &analyser{tagger: t}, nil
}

// Analyse implements pipeline.Analyser.
func (a *analyser) Analyse(ctx context.Context, r *storyline.Report) (*storyline.Analysis, error) {
	t0 := time.Now()
	sents := text.Split(r.Text)
	t1 := time.Now()
	out := &storyline.Analysis{Report: *r}
	out.Mentions = a.tagger.Mentions(r.Text, sents)
	t2 := time.Now()
	out.Quotes = quote.Extract(r.Text, sents, out.Mentions)
	t3 := time.Now()
	out.Timexes = timex.Extract(r.Text, pipeline.PublishedTime(r.Published))
	timeline.DateQuotes(out.Quotes, out.Timexes, sents)
	t4 := time.Now()
	a.nsSplit.Add(int64(t1.Sub(t0)))
	a.nsNER.Add(int64(t2.Sub(t1)))
	a.nsQuote.Add(int64(t3.Sub(t2)))
	a.nsTimex.Add(int64(t4.Sub(t3)))
	return out, nil
}

// crossTimes is where the cross-report stage spent its time.
type crossTimes struct {
	Load, Resolve, Save time.Duration
}

// finishIngest runs the cross-report stages over everything stored and
// saves their results. fresh holds analyses the caller has just stored
// (pipeline.Config.OnAnalysis): they are used as they are instead of being
// read back.
func finishIngest(ctx context.Context, st *sqlite.Store, fresh ...*storyline.Analysis) (crossTimes, error) {
	r := resolveStored(ctx, st, nil, fresh)
	return saveResolved(ctx, st, r)
}

// resolved is the cross-report stage's result before it is saved.
type resolved struct {
	fresh      []*storyline.Analysis
	ids        []string // fresh's report ids when it ran
	cross      *store.Cross
	load, took time.Duration
	err        error
}

// resolveStored runs the cross-report stages over fresh and every other
// stored report, with the parts the run's workers prepared (prep, may be
// nil). It only reads the store.
func resolveStored(ctx context.Context, st *sqlite.Store, prep *pipeline.Prepared, fresh []*storyline.Analysis) resolved {
	t0 := time.Now()
	known := make(map[string]bool, len(fresh))
	for _, a := range fresh {
		known[a.Report.ID] = true
	}
	all := slices.Clone(fresh)
	if err := st.ReportsExcept(ctx, func(id string) bool { return known[id] }, func(a *storyline.Analysis) error {
		all = append(all, a)
		return nil
	}); err != nil {
		return resolved{err: fmt.Errorf("resolve: %w", err)}
	}
	t1 := time.Now()
	ids := make([]string, len(fresh))
	for i, a := range fresh {
		ids[i] = a.Report.ID
	}
	cross := pipeline.ResolvePrepared(all, newDeduper(), prep)
	return resolved{fresh: fresh, ids: ids, cross: cross, load: t1.Sub(t0), took: time.Since(t1)}
}

// saveResolved saves r.
func saveResolved(ctx context.Context, st *sqlite.Store, r resolved) (crossTimes, error) {
	if r.err != nil {
		return crossTimes{}, r.err
	}
	t0 := time.Now()
	if err := st.SaveCross(ctx, r.cross); err != nil {
		return crossTimes{}, fmt.Errorf("resolve: %w", err)
	}
	return crossTimes{Load: r.load, Resolve: r.took, Save: time.Since(t0)}, nil
}

// ingestAll runs the pipeline over src and then the cross-report stage,
// as storyline ingest and bench do: reports get provisional links before
// they are stored (pipeline.Linker), and the cross-report stage takes the
// run's analyses from memory. It starts as soon as the last report is
// linked, while the writer stores the last batches (pipeline.Config.
// OnLinked); if the run then stored other reports than those (one failed
// to store), it runs again on what was stored. tRun is the time of the
// pipeline run alone.
func ingestAll(ctx context.Context, st *sqlite.Store, src *ingest.Source, cfg pipeline.Config) (stats pipeline.Stats, tRun time.Duration, ct crossTimes, err error) {
	var kept collector
	cfg.OnAnalysis = kept.add
	cfg.Linker = pipeline.NewLinker()
	early := make(chan resolved, 1)
	started := false
	cfg.OnLinked = func(as []*storyline.Analysis) {
		started = true
		go func() { early <- resolveStored(ctx, st, cfg.Linker.Prepared(), as) }()
	}
	t0 := time.Now()
	stats, err = pipeline.Run(ctx, src, st, cfg)
	tRun = time.Since(t0)
	var r resolved
	if started { // set before Run returns: OnLinked runs before the writer ends
		r = <-early
	}
	if err != nil {
		return stats, tRun, ct, err
	}
	if !started || !sameAnalyses(r, kept.as) {
		r = resolveStored(ctx, st, cfg.Linker.Prepared(), kept.as)
	}
	ct, err = saveResolved(ctx, st, r)
	return stats, tRun, ct, err
}

// sameAnalyses reports whether r ran on the analyses stored, in any
// order, under the same report ids (storing a report that replaces
// another keeps the stored id).
func sameAnalyses(r resolved, stored []*storyline.Analysis) bool {
	if r.err != nil || len(r.fresh) != len(stored) {
		return false
	}
	in := make(map[*storyline.Analysis]bool, len(r.fresh))
	for i, a := range r.fresh {
		if a.Report.ID != r.ids[i] {
			return false
		}
		in[a] = true
	}
	for _, a := range stored {
		if !in[a] {
			return false
		}
	}
	return true
}

// collector keeps the analyses a run stored, for finishIngest.
type collector struct {
	mu sync.Mutex
	as []*storyline.Analysis
}

func (c *collector) add(a *storyline.Analysis) {
	c.mu.Lock()
	c.as = append(c.as, a)
	c.mu.Unlock()
}
