// Package watchtest is the conformance suite every watch.State
// implementation passes (the in-memory one, the JSON file, and the
// store-backed one the lead adds).
package watchtest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"storyline/internal/watch"
)

// TestState runs the suite; open returns a new, empty State.
func TestState(t *testing.T, open func(t *testing.T) watch.State) {
	ctx := context.Background()
	const feedA, feedB = "https://a.example/feed", "https://b.example/rss"

	t.Run("seen", func(t *testing.T) {
		s := open(t)
		if seen, err := s.Seen(ctx, feedA, "g1"); err != nil || seen {
			t.Fatalf("Seen on empty state = %v, %v", seen, err)
		}
		for range 2 { // marking twice is harmless
			if err := s.MarkSeen(ctx, feedA, "g1"); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			feed, guid string
			want       bool
		}{{feedA, "g1", true}, {feedA, "g2", false}, {feedB, "g1", false}}
		for _, tt := range tests {
			if seen, err := s.Seen(ctx, tt.feed, tt.guid); err != nil || seen != tt.want {
				t.Fatalf("Seen(%s, %s) = %v, %v; want %v", tt.feed, tt.guid, seen, err, tt.want)
			}
		}
	})

	t.Run("meta", func(t *testing.T) {
		s := open(t)
		m, ok, err := s.FeedMeta(ctx, feedA)
		if err != nil || ok || m.URL != feedA {
			t.Fatalf("FeedMeta on empty state = %+v, %v, %v; want URL only, not found", m, ok, err)
		}
		// Marking an item seen does not invent meta.
		if err := s.MarkSeen(ctx, feedA, "g"); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.FeedMeta(ctx, feedA); ok {
			t.Fatal("FeedMeta found after MarkSeen only")
		}
		at := time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC)
		want := watch.FeedMeta{URL: feedA, ETag: `"x"`, LastModified: "Sat, 21 Nov 2026 10:00:00 GMT",
			NextPoll: at.Add(time.Hour), LastPoll: at, LastSuccess: at.Add(-time.Hour), Failures: 2, LastError: "boom", Title: "A"}
		if err := s.SaveFeedMeta(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.FeedMeta(ctx, feedA)
		if err != nil || !ok || !sameMeta(got, want) {
			t.Fatalf("FeedMeta = %+v, %v, %v; want %+v", got, ok, err, want)
		}
		want.Failures = 0
		if err := s.SaveFeedMeta(ctx, want); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := s.FeedMeta(ctx, feedA); !sameMeta(got, want) {
			t.Fatalf("after replace FeedMeta = %+v, want %+v", got, want)
		}
		if _, ok, _ := s.FeedMeta(ctx, feedB); ok {
			t.Fatal("meta leaked to another feed")
		}
		if err := s.SaveFeedMeta(ctx, watch.FeedMeta{}); err == nil {
			t.Fatal("SaveFeedMeta without URL succeeded")
		}
	})

	t.Run("concurrent", func(t *testing.T) {
		s := open(t)
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Go(func() {
				for i := range 20 {
					if err := s.MarkSeen(ctx, feedA, fmt.Sprintf("w%d-%d", w, i)); err != nil {
						t.Error(err)
					}
					if err := s.SaveFeedMeta(ctx, watch.FeedMeta{URL: feedB, Failures: i}); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		for w := range 8 {
			for i := range 20 {
				if seen, err := s.Seen(ctx, feedA, fmt.Sprintf("w%d-%d", w, i)); !seen || err != nil {
					t.Fatalf("w%d-%d not seen (%v)", w, i, err)
				}
			}
		}
	})
}

func sameMeta(a, b watch.FeedMeta) bool {
	return a.URL == b.URL && a.ETag == b.ETag && a.LastModified == b.LastModified &&
		a.NextPoll.Equal(b.NextPoll) && a.LastPoll.Equal(b.LastPoll) && a.LastSuccess.Equal(b.LastSuccess) &&
		a.Failures == b.Failures && a.LastError == b.LastError && a.Title == b.Title
}
