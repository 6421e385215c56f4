package server

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"storyline"
	"storyline/internal/ingest"
	"storyline/internal/langid"
	"storyline/internal/ner"
	"storyline/internal/pipeline"
	"storyline/internal/quote"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
	"storyline/internal/text"
	"storyline/internal/timex"
)

// testAnalyser runs the same per-report stages as "storyline ingest".
type testAnalyser struct{ tagger *ner.Tagger }

func (a *testAnalyser) Analyse(ctx context.Context, r *storyline.Report) (*storyline.Analysis, error) {
	sents := text.Split(r.Text)
	out := &storyline.Analysis{Report: *r}
	out.Mentions = a.tagger.Mentions(r.Text, sents)
	out.Quotes = quote.Extract(r.Text, sents, out.Mentions)
	out.Timexes = timex.Extract(r.Text, pipeline.PublishedTime(r.Published))
	return out, nil
}

// pipelineIngester ingests through the real pipeline and cross-report
// stage, as the serve command does.
type pipelineIngester struct {
	mu   sync.Mutex
	st   *sqlite.Store
	an   *testAnalyser
	lang *langid.Detector
}

func newPipelineIngester(t testing.TB, st *sqlite.Store) *pipelineIngester {
	t.Helper()
	tg, err := ner.Load()
	if err != nil {
		t.Fatalf("entity model: %v", err)
	}
	return &pipelineIngester{st: st, an: &testAnalyser{tagger: tg}, lang: langid.New()}
}

func (p *pipelineIngester) Ingest(ctx context.Context, body io.Reader, name string) (*IngestResult, error) {
	b, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	return p.run(ctx, &ingest.Source{Paths: []string{"-"}, Stdin: bytes.NewReader(b)})
}

func (p *pipelineIngester) run(ctx context.Context, src *ingest.Source) (*IngestResult, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	res := &IngestResult{}
	stats, err := pipeline.Run(ctx, src, p.st, pipeline.Config{
		Language: p.lang, Analyser: p.an,
		OnFailure: func(f *ingest.Failure) { res.Failures = append(res.Failures, Failure{f.Name, f.Err.Error()}) },
		OnStored:  func(r *storyline.Report, _ store.Outcome) { res.Reports = append(res.Reports, r.ID) },
	})
	if err != nil {
		return nil, err
	}
	res.Added, res.Replaced, res.Unchanged, res.Failed = stats.Added, stats.Replaced, stats.Unchanged, stats.Failed
	var all []*storyline.Analysis
	if err := p.st.Reports(ctx, func(a *storyline.Analysis) error { all = append(all, a); return nil }); err != nil {
		return nil, err
	}
	if err := p.st.SaveCross(ctx, pipeline.Resolve(all, nil)); err != nil {
		return nil, err
	}
	return res, nil
}

// examplesStore ingests examples/ into a new store.
func examplesStore(t testing.TB) (*sqlite.Store, *pipelineIngester) {
	t.Helper()
	dir := filepath.Join("..", "..", "examples")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("examples not found: %v", err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "examples.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ing := newPipelineIngester(t, st)
	res, err := ing.run(context.Background(), &ingest.Source{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added == 0 || res.Failed > 0 {
		t.Fatalf("ingest examples: %+v", res)
	}
	return st, ing
}
