// Package storetest is the conformance suite every storyline store must
// pass: call Run from the backend's tests with a function that opens a
// fresh, empty store.
package storetest

import (
	"context"
	"testing"

	"storyline"
	"storyline/internal/store"
)

// Store is what the suite exercises.
type Store interface {
	store.Writer
	store.Reader
	store.Checker
	store.CrossWriter
	store.CrossReader
}

func analysis(id, origin, text, hash string) *storyline.Analysis {
	return &storyline.Analysis{
		Report:   storyline.Report{ID: id, Origin: origin, Title: "T " + origin, Text: text, Hash: hash, Language: "en", Published: "2026-03-04"},
		Mentions: []storyline.Mention{{Span: storyline.Span{Start: 0, End: 5}, Surface: text[:5], Kind: storyline.Person}},
		Quotes: []storyline.Quote{{Span: storyline.Span{Start: 6, End: 10}, Text: text[6:10], Kind: storyline.Direct,
			SpeakerSpan: &storyline.Span{Start: 0, End: 5}, SpeakerText: text[:5], Cue: "said"}},
		Timexes: []storyline.Timex{{Span: storyline.Span{Start: 11, End: 17}, Text: text[11:17], Type: storyline.Date, Value: "2026-03-04"}},
	}
}

// Run runs the suite. open must return a new empty store each call.
func Run(t *testing.T, open func(t *testing.T) Store) {
	ctx := context.Background()
	t.Run("PutAndRead", func(t *testing.T) {
		s := open(t)
		a := analysis("r1", "a.txt", "Smith said this Friday.", "h1")
		out, err := s.Put(ctx, "file:a.txt", a)
		if err != nil || out != store.Added {
			t.Fatalf("Put = %v, %v; want added", out, err)
		}
		got, err := s.Report(ctx, "r1")
		if err != nil {
			t.Fatal(err)
		}
		if got.Report.Text != a.Report.Text || got.Report.Published != "2026-03-04" || got.Report.Title != "T a.txt" {
			t.Errorf("report read back %+v", got.Report)
		}
		if len(got.Mentions) != 1 || len(got.Quotes) != 1 || len(got.Timexes) != 1 {
			t.Fatalf("annotations read back: %d mentions, %d quotes, %d timexes", len(got.Mentions), len(got.Quotes), len(got.Timexes))
		}
		if q := got.Quotes[0]; q.Report != "r1" || q.SpeakerSpan == nil || *q.SpeakerSpan != (storyline.Span{Start: 0, End: 5}) || q.Cue != "said" {
			t.Errorf("quote read back %+v", q)
		}
		if _, err := s.Report(ctx, "nope"); err != store.ErrNotFound {
			t.Errorf("missing report: %v, want ErrNotFound", err)
		}
	})
	t.Run("Idempotent", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, "file:a.txt", analysis("r1", "a.txt", "Smith said this Friday.", "h1")); err != nil {
			t.Fatal(err)
		}
		out, err := s.Put(ctx, "file:a.txt", analysis("r1", "a.txt", "Smith said this Friday.", "h1"))
		if err != nil || out != store.Unchanged {
			t.Fatalf("second Put = %v, %v; want unchanged", out, err)
		}
		if has, _ := s.Has(ctx, "file:a.txt", "h1"); !has {
			t.Error("Has = false for a stored report")
		}
		if has, _ := s.Has(ctx, "file:a.txt", "h2"); has {
			t.Error("Has = true for other content")
		}
		if n, _ := s.Count(ctx); n != 1 {
			t.Errorf("Count = %d, want 1", n)
		}
	})
	t.Run("ReplaceKeepsID", func(t *testing.T) {
		s := open(t)
		if _, err := s.Put(ctx, "url:x", analysis("r1", "a.txt", "Smith said this Friday.", "h1")); err != nil {
			t.Fatal(err)
		}
		b := analysis("r9", "a.txt", "Jones said that Monday.", "h2")
		b.Quotes = nil
		out, err := s.Put(ctx, "url:x", b)
		if err != nil || out != store.Replaced || b.Report.ID != "r1" {
			t.Fatalf("Put = %v, %v, id %s; want replaced, r1", out, err, b.Report.ID)
		}
		got, err := s.Report(ctx, "r1")
		if err != nil {
			t.Fatal(err)
		}
		if got.Report.Text != "Jones said that Monday." || len(got.Quotes) != 0 || len(got.Mentions) != 1 {
			t.Errorf("replaced report: %+v with %d quotes", got.Report, len(got.Quotes))
		}
	})
	t.Run("OrderIsStable", func(t *testing.T) {
		s := open(t)
		for _, o := range []string{"c.txt", "a.txt", "b.txt"} {
			if _, err := s.Put(ctx, "file:"+o, analysis("id-"+o, o, "Smith said this Friday.", "h-"+o)); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		if err := s.Reports(ctx, func(a *storyline.Analysis) error {
			got = append(got, a.Report.Origin)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0] != "a.txt" || got[1] != "b.txt" || got[2] != "c.txt" {
			t.Errorf("order %v", got)
		}
	})
	t.Run("Cross", func(t *testing.T) {
		s := open(t)
		for _, o := range []string{"a.txt", "b.txt"} {
			if _, err := s.Put(ctx, "file:"+o, analysis("id-"+o, o, "Smith said this Friday.", "h-"+o)); err != nil {
				t.Fatal(err)
			}
		}
		a, _ := s.Report(ctx, "id-b.txt")
		m := a.Mentions
		m[0].ActorID = "actor-1"
		q := a.Quotes
		q[0].Group, q[0].SpeakerID, q[0].Speaker = "g1", "actor-1", "John Smith"
		c := &store.Cross{
			Reports: map[string]store.CrossReport{"id-b.txt": {DuplicateOf: "id-a.txt", Mentions: m, Quotes: q}},
			Actors:  []storyline.Actor{{ID: "actor-1", Name: "John Smith", Kind: storyline.Person, Aliases: []string{"Smith"}}},
			Events:  []storyline.Event{{ID: "e1", Story: "s1", Title: "Smith speaks", Reports: []string{"id-a.txt", "id-b.txt"}}},
			Stories: []storyline.Story{{ID: "s1", Title: "Smith", Events: []string{"e1"}, Reports: []string{"id-a.txt", "id-b.txt"}}},
		}
		if err := s.SaveCross(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Report(ctx, "id-b.txt")
		if got.Report.DuplicateOf != "id-a.txt" || got.Mentions[0].ActorID != "actor-1" || got.Quotes[0].Group != "g1" || got.Quotes[0].Speaker != "John Smith" {
			t.Errorf("cross fields not saved: %+v %+v %+v", got.Report, got.Mentions[0], got.Quotes[0])
		}
		actors, _ := s.Actors(ctx)
		events, _ := s.Events(ctx)
		stories, _ := s.Stories(ctx)
		if len(actors) != 1 || actors[0].Name != "John Smith" || len(events) != 1 || len(events[0].Reports) != 2 || len(stories) != 1 {
			t.Errorf("cross records read back: %+v %+v %+v", actors, events, stories)
		}
		// Saving again replaces, never appends.
		c.Actors = nil
		if err := s.SaveCross(ctx, c); err != nil {
			t.Fatal(err)
		}
		if actors, _ := s.Actors(ctx); len(actors) != 0 {
			t.Errorf("%d actors after replacing with none", len(actors))
		}
	})
	t.Run("CancelledPutStoresNothing", func(t *testing.T) {
		s := open(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Put(cctx, "file:a.txt", analysis("r1", "a.txt", "Smith said this Friday.", "h1")); err == nil {
			t.Fatal("Put with a cancelled context succeeded")
		}
		if n, _ := s.Count(ctx); n != 0 {
			t.Errorf("Count = %d after a cancelled Put, want 0", n)
		}
	})
}
