package cli

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"storyline/internal/ingest"
	"storyline/internal/pipeline"
	"storyline/internal/store/sqlite"
	"storyline/internal/watch"
)

// storeSink runs each article a watch delivers through the ingest
// pipeline into the store, prints its line, and reruns the cross-report
// stage at most once a minute while articles keep coming (and once at the
// end). Storing is idempotent on the article URL, which makes the
// poller's at-least-once delivery safe.
type storeSink struct {
	print *printSink
	st    *sqlite.Store
	cfg   pipeline.Config
	log   *slog.Logger

	mu       sync.Mutex
	dirty    bool
	resolved time.Time
}

func (s *storeSink) Article(ctx context.Context, a watch.Article) error {
	url := a.FinalURL
	if url == "" {
		url = a.Link
	}
	doc := &ingest.Doc{Origin: a.FeedURL, Name: url, Format: ingest.HTML, Content: string(a.HTML), URL: url, Title: a.Title}
	if !a.Published.IsZero() {
		doc.Published = a.Published.UTC().Format(time.RFC3339)
	}
	if _, _, err := pipeline.One(ctx, doc, s.st, s.cfg); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// An article whose page has no text is logged, not retried forever.
		s.log.Warn("skipped article", "url", url, "err", err)
		return s.print.Article(ctx, a)
	}
	s.mu.Lock()
	s.dirty = true
	s.mu.Unlock()
	if err := s.resolve(ctx, false); err != nil {
		s.log.Error("resolve", "err", err)
	}
	return s.print.Article(ctx, a)
}

// resolve reruns the cross-report stage when something was stored since
// the last run and, unless force, a minute has passed.
func (s *storeSink) resolve(ctx context.Context, force bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty || (!force && time.Since(s.resolved) < time.Minute) {
		return nil
	}
	if _, err := finishIngest(ctx, s.st); err != nil {
		return err
	}
	s.dirty, s.resolved = false, time.Now()
	return nil
}
