// Package store declares the small role interfaces through which the rest
// of storyline keeps and reads its records, whatever the backend: the
// embedded SQLite file (store/sqlite) now, PostgreSQL later. Each backend
// passes the one conformance suite in store/storetest.
package store

import (
	"context"
	"errors"

	"storyline"
)

// Outcome tells what Put did.
type Outcome int

// The outcomes of Put.
const (
	// Unchanged: a report with the same key and content was stored already.
	Unchanged Outcome = iota
	// Added: the report is new.
	Added
	// Replaced: the key was stored with other content; the report and its
	// analysis were replaced, keeping its id.
	Replaced
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Replaced:
		return "replaced"
	}
	return "unchanged"
}

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

// Writer stores one report with its analysis, atomically: after a crash
// the report is there with all its analysis, or not at all.
type Writer interface {
	// Put stores a under key (the report's URL, or where it came from).
	// a.Report.ID is set to the stored id, which is kept when a report
	// is replaced.
	Put(ctx context.Context, key string, a *storyline.Analysis) (Outcome, error)
}

// BatchWriter stores several reports in one go, each all-or-nothing, for
// less overhead per report.
type BatchWriter interface {
	Writer
	PutBatch(ctx context.Context, keys []string, as []*storyline.Analysis) ([]Outcome, error)
}

// Checker answers, before any analysis is spent, whether a report is
// stored already with the same content.
type Checker interface {
	Has(ctx context.Context, key, hash string) (bool, error)
}

// Reader reads stored records. Iteration order is stable: reports by
// origin and key, annotations by report then offset.
type Reader interface {
	// Reports calls fn for every stored report with its analysis, in
	// order, until fn returns an error.
	Reports(ctx context.Context, fn func(a *storyline.Analysis) error) error
	// Report returns one report with its analysis.
	Report(ctx context.Context, id string) (*storyline.Analysis, error)
	// Count returns the number of stored reports.
	Count(ctx context.Context) (int, error)
}

// Cross is what the cross-report stages found over all stored reports:
// each report's duplicate link and its mentions and quotes with actor ids
// and quote groups filled in, and the actors, events and stories.
type Cross struct {
	// Reports holds, per report id, the report's cross-report fields.
	Reports map[string]CrossReport
	Actors  []storyline.Actor
	Events  []storyline.Event
	Stories []storyline.Story
}

// CrossReport is one report's share of Cross. Mentions and Quotes are
// the report's own, in stored order, with their cross-report fields set.
type CrossReport struct {
	DuplicateOf string
	Mentions    []storyline.Mention
	Quotes      []storyline.Quote
	// MentionRows and QuoteRows, when not nil, are the indexes of the
	// only mentions and quotes whose cross-report fields differ from what
	// is stored: a CrossWriter need not rewrite the others.
	MentionRows, QuoteRows []int
}

// MentionsToWrite returns the indexes of the mentions a CrossWriter must
// write: MentionRows, or every one when it is nil.
func (cr *CrossReport) MentionsToWrite() []int { return rowsOr(cr.MentionRows, len(cr.Mentions)) }

// QuotesToWrite is MentionsToWrite for quotes.
func (cr *CrossReport) QuotesToWrite() []int { return rowsOr(cr.QuoteRows, len(cr.Quotes)) }

func rowsOr(rows []int, n int) []int {
	if rows != nil {
		return rows
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	return all
}

// CrossWriter replaces the results of the cross-report stages, atomically.
type CrossWriter interface {
	SaveCross(ctx context.Context, c *Cross) error
}

// CrossReader reads the cross-report records.
type CrossReader interface {
	Actors(ctx context.Context) ([]storyline.Actor, error)
	Events(ctx context.Context) ([]storyline.Event, error)
	Stories(ctx context.Context) ([]storyline.Story, error)
}
