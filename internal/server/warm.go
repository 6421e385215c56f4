package server

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"time"

	"storyline/internal/store/sqlite"
)

// warmer builds the pages and JSON of the most recent stories ahead of
// readers, in the background, each time the store settles after a
// change: a story page costs milliseconds to build and a fraction of one
// to send from the cache, so without this the first reader of every
// story after a start or a write pays for it.
//
// It runs only when requests come (each one nudges it), waits until the
// store has not changed for quiet, and stops at the next change, so an
// ingest in progress is not chased. After the stories it has the reader
// read ahead what searches for the store's common words need
// (searchPass). Its builds are the same builds a
// reader would make, and it makes them only while no reader's request is
// being worked on (Config.MaxActive): readers never queue behind it, so
// a freshly started server under load answers its readers first and
// builds the rest when they leave it time.
type warmer struct {
	s      *Server
	n      int
	quiet  time.Duration
	nudge  chan struct{}
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	mu     sync.Mutex
	warmed int64 // the generation last warmed in full
	has    bool
	// onWarm, when set (tests, benchmarks; under mu), is called after
	// each full pass with the generation and the number of stories.
	onWarm func(gen int64, stories int)
}

// warmQuiet is how long the store must stay unchanged before a warm
// pass begins.
var warmQuiet = time.Second

func newWarmer(s *Server, n int) *warmer {
	ctx, cancel := context.WithCancel(context.Background())
	w := &warmer{s: s, n: n, quiet: warmQuiet, nudge: make(chan struct{}, 1), ctx: ctx, cancel: cancel, done: make(chan struct{})}
	go w.run()
	return w
}

// poke tells the warmer a request came; it never blocks.
func (w *warmer) poke() {
	select {
	case w.nudge <- struct{}{}:
	default:
	}
}

func (w *warmer) stop() {
	w.cancel()
	<-w.done
}

func (w *warmer) run() {
	defer close(w.done)
	for {
		select {
		case <-w.ctx.Done():
			return
		case <-w.nudge:
		}
		gen, ok, err := w.s.rd.Generation(w.ctx)
		if err != nil || !ok {
			continue
		}
		w.mu.Lock()
		done := w.has && w.warmed == gen
		w.mu.Unlock()
		if done {
			continue
		}
		// Wait for the store to settle.
		select {
		case <-w.ctx.Done():
			return
		case <-time.After(w.quiet):
		}
		if g, _, err := w.s.rd.Generation(w.ctx); err != nil || g != gen {
			w.poke() // it moved: look again
			continue
		}
		if n, complete := w.pass(gen); complete && w.searchPass(gen) {
			w.mu.Lock()
			w.warmed, w.has = gen, true
			f := w.onWarm
			w.mu.Unlock()
			if f != nil {
				f(gen, n)
			}
		}
	}
}

// pass builds the answers of the n most recent stories while the store
// stays at generation gen, and tells how many stories it went through
// and whether it went through all it meant to.
func (w *warmer) pass(gen int64) (int, bool) {
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	p := sqlite.Page{Limit: 100}
	n := 0
	for n < w.n {
		sts, next, err := w.s.rd.Stories(ctx, p)
		if err != nil {
			return n, false
		}
		for _, st := range sts {
			if n == w.n {
				break
			}
			for _, path := range []string{"/stories/", "/api/v1/stories/"} {
				if !w.waitIdle(ctx) {
					return n, false
				}
				if g, _, err := w.s.rd.Generation(ctx); err != nil || g != gen {
					return n, false
				}
				req, err := http.NewRequestWithContext(ctx, "GET", "http://127.0.0.1"+path+url.PathEscape(st.ID), nil)
				if err != nil {
					continue
				}
				req.Header.Set("Accept-Encoding", "gzip")
				w.s.mux.ServeHTTP(discard{}, req)
			}
			n++
		}
		if next == "" {
			break
		}
		p.Cursor = next
	}
	return n, ctx.Err() == nil
}

// searchWarmer is a Reader that can read ahead what searches for the
// store's common words will need (sqlite.View.WarmSearch).
type searchWarmer interface {
	WarmSearch(ctx context.Context, next func(context.Context) bool) error
}

// searchPass has the reader read ahead for searches, on the same terms
// as the stories: only while no reader's request is being worked on,
// and while the store stays at generation gen. It tells whether it went
// through all of it.
func (w *warmer) searchPass(gen int64) bool {
	sw, ok := w.s.rd.(searchWarmer)
	if !ok {
		return true
	}
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	moved := false
	err := sw.WarmSearch(ctx, func(ctx context.Context) bool {
		if !w.waitIdle(ctx) {
			return false
		}
		if g, _, err := w.s.rd.Generation(ctx); err != nil || g != gen {
			moved = true
			return false
		}
		return true
	})
	return err == nil && !moved && ctx.Err() == nil
}

// warmYield is how long the warmer waits before it looks again whether
// the readers have left it time.
const warmYield = 5 * time.Millisecond

// waitIdle waits until no read request is being worked on, and tells
// whether it was so before ctx ended.
func (w *warmer) waitIdle(ctx context.Context) bool {
	for len(w.s.active) > 0 {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(warmYield):
		}
	}
	return ctx.Err() == nil
}

// discard is a ResponseWriter that keeps nothing.
type discard struct{}

func (discard) Header() http.Header         { return http.Header{} }
func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) WriteHeader(int)             {}

// setOnWarm sets the function called after each full pass.
func (w *warmer) setOnWarm(f func(gen int64, stories int)) {
	w.mu.Lock()
	w.onWarm = f
	w.mu.Unlock()
}
