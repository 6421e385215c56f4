package watch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"storyline/internal/watch"
	"storyline/internal/watch/watchtest"
)

func TestMemState(t *testing.T) {
	watchtest.TestState(t, func(t *testing.T) watch.State { return watch.NewMemState() })
}

func TestFileState(t *testing.T) {
	watchtest.TestState(t, func(t *testing.T) watch.State {
		s, err := watch.OpenFileState(filepath.Join(t.TempDir(), "state.json"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestFileStatePersists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.json")
	s, err := watch.OpenFileState(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSeen(ctx, "https://a.example/f", "g1"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveFeedMeta(ctx, watch.FeedMeta{URL: "https://a.example/f", ETag: "e"}); err != nil {
		t.Fatal(err)
	}
	s2, err := watch.OpenFileState(path)
	if err != nil {
		t.Fatal(err)
	}
	if seen, _ := s2.Seen(ctx, "https://a.example/f", "g1"); !seen {
		t.Fatal("seen item lost on reopen")
	}
	if m, ok, _ := s2.FeedMeta(ctx, "https://a.example/f"); !ok || m.ETag != "e" {
		t.Fatalf("meta lost on reopen: %+v", m)
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("directory holds %d files, want only the state", len(entries))
	}
	// A corrupt file is an error, not an empty state.
	os.WriteFile(path, []byte("{not json"), 0o644)
	if _, err := watch.OpenFileState(path); err == nil {
		t.Fatal("corrupt state file opened")
	}
}

func TestSeenIsBounded(t *testing.T) {
	ctx := context.Background()
	s := watch.NewMemState()
	for i := range watch.MaxSeenPerFeed + 10 {
		s.MarkSeen(ctx, "https://a.example/f", fmt.Sprint(i))
	}
	if seen, _ := s.Seen(ctx, "https://a.example/f", "0"); seen {
		t.Fatal("oldest key kept beyond the bound")
	}
	if seen, _ := s.Seen(ctx, "https://a.example/f", fmt.Sprint(watch.MaxSeenPerFeed+9)); !seen {
		t.Fatal("newest key forgotten")
	}
}
