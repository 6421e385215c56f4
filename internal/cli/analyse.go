package cli

import (
	"context"

	"storyline"
	"storyline/internal/store/sqlite"
)

// analyser runs the per-report analysis stages that have landed.
type analyser struct{}

func newAnalyser() (*analyser, error) { return &analyser{}, nil }

func (a *analyser) Analyse(ctx context.Context, r *storyline.Report) (*storyline.Analysis, error) {
	return &storyline.Analysis{Report: *r}, nil
}

// finishIngest runs the cross-report stages after an ingest.
func finishIngest(ctx context.Context, st *sqlite.Store) error { return nil }
