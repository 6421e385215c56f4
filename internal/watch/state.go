package watch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// FeedMeta is what the poller remembers about one feed between polls.
type FeedMeta struct {
	URL string `json:"url"`
	// ETag and LastModified are the validators of the last feed document
	// whose items were all handled; they make the next poll conditional.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// NextPoll is when the feed is due again (zero: now).
	NextPoll    time.Time `json:"next_poll"`
	LastPoll    time.Time `json:"last_poll"`
	LastSuccess time.Time `json:"last_success"`
	// Failures counts consecutive failed polls; it drives the backoff.
	Failures  int    `json:"failures,omitempty"`
	LastError string `json:"last_error,omitempty"`
	Title     string `json:"title,omitempty"`
}

// State is the poller's memory: which items of each feed were handed to
// the Sink, and each feed's FeedMeta. Implementations must be safe for
// concurrent use and must make each call durable (or fail) before
// returning, so that a crash between two calls leaves a consistent state.
// watchtest.TestState is the conformance suite every implementation
// passes.
type State interface {
	// Seen tells whether guid of feedURL was marked seen.
	Seen(ctx context.Context, feedURL, guid string) (bool, error)
	// MarkSeen records that guid of feedURL was handled.
	MarkSeen(ctx context.Context, feedURL, guid string) error
	// FeedMeta returns the stored meta of feedURL; ok is false when the
	// feed was never saved.
	FeedMeta(ctx context.Context, feedURL string) (meta FeedMeta, ok bool, err error)
	// SaveFeedMeta stores m under m.URL, replacing what was there.
	SaveFeedMeta(ctx context.Context, m FeedMeta) error
}

// MaxSeenPerFeed bounds how many item keys a state keeps per feed; the
// oldest are forgotten first. Feeds list their latest 10 to 100 items, so
// a forgotten key belongs to an item long gone from its feed.
const MaxSeenPerFeed = 10000

// MemState is a State held in memory (tests, --once runs).
type MemState struct {
	mu    sync.Mutex
	feeds map[string]*feedState
	clock int64
}

type feedState struct {
	Meta    FeedMeta         `json:"meta"`
	HasMeta bool             `json:"has_meta"`
	Seen    map[string]int64 `json:"seen"` // guid -> order in which it was marked
}

// NewMemState returns an empty MemState.
func NewMemState() *MemState { return &MemState{feeds: map[string]*feedState{}} }

func (s *MemState) feed(url string) *feedState {
	f := s.feeds[url]
	if f == nil {
		f = &feedState{Meta: FeedMeta{URL: url}, Seen: map[string]int64{}}
		s.feeds[url] = f
	}
	return f
}

// Seen implements State.
func (s *MemState) Seen(ctx context.Context, feedURL, guid string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.feeds[feedURL]
	if f == nil {
		return false, nil
	}
	_, ok := f.Seen[guid]
	return ok, nil
}

// MarkSeen implements State.
func (s *MemState) MarkSeen(ctx context.Context, feedURL, guid string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.markSeen(feedURL, guid)
	return nil
}

func (s *MemState) markSeen(feedURL, guid string) {
	f := s.feed(feedURL)
	if _, ok := f.Seen[guid]; ok {
		return
	}
	s.clock++
	f.Seen[guid] = s.clock
	if len(f.Seen) > MaxSeenPerFeed {
		type kv struct {
			k string
			v int64
		}
		all := make([]kv, 0, len(f.Seen))
		for k, v := range f.Seen {
			all = append(all, kv{k, v})
		}
		sort.Slice(all, func(i, j int) bool { return all[i].v < all[j].v })
		for _, e := range all[:len(all)-MaxSeenPerFeed] {
			delete(f.Seen, e.k)
		}
	}
}

// FeedMeta implements State.
func (s *MemState) FeedMeta(ctx context.Context, feedURL string) (FeedMeta, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.feeds[feedURL]
	if f == nil || !f.HasMeta {
		return FeedMeta{URL: feedURL}, false, nil
	}
	return f.Meta, true, nil
}

// SaveFeedMeta implements State.
func (s *MemState) SaveFeedMeta(ctx context.Context, m FeedMeta) error {
	if m.URL == "" {
		return errors.New("watch state: feed meta without URL")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.feed(m.URL)
	f.Meta, f.HasMeta = m, true
	return nil
}

// FileState is a State kept in one JSON file, rewritten atomically (write
// to a temporary file, sync, rename) on every change. It suits a few
// hundred feeds; the SQLite store will replace it. One process at a time
// may use a file.
type FileState struct {
	mem  *MemState
	path string
	mu   sync.Mutex // serialises writes to path
}

type fileFormat struct {
	Version int                   `json:"version"`
	Clock   int64                 `json:"clock"`
	Feeds   map[string]*feedState `json:"feeds"`
}

// OpenFileState loads path (a missing file is an empty state).
func OpenFileState(path string) (*FileState, error) {
	s := &FileState{mem: NewMemState(), path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("watch state: %w", err)
	}
	var ff fileFormat
	if err := json.Unmarshal(data, &ff); err != nil {
		return nil, fmt.Errorf("watch state %s: %w", path, err)
	}
	if ff.Version != 1 {
		return nil, fmt.Errorf("watch state %s: unknown version %d", path, ff.Version)
	}
	for url, f := range ff.Feeds {
		if f == nil {
			continue
		}
		if f.Seen == nil {
			f.Seen = map[string]int64{}
		}
		f.Meta.URL = url
		s.mem.feeds[url] = f
	}
	s.mem.clock = ff.Clock
	return s, nil
}

// Path returns the file the state is kept in.
func (s *FileState) Path() string { return s.path }

// Seen implements State.
func (s *FileState) Seen(ctx context.Context, feedURL, guid string) (bool, error) {
	return s.mem.Seen(ctx, feedURL, guid)
}

// MarkSeen implements State.
func (s *FileState) MarkSeen(ctx context.Context, feedURL, guid string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mem.mu.Lock()
	s.mem.markSeen(feedURL, guid)
	data, err := s.encodeLocked()
	s.mem.mu.Unlock()
	if err != nil {
		return err
	}
	return s.write(data)
}

// FeedMeta implements State.
func (s *FileState) FeedMeta(ctx context.Context, feedURL string) (FeedMeta, bool, error) {
	return s.mem.FeedMeta(ctx, feedURL)
}

// SaveFeedMeta implements State.
func (s *FileState) SaveFeedMeta(ctx context.Context, m FeedMeta) error {
	if m.URL == "" {
		return errors.New("watch state: feed meta without URL")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mem.mu.Lock()
	f := s.mem.feed(m.URL)
	f.Meta, f.HasMeta = m, true
	data, err := s.encodeLocked()
	s.mem.mu.Unlock()
	if err != nil {
		return err
	}
	return s.write(data)
}

func (s *FileState) encodeLocked() ([]byte, error) {
	data, err := json.Marshal(fileFormat{Version: 1, Clock: s.mem.clock, Feeds: s.mem.feeds})
	if err != nil {
		return nil, fmt.Errorf("watch state: %w", err)
	}
	return data, nil
}

// write replaces the file with data atomically.
func (s *FileState) write(data []byte) error {
	dir := filepath.Dir(s.path)
	tmp, err := os.CreateTemp(dir, filepath.Base(s.path)+".tmp*")
	if err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("watch state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("watch state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		return fmt.Errorf("watch state: %w", err)
	}
	return nil
}
