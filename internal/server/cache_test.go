package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"storyline"
	"storyline/internal/store"
	"storyline/internal/store/sqlite"
)

// cachedServer serves the fixture through a View of its own, which can
// tell the store's generation, so answers are cached.
func cachedServer(t *testing.T, cfg Config) (*httptest.Server, *Server, *sqlite.Store) {
	t.Helper()
	st, path := fixture(t)
	view, err := sqlite.OpenView(context.Background(), path, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { view.Close() })
	cfg.Reader, cfg.Loopback = view, true
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, s, st
}

// getWith fetches url with the given Accept-Encoding (set by hand, so the
// client does not decompress) and returns the response and its raw body.
func getWith(t *testing.T, url, enc string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if enc != "" {
		req.Header.Set("Accept-Encoding", enc)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// TestCacheFollowsPut: cached answers (search, quotes, a story) are
// replaced as soon as a report is stored by another connection.
func TestCacheFollowsPut(t *testing.T) {
	ctx := context.Background()
	ts, s, st := cachedServer(t, Config{})
	urls := []string{"/api/v1/search?q=negotiate", "/search?q=negotiate", "/api/v1/quotes?actor=a1", "/api/v1/stories/s1"}
	for _, u := range urls {
		for range 2 {
			if resp, body := get(t, ts.URL+u); resp.StatusCode != 200 || !strings.Contains(body, "negotiate") {
				t.Fatalf("%s: %d %s", u, resp.StatusCode, body)
			}
		}
	}
	if n := s.cache.len(); n != len(urls) {
		t.Errorf("cache holds %d answers, want %d", n, len(urls))
	}
	text := "Talks resume\n\nMira Holt said \"we will negotiate in Castelmar\" on Friday."
	q := "we will negotiate in Castelmar"
	i := strings.Index(text, q)
	a := &storyline.Analysis{Report: storyline.Report{ID: "r9", Origin: "2026-03-27_c.txt", Source: "Harbour Post", Title: "Talks resume",
		Published: "2026-03-27", Language: "en", Text: text, Hash: "h9"},
		Quotes: []storyline.Quote{{Span: storyline.Span{Start: i, End: i + len(q)}, Text: q, Kind: storyline.Direct, SpeakerText: "Mira Holt", Speaker: "Mira Holt", SpeakerID: "a1"}}}
	if _, err := st.Put(ctx, "file:"+a.Report.Origin, a); err != nil {
		t.Fatal(err)
	}
	for _, u := range urls[:3] {
		if _, body := get(t, ts.URL+u); !strings.Contains(body, "Castelmar") {
			t.Errorf("%s after the write lacks the new report: %s", u, body)
		}
	}
}

// TestCacheEncoding: a cached answer goes gzip-compressed to a client
// that accepts it, plain to one that does not, the same either way; and
// errors are not kept.
func TestCacheEncoding(t *testing.T) {
	ts, s, _ := cachedServer(t, Config{})
	// Tiny answers are kept as they are.
	for range 2 {
		if resp, _ := getWith(t, ts.URL+"/api/v1/quotes?actor=nobody", "gzip"); resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "" {
			t.Fatalf("tiny answer: %d %v", resp.StatusCode, resp.Header)
		}
	}
	s.cache.compressFrom = 0 // some of the fixture's answers are tiny
	for _, u := range []string{"/stories/s1", "/api/v1/stories/s1/timeline", "/api/v1/search?q=tanker&kind=report"} {
		t.Run(u, func(t *testing.T) {
			_, plain := getWith(t, ts.URL+u, "")  // builds and keeps it
			_, plain2 := getWith(t, ts.URL+u, "") // from the cache
			resp, gz := getWith(t, ts.URL+u, "br, gzip;q=0.8")
			if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
				t.Fatalf("headers %v", resp.Header)
			}
			if resp.Header.Get("Content-Security-Policy") == "" {
				t.Errorf("a cached answer lacks the Content-Security-Policy")
			}
			zr, err := gzip.NewReader(bytes.NewReader(gz))
			if err != nil {
				t.Fatal(err)
			}
			unz, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(plain, plain2) || !bytes.Equal(plain, unz) {
				t.Errorf("answers differ:\n%s\n%s\n%s", plain, plain2, unz)
			}
			resp, _ = getWith(t, ts.URL+u, "gzip;q=0")
			if resp.Header.Get("Content-Encoding") != "" {
				t.Errorf("gzip;q=0 got Content-Encoding %q", resp.Header.Get("Content-Encoding"))
			}
		})
	}
	n := s.cache.len()
	for _, u := range []string{"/stories/nope", "/api/v1/search?q=tanker&kind=nope", "/api/v1/stories/nope"} {
		if resp, _ := getWith(t, ts.URL+u, "gzip"); resp.StatusCode == 200 || resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: %d %v", u, resp.StatusCode, resp.Header)
		}
	}
	if s.cache.len() != n {
		t.Errorf("errors were kept: %d answers, want %d", s.cache.len(), n)
	}
}

// TestCacheConcurrent: many clients asking at once for an answer not yet
// built all get it whole (run with -race).
func TestCacheConcurrent(t *testing.T) {
	ts, _, _ := cachedServer(t, Config{})
	_, want := get(t, ts.URL+"/api/v1/stories/s2")
	ts2, _, _ := cachedServer(t, Config{})
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if _, body := get(t, ts2.URL+"/api/v1/stories/s2"); body != want {
				t.Errorf("got %q, want %q", body, want)
			}
		})
	}
	wg.Wait()
}

func TestAnswerCacheEvicts(t *testing.T) {
	c := newAnswerCache(100)
	for i, key := range []string{"a", "b", "c"} {
		_, _, mine := c.get(1, key)
		c.finish(1, key, mine, &cachedAnswer{key: key, gz: make([]byte, 40)}, nil)
		if i == 1 {
			c.get(1, "a") // a is now used more recently than b
		}
	}
	if a, _, _ := c.get(1, "a"); a == nil {
		t.Error("a was evicted, though used more recently than b")
	}
	if b, _, mine := c.get(1, "b"); b != nil || mine == nil {
		t.Error("b was kept beyond the bound")
	}
	if a, _, _ := c.get(2, "a"); a != nil {
		t.Error("a new generation still has old answers")
	}
}

// TestWarm: with Config.Warm, the stories' answers are built once the
// store settles, again after a write, and Close stops the warmer.
func TestWarm(t *testing.T) {
	ctx := context.Background()
	st, view := warmFixture(t)
	passes := make(chan int64, 8)
	s, err := New(Config{Reader: view, Loopback: true, Warm: 10})
	if err != nil {
		t.Fatal(err)
	}
	s.warm.setOnWarm(func(gen int64, n int) {
		if n == 2 {
			passes <- gen
		}
	})
	// The first pass may have ended before onWarm was set: wait for its
	// answers instead.
	for start := time.Now(); s.cache.len() < 4; time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("cache holds %d answers after the first pass, want 4", s.cache.len())
		}
	}
	// wait waits for a full pass over both stories at generation gen.
	wait := func(gen int64) {
		t.Helper()
		for {
			select {
			case g := <-passes:
				if g == gen {
					return
				}
			case <-time.After(10 * time.Second):
				t.Fatal("no warm pass")
			}
		}
	}
	stories, _ := st.Stories(ctx)
	events, _ := st.Events(ctx)
	actors, _ := st.Actors(ctx)
	stories[0].Title = "Renamed story"
	if err := st.SaveCross(ctx, &store.Cross{Stories: stories, Events: events, Actors: actors}); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	gen, _, err := view.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	get(t, ts.URL+"/api/v1/stories") // a request nudges the warmer
	wait(gen)
	if n := s.cache.len(); n != 4 {
		t.Fatalf("after the write the cache holds %d answers, want the 4 warmed", n)
	}
	if _, body := get(t, ts.URL+"/stories/s1"); !strings.Contains(body, "Renamed story") {
		t.Errorf("warmed page lacks the write: %s", body)
	}
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return")
	}
}

// TestCacheRepeat: a search's answer is kept from the second time it is
// asked for (most are asked once); a story's from the first; a change to
// the store forgets what was asked.
func TestCacheRepeat(t *testing.T) {
	ts, s, st := cachedServer(t, Config{})
	steps := []struct {
		name, url string
		want      int // answers kept after
	}{
		{"search once", "/search?q=negotiate", 0},
		{"search API once", "/api/v1/search?q=negotiate", 0},
		{"search twice", "/search?q=negotiate", 1},
		{"search thrice", "/search?q=negotiate", 1},
		{"story once", "/api/v1/stories/s1", 2},
		{"search API twice", "/api/v1/search?q=negotiate", 3},
		{"after a write, search once", "/search?q=negotiate", 0},
		{"after a write, search twice", "/search?q=negotiate", 1},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			if strings.HasPrefix(step.name, "after a write, search once") {
				if _, err := st.DB().Exec(`UPDATE reports SET url = url || '#' WHERE id = (SELECT min(id) FROM reports)`); err != nil {
					t.Fatal(err)
				}
			}
			if resp, body := get(t, ts.URL+step.url); resp.StatusCode != 200 || !strings.Contains(body, "negotiate") {
				t.Fatalf("%d %s", resp.StatusCode, body)
			}
			if n := s.cache.len(); n != step.want {
				t.Errorf("cache holds %d answers, want %d", n, step.want)
			}
		})
	}
}

// TestWarmYields: the warmer builds nothing while a reader's request is
// being worked on, and builds once the readers leave it time.
func TestWarmYields(t *testing.T) {
	_, view := warmFixture(t)
	s, err := New(Config{Reader: view, Loopback: true, Warm: 10, MaxActive: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.active <- struct{}{} // a reader's request, being worked on
	time.Sleep(20*warmQuiet + 10*warmYield)
	if n := s.cache.len(); n != 0 {
		t.Fatalf("the warmer built %d answers while a reader was served", n)
	}
	<-s.active
	for start := time.Now(); s.cache.len() < 4; time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("cache holds %d answers once the reader left, want 4", s.cache.len())
		}
	}
}

// warmCounter is a View that counts the warm passes for searches.
type warmCounter struct {
	*sqlite.View
	n chan struct{}
}

func (c warmCounter) WarmSearch(ctx context.Context, next func(context.Context) bool) error {
	defer func() { c.n <- struct{}{} }()
	return c.View.WarmSearch(ctx, next)
}

// TestWarmSearch: after the stories, the warmer has the reader read
// ahead for searches, on the same terms (a reader's request stops it).
func TestWarmSearch(t *testing.T) {
	_, view := warmFixture(t)
	c := warmCounter{view, make(chan struct{}, 8)}
	s, err := New(Config{Reader: c, Loopback: true, Warm: 10})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	select {
	case <-c.n:
	case <-time.After(10 * time.Second):
		t.Fatal("no warm pass for searches")
	}
	if s.cache.len() < 4 {
		t.Fatalf("searches warmed before the stories: %d answers cached", s.cache.len())
	}
}

// warmFixture is the fixture store and a View of it, with the warmer's
// quiet time cut to 20 ms for the test.
func warmFixture(t *testing.T) (*sqlite.Store, *sqlite.View) {
	t.Helper()
	old := warmQuiet
	warmQuiet = 20 * time.Millisecond
	t.Cleanup(func() { warmQuiet = old })
	st, path := fixture(t)
	view, err := sqlite.OpenView(context.Background(), path, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { view.Close() })
	return st, view
}
